package ladder.engine.io.arrow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.dataset.file.DatasetFileWriter;
import org.apache.arrow.dataset.file.FileFormat;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VariableWidthFieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Writes small tables as Arrow IPC files and streams (with arrow-vector) and as Parquet files
 * (with arrow-dataset's native writer), for the readers' tests.
 */
final class ArrowTables {
    static final ArrowType UTF8 = new ArrowType.Utf8();
    static final ArrowType INT32 = new ArrowType.Int(32, true);
    static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    static final ArrowType FLOAT32 = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);

    /**
     * Never closed: the native dataset writer releases the batches it was handed on its own
     * threads after {@code write} returns, so an allocator closed then reports them as leaked.
     */
    private static final BufferAllocator PARQUET_WRITING = new RootAllocator();

    private ArrowTables() {}

    /**
     * One column: its name, its Arrow type (the values' type when dictionary-encoded) and its
     * values, one per row: a String (or byte[]) for strings, a Number for numbers, a Boolean for
     * booleans, null for null.
     */
    record Column(String name, ArrowType type, boolean dictionary, List<Object> values) {
        static Column of(String name, ArrowType type, Object... values) {
            return new Column(name, type, false, Arrays.asList(values));
        }

        static Column dictionary(String name, String... values) {
            return new Column(name, UTF8, true, Arrays.asList((Object[]) values));
        }

        Column named(String other) {
            return new Column(other, type, dictionary, values);
        }
    }

    /** How a table is written to a file. */
    enum Format {
        ARROW_FILE(".arrow"), ARROW_STREAM(".ipc"), FEATHER_LZ4(".feather"), PARQUET(".parquet");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** Writes {@code columns} to {@code dir/name + extension} in batches of {@code batchRows}. */
        Path write(Path dir, String name, List<Column> columns, int batchRows) throws IOException {
            Path file = dir.resolve(name + extension);
            switch (this) {
                case ARROW_FILE -> writeIpc(file, columns, batchRows, false, CompressionUtil.CodecType.NO_COMPRESSION);
                case ARROW_STREAM -> writeIpc(file, columns, batchRows, true, CompressionUtil.CodecType.NO_COMPRESSION);
                case FEATHER_LZ4 -> writeIpc(file, columns, batchRows, false, CompressionUtil.CodecType.LZ4_FRAME);
                case PARQUET -> writeParquet(file, columns, batchRows);
            }
            return file;
        }

        /** A reader for this format; Parquet's decodes {@code batchRows} rows at a time. */
        ladder.engine.io.SourceReader reader(int batchRows) {
            return this == PARQUET ? new ParquetReader(batchRows) : new ArrowIpcReader();
        }
    }

    static void writeIpc(Path file, List<Column> columns, int batchRows, boolean stream,
            CompressionUtil.CodecType codec) throws IOException {
        try (BufferAllocator allocator = new RootAllocator();
                Batches batches = new Batches(allocator, columns);
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                ArrowWriter writer = stream
                        ? new ArrowStreamWriter(batches.root, batches.provider, channel, IpcOption.DEFAULT,
                                codecs(codec), codec)
                        : new ArrowFileWriter(batches.root, batches.provider, channel, Map.of(), IpcOption.DEFAULT,
                                codecs(codec), codec)) {
            writer.start();
            for (int from = 0; from < batches.rows || from == 0; from += batchRows) {
                batches.fill(from, Math.min(batchRows, batches.rows - from));
                writer.writeBatch();
            }
            writer.end();
        }
    }

    private static CompressionCodec.Factory codecs(CompressionUtil.CodecType codec) {
        return codec == CompressionUtil.CodecType.NO_COMPRESSION
                ? NoCompressionCodec.Factory.INSTANCE : CommonsCompressionFactory.INSTANCE;
    }

    /**
     * Writes a Parquet file through arrow-dataset: the batches go to an in-memory IPC stream whose
     * reader the native dataset writer consumes into a directory, whose one file is then moved.
     * The writer makes no file for a table without rows.
     */
    static void writeParquet(Path file, List<Column> columns, int batchRows) throws IOException {
        Path stream = Files.createTempFile(file.getParent(), "batches", ".ipc");
        writeIpc(stream, columns, batchRows, true, CompressionUtil.CodecType.NO_COMPRESSION);
        Path dir = Files.createTempDirectory(file.getParent(), "parquet");
        try (ArrowReader reader = new ArrowStreamReader(
                new ByteArrayInputStream(Files.readAllBytes(stream)), PARQUET_WRITING)) {
            DatasetFileWriter.write(PARQUET_WRITING, reader, FileFormat.PARQUET, dir.toUri().toString());
        }
        List<Path> written;
        try (Stream<Path> files = Files.list(dir)) {
            written = files.toList();
        }
        if (written.size() != 1) {
            throw new IllegalStateException("expected one Parquet file, the writer made " + written);
        }
        Files.move(written.get(0), file);
        Files.delete(dir);
        Files.delete(stream);
    }

    /** Writes arbitrary bytes, for files that are not what their name claims. */
    static Path writeBytes(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** The vectors of a table being written, refilled for each batch. */
    private static final class Batches implements AutoCloseable {
        final VectorSchemaRoot root;
        final DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider();
        final int rows;
        private final List<Column> columns;
        private final Map<Integer, Map<String, Integer>> codes = new LinkedHashMap<>();

        Batches(BufferAllocator allocator, List<Column> columns) {
            this.columns = columns;
            this.rows = columns.isEmpty() ? 0 : columns.get(0).values().size();
            List<FieldVector> vectors = new ArrayList<>();
            long id = 0;
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                if (column.dictionary()) {
                    DictionaryEncoding encoding = new DictionaryEncoding(id++, false, new ArrowType.Int(32, true));
                    Map<String, Integer> index = new LinkedHashMap<>();
                    column.values().stream().filter(v -> v != null).forEach(v -> index.putIfAbsent((String) v, index.size()));
                    FieldVector values = new Field(column.name() + "_dictionary", FieldType.nullable(UTF8), null)
                            .createVector(allocator);
                    List<Object> distinct = new ArrayList<>(index.keySet());
                    set(values, distinct, 0, distinct.size());
                    provider.put(new Dictionary(values, encoding));
                    codes.put(c, index);
                    vectors.add(new Field(column.name(), new FieldType(true, encoding.getIndexType(), encoding), null)
                            .createVector(allocator));
                } else {
                    vectors.add(new Field(column.name(), FieldType.nullable(column.type()), null).createVector(allocator));
                }
            }
            root = new VectorSchemaRoot(vectors.stream().map(FieldVector::getField).toList(), vectors, 0);
        }

        void fill(int from, int count) {
            for (int c = 0; c < columns.size(); c++) {
                List<Object> values = columns.get(c).values().subList(from, from + count);
                Map<String, Integer> index = codes.get(c);
                set(root.getVector(c), index == null ? values
                        : values.stream().map(v -> v == null ? null : (Object) index.get(v)).toList(), 0, count);
            }
            root.setRowCount(count);
        }

        private static void set(FieldVector vector, List<Object> values, int from, int count) {
            vector.reset();
            vector.setInitialCapacity(Math.max(count, 1));
            vector.allocateNew();
            for (int i = 0; i < count; i++) {
                Object value = values.get(from + i);
                if (value == null) {
                    vector.setNull(i);
                } else if (vector instanceof VariableWidthFieldVector v) {
                    v.setSafe(i, value instanceof byte[] b ? b : ((String) value).getBytes(StandardCharsets.UTF_8));
                } else if (vector instanceof Float8Vector v) {
                    v.setSafe(i, ((Number) value).doubleValue());
                } else if (vector instanceof Float4Vector v) {
                    v.setSafe(i, ((Number) value).floatValue());
                } else if (vector instanceof BaseIntVector v) {
                    v.setWithPossibleTruncate(i, ((Number) value).longValue());
                } else if (vector instanceof BitVector v) {
                    v.setSafe(i, (Boolean) value ? 1 : 0);
                } else {
                    throw new IllegalArgumentException("no writer for " + vector.getField());
                }
            }
            vector.setValueCount(count);
        }

        @Override
        public void close() {
            root.close();
            for (long id : provider.getDictionaryIds()) {
                provider.lookup(id).getVector().close();
            }
        }
    }
}
