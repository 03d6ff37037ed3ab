package ladder.engine.cube;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.engine.LadderException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A {@link Cube} as an Arrow IPC file, so that an employer can send the steering group a cube
 * instead of personal records, and any Arrow reader (R's {@code arrow::read_ipc_file}, Python's
 * {@code pyarrow.ipc.open_file}) can open it.
 *
 * <p>One row per non-empty cell. Columns: each dimension by its name, a dictionary-encoded string
 * (the dictionary is the dimension's levels, in order); {@code count} (int64, rows); per measure
 * {@code M}: {@code M_n} (int64, non-missing values), {@code M_sum} and {@code M_sum_of_squares}
 * (float64, in the measure's own units, e.g. pounds); and, so that a reread cube is the same to
 * the last bit, {@code M_units_sum} and {@code M_units_sum_of_squares} (float64 integers: the
 * part held exactly in units of 1/scale) and {@code M_loose_sum}, {@code M_loose_sum_of_squares}
 * (the part from values held as doubles). Schema metadata (all strings):
 * {@code ladder.format} = {@value #FORMAT}, {@code ladder.format_version},
 * {@code ladder.contract_version}, {@code ladder.version}, {@code ladder.dimensions} and
 * {@code ladder.measures} (comma-separated; a measure as {@code name:scale}),
 * {@code ladder.filter}, {@code ladder.content_sha256} (a checksum of the cells, checked on
 * reading), {@code ladder.rows_read}, {@code ladder.rows_accepted},
 * {@code ladder.rows_rejected}, and {@code ladder.sources}: one line per input file,
 * {@code file sha256} separated by a tab, the file name URL-encoded.
 */
public final class CubeFile {
    public static final String FORMAT = "ladder-cube";
    public static final String FORMAT_VERSION = "1";
    /** The version of the data contract whose codes the levels are. */
    public static final String CONTRACT_VERSION = "1";
    public static final String LADDER_VERSION = "0.1.0";
    private static final long MEMORY_LIMIT = 1L << 32;

    private CubeFile() {
    }

    /**
     * Writes {@code cube} to {@code file}: to a temporary file beside it, renamed into place when
     * complete, so a failed write leaves any earlier file whole.
     */
    public static void write(Cube cube, Path file) {
        write(cube, file, Map.of());
    }

    /** As {@link #write(Cube, Path)}, with metadata entries replaced by {@code overrides} (for tests of refusals). */
    static void write(Cube cube, Path file, Map<String, String> overrides) {
        ladder.engine.io.OutputFiles.writeAtomically(file, temp -> {
            try (BufferAllocator allocator = new RootAllocator(MEMORY_LIMIT)) {
                writeTo(cube, temp, allocator, overrides);
            }
        });
    }

    private static void writeTo(Cube cube, Path file, BufferAllocator allocator, Map<String, String> overrides)
            throws IOException {
        int n = cube.size();
        List<FieldVector> vectors = new ArrayList<>();
        DictionaryProvider.MapDictionaryProvider dictionaries = new DictionaryProvider.MapDictionaryProvider();
        List<ValueVector> owned = new ArrayList<>();
        try {
            for (int d = 0; d < cube.dimensions().size(); d++) {
                Dimension dim = cube.dimensions().get(d);
                DictionaryEncoding encoding = new DictionaryEncoding(d, false, new ArrowType.Int(32, true));
                VarCharVector levels = new VarCharVector(dim.name() + ".levels", allocator);
                owned.add(levels);
                levels.allocateNew(dim.size());
                for (int l = 0; l < dim.size(); l++) {
                    levels.setSafe(l, dim.levels().get(l).getBytes(StandardCharsets.UTF_8));
                }
                levels.setValueCount(dim.size());
                dictionaries.put(new Dictionary(levels, encoding));
                IntVector indices = new IntVector(dim.name(),
                        new FieldType(false, new ArrowType.Int(32, true), encoding), allocator);
                indices.allocateNew(n);
                for (int c = 0; c < n; c++) {
                    indices.set(c, cube.level(c, d));
                }
                indices.setValueCount(n);
                vectors.add(indices);
            }
            BigIntVector counts = new BigIntVector("count", allocator);
            counts.allocateNew(n);
            for (int c = 0; c < n; c++) {
                counts.set(c, cube.count(c));
            }
            counts.setValueCount(n);
            vectors.add(counts);
            for (int j = 0; j < cube.measures().size(); j++) {
                String m = cube.measures().get(j).name();
                int jj = j;
                BigIntVector values = new BigIntVector(m + "_n", allocator);
                values.allocateNew(n);
                for (int c = 0; c < n; c++) {
                    values.set(c, cube.valueCount(c, jj));
                }
                values.setValueCount(n);
                vectors.add(values);
                vectors.add(doubles(m + "_sum", n, c -> cube.sum(c, jj), allocator));
                vectors.add(doubles(m + "_sum_of_squares", n, c -> cube.sumOfSquares(c, jj), allocator));
                vectors.add(doubles(m + "_units_sum", n, c -> cube.unitSum(c, jj), allocator));
                vectors.add(doubles(m + "_units_sum_of_squares", n, c -> cube.unitSumOfSquares(c, jj), allocator));
                vectors.add(doubles(m + "_loose_sum", n, c -> cube.looseSum(c, jj), allocator));
                vectors.add(doubles(m + "_loose_sum_of_squares", n, c -> cube.looseSumOfSquares(c, jj), allocator));
            }
            List<Field> fields = vectors.stream().map(FieldVector::getField).toList();
            Map<String, String> meta = metadata(cube);
            meta.putAll(overrides);
            VectorSchemaRoot root = new VectorSchemaRoot(new Schema(fields, meta), List.copyOf(vectors), n);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                    ArrowFileWriter writer = new ArrowFileWriter(root, dictionaries, channel)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
        } finally {
            vectors.forEach(ValueVector::close);
            owned.forEach(ValueVector::close);
        }
    }

    private interface CellValue {
        double at(int cell);
    }

    private static Float8Vector doubles(String name, int n, CellValue value, BufferAllocator allocator) {
        Float8Vector v = new Float8Vector(name, allocator);
        v.allocateNew(n);
        for (int c = 0; c < n; c++) {
            v.set(c, value.at(c));
        }
        v.setValueCount(n);
        return v;
    }

    private static Map<String, String> metadata(Cube cube) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("ladder.format", FORMAT);
        meta.put("ladder.format_version", FORMAT_VERSION);
        meta.put("ladder.contract_version", CONTRACT_VERSION);
        meta.put("ladder.version", LADDER_VERSION);
        meta.put("ladder.dimensions", String.join(",", cube.dimensions().stream().map(Dimension::name).toList()));
        meta.put("ladder.measures", String.join(",",
                cube.measures().stream().map(m -> m.name() + ":" + m.scale()).toList()));
        meta.put("ladder.filter", cube.filter());
        meta.put("ladder.content_sha256", cube.digest());
        Cube.Provenance from = cube.provenance();
        StringBuilder sources = new StringBuilder();
        for (Cube.Source s : from.sources()) {
            sources.append(URLEncoder.encode(s.file(), StandardCharsets.UTF_8)).append('\t').append(s.sha256()).append('\n');
        }
        meta.put("ladder.rows_read", Long.toString(from.read()));
        meta.put("ladder.rows_accepted", Long.toString(from.accepted()));
        meta.put("ladder.rows_rejected", Long.toString(from.rejected()));
        meta.put("ladder.sources", sources.toString());
        return meta;
    }

    /**
     * Reads a cube file; a file that is not one (truncated, corrupted, another Arrow file, another
     * format or contract version) is refused with one line naming the file and what is wrong.
     */
    public static Cube read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LadderException(file + ": no such cube file");
        }
        try (BufferAllocator allocator = new RootAllocator(MEMORY_LIMIT);
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
            Schema schema;
            List<ArrowBlock> blocks;
            try {
                schema = reader.getVectorSchemaRoot().getSchema();
                blocks = reader.getRecordBlocks();
            } catch (RuntimeException | IOException e) {
                throw refused(file, "not an Arrow IPC file, or truncated or corrupted (" + brief(e) + ")");
            }
            Map<String, String> meta = schema.getCustomMetadata() == null ? Map.of() : schema.getCustomMetadata();
            if (!FORMAT.equals(meta.get("ladder.format"))) {
                throw refused(file, "an Arrow file but not a Ladder cube file (no ladder.format metadata)");
            }
            if (!FORMAT_VERSION.equals(meta.get("ladder.format_version"))) {
                throw refused(file, "cube file format version " + meta.get("ladder.format_version")
                        + ", but this Ladder reads version " + FORMAT_VERSION);
            }
            if (!CONTRACT_VERSION.equals(meta.get("ladder.contract_version"))) {
                throw refused(file, "built under data contract version " + meta.get("ladder.contract_version")
                        + ", but this Ladder uses version " + CONTRACT_VERSION + "; rebuild the cube");
            }
            return parse(file, reader, blocks, meta);
        } catch (LadderException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw refused(file, "truncated or corrupted (" + brief(e) + ")");
        }
    }

    private static Cube parse(Path file, ArrowFileReader reader, List<ArrowBlock> blocks, Map<String, String> meta)
            throws IOException {
        List<String> dimNames = split(meta.get("ladder.dimensions"));
        List<Cube.Measure> measures = new ArrayList<>();
        for (String m : split(meta.get("ladder.measures"))) {
            int colon = m.lastIndexOf(':');
            if (colon < 0) {
                throw refused(file, "its ladder.measures metadata is malformed: " + m);
            }
            measures.add(new Cube.Measure(m.substring(0, colon), Integer.parseInt(m.substring(colon + 1))));
        }
        String filter = meta.getOrDefault("ladder.filter", "");
        List<Dimension> dimensions = new ArrayList<>();
        Cube.Cells cells = null;
        for (ArrowBlock block : blocks) {
            if (!reader.loadRecordBatch(block)) {
                throw refused(file, "a record batch could not be read");
            }
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            if (cells == null) {
                Map<Long, Dictionary> dictionaries = reader.getDictionaryVectors();
                for (String name : dimNames) {
                    FieldVector v = column(file, root, name);
                    DictionaryEncoding encoding = v.getField().getDictionary();
                    Dictionary dictionary = encoding == null ? null : dictionaries.get(encoding.getId());
                    if (dictionary == null || !(dictionary.getVector() instanceof VarCharVector levels)) {
                        throw refused(file, "dimension " + name + " is not a dictionary-encoded string column");
                    }
                    List<String> labels = new ArrayList<>();
                    for (int l = 0; l < levels.getValueCount(); l++) {
                        labels.add(new String(levels.get(l), StandardCharsets.UTF_8));
                    }
                    dimensions.add(new Dimension(name, labels));
                }
                cells = new Cube.Cells(dimNames.size(), measures.size(), root.getRowCount());
            }
            addBatch(file, root, dimNames, measures, cells);
        }
        if (cells == null) {
            throw refused(file, "it holds no record batch");
        }
        Cube cube;
        try {
            cube = cells.build(dimensions, measures, filter, provenance(file, meta));
        } catch (IndexOutOfBoundsException e) {
            throw refused(file, "a cell's level lies outside its dimension's levels");
        }
        if (!cube.digest().equals(meta.get("ladder.content_sha256"))) {
            throw refused(file, "its cells do not match the checksum it was written with (corrupted)");
        }
        return cube;
    }

    private static void addBatch(Path file, VectorSchemaRoot root, List<String> dims, List<Cube.Measure> measures,
            Cube.Cells cells) {
        int n = root.getRowCount();
        IntVector[] levels = new IntVector[dims.size()];
        for (int d = 0; d < levels.length; d++) {
            if (!(column(file, root, dims.get(d)) instanceof IntVector v)) {
                throw refused(file, "dimension " + dims.get(d) + " does not hold int32 dictionary indices");
            }
            levels[d] = v;
        }
        BigIntVector counts = typed(file, root, "count", BigIntVector.class);
        int[] at = new int[levels.length];
        Map<String, Float8Vector> doubles = new HashMap<>();
        List<BigIntVector> values = new ArrayList<>();
        for (Cube.Measure m : measures) {
            values.add(typed(file, root, m.name() + "_n", BigIntVector.class));
            for (String part : List.of("_units_sum", "_units_sum_of_squares", "_loose_sum", "_loose_sum_of_squares")) {
                doubles.put(m.name() + part, typed(file, root, m.name() + part, Float8Vector.class));
            }
        }
        for (int r = 0; r < n; r++) {
            for (int d = 0; d < at.length; d++) {
                if (levels[d].isNull(r)) {
                    throw refused(file, "dimension " + dims.get(d) + " is empty at row " + (r + 1));
                }
                at[d] = levels[d].get(r);
            }
            if (counts.isNull(r) || counts.get(r) < 0) {
                throw refused(file, "count is missing or negative at row " + (r + 1));
            }
            int c = cells.add(at, counts.get(r));
            for (int j = 0; j < measures.size(); j++) {
                String m = measures.get(j).name();
                cells.measure(c, j, values.get(j).get(r), doubles.get(m + "_units_sum").get(r),
                        doubles.get(m + "_units_sum_of_squares").get(r), doubles.get(m + "_loose_sum").get(r),
                        doubles.get(m + "_loose_sum_of_squares").get(r));
            }
        }
    }

    private static FieldVector column(Path file, VectorSchemaRoot root, String name) {
        FieldVector v = root.getVector(name);
        if (v == null) {
            throw refused(file, "it has no column " + name);
        }
        return v;
    }

    private static <T> T typed(Path file, VectorSchemaRoot root, String name, Class<T> type) {
        FieldVector v = column(file, root, name);
        if (!type.isInstance(v)) {
            throw refused(file, "column " + name + " is not of the type a cube file holds");
        }
        return type.cast(v);
    }

    private static Cube.Provenance provenance(Path file, Map<String, String> meta) {
        List<Cube.Source> out = new ArrayList<>();
        for (String line : meta.getOrDefault("ladder.sources", "").split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 2) {
                throw refused(file, "its ladder.sources metadata is malformed");
            }
            out.add(new Cube.Source(URLDecoder.decode(f[0], StandardCharsets.UTF_8), f[1]));
        }
        try {
            return new Cube.Provenance(out, Long.parseLong(meta.get("ladder.rows_read")),
                    Long.parseLong(meta.get("ladder.rows_accepted")), Long.parseLong(meta.get("ladder.rows_rejected")));
        } catch (RuntimeException e) {
            throw refused(file, "its ladder.rows_* metadata is missing or inconsistent");
        }
    }

    private static List<String> split(String list) {
        return list == null || list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
    }

    private static LadderException refused(Path file, String why) {
        return new LadderException(file + ": not a readable cube file: " + why);
    }

    private static String brief(Throwable e) {
        String message = e.getMessage() == null ? "its structure cannot be read" : e.getMessage();
        message = message.replaceAll("\\s+", " ");
        return message.length() > 120 ? message.substring(0, 120) + "..." : message;
    }

    /** Reads and merges cube files, in the order given: a cube of all of them. */
    public static Cube merge(List<Path> files) {
        if (files.isEmpty()) {
            throw new LadderException("name at least one cube file");
        }
        Cube merged = null;
        for (Path f : files) {
            Cube c = read(f);
            try {
                merged = merged == null ? c : merged.merge(c);
            } catch (LadderException e) {
                throw new LadderException(f + ": " + e.getMessage());
            }
        }
        return merged;
    }
}
