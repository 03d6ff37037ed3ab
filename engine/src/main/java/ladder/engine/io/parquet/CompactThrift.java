package ladder.engine.io.parquet;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.format.AesGcmCtrV1;
import org.apache.parquet.format.AesGcmV1;
import org.apache.parquet.format.BoundingBox;
import org.apache.parquet.format.BsonType;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnCryptoMetaData;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.ColumnOrder;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DateType;
import org.apache.parquet.format.DecimalType;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.EdgeInterpolationAlgorithm;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.EncryptionAlgorithm;
import org.apache.parquet.format.EncryptionWithColumnKey;
import org.apache.parquet.format.EncryptionWithFooterKey;
import org.apache.parquet.format.EnumType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Float16Type;
import org.apache.parquet.format.GeographyType;
import org.apache.parquet.format.GeometryType;
import org.apache.parquet.format.GeospatialStatistics;
import org.apache.parquet.format.IndexPageHeader;
import org.apache.parquet.format.IntType;
import org.apache.parquet.format.JsonType;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.ListType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.MapType;
import org.apache.parquet.format.MicroSeconds;
import org.apache.parquet.format.MilliSeconds;
import org.apache.parquet.format.NanoSeconds;
import org.apache.parquet.format.NullType;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.SizeStatistics;
import org.apache.parquet.format.SortingColumn;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.StringType;
import org.apache.parquet.format.TimeType;
import org.apache.parquet.format.TimeUnit;
import org.apache.parquet.format.TimestampType;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.TypeDefinedOrder;
import org.apache.parquet.format.UUIDType;
import org.apache.parquet.format.VariantType;

/**
 * Reads Parquet's Thrift structures, a footer ({@link FileMetaData}) or a page header
 * ({@link PageHeader}), in Thrift's compact protocol, into parquet-format-structures' own
 * objects, field for field what that library's generated readers ({@code Util.readFileMetaData},
 * {@code Util.readPageHeader}) give: a field of an id no struct of this version has, or of the
 * wrong type, is passed over; an enum value it does not know is null (and left out of a list of
 * encodings); a union member it does not know leaves the union with no field set; a required
 * field missing refuses the bytes, as does a negative compressed page size.
 *
 * <p>Why by hand, where the library reads the same bytes: its generated readers go through
 * Thrift's protocol objects a field at a time, and a footer of 800 row groups of 15 columns
 * (a 100-million-row file) took about 0.25 s of a cold process to read and another half second
 * of the compiler's time on two cores; this reads it in a fraction of that, before any worker can
 * start. {@code CompactThriftTest} checks it equals the library's reading of footers and page
 * headers that DuckDB, Arrow and the library itself wrote, and that cut or corrupted bytes give
 * an {@link IOException}, never another exception.
 *
 * <p>The compact protocol (Thrift's {@code TCompactProtocol}): a field is a byte whose high
 * nibble is the difference from the previous field's id (or 0, the id following as a zigzag
 * varint) and whose low nibble its type; integers are zigzag varints, a double eight
 * little-endian bytes, binary a varint length and the bytes, a boolean field its value in the
 * type nibble; a list a byte of its size (15: a varint follows) and its elements' type.
 */
final class CompactThrift {
    private static final int STOP = 0;
    private static final int TRUE = 1;
    private static final int FALSE = 2;
    private static final int BYTE = 3;
    private static final int I16 = 4;
    private static final int I32 = 5;
    private static final int I64 = 6;
    private static final int DOUBLE = 7;
    private static final int BINARY = 8;
    private static final int LIST = 9;
    private static final int SET = 10;
    private static final int MAP = 11;
    private static final int STRUCT = 12;
    /** What {@link #field} returns at a struct's end. */
    private static final int END = Integer.MIN_VALUE;
    /** How deep unknown fields may nest before the bytes are refused (Thrift's skip has the same guard). */
    private static final int MAX_DEPTH = 64;

    private final ByteCursor in;
    /** The type of the field {@link #field} began. */
    private int type;

    private CompactThrift(byte[] bytes, int from, int to) {
        in = new ByteCursor(bytes, from, to);
    }

    /** The footer in {@code bytes[from..to)}, which must hold it exactly or with bytes to spare. */
    static FileMetaData fileMetaData(byte[] bytes, int from, int to) throws IOException {
        try {
            return new CompactThrift(bytes, from, to).fileMetaData();
        } catch (EOFException e) {
            throw cut(e);
        }
    }

    /** A page header read from {@code bytes[from..to)}, and where the bytes after it start. */
    record Header(PageHeader header, int end) {
    }

    /** The page header starting at {@code from}, read no further than {@code to}. */
    static Header pageHeader(byte[] bytes, int from, int to) throws IOException {
        CompactThrift thrift = new CompactThrift(bytes, from, to);
        try {
            PageHeader header = thrift.pageHeader();
            return new Header(header, thrift.in.position);
        } catch (EOFException e) {
            throw cut(e);
        }
    }

    private static IOException cut(EOFException e) {
        return new IOException("the bytes end inside a Thrift structure", e);
    }

    private FileMetaData fileMetaData() throws IOException {
        FileMetaData m = new FileMetaData();
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> { if (is(I32)) m.setVersion(i32()); }
                case 2 -> list(STRUCT, this::schemaElement, m::setSchema);
                case 3 -> { if (is(I64)) m.setNum_rows(i64()); }
                case 4 -> list(STRUCT, this::rowGroup, m::setRow_groups);
                case 5 -> list(STRUCT, this::keyValue, m::setKey_value_metadata);
                case 6 -> { if (is(BINARY)) m.setCreated_by(string()); }
                case 7 -> list(STRUCT, this::columnOrder, m::setColumn_orders);
                case 8 -> { if (is(STRUCT)) m.setEncryption_algorithm(encryptionAlgorithm()); }
                case 9 -> { if (is(BINARY)) m.setFooter_signing_key_metadata(binary()); }
                default -> skip(type, 0);
            }
        }
        require(m.isSetVersion(), "version", "FileMetaData");
        require(m.isSetSchema(), "schema", "FileMetaData");
        require(m.isSetNum_rows(), "num_rows", "FileMetaData");
        require(m.isSetRow_groups(), "row_groups", "FileMetaData");
        return m;
    }

    private SchemaElement schemaElement() throws IOException {
        SchemaElement e = new SchemaElement();
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> { if (is(I32)) e.setType(Type.findByValue(i32())); }
                case 2 -> { if (is(I32)) e.setType_length(i32()); }
                case 3 -> { if (is(I32)) e.setRepetition_type(FieldRepetitionType.findByValue(i32())); }
                case 4 -> { if (is(BINARY)) e.setName(string()); }
                case 5 -> { if (is(I32)) e.setNum_children(i32()); }
                case 6 -> { if (is(I32)) e.setConverted_type(ConvertedType.findByValue(i32())); }
                case 7 -> { if (is(I32)) e.setScale(i32()); }
                case 8 -> { if (is(I32)) e.setPrecision(i32()); }
                case 9 -> { if (is(I32)) e.setField_id(i32()); }
                case 10 -> { if (is(STRUCT)) e.setLogicalType(logicalType()); }
                default -> skip(type, 0);
            }
        }
        require(e.isSetName(), "name", "SchemaElement");
        return e;
    }

    /** A union: its one field read, then the struct's end; a member this version does not know leaves none set. */
    private LogicalType logicalType() throws IOException {
        LogicalType t = new LogicalType();
        int id = field(0);
        if (id == END) {
            return t;
        }
        if (type != STRUCT) {
            skip(type, 0);
        } else {
            switch (id) {
                case 1 -> { empty(); t.setSTRING(new StringType()); }
                case 2 -> { empty(); t.setMAP(new MapType()); }
                case 3 -> { empty(); t.setLIST(new ListType()); }
                case 4 -> { empty(); t.setENUM(new EnumType()); }
                case 5 -> t.setDECIMAL(decimalType());
                case 6 -> { empty(); t.setDATE(new DateType()); }
                case 7 -> {
                    TimeType time = new TimeType();
                    timeOrTimestamp(time::setIsAdjustedToUTC, time::setUnit, "TimeType");
                    t.setTIME(time);
                }
                case 8 -> {
                    TimestampType stamp = new TimestampType();
                    timeOrTimestamp(stamp::setIsAdjustedToUTC, stamp::setUnit, "TimestampType");
                    t.setTIMESTAMP(stamp);
                }
                case 10 -> t.setINTEGER(intType());
                case 11 -> { empty(); t.setUNKNOWN(new NullType()); }
                case 12 -> { empty(); t.setJSON(new JsonType()); }
                case 13 -> { empty(); t.setBSON(new BsonType()); }
                case 14 -> { empty(); t.setUUID(new UUIDType()); }
                case 15 -> { empty(); t.setFLOAT16(new Float16Type()); }
                case 16 -> t.setVARIANT(variantType());
                case 17 -> t.setGEOMETRY(geometryType());
                case 18 -> t.setGEOGRAPHY(geographyType());
                default -> skip(STRUCT, 0);
            }
        }
        unionEnd("LogicalType");
        return t;
    }

    private DecimalType decimalType() throws IOException {
        DecimalType d = new DecimalType();
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> { if (is(I32)) d.setScale(i32()); }
                case 2 -> { if (is(I32)) d.setPrecision(i32()); }
                default -> skip(type, 0);
            }
        }
        require(d.isSetScale(), "scale", "DecimalType");
        require(d.isSetPrecision(), "precision", "DecimalType");
        return d;
    }

    /** The fields TimeType and TimestampType share, given to their setters. */
    private void timeOrTimestamp(Consumer<Boolean> adjusted, Consumer<TimeUnit> unit, String struct) throws IOException {
        boolean adjustedSet = false;
        boolean unitSet = false;
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> {
                    if (isBoolean()) {
                        adjusted.accept(type == TRUE);
                        adjustedSet = true;
                    }
                }
                case 2 -> {
                    if (is(STRUCT)) {
                        unit.accept(timeUnit());
                        unitSet = true;
                    }
                }
                default -> skip(type, 0);
            }
        }
        require(adjustedSet, "isAdjustedToUTC", struct);
        require(unitSet, "unit", struct);
    }

    private TimeUnit timeUnit() throws IOException {
        TimeUnit u = new TimeUnit();
        int id = field(0);
        if (id == END) {
            return u;
        }
        if (type != STRUCT) {
            skip(type, 0);
        } else {
            switch (id) {
                case 1 -> { empty(); u.setMILLIS(new MilliSeconds()); }
                case 2 -> { empty(); u.setMICROS(new MicroSeconds()); }
                case 3 -> { empty(); u.setNANOS(new NanoSeconds()); }
                default -> skip(STRUCT, 0);
            }
        }
        unionEnd("TimeUnit");
        return u;
    }

    private IntType intType() throws IOException {
        IntType t = new IntType();
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> { if (is(BYTE)) t.setBitWidth(i8()); }
                case 2 -> { if (isBoolean()) t.setIsSigned(type == TRUE); }
                default -> skip(type, 0);
            }
        }
        require(t.isSetBitWidth(), "bitWidth", "IntType");
        require(t.isSetIsSigned(), "isSigned", "IntType");
        return t;
    }

    private VariantType variantType() throws IOException {
        VariantType t = new VariantType();
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> { if (is(BYTE)) t.setSpecification_version(i8()); }
                default -> skip(type, 0);
            }
        }
        return t;
    }

    private GeometryType geometryType() throws IOException {
        GeometryType t = new GeometryType();
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> { if (is(BINARY)) t.setCrs(string()); }
                default -> skip(type, 0);
            }
        }
        return t;
    }

    private GeographyType geographyType() throws IOException {
        GeographyType t = new GeographyType();
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> { if (is(BINARY)) t.setCrs(string()); }
                case 2 -> { if (is(I32)) t.setAlgorithm(EdgeInterpolationAlgorithm.findByValue(i32())); }
                default -> skip(type, 0);
            }
        }
        return t;
    }

    private RowGroup rowGroup() throws IOException {
        RowGroup g = new RowGroup();
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> list(STRUCT, this::columnChunk, g::setColumns);
                case 2 -> { if (is(I64)) g.setTotal_byte_size(i64()); }
                case 3 -> { if (is(I64)) g.setNum_rows(i64()); }
                case 4 -> list(STRUCT, this::sortingColumn, g::setSorting_columns);
                case 5 -> { if (is(I64)) g.setFile_offset(i64()); }
                case 6 -> { if (is(I64)) g.setTotal_compressed_size(i64()); }
                case 7 -> { if (is(I16)) g.setOrdinal(i16()); }
                default -> skip(type, 0);
            }
        }
        require(g.isSetColumns(), "columns", "RowGroup");
        require(g.isSetTotal_byte_size(), "total_byte_size", "RowGroup");
        require(g.isSetNum_rows(), "num_rows", "RowGroup");
        return g;
    }

    private SortingColumn sortingColumn() throws IOException {
        SortingColumn s = new SortingColumn();
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> { if (is(I32)) s.setColumn_idx(i32()); }
                case 2 -> { if (isBoolean()) s.setDescending(type == TRUE); }
                case 3 -> { if (isBoolean()) s.setNulls_first(type == TRUE); }
                default -> skip(type, 0);
            }
        }
        require(s.isSetColumn_idx(), "column_idx", "SortingColumn");
        require(s.isSetDescending(), "descending", "SortingColumn");
        require(s.isSetNulls_first(), "nulls_first", "SortingColumn");
        return s;
    }

    private ColumnChunk columnChunk() throws IOException {
        ColumnChunk c = new ColumnChunk();
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> { if (is(BINARY)) c.setFile_path(string()); }
                case 2 -> { if (is(I64)) c.setFile_offset(i64()); }
                case 3 -> { if (is(STRUCT)) c.setMeta_data(columnMetaData()); }
                case 4 -> { if (is(I64)) c.setOffset_index_offset(i64()); }
                case 5 -> { if (is(I32)) c.setOffset_index_length(i32()); }
                case 6 -> { if (is(I64)) c.setColumn_index_offset(i64()); }
                case 7 -> { if (is(I32)) c.setColumn_index_length(i32()); }
                case 8 -> { if (is(STRUCT)) c.setCrypto_metadata(columnCryptoMetaData()); }
                case 9 -> { if (is(BINARY)) c.setEncrypted_column_metadata(binary()); }
                default -> skip(type, 0);
            }
        }
        require(c.isSetFile_offset(), "file_offset", "ColumnChunk");
        return c;
    }

    private ColumnMetaData columnMetaData() throws IOException {
        ColumnMetaData m = new ColumnMetaData();
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> { if (is(I32)) m.setType(Type.findByValue(i32())); }
                // An encoding this version does not know is left out, as the library's reader leaves it out.
                case 2 -> list(I32, () -> Encoding.findByValue(i32()), m::setEncodings);
                case 3 -> list(BINARY, this::string, m::setPath_in_schema);
                case 4 -> { if (is(I32)) m.setCodec(CompressionCodec.findByValue(i32())); }
                case 5 -> { if (is(I64)) m.setNum_values(i64()); }
                case 6 -> { if (is(I64)) m.setTotal_uncompressed_size(i64()); }
                case 7 -> { if (is(I64)) m.setTotal_compressed_size(i64()); }
                case 8 -> list(STRUCT, this::keyValue, m::setKey_value_metadata);
                case 9 -> { if (is(I64)) m.setData_page_offset(i64()); }
                case 10 -> { if (is(I64)) m.setIndex_page_offset(i64()); }
                case 11 -> { if (is(I64)) m.setDictionary_page_offset(i64()); }
                case 12 -> { if (is(STRUCT)) m.setStatistics(statistics()); }
                case 13 -> list(STRUCT, this::pageEncodingStats, m::setEncoding_stats);
                case 14 -> { if (is(I64)) m.setBloom_filter_offset(i64()); }
                case 15 -> { if (is(I32)) m.setBloom_filter_length(i32()); }
                case 16 -> { if (is(STRUCT)) m.setSize_statistics(sizeStatistics()); }
                case 17 -> { if (is(STRUCT)) m.setGeospatial_statistics(geospatialStatistics()); }
                default -> skip(type, 0);
            }
        }
        require(m.isSetType(), "type", "ColumnMetaData");
        require(m.isSetEncodings(), "encodings", "ColumnMetaData");
        require(m.isSetPath_in_schema(), "path_in_schema", "ColumnMetaData");
        require(m.isSetCodec(), "codec", "ColumnMetaData");
        require(m.isSetNum_values(), "num_values", "ColumnMetaData");
        require(m.isSetTotal_uncompressed_size(), "total_uncompressed_size", "ColumnMetaData");
        require(m.isSetTotal_compressed_size(), "total_compressed_size", "ColumnMetaData");
        require(m.isSetData_page_offset(), "data_page_offset", "ColumnMetaData");
        return m;
    }

    private Statistics statistics() throws IOException {
        Statistics s = new Statistics();
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> { if (is(BINARY)) s.setMax(binary()); }
                case 2 -> { if (is(BINARY)) s.setMin(binary()); }
                case 3 -> { if (is(I64)) s.setNull_count(i64()); }
                case 4 -> { if (is(I64)) s.setDistinct_count(i64()); }
                case 5 -> { if (is(BINARY)) s.setMax_value(binary()); }
                case 6 -> { if (is(BINARY)) s.setMin_value(binary()); }
                case 7 -> { if (isBoolean()) s.setIs_max_value_exact(type == TRUE); }
                case 8 -> { if (isBoolean()) s.setIs_min_value_exact(type == TRUE); }
                default -> skip(type, 0);
            }
        }
        return s;
    }

    private PageEncodingStats pageEncodingStats() throws IOException {
        PageEncodingStats s = new PageEncodingStats();
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> { if (is(I32)) s.setPage_type(PageType.findByValue(i32())); }
                case 2 -> { if (is(I32)) s.setEncoding(Encoding.findByValue(i32())); }
                case 3 -> { if (is(I32)) s.setCount(i32()); }
                default -> skip(type, 0);
            }
        }
        require(s.isSetPage_type(), "page_type", "PageEncodingStats");
        require(s.isSetEncoding(), "encoding", "PageEncodingStats");
        require(s.isSetCount(), "count", "PageEncodingStats");
        return s;
    }

    private SizeStatistics sizeStatistics() throws IOException {
        SizeStatistics s = new SizeStatistics();
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> { if (is(I64)) s.setUnencoded_byte_array_data_bytes(i64()); }
                case 2 -> list(I64, this::i64, s::setRepetition_level_histogram);
                case 3 -> list(I64, this::i64, s::setDefinition_level_histogram);
                default -> skip(type, 0);
            }
        }
        return s;
    }

    private GeospatialStatistics geospatialStatistics() throws IOException {
        GeospatialStatistics s = new GeospatialStatistics();
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> { if (is(STRUCT)) s.setBbox(boundingBox()); }
                case 2 -> list(I32, this::i32, s::setGeospatial_types);
                default -> skip(type, 0);
            }
        }
        return s;
    }

    private BoundingBox boundingBox() throws IOException {
        BoundingBox b = new BoundingBox();
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> { if (is(DOUBLE)) b.setXmin(f64()); }
                case 2 -> { if (is(DOUBLE)) b.setXmax(f64()); }
                case 3 -> { if (is(DOUBLE)) b.setYmin(f64()); }
                case 4 -> { if (is(DOUBLE)) b.setYmax(f64()); }
                case 5 -> { if (is(DOUBLE)) b.setZmin(f64()); }
                case 6 -> { if (is(DOUBLE)) b.setZmax(f64()); }
                case 7 -> { if (is(DOUBLE)) b.setMmin(f64()); }
                case 8 -> { if (is(DOUBLE)) b.setMmax(f64()); }
                default -> skip(type, 0);
            }
        }
        require(b.isSetXmin(), "xmin", "BoundingBox");
        require(b.isSetXmax(), "xmax", "BoundingBox");
        require(b.isSetYmin(), "ymin", "BoundingBox");
        require(b.isSetYmax(), "ymax", "BoundingBox");
        return b;
    }

    private ColumnOrder columnOrder() throws IOException {
        ColumnOrder o = new ColumnOrder();
        int id = field(0);
        if (id == END) {
            return o;
        }
        if (id == 1 && type == STRUCT) {
            empty();
            o.setTYPE_ORDER(new TypeDefinedOrder());
        } else {
            skip(type, 0);
        }
        unionEnd("ColumnOrder");
        return o;
    }

    private ColumnCryptoMetaData columnCryptoMetaData() throws IOException {
        ColumnCryptoMetaData c = new ColumnCryptoMetaData();
        int id = field(0);
        if (id == END) {
            return c;
        }
        if (id == 1 && type == STRUCT) {
            empty();
            c.setENCRYPTION_WITH_FOOTER_KEY(new EncryptionWithFooterKey());
        } else if (id == 2 && type == STRUCT) {
            EncryptionWithColumnKey key = new EncryptionWithColumnKey();
            for (int f = field(0); f != END; f = field(f)) {
                switch (f) {
                    case 1 -> list(BINARY, this::string, key::setPath_in_schema);
                    case 2 -> { if (is(BINARY)) key.setKey_metadata(binary()); }
                    default -> skip(type, 0);
                }
            }
            require(key.isSetPath_in_schema(), "path_in_schema", "EncryptionWithColumnKey");
            c.setENCRYPTION_WITH_COLUMN_KEY(key);
        } else {
            skip(type, 0);
        }
        unionEnd("ColumnCryptoMetaData");
        return c;
    }

    private EncryptionAlgorithm encryptionAlgorithm() throws IOException {
        EncryptionAlgorithm a = new EncryptionAlgorithm();
        int id = field(0);
        if (id == END) {
            return a;
        }
        if ((id == 1 || id == 2) && type == STRUCT) {
            ByteBuffer prefix = null;
            ByteBuffer unique = null;
            Boolean supply = null;
            for (int f = field(0); f != END; f = field(f)) {
                switch (f) {
                    case 1 -> { if (is(BINARY)) prefix = binary(); }
                    case 2 -> { if (is(BINARY)) unique = binary(); }
                    case 3 -> { if (isBoolean()) supply = type == TRUE; }
                    default -> skip(type, 0);
                }
            }
            if (id == 1) {
                AesGcmV1 gcm = new AesGcmV1();
                if (prefix != null) {
                    gcm.setAad_prefix(prefix);
                }
                if (unique != null) {
                    gcm.setAad_file_unique(unique);
                }
                if (supply != null) {
                    gcm.setSupply_aad_prefix(supply);
                }
                a.setAES_GCM_V1(gcm);
            } else {
                AesGcmCtrV1 ctr = new AesGcmCtrV1();
                if (prefix != null) {
                    ctr.setAad_prefix(prefix);
                }
                if (unique != null) {
                    ctr.setAad_file_unique(unique);
                }
                if (supply != null) {
                    ctr.setSupply_aad_prefix(supply);
                }
                a.setAES_GCM_CTR_V1(ctr);
            }
        } else {
            skip(type, 0);
        }
        unionEnd("EncryptionAlgorithm");
        return a;
    }

    private PageHeader pageHeader() throws IOException {
        PageHeader h = new PageHeader();
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> { if (is(I32)) h.setType(PageType.findByValue(i32())); }
                case 2 -> { if (is(I32)) h.setUncompressed_page_size(i32()); }
                case 3 -> { if (is(I32)) h.setCompressed_page_size(i32()); }
                case 4 -> { if (is(I32)) h.setCrc(i32()); }
                case 5 -> { if (is(STRUCT)) h.setData_page_header(dataPageHeader()); }
                case 6 -> {
                    if (is(STRUCT)) {
                        empty();
                        h.setIndex_page_header(new IndexPageHeader());
                    }
                }
                case 7 -> { if (is(STRUCT)) h.setDictionary_page_header(dictionaryPageHeader()); }
                case 8 -> { if (is(STRUCT)) h.setData_page_header_v2(dataPageHeaderV2()); }
                default -> skip(type, 0);
            }
        }
        require(h.isSetType(), "type", "PageHeader");
        require(h.isSetUncompressed_page_size(), "uncompressed_page_size", "PageHeader");
        require(h.isSetCompressed_page_size(), "compressed_page_size", "PageHeader");
        if (h.getCompressed_page_size() < 0) {
            throw new IOException("Compressed page size must not be negative but was: " + h.getCompressed_page_size());
        }
        return h;
    }

    private DataPageHeader dataPageHeader() throws IOException {
        DataPageHeader d = new DataPageHeader();
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> { if (is(I32)) d.setNum_values(i32()); }
                case 2 -> { if (is(I32)) d.setEncoding(Encoding.findByValue(i32())); }
                case 3 -> { if (is(I32)) d.setDefinition_level_encoding(Encoding.findByValue(i32())); }
                case 4 -> { if (is(I32)) d.setRepetition_level_encoding(Encoding.findByValue(i32())); }
                case 5 -> { if (is(STRUCT)) d.setStatistics(statistics()); }
                default -> skip(type, 0);
            }
        }
        require(d.isSetNum_values(), "num_values", "DataPageHeader");
        require(d.isSetEncoding(), "encoding", "DataPageHeader");
        require(d.isSetDefinition_level_encoding(), "definition_level_encoding", "DataPageHeader");
        require(d.isSetRepetition_level_encoding(), "repetition_level_encoding", "DataPageHeader");
        return d;
    }

    private DictionaryPageHeader dictionaryPageHeader() throws IOException {
        DictionaryPageHeader d = new DictionaryPageHeader();
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> { if (is(I32)) d.setNum_values(i32()); }
                case 2 -> { if (is(I32)) d.setEncoding(Encoding.findByValue(i32())); }
                case 3 -> { if (isBoolean()) d.setIs_sorted(type == TRUE); }
                default -> skip(type, 0);
            }
        }
        require(d.isSetNum_values(), "num_values", "DictionaryPageHeader");
        require(d.isSetEncoding(), "encoding", "DictionaryPageHeader");
        return d;
    }

    private DataPageHeaderV2 dataPageHeaderV2() throws IOException {
        DataPageHeaderV2 d = new DataPageHeaderV2();
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> { if (is(I32)) d.setNum_values(i32()); }
                case 2 -> { if (is(I32)) d.setNum_nulls(i32()); }
                case 3 -> { if (is(I32)) d.setNum_rows(i32()); }
                case 4 -> { if (is(I32)) d.setEncoding(Encoding.findByValue(i32())); }
                case 5 -> { if (is(I32)) d.setDefinition_levels_byte_length(i32()); }
                case 6 -> { if (is(I32)) d.setRepetition_levels_byte_length(i32()); }
                case 7 -> { if (isBoolean()) d.setIs_compressed(type == TRUE); }
                case 8 -> { if (is(STRUCT)) d.setStatistics(statistics()); }
                default -> skip(type, 0);
            }
        }
        require(d.isSetNum_values(), "num_values", "DataPageHeaderV2");
        require(d.isSetNum_nulls(), "num_nulls", "DataPageHeaderV2");
        require(d.isSetNum_rows(), "num_rows", "DataPageHeaderV2");
        require(d.isSetEncoding(), "encoding", "DataPageHeaderV2");
        require(d.isSetDefinition_levels_byte_length(), "definition_levels_byte_length", "DataPageHeaderV2");
        require(d.isSetRepetition_levels_byte_length(), "repetition_levels_byte_length", "DataPageHeaderV2");
        return d;
    }

    private KeyValue keyValue() throws IOException {
        KeyValue pair = new KeyValue();
        for (int id = field(0); id != END; id = field(id)) {
            switch (id) {
                case 1 -> { if (is(BINARY)) pair.setKey(string()); }
                case 2 -> { if (is(BINARY)) pair.setValue(string()); }
                default -> skip(type, 0);
            }
        }
        require(pair.isSetKey(), "key", "KeyValue");
        return pair;
    }

    /** Reads one element of a list. */
    private interface Element<T> {
        T read() throws IOException;
    }

    /**
     * If the field begun is a list of {@code element}-typed values, gives {@code set} them, each
     * read by {@code reader}, a null (an enum value this version does not know) left out; if it is
     * not a list, passes it over.
     */
    private <T> void list(int element, Element<T> reader, Consumer<List<T>> set) throws IOException {
        if (type != LIST) {
            skip(type, 0);
            return;
        }
        int header = u8();
        int size = size(header);
        if ((header & 0x0f) != element) {
            throw new IOException("a list of type " + (header & 0x0f) + " where " + element + " was expected");
        }
        List<T> values = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            T value = reader.read();
            if (value != null) {
                values.add(value);
            }
        }
        set.accept(values);
    }

    /**
     * Begins the next field of a struct whose previous field had id {@code last}: its id, with its
     * type in {@link #type}, or {@link #END} at the struct's stop byte.
     */
    private int field(int last) throws IOException {
        int b = u8();
        type = b & 0x0f;
        if (type == STOP) {
            return END;
        }
        int delta = b >>> 4;
        return delta != 0 ? (short) (last + delta) : i16();
    }

    /** Whether the field begun is of {@code expected} type; if not, it is passed over. */
    private boolean is(int expected) throws IOException {
        if (type == expected) {
            return true;
        }
        skip(type, 0);
        return false;
    }

    /** Whether the field begun is a boolean (its value in {@link #type}); if not, it is passed over. */
    private boolean isBoolean() throws IOException {
        if (type == TRUE || type == FALSE) {
            return true;
        }
        skip(type, 0);
        return false;
    }

    /** A list's or set's size from its header byte (and the varint that follows if its high nibble is 15). */
    private int size(int header) throws IOException {
        int size = header >>> 4;
        if (size == 15) {
            size = in.readUnsignedVarInt();
        }
        // Every element takes at least a byte: a larger size is corrupt, refused before anything is allocated for it.
        if (size > in.remaining()) {
            throw new IOException("a collection of " + size + " elements in " + in.remaining() + " bytes");
        }
        return size;
    }

    /** Reads an empty struct (a member of a union of markers): fields of it this version does not know are passed over. */
    private void empty() throws IOException {
        for (int id = field(0); id != END; id = field(id)) {
            skip(type, 0);
        }
    }

    /** The stop byte after a union's one field. */
    private void unionEnd(String union) throws IOException {
        if (u8() != STOP) {
            throw new IOException("a " + union + " with more than one field");
        }
    }

    /** Passes over a value of compact type {@code type}, {@code depth} values deep in values passed over. */
    private void skip(int type, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("values nested more than " + MAX_DEPTH + " deep");
        }
        switch (type) {
            case TRUE, FALSE -> { }
            case BYTE -> u8();
            case I16, I32, I64 -> in.readUnsignedVarLong();
            case DOUBLE -> in.readLongLE();
            case BINARY -> {
                int n = length();
                in.position += n;
            }
            case LIST, SET -> {
                int header = u8();
                int size = size(header);
                int elements = header & 0x0f;
                for (int k = 0; k < size; k++) {
                    skip(element(elements), depth + 1);
                }
            }
            case MAP -> {
                int size = in.readUnsignedVarInt();
                if (size > in.remaining()) {
                    throw new IOException("a map of " + size + " entries in " + in.remaining() + " bytes");
                }
                if (size > 0) {
                    int kinds = u8();
                    int keys = kinds >>> 4;
                    int values = kinds & 0x0f;
                    for (int k = 0; k < size; k++) {
                        skip(element(keys), depth + 1);
                        skip(element(values), depth + 1);
                    }
                }
            }
            case STRUCT -> {
                for (int id = field(0); id != END; id = field(id)) {
                    skip(this.type, depth + 1);
                }
            }
            default -> throw new IOException("a field of unknown type " + type);
        }
    }

    /** The type to pass over a collection's element of compact type {@code type} as: a boolean element is a byte of its own. */
    private static int element(int type) {
        return type == TRUE || type == FALSE ? BYTE : type;
    }

    private int u8() throws IOException {
        return in.readByte();
    }

    /** A zigzag varint of 32 bits (i16 and i32 are both written so). */
    private int i32() throws IOException {
        int start = in.position;
        int n = (int) in.readUnsignedVarLong();
        if (in.position - start > 5) {
            // Thrift's reader would fold the bits past 35 into the low ones: such bytes are refused instead.
            throw new IOException("a varint of more than 5 bytes for a 32-bit value");
        }
        return (n >>> 1) ^ -(n & 1);
    }

    private byte i8() throws IOException {
        return (byte) u8();
    }

    private short i16() throws IOException {
        return (short) i32();
    }

    private long i64() throws IOException {
        return in.readZigZagVarLong();
    }

    private double f64() throws IOException {
        return Double.longBitsToDouble(in.readLongLE());
    }

    /** A binary value's length, checked against the bytes left. */
    private int length() throws IOException {
        int n = in.readUnsignedVarInt();
        in.require(n);
        return n;
    }

    private String string() throws IOException {
        int n = length();
        String s = new String(in.bytes, in.position, n, StandardCharsets.UTF_8);
        in.position += n;
        return s;
    }

    /** A binary value, as a view of the bytes: the structs' setters copy what they are given. */
    private ByteBuffer binary() throws IOException {
        int n = length();
        ByteBuffer view = ByteBuffer.wrap(in.bytes, in.position, n);
        in.position += n;
        return view;
    }

    private static void require(boolean set, String field, String struct) throws IOException {
        if (!set) {
            throw new IOException("required field '" + field + "' of " + struct + " is missing");
        }
    }
}
