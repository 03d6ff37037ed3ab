package ladder.engine.io.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.parquet.format.AesGcmCtrV1;
import org.apache.parquet.format.AesGcmV1;
import org.apache.parquet.format.BoundingBox;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnCryptoMetaData;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.ColumnOrder;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DecimalType;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.EdgeInterpolationAlgorithm;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.EncryptionAlgorithm;
import org.apache.parquet.format.EncryptionWithColumnKey;
import org.apache.parquet.format.EncryptionWithFooterKey;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.GeographyType;
import org.apache.parquet.format.GeometryType;
import org.apache.parquet.format.GeospatialStatistics;
import org.apache.parquet.format.IndexPageHeader;
import org.apache.parquet.format.IntType;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.MicroSeconds;
import org.apache.parquet.format.MilliSeconds;
import org.apache.parquet.format.NanoSeconds;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.SizeStatistics;
import org.apache.parquet.format.SortingColumn;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.TimeType;
import org.apache.parquet.format.TimeUnit;
import org.apache.parquet.format.TimestampType;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.TypeDefinedOrder;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.VariantType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shaded.parquet.org.apache.thrift.TBase;
import shaded.parquet.org.apache.thrift.TException;
import shaded.parquet.org.apache.thrift.TFieldIdEnum;
import shaded.parquet.org.apache.thrift.TUnion;
import shaded.parquet.org.apache.thrift.meta_data.FieldMetaData;
import shaded.parquet.org.apache.thrift.protocol.TCompactProtocol;
import shaded.parquet.org.apache.thrift.protocol.TField;
import shaded.parquet.org.apache.thrift.protocol.TList;
import shaded.parquet.org.apache.thrift.protocol.TMap;
import shaded.parquet.org.apache.thrift.protocol.TStruct;
import shaded.parquet.org.apache.thrift.transport.TIOStreamTransport;

/**
 * {@link CompactThrift} against parquet-format-structures' generated Thrift readers
 * ({@code Util.readFileMetaData}, {@code Util.readPageHeader}), the reference: equal objects for
 * the footers and every page header of files DuckDB writes, for structures the library itself
 * writes with every field of every struct set, and with fields of ids this version does not know
 * interleaved; and, for cut and corrupted bytes, an {@link IOException} and nothing else, and
 * wherever both readers take the bytes, equal objects.
 */
class CompactThriftTest {
    /** Thrift's type codes ({@code TType}, whose constants the shaded library's compiled code inlined and dropped). */
    private static final class TType {
        static final byte BOOL = 2;
        static final byte BYTE = 3;
        static final byte DOUBLE = 4;
        static final byte I16 = 6;
        static final byte I32 = 8;
        static final byte I64 = 10;
        static final byte STRING = 11;
        static final byte STRUCT = 12;
        static final byte MAP = 13;
        static final byte SET = 14;
        static final byte LIST = 15;
    }

    @TempDir
    Path dir;

    /** DuckDB's layouts and types: every width and sign of integer, decimals, dates, times, nested columns. */
    private static final String[] DUCKDB_OPTIONS = {
        "FORMAT parquet, ROW_GROUP_SIZE 1000",
        "FORMAT parquet, PARQUET_VERSION v2, COMPRESSION zstd, ROW_GROUP_SIZE 700",
        "FORMAT parquet, COMPRESSION uncompressed, KV_METADATA {ladder: 'pool', source: 'test'}",
        "FORMAT parquet, PARQUET_VERSION v2, COMPRESSION gzip, ROW_GROUP_SIZE 3000",
    };
    private static final String DUCKDB_QUERY = "SELECT (i % 100)::TINYINT AS a, (i % 200)::UTINYINT AS b, i::SMALLINT AS c, "
            + "i::USMALLINT AS d, i::INTEGER AS e, i::UINTEGER AS f, i::BIGINT * 1000003 AS g, i::UBIGINT AS h, "
            + "CASE WHEN i % 7 = 0 THEN NULL ELSE i / 3.0 END AS k, (i / 7.0)::FLOAT AS l, "
            + "'person-' || (i * 7919 % 5003) AS m, CASE WHEN i % 5 = 0 THEN NULL ELSE 'v' || (i % 4) END AS n, "
            + "(i / 100.0)::DECIMAL(9, 2) AS o, (i * 1000.5)::DECIMAL(18, 3) AS p, DATE '2020-01-01' + i::INTEGER AS q, "
            + "TIMESTAMP '2020-01-01 00:00:00' + to_seconds(i) AS r, TIME '01:02:03' AS s, i % 2 = 0 AS t, "
            + "[i, i + 1] AS u, {'x': i, 'y': 'z' || i} AS v, encode('b' || i) AS w "
            + "FROM range(0, 5000) AS r(i)";

    @Test
    void footersAndPageHeadersDuckDbWritesReadAsThriftReadsThem() throws Exception {
        int pages = 0;
        for (int k = 0; k < DUCKDB_OPTIONS.length; k++) {
            Path file = dir.resolve("duckdb-" + k + ".parquet");
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                    Statement statement = connection.createStatement()) {
                statement.execute("COPY (" + DUCKDB_QUERY + ") TO '" + file + "' (" + DUCKDB_OPTIONS[k] + ")");
            }
            byte[] bytes = Files.readAllBytes(file);
            byte[] footer = footer(bytes);
            FileMetaData expected = Util.readFileMetaData(new ByteArrayInputStream(footer));
            assertAgree(expected, CompactThrift.fileMetaData(footer, 0, footer.length), DUCKDB_OPTIONS[k]);
            assertTrue(expected.getRow_groupsSize() > 1 || k == 2, "the layout has row groups to compare");
            for (RowGroup group : expected.getRow_groups()) {
                for (ColumnChunk chunk : group.getColumns()) {
                    pages += assertPageHeadersAgree(bytes, chunk.getMeta_data());
                }
            }
        }
        assertTrue(pages > 100, pages + " page headers compared");
    }

    /** The committed files of the fuzz regressions: one has a logical type of a kind this version does not know. */
    @Test
    void theFuzzRegressionFilesReadAsThriftReadsThem() throws Exception {
        for (String name : List.of("unknown-logical-type.parquet", "data-page-without-header.parquet")) {
            try (InputStream in = getClass().getResourceAsStream("/ladder/engine/io/fuzz/" + name)) {
                byte[] footer = footer(in.readAllBytes());
                FileMetaData expected = Util.readFileMetaData(new ByteArrayInputStream(footer));
                assertAgree(expected, CompactThrift.fileMetaData(footer, 0, footer.length), name);
            }
        }
    }

    @Test
    void everyFieldOfEveryStructReadsAsWritten() throws Exception {
        for (long seed = 1; seed <= 30; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            FileMetaData metadata = fileMetaData(random);
            byte[] bytes = write(metadata);
            assertAgree(metadata, Util.readFileMetaData(new ByteArrayInputStream(bytes)), "the reference, seed " + seed);
            assertAgree(metadata, CompactThrift.fileMetaData(bytes, 0, bytes.length), "seed " + seed);
            for (int k = 0; k < 5; k++) {
                PageHeader header = pageHeader(random);
                byte[] page = write(header);
                // The header with bytes after it, as in a column chunk: it ends where the page's body starts.
                byte[] chunk = Arrays.copyOf(page, page.length + 7);
                CompactThrift.Header read = CompactThrift.pageHeader(chunk, 0, chunk.length);
                assertAgree(header, read.header(), "seed " + seed);
                assertEquals(page.length, read.end());
            }
        }
    }

    /** Fields of ids no struct of this version has, of every type and nesting, are passed over as Thrift passes them. */
    @Test
    void fieldsOfUnknownIdsArePassedOver() throws Exception {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            PageHeader header = pageHeader(random);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TCompactProtocol protocol = new TCompactProtocol(new TIOStreamTransport(out));
            protocol.writeStructBegin(new TStruct("PageHeader"));
            unknownField(protocol, random, (short) 40);
            protocol.writeFieldBegin(new TField("type", TType.I32, (short) 1));
            protocol.writeI32(header.getType().getValue());
            protocol.writeFieldEnd();
            unknownField(protocol, random, (short) 9);
            protocol.writeFieldBegin(new TField("uncompressed_page_size", TType.I32, (short) 2));
            protocol.writeI32(header.getUncompressed_page_size());
            protocol.writeFieldEnd();
            protocol.writeFieldBegin(new TField("compressed_page_size", TType.I32, (short) 3));
            protocol.writeI32(header.getCompressed_page_size());
            protocol.writeFieldEnd();
            // A known id with a value of the wrong type is passed over too.
            protocol.writeFieldBegin(new TField("crc", TType.STRING, (short) 4));
            protocol.writeString("not a crc");
            protocol.writeFieldEnd();
            unknownField(protocol, random, (short) 300);
            protocol.writeFieldStop();
            protocol.writeStructEnd();
            byte[] bytes = out.toByteArray();
            PageHeader expected = Util.readPageHeader(new ByteArrayInputStream(bytes));
            assertFalse(expected.isSetCrc());
            assertAgree(expected, CompactThrift.pageHeader(bytes, 0, bytes.length).header(), "seed " + seed);
        }
    }

    @Test
    void aLogicalTypeOrEnumValueThisVersionDoesNotKnowIsUnset() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TCompactProtocol protocol = new TCompactProtocol(new TIOStreamTransport(out));
        protocol.writeStructBegin(new TStruct("SchemaElement"));
        protocol.writeFieldBegin(new TField("type", TType.I32, (short) 1));
        protocol.writeI32(99);
        protocol.writeFieldEnd();
        protocol.writeFieldBegin(new TField("name", TType.STRING, (short) 4));
        protocol.writeString("bonus");
        protocol.writeFieldEnd();
        protocol.writeFieldBegin(new TField("logicalType", TType.STRUCT, (short) 10));
        protocol.writeStructBegin(new TStruct("LogicalType"));
        protocol.writeFieldBegin(new TField("FUTURE", TType.STRUCT, (short) 60));
        protocol.writeStructBegin(new TStruct("Future"));
        protocol.writeFieldBegin(new TField("n", TType.I64, (short) 1));
        protocol.writeI64(7);
        protocol.writeFieldEnd();
        protocol.writeFieldStop();
        protocol.writeStructEnd();
        protocol.writeFieldEnd();
        protocol.writeFieldStop();
        protocol.writeStructEnd();
        protocol.writeFieldEnd();
        protocol.writeFieldStop();
        protocol.writeStructEnd();
        byte[] bytes = out.toByteArray();
        SchemaElement expected = new SchemaElement();
        expected.read(new TCompactProtocol(new TIOStreamTransport(new ByteArrayInputStream(bytes))));
        assertNull(expected.getType());
        assertNull(expected.getLogicalType().getSetField());
        // The struct read inside a footer, the way the footer reader meets it (the library cannot write a union with no member).
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        TCompactProtocol writer = new TCompactProtocol(new TIOStreamTransport(whole));
        writer.writeStructBegin(new TStruct("FileMetaData"));
        writer.writeFieldBegin(new TField("version", TType.I32, (short) 1));
        writer.writeI32(1);
        writer.writeFieldEnd();
        writer.writeFieldBegin(new TField("schema", TType.LIST, (short) 2));
        writer.writeListBegin(new TList(TType.STRUCT, 1));
        whole.write(bytes);
        writer.writeListEnd();
        writer.writeFieldEnd();
        writer.writeFieldBegin(new TField("num_rows", TType.I64, (short) 3));
        writer.writeI64(0);
        writer.writeFieldEnd();
        writer.writeFieldBegin(new TField("row_groups", TType.LIST, (short) 4));
        writer.writeListBegin(new TList(TType.STRUCT, 0));
        writer.writeListEnd();
        writer.writeFieldEnd();
        writer.writeFieldStop();
        writer.writeStructEnd();
        byte[] footer = whole.toByteArray();
        FileMetaData read = CompactThrift.fileMetaData(footer, 0, footer.length);
        assertNull(read.getSchema().get(0).getType());
        assertNull(read.getSchema().get(0).getLogicalType().getSetField());
        assertAgree(Util.readFileMetaData(new ByteArrayInputStream(footer)), read, "an unknown logical type");
    }

    @Test
    void aMissingRequiredFieldOrNegativePageSizeIsRefused() throws Exception {
        FileMetaData noRows = fileMetaData(new SplittableRandom(3));
        noRows.getRow_groups().get(0).unsetNum_rows();
        byte[] footer = writeUnchecked(noRows);
        assertThrows(IOException.class, () -> Util.readFileMetaData(new ByteArrayInputStream(footer)));
        IOException refused = assertThrows(IOException.class, () -> CompactThrift.fileMetaData(footer, 0, footer.length));
        assertEquals("required field 'num_rows' of RowGroup is missing", refused.getMessage());
        PageHeader negative = new PageHeader(PageType.DATA_PAGE, 10, -1);
        byte[] page = write(negative);
        assertThrows(RuntimeException.class, () -> Util.readPageHeader(new ByteArrayInputStream(page)));
        assertThrows(IOException.class, () -> CompactThrift.pageHeader(page, 0, page.length));
    }

    /**
     * Every prefix of a footer and of a page header, and random corruptions of each: an
     * {@link IOException} or a reading, never another exception; and where both readers take the
     * bytes, the same reading.
     */
    @Test
    void cutAndCorruptedBytesGiveAnIOExceptionOrWhatThriftReads() throws Exception {
        int agreed = 0;
        for (long seed = 1; seed <= 6; seed++) {
            SplittableRandom random = new SplittableRandom(seed * 31);
            byte[] footer = write(fileMetaData(random));
            byte[] page = write(pageHeader(random));
            for (int cut = 0; cut < footer.length; cut += 1 + random.nextInt(3)) {
                int at = cut;
                assertThrows(IOException.class, () -> CompactThrift.fileMetaData(footer, 0, at), "cut at " + cut);
            }
            for (int cut = 0; cut < page.length; cut++) {
                int at = cut;
                assertThrows(IOException.class, () -> CompactThrift.pageHeader(page, 0, at), "cut at " + cut);
            }
            for (int k = 0; k < 3_000; k++) {
                byte[] bytes = (k % 2 == 0 ? footer : page).clone();
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                agreed += k % 2 == 0 ? agreesOnFooter(bytes) : agreesOnPageHeader(bytes);
            }
        }
        assertTrue(agreed > 1_000, agreed + " corruptions both readers took");
    }

    /**
     * {@code assertEquals} field by field, naming the first field that differs: the library's own
     * {@code equals} throws on a union with no field set (a logical type of a kind it does not know).
     */
    private static void assertAgree(Object expected, Object actual, String message) {
        String difference = difference(expected, actual, "");
        if (difference != null) {
            fail(message + ": " + difference);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static String difference(Object a, Object b, String path) {
        if (a == null || b == null) {
            return a == b ? null : path + ": " + a + " against " + b;
        }
        if (a.getClass() != b.getClass() && !(a instanceof List && b instanceof List)) {
            return path + ": a " + a.getClass() + " against a " + b.getClass();
        }
        if (a instanceof TUnion union) {
            TUnion other = (TUnion) b;
            if (union.getSetField() != other.getSetField()) {
                return path + ": member " + union.getSetField() + " against " + other.getSetField();
            }
            return union.getSetField() == null ? null
                    : difference(union.getFieldValue(), other.getFieldValue(), path + "." + union.getSetField().getFieldName());
        }
        if (a instanceof TBase struct) {
            TBase other = (TBase) b;
            for (Object key : FieldMetaData.getStructMetaDataMap(struct.getClass()).keySet()) {
                TFieldIdEnum field = (TFieldIdEnum) key;
                String at = path + "." + field.getFieldName();
                if (struct.isSet(field) != other.isSet(field)) {
                    return at + ": set " + struct.isSet(field) + " against " + other.isSet(field);
                }
                String difference = struct.isSet(field)
                        ? difference(struct.getFieldValue(field), other.getFieldValue(field), at) : null;
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        if (a instanceof List list) {
            List other = (List) b;
            if (list.size() != other.size()) {
                return path + ": " + list.size() + " elements against " + other.size();
            }
            for (int k = 0; k < list.size(); k++) {
                String difference = difference(list.get(k), other.get(k), path + "[" + k + "]");
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        if (a instanceof byte[] bytes) {
            return Arrays.equals(bytes, (byte[]) b) ? null
                    : path + ": " + Arrays.toString(bytes) + " against " + Arrays.toString((byte[]) b);
        }
        // Doubles by their bits, so that a NaN equals itself as Thrift's equals has it.
        if (a instanceof Double x) {
            return Double.doubleToLongBits(x) == Double.doubleToLongBits((Double) b) ? null : path + ": " + a + " against " + b;
        }
        return a.equals(b) ? null : path + ": " + a + " against " + b;
    }

    /** 1 if both readers take the bytes (and then agree), 0 if this one refuses them with an IOException. */
    private static int agreesOnFooter(byte[] bytes) {
        FileMetaData own;
        try {
            own = CompactThrift.fileMetaData(bytes, 0, bytes.length);
        } catch (IOException e) {
            return 0;
        } catch (RuntimeException e) {
            throw new AssertionError("not an IOException for " + Arrays.toString(bytes), e);
        }
        FileMetaData reference;
        try {
            reference = Util.readFileMetaData(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        assertAgree(reference, own, "a corrupted footer");
        return 1;
    }

    private static int agreesOnPageHeader(byte[] bytes) {
        CompactThrift.Header own;
        try {
            own = CompactThrift.pageHeader(bytes, 0, bytes.length);
        } catch (IOException e) {
            return 0;
        } catch (RuntimeException e) {
            throw new AssertionError("not an IOException for " + Arrays.toString(bytes), e);
        }
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        PageHeader reference;
        try {
            reference = Util.readPageHeader(in);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        assertAgree(reference, own.header(), "a corrupted page header");
        assertEquals(bytes.length - in.available(), own.end());
        return 1;
    }

    /** Compares the page headers of a column chunk, read one after another from its start; how many. */
    private static int assertPageHeadersAgree(byte[] file, ColumnMetaData meta) throws IOException {
        long start = meta.getData_page_offset();
        if (meta.isSetDictionary_page_offset() && meta.getDictionary_page_offset() > 0) {
            start = Math.min(start, meta.getDictionary_page_offset());
        }
        int position = (int) start;
        int end = (int) (start + meta.getTotal_compressed_size());
        int pages = 0;
        while (position < end) {
            ByteArrayInputStream in = new ByteArrayInputStream(file, position, end - position);
            PageHeader expected = Util.readPageHeader(in);
            CompactThrift.Header own = CompactThrift.pageHeader(file, position, end);
            assertAgree(expected, own.header(), "a page header at " + position);
            assertEquals(end - in.available(), own.end());
            position = own.end() + expected.getCompressed_page_size();
            pages++;
        }
        assertEquals(end, position);
        return pages;
    }

    private static byte[] footer(byte[] file) {
        int length = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return Arrays.copyOfRange(file, file.length - 8 - length, file.length - 8);
    }

    private static byte[] write(FileMetaData metadata) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Util.writeFileMetaData(metadata, out);
        return out.toByteArray();
    }

    /** Written without the writer's check of required fields, as a broken writer would. */
    private static byte[] writeUnchecked(FileMetaData metadata) throws TException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TCompactProtocol protocol = new TCompactProtocol(new TIOStreamTransport(out));
        protocol.writeStructBegin(new TStruct("FileMetaData"));
        protocol.writeFieldBegin(new TField("version", TType.I32, (short) 1));
        protocol.writeI32(metadata.getVersion());
        protocol.writeFieldEnd();
        protocol.writeFieldBegin(new TField("schema", TType.LIST, (short) 2));
        protocol.writeListBegin(new TList(TType.STRUCT, metadata.getSchemaSize()));
        for (SchemaElement element : metadata.getSchema()) {
            element.write(protocol);
        }
        protocol.writeListEnd();
        protocol.writeFieldEnd();
        protocol.writeFieldBegin(new TField("num_rows", TType.I64, (short) 3));
        protocol.writeI64(metadata.getNum_rows());
        protocol.writeFieldEnd();
        protocol.writeFieldBegin(new TField("row_groups", TType.LIST, (short) 4));
        protocol.writeListBegin(new TList(TType.STRUCT, metadata.getRow_groupsSize()));
        for (RowGroup group : metadata.getRow_groups()) {
            // RowGroup's own writer would refuse the missing field: its fields written here instead.
            protocol.writeStructBegin(new TStruct("RowGroup"));
            protocol.writeFieldBegin(new TField("columns", TType.LIST, (short) 1));
            protocol.writeListBegin(new TList(TType.STRUCT, group.getColumnsSize()));
            for (ColumnChunk chunk : group.getColumns()) {
                chunk.write(protocol);
            }
            protocol.writeListEnd();
            protocol.writeFieldEnd();
            protocol.writeFieldBegin(new TField("total_byte_size", TType.I64, (short) 2));
            protocol.writeI64(group.getTotal_byte_size());
            protocol.writeFieldEnd();
            if (group.isSetNum_rows()) {
                protocol.writeFieldBegin(new TField("num_rows", TType.I64, (short) 3));
                protocol.writeI64(group.getNum_rows());
                protocol.writeFieldEnd();
            }
            protocol.writeFieldStop();
            protocol.writeStructEnd();
        }
        protocol.writeListEnd();
        protocol.writeFieldEnd();
        protocol.writeFieldStop();
        protocol.writeStructEnd();
        return out.toByteArray();
    }

    private static byte[] write(PageHeader header) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Util.writePageHeader(header, out);
        return out.toByteArray();
    }

    /** A field of id {@code id} of a random type, nested lists, sets, maps and structs among them. */
    private static void unknownField(TCompactProtocol protocol, SplittableRandom random, short id) throws TException {
        byte[] types = {TType.BOOL, TType.BYTE, TType.I16, TType.I32, TType.I64, TType.DOUBLE, TType.STRING,
            TType.LIST, TType.SET, TType.MAP, TType.STRUCT};
        byte type = types[random.nextInt(types.length)];
        protocol.writeFieldBegin(new TField("unknown", type, id));
        value(protocol, random, type, 3);
        protocol.writeFieldEnd();
    }

    private static void value(TCompactProtocol protocol, SplittableRandom random, byte type, int depth) throws TException {
        byte[] scalars = {TType.BOOL, TType.BYTE, TType.I16, TType.I32, TType.I64, TType.DOUBLE, TType.STRING};
        byte[] all = {TType.BOOL, TType.BYTE, TType.I16, TType.I32, TType.I64, TType.DOUBLE, TType.STRING,
            TType.LIST, TType.SET, TType.MAP, TType.STRUCT};
        byte[] inner = depth > 0 ? all : scalars;
        switch (type) {
            case TType.BOOL -> protocol.writeBool(random.nextBoolean());
            case TType.BYTE -> protocol.writeByte((byte) random.nextInt());
            case TType.I16 -> protocol.writeI16((short) random.nextInt());
            case TType.I32 -> protocol.writeI32(random.nextInt());
            case TType.I64 -> protocol.writeI64(random.nextLong());
            case TType.DOUBLE -> protocol.writeDouble(random.nextDouble());
            case TType.STRING -> protocol.writeString("x".repeat(random.nextInt(20)));
            case TType.LIST, TType.SET -> {
                byte element = inner[random.nextInt(inner.length)];
                int size = random.nextInt(20);
                if (type == TType.LIST) {
                    protocol.writeListBegin(new TList(element, size));
                } else {
                    protocol.writeSetBegin(new shaded.parquet.org.apache.thrift.protocol.TSet(element, size));
                }
                for (int k = 0; k < size; k++) {
                    value(protocol, random, element, depth - 1);
                }
            }
            case TType.MAP -> {
                byte key = scalars[random.nextInt(scalars.length)];
                byte value = inner[random.nextInt(inner.length)];
                int size = random.nextInt(4);
                protocol.writeMapBegin(new TMap(key, value, size));
                for (int k = 0; k < size; k++) {
                    value(protocol, random, key, 0);
                    value(protocol, random, value, depth - 1);
                }
            }
            case TType.STRUCT -> {
                protocol.writeStructBegin(new TStruct("Unknown"));
                for (int k = random.nextInt(4); k > 0; k--) {
                    byte field = inner[random.nextInt(inner.length)];
                    protocol.writeFieldBegin(new TField("f", field, (short) (1 + k * 3)));
                    value(protocol, random, field, depth - 1);
                    protocol.writeFieldEnd();
                }
                protocol.writeFieldStop();
                protocol.writeStructEnd();
            }
            default -> fail("type " + type);
        }
    }

    /** A footer with every optional field of every struct set or not at random. */
    private static FileMetaData fileMetaData(SplittableRandom random) {
        List<SchemaElement> schema = new ArrayList<>();
        int columns = 1 + random.nextInt(6);
        SchemaElement root = new SchemaElement("schema");
        root.setNum_children(columns);
        schema.add(root);
        for (int c = 0; c < columns; c++) {
            schema.add(schemaElement(random, c));
        }
        List<RowGroup> groups = new ArrayList<>();
        for (int g = random.nextInt(4); g >= 0; g--) {
            List<ColumnChunk> chunks = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                chunks.add(columnChunk(random, c));
            }
            RowGroup group = new RowGroup(chunks, random.nextLong(), random.nextInt(1 << 20));
            if (random.nextBoolean()) {
                group.setSorting_columns(List.of(new SortingColumn(random.nextInt(columns), random.nextBoolean(),
                        random.nextBoolean())));
            }
            if (random.nextBoolean()) {
                group.setFile_offset(random.nextLong(1L << 40));
            }
            if (random.nextBoolean()) {
                group.setTotal_compressed_size(random.nextLong());
            }
            if (random.nextBoolean()) {
                group.setOrdinal((short) random.nextInt(Short.MAX_VALUE));
            }
            groups.add(group);
        }
        FileMetaData metadata = new FileMetaData(random.nextInt(3), schema, random.nextLong(1L << 40), groups);
        if (random.nextBoolean()) {
            metadata.setKey_value_metadata(keyValues(random));
        }
        if (random.nextBoolean()) {
            metadata.setCreated_by("ladder test é " + random.nextInt());
        }
        if (random.nextBoolean()) {
            List<ColumnOrder> orders = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                orders.add(ColumnOrder.TYPE_ORDER(new TypeDefinedOrder()));
            }
            metadata.setColumn_orders(orders);
        }
        if (random.nextInt(3) == 0) {
            metadata.setEncryption_algorithm(random.nextBoolean()
                    ? EncryptionAlgorithm.AES_GCM_V1(aesGcm(random))
                    : EncryptionAlgorithm.AES_GCM_CTR_V1(aesGcmCtr(random)));
        }
        if (random.nextBoolean()) {
            metadata.setFooter_signing_key_metadata(bytes(random));
        }
        return metadata;
    }

    private static AesGcmV1 aesGcm(SplittableRandom random) {
        AesGcmV1 gcm = new AesGcmV1();
        if (random.nextBoolean()) {
            gcm.setAad_prefix(bytes(random));
        }
        if (random.nextBoolean()) {
            gcm.setAad_file_unique(bytes(random));
        }
        if (random.nextBoolean()) {
            gcm.setSupply_aad_prefix(random.nextBoolean());
        }
        return gcm;
    }

    private static AesGcmCtrV1 aesGcmCtr(SplittableRandom random) {
        AesGcmCtrV1 ctr = new AesGcmCtrV1();
        if (random.nextBoolean()) {
            ctr.setAad_prefix(bytes(random));
        }
        if (random.nextBoolean()) {
            ctr.setAad_file_unique(bytes(random));
        }
        if (random.nextBoolean()) {
            ctr.setSupply_aad_prefix(random.nextBoolean());
        }
        return ctr;
    }

    private static SchemaElement schemaElement(SplittableRandom random, int c) {
        SchemaElement element = new SchemaElement("column-" + c);
        Type[] types = Type.values();
        element.setType(types[random.nextInt(types.length)]);
        element.setRepetition_type(FieldRepetitionType.values()[random.nextInt(3)]);
        if (random.nextBoolean()) {
            element.setType_length(random.nextInt(100));
        }
        if (random.nextBoolean()) {
            ConvertedType[] converted = ConvertedType.values();
            element.setConverted_type(converted[random.nextInt(converted.length)]);
        }
        if (random.nextBoolean()) {
            element.setScale(random.nextInt(10));
            element.setPrecision(random.nextInt(38));
        }
        if (random.nextBoolean()) {
            element.setField_id(random.nextInt());
        }
        if (random.nextInt(4) != 0) {
            element.setLogicalType(logicalType(random));
        }
        return element;
    }

    private static LogicalType logicalType(SplittableRandom random) {
        TimeUnit unit = switch (random.nextInt(3)) {
            case 0 -> TimeUnit.MILLIS(new MilliSeconds());
            case 1 -> TimeUnit.MICROS(new MicroSeconds());
            default -> TimeUnit.NANOS(new NanoSeconds());
        };
        return switch (random.nextInt(18)) {
            case 0 -> LogicalType.STRING(new org.apache.parquet.format.StringType());
            case 1 -> LogicalType.MAP(new org.apache.parquet.format.MapType());
            case 2 -> LogicalType.LIST(new org.apache.parquet.format.ListType());
            case 3 -> LogicalType.ENUM(new org.apache.parquet.format.EnumType());
            case 4 -> LogicalType.DECIMAL(new DecimalType(random.nextInt(10), random.nextInt(38)));
            case 5 -> LogicalType.DATE(new org.apache.parquet.format.DateType());
            case 6 -> LogicalType.TIME(new TimeType(random.nextBoolean(), unit));
            case 7 -> LogicalType.TIMESTAMP(new TimestampType(random.nextBoolean(), unit));
            case 8 -> LogicalType.INTEGER(new IntType((byte) (8 << random.nextInt(4)), random.nextBoolean()));
            case 9 -> LogicalType.UNKNOWN(new org.apache.parquet.format.NullType());
            case 10 -> LogicalType.JSON(new org.apache.parquet.format.JsonType());
            case 11 -> LogicalType.BSON(new org.apache.parquet.format.BsonType());
            case 12 -> LogicalType.UUID(new org.apache.parquet.format.UUIDType());
            case 13 -> LogicalType.FLOAT16(new org.apache.parquet.format.Float16Type());
            case 14 -> {
                VariantType variant = new VariantType();
                if (random.nextBoolean()) {
                    variant.setSpecification_version((byte) 1);
                }
                yield LogicalType.VARIANT(variant);
            }
            case 15 -> {
                GeometryType geometry = new GeometryType();
                if (random.nextBoolean()) {
                    geometry.setCrs("OGC:CRS84");
                }
                yield LogicalType.GEOMETRY(geometry);
            }
            case 16 -> {
                GeographyType geography = new GeographyType();
                if (random.nextBoolean()) {
                    geography.setCrs("OGC:CRS84");
                }
                if (random.nextBoolean()) {
                    geography.setAlgorithm(EdgeInterpolationAlgorithm.values()[random.nextInt(2)]);
                }
                yield LogicalType.GEOGRAPHY(geography);
            }
            default -> LogicalType.INTEGER(new IntType((byte) 64, false));
        };
    }

    private static ColumnChunk columnChunk(SplittableRandom random, int c) {
        ColumnChunk chunk = new ColumnChunk(random.nextLong(1L << 40));
        if (random.nextInt(4) != 0) {
            chunk.setMeta_data(columnMetaData(random, c));
        }
        if (random.nextInt(5) == 0) {
            chunk.setFile_path("part-" + c + ".parquet");
        }
        if (random.nextBoolean()) {
            chunk.setOffset_index_offset(random.nextLong(1L << 40));
            chunk.setOffset_index_length(random.nextInt(1 << 20));
        }
        if (random.nextBoolean()) {
            chunk.setColumn_index_offset(random.nextLong(1L << 40));
            chunk.setColumn_index_length(random.nextInt(1 << 20));
        }
        if (random.nextInt(5) == 0) {
            if (random.nextBoolean()) {
                chunk.setCrypto_metadata(ColumnCryptoMetaData.ENCRYPTION_WITH_FOOTER_KEY(new EncryptionWithFooterKey()));
            } else {
                EncryptionWithColumnKey key = new EncryptionWithColumnKey(List.of("column-" + c, "leaf"));
                if (random.nextBoolean()) {
                    key.setKey_metadata(bytes(random));
                }
                chunk.setCrypto_metadata(ColumnCryptoMetaData.ENCRYPTION_WITH_COLUMN_KEY(key));
            }
        }
        if (random.nextInt(5) == 0) {
            chunk.setEncrypted_column_metadata(bytes(random));
        }
        return chunk;
    }

    private static ColumnMetaData columnMetaData(SplittableRandom random, int c) {
        Encoding[] encodings = Encoding.values();
        List<Encoding> used = new ArrayList<>();
        for (int k = random.nextInt(4); k >= 0; k--) {
            used.add(encodings[random.nextInt(encodings.length)]);
        }
        CompressionCodec[] codecs = CompressionCodec.values();
        Type[] types = Type.values();
        ColumnMetaData meta = new ColumnMetaData(types[random.nextInt(types.length)], used, List.of("column-" + c),
                codecs[random.nextInt(codecs.length)], random.nextLong(1L << 40), random.nextLong(1L << 40),
                random.nextLong(1L << 40), random.nextLong(1L << 40));
        if (random.nextBoolean()) {
            meta.setKey_value_metadata(keyValues(random));
        }
        if (random.nextBoolean()) {
            meta.setIndex_page_offset(random.nextLong());
        }
        if (random.nextBoolean()) {
            meta.setDictionary_page_offset(random.nextLong(1L << 40));
        }
        if (random.nextBoolean()) {
            meta.setStatistics(statistics(random));
        }
        if (random.nextBoolean()) {
            meta.setEncoding_stats(List.of(new PageEncodingStats(PageType.DATA_PAGE, Encoding.PLAIN, random.nextInt()),
                    new PageEncodingStats(PageType.DICTIONARY_PAGE, Encoding.RLE_DICTIONARY, random.nextInt())));
        }
        if (random.nextBoolean()) {
            meta.setBloom_filter_offset(random.nextLong());
            meta.setBloom_filter_length(random.nextInt());
        }
        if (random.nextBoolean()) {
            SizeStatistics sizes = new SizeStatistics();
            if (random.nextBoolean()) {
                sizes.setUnencoded_byte_array_data_bytes(random.nextLong());
            }
            if (random.nextBoolean()) {
                sizes.setRepetition_level_histogram(List.of(random.nextLong(), -1L));
            }
            sizes.setDefinition_level_histogram(List.of(random.nextLong(), 0L, Long.MIN_VALUE));
            meta.setSize_statistics(sizes);
        }
        if (random.nextInt(4) == 0) {
            GeospatialStatistics geo = new GeospatialStatistics();
            if (random.nextBoolean()) {
                BoundingBox box = new BoundingBox(random.nextDouble(), random.nextDouble(), -random.nextDouble(),
                        Double.MAX_VALUE);
                if (random.nextBoolean()) {
                    box.setZmin(random.nextDouble());
                    box.setZmax(random.nextDouble());
                }
                if (random.nextBoolean()) {
                    box.setMmin(Double.NEGATIVE_INFINITY);
                    box.setMmax(random.nextDouble());
                }
                geo.setBbox(box);
            }
            if (random.nextBoolean()) {
                geo.setGeospatial_types(List.of(1, 2, random.nextInt()));
            }
            meta.setGeospatial_statistics(geo);
        }
        return meta;
    }

    private static Statistics statistics(SplittableRandom random) {
        Statistics statistics = new Statistics();
        if (random.nextBoolean()) {
            statistics.setMax(bytes(random));
            statistics.setMin(bytes(random));
        }
        if (random.nextBoolean()) {
            statistics.setNull_count(random.nextLong(1L << 40));
        }
        if (random.nextBoolean()) {
            statistics.setDistinct_count(random.nextLong(1L << 40));
        }
        if (random.nextBoolean()) {
            statistics.setMax_value(bytes(random));
            statistics.setMin_value(bytes(random));
        }
        if (random.nextBoolean()) {
            statistics.setIs_max_value_exact(random.nextBoolean());
            statistics.setIs_min_value_exact(random.nextBoolean());
        }
        return statistics;
    }

    private static PageHeader pageHeader(SplittableRandom random) {
        PageType[] types = PageType.values();
        PageHeader header = new PageHeader(types[random.nextInt(types.length)], random.nextInt(1 << 24),
                random.nextInt(1 << 24));
        Encoding[] encodings = Encoding.values();
        if (random.nextBoolean()) {
            header.setCrc(random.nextInt());
        }
        switch (random.nextInt(4)) {
            case 0 -> {
                DataPageHeader data = new DataPageHeader(random.nextInt(1 << 20), encodings[random.nextInt(encodings.length)],
                        Encoding.RLE, Encoding.BIT_PACKED);
                if (random.nextBoolean()) {
                    data.setStatistics(statistics(random));
                }
                header.setData_page_header(data);
            }
            case 1 -> {
                DictionaryPageHeader dictionary = new DictionaryPageHeader(random.nextInt(1 << 20), Encoding.PLAIN);
                if (random.nextBoolean()) {
                    dictionary.setIs_sorted(random.nextBoolean());
                }
                header.setDictionary_page_header(dictionary);
            }
            case 2 -> {
                DataPageHeaderV2 data = new DataPageHeaderV2(random.nextInt(1 << 20), random.nextInt(1 << 10),
                        random.nextInt(1 << 20), encodings[random.nextInt(encodings.length)], random.nextInt(1 << 10),
                        random.nextInt(1 << 10));
                if (random.nextBoolean()) {
                    data.setIs_compressed(random.nextBoolean());
                }
                if (random.nextBoolean()) {
                    data.setStatistics(statistics(random));
                }
                header.setData_page_header_v2(data);
            }
            default -> header.setIndex_page_header(new IndexPageHeader());
        }
        return header;
    }

    private static List<KeyValue> keyValues(SplittableRandom random) {
        List<KeyValue> pairs = new ArrayList<>();
        for (int k = random.nextInt(3); k >= 0; k--) {
            KeyValue pair = new KeyValue("key-" + k);
            if (random.nextBoolean()) {
                pair.setValue("value ✓ " + random.nextInt());
            }
            pairs.add(pair);
        }
        return pairs;
    }

    private static ByteBuffer bytes(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(12)];
        random.nextBytes(bytes);
        return ByteBuffer.wrap(bytes);
    }
}
