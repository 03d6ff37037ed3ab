package ladder.engine.io.parquet;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Type;

/**
 * The footer of a Parquet file (its Thrift-encoded {@link FileMetaData}, read into
 * parquet-format-structures' objects by {@link CompactThrift}) and what Ladder's decoder needs of it: the flat schema's columns,
 * the row groups, and the bytes of a column chunk.
 *
 * <p>Ladder reads flat files whose columns are integers (INT32, INT64, with or without an integer
 * annotation), floats (FLOAT, DOUBLE) or UTF-8 strings (BYTE_ARRAY), compressed with Snappy, gzip,
 * Zstandard, raw LZ4 or Brotli, or not at all, in any of the encodings writers use for those types (PLAIN,
 * dictionary, RLE levels, the three delta encodings, BYTE_STREAM_SPLIT), in data pages of either
 * version. A nested schema or an encrypted footer is {@link UnsupportedParquet}; so, column by
 * column, is any other type or codec ({@link #unsupported}).
 */
public final class ParquetFile {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    /**
     * The encodings a column chunk may list. BIT_PACKED is listed by parquet-mr (Spark, Hive) for
     * the repetition levels of flat columns, which have none to decode; a page whose values or
     * definition levels really are BIT_PACKED is refused by {@link ColumnChunkReader}, naming it.
     */
    private static final Set<Encoding> ENCODINGS = EnumSet.of(Encoding.PLAIN, Encoding.PLAIN_DICTIONARY,
            Encoding.RLE_DICTIONARY, Encoding.RLE, Encoding.BIT_PACKED, Encoding.DELTA_BINARY_PACKED,
            Encoding.DELTA_LENGTH_BYTE_ARRAY, Encoding.DELTA_BYTE_ARRAY, Encoding.BYTE_STREAM_SPLIT);
    /** What a user can do about a codec or an encoding Ladder does not read. */
    private static final String REWRITE = "; rewrite it with snappy, zstd or gzip";
    private static final String FLAT = "; the contract's tables are flat: write the file without it";
    private static final String UNENCRYPTED = "; write it without Parquet encryption";

    /** The largest column chunk read whole into one array. */
    private static final long MAX_CHUNK = Integer.MAX_VALUE - 64;

    private final FileChannel channel;
    private final long size;
    private final FileMetaData metadata;
    private final List<LeafColumn> columns;

    private ParquetFile(FileChannel channel, long size, FileMetaData metadata, List<LeafColumn> columns) {
        this.channel = channel;
        this.size = size;
        this.metadata = metadata;
        this.columns = columns;
    }

    /**
     * Reads the footer of the Parquet file open on {@code channel}; an {@link IOException} if the
     * bytes are not a Parquet file, {@link UnsupportedParquet} if the file is one Ladder's decoder
     * does not read as a whole. The channel stays the caller's to close.
     */
    public static ParquetFile open(FileChannel channel) throws IOException, UnsupportedParquet {
        long size = channel.size();
        if (size < 12) {
            throw new IOException("a file of " + size + " bytes is too short to be Parquet");
        }
        byte[] head = read(channel, 0, 4);
        byte[] tail = read(channel, size - 8, 8);
        if (tail[4] == 'P' && tail[5] == 'A' && tail[6] == 'R' && tail[7] == 'E') {
            throw new UnsupportedParquet("its footer is encrypted" + UNENCRYPTED);
        }
        if (!startsWithMagic(head, 0) || !startsWithMagic(tail, 4)) {
            throw new IOException("no PAR1 magic number at its start and end");
        }
        long footerLength = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
        if (footerLength > size - 12) {
            throw new IOException("a footer of " + footerLength + " bytes in a file of " + size);
        }
        byte[] footer = read(channel, size - 8 - footerLength, (int) footerLength);
        FileMetaData metadata;
        try {
            metadata = CompactThrift.fileMetaData(footer, 0, footer.length);
        } catch (IOException | RuntimeException e) {
            throw new IOException("its footer cannot be read (" + e.getMessage() + ")", e);
        }
        if (metadata.isSetEncryption_algorithm()) {
            throw new UnsupportedParquet("it is encrypted" + UNENCRYPTED);
        }
        return new ParquetFile(channel, size, metadata, leaves(metadata));
    }

    /**
     * This file open again on {@code channel} (the load's channel closed), its footer as read
     * then, not read again; an {@link IOException} if the file is not the size it was.
     */
    public ParquetFile reopened(FileChannel channel) throws IOException {
        long now = channel.size();
        if (now != size) {
            throw new IOException("it has changed since it was read: " + now + " bytes, not " + size);
        }
        return new ParquetFile(channel, size, metadata, columns);
    }

    /** The file's columns in order; each column's chunks are {@code index()}-th in every row group. */
    public List<LeafColumn> columns() {
        return columns;
    }

    /** The number of row groups. */
    public int rowGroups() {
        return metadata.getRow_groupsSize();
    }

    /** The number of rows in row group {@code g}. */
    public long rows(int g) {
        return metadata.getRow_groups().get(g).getNum_rows();
    }

    /** The file's key-value metadata value for {@code key}, or null. */
    public String keyValue(String key) {
        if (metadata.isSetKey_value_metadata()) {
            for (var pair : metadata.getKey_value_metadata()) {
                if (key.equals(pair.getKey())) {
                    return pair.getValue();
                }
            }
        }
        return null;
    }

    /**
     * Why {@code column}'s chunks cannot be decoded by Ladder (its type, a codec or an encoding),
     * or null when they can.
     */
    public String unsupported(LeafColumn column) {
        if (column.unsupported() != null) {
            return column.unsupported();
        }
        for (RowGroup group : metadata.getRow_groups()) {
            ColumnMetaData meta = chunk(group, column).getMeta_data();
            if (!PageCodec.reads(meta.getCodec())) {
                return "column '" + column.name() + "' is compressed with " + codecName(meta.getCodec()) + REWRITE;
            }
            if (meta.getTotal_compressed_size() > MAX_CHUNK) {
                return "column '" + column.name() + "' has a chunk of " + meta.getTotal_compressed_size()
                        + " bytes, more than one array holds";
            }
            for (Encoding encoding : meta.getEncodings()) {
                if (!ENCODINGS.contains(encoding)) {
                    return "column '" + column.name() + "' uses the " + encoding + " encoding" + REWRITE;
                }
            }
        }
        return null;
    }

    /** A reader of {@code column}'s chunk in row group {@code g}, its bytes read from the file now. */
    public ColumnChunkReader reader(int g, LeafColumn column) throws IOException {
        return reader(g, column, new PageBuffers());
    }

    /**
     * A reader of {@code column}'s chunk in row group {@code g}, its bytes read from the file now
     * into {@code buffers}, which the reader decodes its pages into; a thread reusing them must be
     * done with the last reader given them.
     */
    public ColumnChunkReader reader(int g, LeafColumn column, PageBuffers buffers) throws IOException {
        RowGroup group = metadata.getRow_groups().get(g);
        ColumnMetaData meta = chunk(group, column).getMeta_data();
        long start = meta.getData_page_offset();
        if (meta.isSetDictionary_page_offset() && meta.getDictionary_page_offset() > 0
                && meta.getDictionary_page_offset() < start) {
            start = meta.getDictionary_page_offset();
        }
        long length = meta.getTotal_compressed_size();
        if (start < 4 || length < 0 || length > size - start || length > MAX_CHUNK) {
            throw new IOException("column '" + column.name() + "' of row group " + (g + 1) + " claims bytes "
                    + start + "+" + length + " of a file of " + size);
        }
        byte[] bytes = buffers.chunk((int) length);
        read(channel, start, bytes, (int) length);
        return new ColumnChunkReader(column, meta, bytes, (int) length, group.getNum_rows(), buffers);
    }

    private static ColumnChunk chunk(RowGroup group, LeafColumn column) {
        ColumnChunk chunk = group.getColumns().get(column.index());
        if (!chunk.isSetMeta_data()) {
            throw new IllegalStateException("a column chunk without metadata passed the checks");
        }
        return chunk;
    }

    /** The top-level columns of a flat schema, with the checks every row group must pass. */
    private static List<LeafColumn> leaves(FileMetaData metadata) throws IOException, UnsupportedParquet {
        List<SchemaElement> schema = metadata.getSchema();
        if (schema == null || schema.isEmpty()) {
            throw new IOException("its footer has no schema");
        }
        List<LeafColumn> columns = new ArrayList<>();
        for (int i = 1; i < schema.size(); i++) {
            SchemaElement element = schema.get(i);
            if (element.getNum_children() > 0 || !element.isSetType()) {
                throw new UnsupportedParquet("column '" + element.getName() + "' is nested (a struct, list or map)"
                        + FLAT);
            }
            if (element.getRepetition_type() == FieldRepetitionType.REPEATED) {
                throw new UnsupportedParquet("column '" + element.getName() + "' is repeated (a list)" + FLAT);
            }
            columns.add(leaf(element, i - 1));
        }
        if (schema.get(0).getNum_children() != columns.size()) {
            throw new IOException("its schema's root claims " + schema.get(0).getNum_children() + " columns of "
                    + columns.size());
        }
        for (RowGroup group : metadata.getRow_groups()) {
            if (group.getColumnsSize() != columns.size()) {
                throw new IOException("a row group has " + group.getColumnsSize() + " column chunks for "
                        + columns.size() + " columns");
            }
            for (ColumnChunk chunk : group.getColumns()) {
                if (chunk.isSetFile_path()) {
                    throw new UnsupportedParquet("its column chunks are in other files");
                }
                if (chunk.isSetCrypto_metadata() || chunk.isSetEncrypted_column_metadata()) {
                    throw new UnsupportedParquet("its columns are encrypted" + UNENCRYPTED);
                }
                if (!chunk.isSetMeta_data()) {
                    throw new IOException("a column chunk without metadata");
                }
            }
        }
        return List.copyOf(columns);
    }

    private static LeafColumn leaf(SchemaElement element, int index) {
        String name = element.getName();
        boolean optional = element.getRepetition_type() != FieldRepetitionType.REQUIRED;
        Type physical = element.getType();
        LogicalType logical = element.isSetLogicalType() ? element.getLogicalType() : null;
        ConvertedType converted = element.isSetConverted_type() ? element.getConverted_type() : null;
        // A logical type of a kind this Thrift library does not know is a union with no field set.
        String annotation = logical != null ? (logical.getSetField() == null ? "an unknown logical type"
                : logical.getSetField().getFieldName()) : converted != null ? converted.name() : null;
        switch (physical) {
            case INT32, INT64 -> {
                int width = physical == Type.INT32 ? 32 : 64;
                boolean signed = true;
                if (logical != null && logical.isSetINTEGER()) {
                    width = logical.getINTEGER().getBitWidth();
                    signed = logical.getINTEGER().isIsSigned();
                } else if (logical == null && converted != null && converted.name().matches("U?INT_\\d+")) {
                    signed = !converted.name().startsWith("U");
                    width = Integer.parseInt(converted.name().replaceAll("\\D", ""));
                } else if (annotation != null) {
                    return unsupported(name, index, physical, optional, physical + " annotated " + annotation);
                }
                ValueType type = physical == Type.INT64 && !signed ? ValueType.UNSIGNED_LONG : ValueType.LONG;
                return new LeafColumn(name, index, physical, optional, type, width, signed, null);
            }
            case FLOAT, DOUBLE -> {
                if (annotation != null) {
                    return unsupported(name, index, physical, optional, physical + " annotated " + annotation);
                }
                return new LeafColumn(name, index, physical, optional,
                        physical == Type.FLOAT ? ValueType.FLOAT : ValueType.DOUBLE, 0, true, null);
            }
            case BYTE_ARRAY -> {
                boolean utf8 = logical != null ? logical.isSetSTRING()
                        : converted == ConvertedType.UTF8;
                if (!utf8) {
                    return unsupported(name, index, physical, optional,
                            "BYTE_ARRAY" + (annotation == null ? " without a string annotation" : " annotated " + annotation));
                }
                return new LeafColumn(name, index, physical, optional, ValueType.STRING, 0, true, null);
            }
            default -> {
                return unsupported(name, index, physical, optional, physical.name());
            }
        }
    }

    /** A codec by the name writers give it: Parquet's LZ4 is Hadoop's framing of LZ4 blocks, not LZ4_RAW. */
    private static String codecName(org.apache.parquet.format.CompressionCodec codec) {
        return codec == org.apache.parquet.format.CompressionCodec.LZ4 ? "LZ4 (hadoop)" : codec.name();
    }

    private static LeafColumn unsupported(String name, int index, Type physical, boolean optional, String what) {
        return new LeafColumn(name, index, physical, optional, null, 0, true, "column '" + name + "' is " + what);
    }

    private static boolean startsWithMagic(byte[] bytes, int at) {
        for (int k = 0; k < MAGIC.length; k++) {
            if (bytes[at + k] != MAGIC[k]) {
                return false;
            }
        }
        return true;
    }

    /** {@code length} bytes of the file from {@code position}. */
    private static byte[] read(FileChannel channel, long position, int length) throws IOException {
        byte[] bytes = new byte[length];
        read(channel, position, bytes, length);
        return bytes;
    }

    /** Reads {@code length} bytes of the file from {@code position} into the start of {@code bytes}. */
    private static void read(FileChannel channel, long position, byte[] bytes, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("the file ends inside bytes its footer points to");
            }
        }
    }
}
