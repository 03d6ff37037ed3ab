package ladder.engine.cube;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import ladder.engine.LadderException;

/**
 * Counts and sums over the cells of a few named dimensions, as a value: per non-empty cell, the
 * number of rows and, per measure, the number of non-missing values, their sum and their sum of
 * squares. A cube names its dimensions and their level labels ({@link Dimension}), names its
 * measures ({@link Measure}) and carries the filter it was built under and the files it came from
 * ({@link Source}); it never refers to a table, so cubes from different loads, files, threads,
 * employers or machines {@linkplain #merge merge} by label, exactly.
 *
 * <p>Only non-empty cells are held, in row-major order of their level positions (the last
 * dimension varies fastest), so memory follows the cells that have rows, not the product of the
 * level counts. Sums of values held in units (whole numbers, and decimals held in hundredths)
 * are kept in those units as integers in doubles, so they are exact up to 2^53 units and stay
 * exact through any number of merges; sums of values held as doubles are kept apart
 * ({@link #looseSum}).
 *
 * <p>Immutable: every operation answers a new cube.
 */
public final class Cube {
    private final List<Dimension> dimensions;
    private final List<Measure> measures;
    private final String filter;
    private final Provenance provenance;
    private final int size;
    /** {@code coords[cell * d + k]}: the level position of {@code cell} on dimension {@code k}. */
    private final int[] coords;
    private final long[] counts;
    /** Per cell and measure, at {@code cell * m + j}. */
    private final long[] valueCounts;
    private final double[] unitSums;
    private final double[] unitSquares;
    private final double[] looseSums;
    private final double[] looseSquares;

    /** A measure: a numeric column summed per cell, and how many units make one of its values. */
    public record Measure(String name, int scale) {
        public Measure {
            Objects.requireNonNull(name);
            if (scale < 1) {
                throw new IllegalArgumentException("scale must be positive: " + scale);
            }
        }
    }

    /** A file a cube was built from: its name and the SHA-256 of its bytes. */
    public record Source(String file, String sha256) {
        public Source {
            Objects.requireNonNull(file);
            Objects.requireNonNull(sha256);
        }
    }

    /**
     * Where a cube's rows came from: the input files and what loading them read, accepted and
     * rejected. Merging cubes adds them up. {@link #NONE} for a cube of rows whose files are not known.
     */
    public record Provenance(List<Source> sources, long read, long accepted, long rejected) {
        public static final Provenance NONE = new Provenance(List.of(), 0, 0, 0);

        public Provenance {
            sources = List.copyOf(sources);
            if (read != accepted + rejected) {
                throw new IllegalArgumentException("read " + read + " != accepted " + accepted + " + rejected " + rejected);
            }
        }

        Provenance plus(Provenance other) {
            List<Source> all = new ArrayList<>(sources);
            all.addAll(other.sources);
            return new Provenance(all, read + other.read, accepted + other.accepted, rejected + other.rejected);
        }
    }

    private Cube(List<Dimension> dimensions, List<Measure> measures, String filter, Provenance provenance, int size,
            int[] coords, long[] counts, long[] valueCounts, double[] unitSums, double[] unitSquares,
            double[] looseSums, double[] looseSquares) {
        this.dimensions = List.copyOf(dimensions);
        this.measures = List.copyOf(measures);
        this.filter = Objects.requireNonNull(filter);
        this.provenance = Objects.requireNonNull(provenance);
        this.size = size;
        this.coords = coords;
        this.counts = counts;
        this.valueCounts = valueCounts;
        this.unitSums = unitSums;
        this.unitSquares = unitSquares;
        this.looseSums = looseSums;
        this.looseSquares = looseSquares;
    }

    // ---- What the cube is over ----

    public List<Dimension> dimensions() {
        return dimensions;
    }

    public List<Measure> measures() {
        return measures;
    }

    /** The filter the rows passed, as text ({@code ""}: every row). */
    public String filter() {
        return filter;
    }

    /** The files the cube was built from and what loading them read, where known. */
    public Provenance provenance() {
        return provenance;
    }

    /** The same cube, recording where its rows came from. */
    public Cube withProvenance(Provenance from) {
        return new Cube(dimensions, measures, filter, from, size, coords, counts, valueCounts, unitSums, unitSquares,
                looseSums, looseSquares);
    }

    /** The position of the dimension named {@code name} (case ignored), or a {@link LadderException}. */
    public int dimension(String name) {
        for (int d = 0; d < dimensions.size(); d++) {
            if (dimensions.get(d).named(name)) {
                return d;
            }
        }
        throw new LadderException("the cube has no dimension '" + name.strip() + "'; it has " + names());
    }

    /** Whether a dimension is named {@code name}. */
    public boolean hasDimension(String name) {
        return dimensions.stream().anyMatch(d -> d.named(name));
    }

    /** Whether a measure is named {@code name}, as {@link #measure} matches it. */
    public boolean hasMeasure(String name) {
        return position(name) >= 0;
    }

    /** The position of the measure named {@code name}, or a {@link LadderException}. */
    public int measure(String name) {
        int m = position(name);
        if (m >= 0) {
            return m;
        }
        throw new LadderException("the cube has no measure '" + name.strip() + "'; it has "
                + (measures.isEmpty() ? "none" : measures.stream().map(Measure::name).collect(Collectors.joining(", "))));
    }

    private int position(String measure) {
        for (int m = 0; m < measures.size(); m++) {
            if (measures.get(m).name().equalsIgnoreCase(measure.strip())) {
                return m;
            }
        }
        return -1;
    }

    private String names() {
        return dimensions.isEmpty() ? "none" : dimensions.stream().map(Dimension::name).collect(Collectors.joining(", "));
    }

    /** The cube with only the measures named, in that order; a {@link LadderException} for one it lacks. */
    public Cube withMeasures(List<String> names) {
        int[] from = new int[names.size()];
        List<Measure> kept = new ArrayList<>();
        for (int j = 0; j < from.length; j++) {
            from[j] = measure(names.get(j));
            kept.add(measures.get(from[j]));
        }
        int m = measures.size();
        int k = from.length;
        long[] values = new long[size * k];
        double[][] parts = {new double[size * k], new double[size * k], new double[size * k], new double[size * k]};
        double[][] source = {unitSums, unitSquares, looseSums, looseSquares};
        for (int c = 0; c < size; c++) {
            for (int j = 0; j < k; j++) {
                values[c * k + j] = valueCounts[c * m + from[j]];
                for (int p = 0; p < parts.length; p++) {
                    parts[p][c * k + j] = source[p][c * m + from[j]];
                }
            }
        }
        return new Cube(dimensions, kept, filter, provenance, size, coords, counts, values, parts[0], parts[1], parts[2],
                parts[3]);
    }

    // ---- Cells ----

    /** The number of non-empty cells. */
    public int size() {
        return size;
    }

    public long count(int cell) {
        return counts[cell];
    }

    /** The level position of {@code cell} on dimension {@code d}. */
    public int level(int cell, int d) {
        return coords[cell * dimensions.size() + d];
    }

    /** The level label of {@code cell} on dimension {@code d}. */
    public String label(int cell, int d) {
        return dimensions.get(d).levels().get(level(cell, d));
    }

    /** Non-missing values of measure {@code m} in {@code cell}. */
    public long valueCount(int cell, int m) {
        return valueCounts[cell * measures.size() + m];
    }

    public double sum(int cell, int m) {
        int at = cell * measures.size() + m;
        return unitSums[at] / measures.get(m).scale() + looseSums[at];
    }

    public double sumOfSquares(int cell, int m) {
        int at = cell * measures.size() + m;
        double scale = measures.get(m).scale();
        return unitSquares[at] / (scale * scale) + looseSquares[at];
    }

    /** The part of the sum held exactly, in units of {@code 1 / scale}: an integer. */
    public double unitSum(int cell, int m) {
        return unitSums[cell * measures.size() + m];
    }

    /** The part of the sum of squares held exactly, in squared units. */
    public double unitSumOfSquares(int cell, int m) {
        return unitSquares[cell * measures.size() + m];
    }

    /** The part of the sum from values held as doubles (0 when every value was held in units). */
    public double looseSum(int cell, int m) {
        return looseSums[cell * measures.size() + m];
    }

    public double looseSumOfSquares(int cell, int m) {
        return looseSquares[cell * measures.size() + m];
    }

    /** Rows in every cell. */
    public long total() {
        long total = 0;
        for (int c = 0; c < size; c++) {
            total += counts[c];
        }
        return total;
    }

    /**
     * Rows in the cells at the given levels, summed over every dimension not named: e.g.
     * {@code count(Map.of("seb", "working_class", "promoted", "1"))}.
     */
    public long count(Map<String, String> at) {
        int[] dims = new int[at.size()];
        int[] levels = new int[at.size()];
        int k = 0;
        for (Map.Entry<String, String> e : at.entrySet()) {
            dims[k] = dimension(e.getKey());
            levels[k] = dimensions.get(dims[k]).require(e.getValue());
            k++;
        }
        long n = 0;
        for (int c = 0; c < size; c++) {
            boolean match = true;
            for (int j = 0; j < dims.length && match; j++) {
                match = level(c, dims[j]) == levels[j];
            }
            if (match) {
                n += counts[c];
            }
        }
        return n;
    }

    // ---- Algebra ----

    /**
     * The sum of this cube and {@code other}: levels align by label (a level absent on one side
     * counts zero). Associative and commutative. Refused, naming the difference, for cubes over
     * different dimensions or measures, or built under different filters.
     */
    public Cube merge(Cube other) {
        List<String> mine = dimensions.stream().map(Dimension::name).toList();
        List<String> theirs = other.dimensions.stream().map(Dimension::name).toList();
        if (!mine.equals(theirs)) {
            throw new LadderException("cannot merge a cube over " + String.join(", ", theirs) + " with one over "
                    + String.join(", ", mine) + ": cubes merge only over the same dimensions, in the same order");
        }
        if (!measures.equals(other.measures)) {
            throw new LadderException("cannot merge cubes with different measures: " + measureNames(measures)
                    + " and " + measureNames(other.measures));
        }
        if (!filter.equals(other.filter)) {
            throw new LadderException("cannot merge a cube built under filter '" + shown(filter)
                    + "' with one built under '" + shown(other.filter) + "'");
        }
        List<Dimension> union = new ArrayList<>();
        for (int d = 0; d < dimensions.size(); d++) {
            union.add(dimensions.get(d).union(other.dimensions.get(d)));
        }
        Cells out = new Cells(union.size(), measures.size(), size + other.size);
        addRemapped(this, union, out);
        addRemapped(other, union, out);
        return out.build(union, measures, filter, provenance.plus(other.provenance));
    }

    private static String measureNames(List<Measure> measures) {
        return measures.isEmpty() ? "(none)" : measures.stream().map(Measure::name).collect(Collectors.joining(", "));
    }

    private static String shown(String filter) {
        return filter.isEmpty() ? "(every row)" : filter;
    }

    private static void addRemapped(Cube cube, List<Dimension> union, Cells out) {
        int[][] map = new int[union.size()][];
        for (int d = 0; d < union.size(); d++) {
            List<String> from = cube.dimensions.get(d).levels();
            map[d] = new int[from.size()];
            Map<String, Integer> to = positions(union.get(d).levels());
            for (int l = 0; l < from.size(); l++) {
                map[d][l] = to.get(from.get(l));
            }
        }
        int[] at = new int[union.size()];
        for (int c = 0; c < cube.size; c++) {
            for (int d = 0; d < at.length; d++) {
                at[d] = map[d][cube.level(c, d)];
            }
            out.add(at, cube, c);
        }
    }

    private static Map<String, Integer> positions(List<String> levels) {
        Map<String, Integer> positions = new HashMap<>(levels.size() * 2);
        for (int i = 0; i < levels.size(); i++) {
            positions.put(levels.get(i), i);
        }
        return positions;
    }

    /** The cube summed over every dimension not named in {@code keep}, in the order of {@code keep}. */
    public Cube marginalise(String... keep) {
        return marginalise(List.of(keep));
    }

    public Cube marginalise(List<String> keep) {
        int[] from = new int[keep.size()];
        List<Dimension> kept = new ArrayList<>();
        for (int k = 0; k < from.length; k++) {
            from[k] = dimension(keep.get(k));
            kept.add(dimensions.get(from[k]));
        }
        if (Arrays.stream(from).distinct().count() != from.length) {
            throw new LadderException("a dimension is named twice in " + String.join(", ", keep));
        }
        Cells out = new Cells(from.length, measures.size(), size);
        int[] at = new int[from.length];
        for (int c = 0; c < size; c++) {
            for (int k = 0; k < from.length; k++) {
                at[k] = level(c, from[k]);
            }
            out.add(at, this, c);
        }
        return out.build(kept, measures, filter, provenance);
    }

    /** The cells at one level of one dimension, without that dimension. */
    public Cube slice(String dimension, String level) {
        int d = dimension(dimension);
        int position = dimensions.get(d).require(level);
        List<String> others = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            if (i != d) {
                others.add(dimensions.get(i).name());
            }
        }
        return where(dimension, l -> l.equals(dimensions.get(d).levels().get(position))).marginalise(others);
    }

    /** The cells whose level on {@code dimension} passes {@code keep}; the dimension keeps only those levels. */
    public Cube where(String dimension, Predicate<String> keep) {
        int d = dimension(dimension);
        Map<String, String> groups = new LinkedHashMap<>();
        for (String level : dimensions.get(d).levels()) {
            if (keep.test(level)) {
                groups.put(level, level);
            }
        }
        return collapse(dimension, dimensions.get(d).name(), groups);
    }

    /**
     * The cube with the levels of {@code dimension} grouped: {@code groups} maps a level to its
     * group, in the order the new dimension {@code name} lists the groups (first appearance in
     * {@code groups}); cells at a level not mapped are dropped. E.g. grades 4 to 6 as
     * {@code senior} and 1 to 3 as {@code junior}.
     */
    public Cube collapse(String dimension, String name, Map<String, String> groups) {
        int d = dimension(dimension);
        Dimension old = dimensions.get(d);
        List<String> newLevels = new ArrayList<>(new java.util.LinkedHashSet<>(groups.values()));
        Map<String, Integer> to = positions(newLevels);
        int[] map = new int[old.size()];
        Arrays.fill(map, -1);
        // Each level found by hashing, not by a scan of the levels: a pay or months dimension has one level per
        // value seen, hundreds of thousands in a large pool, and a scan a level made collapsing it quadratic.
        Map<String, Integer> from = positions(old.levels());
        for (Map.Entry<String, String> e : groups.entrySet()) {
            Integer at = from.get(e.getKey());
            if (at == null) {
                throw new LadderException(old.name() + " has no level '" + e.getKey() + "'; its levels are "
                        + Dimension.excerpt(old.levels(), 20));
            }
            map[at] = to.get(e.getValue());
        }
        List<Dimension> dims = new ArrayList<>(dimensions);
        dims.set(d, new Dimension(name, newLevels));
        boolean identity = newLevels.equals(old.levels());
        for (int l = 0; l < map.length && identity; l++) {
            identity = map[l] == l;
        }
        if (identity) {
            // Each level its own group, in place (e.g. a 0/1 outcome read as itself): only the name changes.
            return new Cube(dims, measures, filter, provenance, size, coords, counts, valueCounts, unitSums,
                    unitSquares, looseSums, looseSquares);
        }
        Cells out = new Cells(dims.size(), measures.size(), size);
        int[] at = new int[dims.size()];
        for (int c = 0; c < size; c++) {
            int level = map[level(c, d)];
            if (level < 0) {
                continue;
            }
            for (int k = 0; k < at.length; k++) {
                at[k] = k == d ? level : level(c, k);
            }
            out.add(at, this, c);
        }
        return out.build(dims, measures, filter, provenance);
    }

    /**
     * A 0/1 axis named {@code name} in place of {@code dimension}: level {@code "1"} where the
     * level passes {@code event}, {@code "0"} elsewhere; e.g. {@code grade >= 4}.
     */
    public Cube indicator(String dimension, String name, Predicate<String> event) {
        Map<String, String> groups = new LinkedHashMap<>();
        Dimension old = dimensions.get(dimension(dimension));
        for (String level : old.levels()) {
            if (!event.test(level)) {
                groups.put(level, "0");
            }
        }
        for (String level : old.levels()) {
            if (event.test(level)) {
                groups.put(level, "1");
            }
        }
        Cube out = collapse(dimension, name, groups);
        // Both levels always, in the order 0, 1, whatever the data hold.
        int d = out.dimension(name);
        List<String> levels = out.dimensions.get(d).levels();
        return levels.equals(List.of("0", "1")) ? out : out.relabel(d, List.of("0", "1"));
    }

    /** The cube with the levels of {@code dimension} in the order {@code levels} (a permutation of them). */
    public Cube reorder(String dimension, List<String> levels) {
        int d = dimension(dimension);
        Dimension old = dimensions.get(d);
        if (levels.size() != old.size() || !new HashSet<>(levels).equals(new HashSet<>(old.levels()))) {
            throw new LadderException("reordering " + old.name() + " needs each of its levels once: "
                    + Dimension.excerpt(old.levels(), 20));
        }
        return relabel(d, levels);
    }

    /** The cube with dimension {@code d}'s levels listed as {@code levels}, which hold every present level. */
    private Cube relabel(int d, List<String> levels) {
        Map<String, Integer> to = positions(levels);
        List<Dimension> dims = new ArrayList<>(dimensions);
        dims.set(d, new Dimension(dimensions.get(d).name(), levels));
        Cells out = new Cells(dims.size(), measures.size(), size);
        int[] at = new int[dims.size()];
        for (int c = 0; c < size; c++) {
            for (int k = 0; k < at.length; k++) {
                at[k] = k == d ? to.get(label(c, d)) : level(c, k);
            }
            out.add(at, this, c);
        }
        return out.build(dims, measures, filter, provenance);
    }

    // ---- The shapes statistics read ----

    /** The R x C table of counts over {@code rows} and {@code columns}, summed over the other dimensions. */
    public CountTable table(String rows, String columns) {
        StratifiedTable one = stratified(rows, columns, List.of());
        return one.strata().isEmpty()
                ? new CountTable(one.rowLevels(), one.columnLevels(), new double[one.rowLevels().size()][one.columnLevels().size()])
                : one.stratum(0);
    }

    /**
     * The R x C x K table over {@code rows} and {@code columns}, one R x C table per non-empty
     * combination of the {@code strata} dimensions' levels (in cube order), summed over the other
     * dimensions. Counts are doubles: their products overflow longs at this scale.
     */
    public StratifiedTable stratified(String rows, String columns, List<String> strata) {
        List<String> keep = new ArrayList<>(strata);
        keep.add(rows);
        keep.add(columns);
        Cube m = marginalise(keep);
        int k = strata.size();
        Dimension r = m.dimensions.get(k);
        Dimension c = m.dimensions.get(k + 1);
        List<List<String>> labels = new ArrayList<>();
        List<double[][]> tables = new ArrayList<>();
        int[] previous = null;
        for (int cell = 0; cell < m.size; cell++) {
            int[] stratum = Arrays.copyOfRange(m.coords, cell * (k + 2), cell * (k + 2) + k);
            if (previous == null || !Arrays.equals(previous, stratum)) {
                List<String> names = new ArrayList<>();
                for (int s = 0; s < k; s++) {
                    names.add(m.dimensions.get(s).levels().get(stratum[s]));
                }
                labels.add(names);
                tables.add(new double[r.size()][c.size()]);
                previous = stratum;
            }
            tables.get(tables.size() - 1)[m.level(cell, k)][m.level(cell, k + 1)] += m.counts[cell];
        }
        return new StratifiedTable(strata.stream().map(s -> dimensions.get(dimension(s)).name()).toList(), labels,
                r.name(), r.levels(), c.name(), c.levels(), tables);
    }

    /**
     * The SHA-256 of the cube's content (dimensions, levels, measures, filter and every cell's
     * numbers), in hex: what a cube file records so that a corrupted body is noticed on reading.
     */
    public String digest() {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(8);
            java.util.function.LongConsumer put = v -> {
                buffer.clear();
                buffer.putLong(v);
                sha.update(buffer.array());
            };
            for (Dimension d : dimensions) {
                sha.update((d.name() + "\u0000" + String.join("\u0000", d.levels()) + "\u0001")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            for (Measure m : measures) {
                sha.update((m.name() + ":" + m.scale() + "\u0001").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            sha.update(filter.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (int v : coords) {
                put.accept(v);
            }
            for (long v : counts) {
                put.accept(v);
            }
            for (long v : valueCounts) {
                put.accept(v);
            }
            for (double[] part : List.of(unitSums, unitSquares, looseSums, looseSquares)) {
                for (double v : part) {
                    put.accept(Double.doubleToLongBits(v));
                }
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cube other && dimensions.equals(other.dimensions) && measures.equals(other.measures)
                && filter.equals(other.filter) && size == other.size
                && Arrays.equals(coords, other.coords) && Arrays.equals(counts, other.counts)
                && Arrays.equals(valueCounts, other.valueCounts) && Arrays.equals(unitSums, other.unitSums)
                && Arrays.equals(unitSquares, other.unitSquares) && Arrays.equals(looseSums, other.looseSums)
                && Arrays.equals(looseSquares, other.looseSquares);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dimensions, measures, filter, size, Arrays.hashCode(counts));
    }

    @Override
    public String toString() {
        return "Cube over " + names() + " with " + size + " non-empty cells, " + total() + " rows"
                + (measures.isEmpty() ? "" : ", measures " + measureNames(measures))
                + (filter.isEmpty() ? "" : ", where " + filter);
    }

    // ---- Building ----

    /**
     * Cells being gathered, in any order and with repeats: {@link #build} sorts them into cube
     * order, adds up repeats and drops empty ones. Every way of making a cube goes through it.
     */
    public static final class Cells {
        private final int dims;
        private final int m;
        private int n;
        private int[] coords;
        private long[] counts;
        private long[] valueCounts;
        private double[] unitSums;
        private double[] unitSquares;
        private double[] looseSums;
        private double[] looseSquares;
        private boolean built;

        public Cells(int dims, int measures, int expected) {
            this.dims = dims;
            this.m = measures;
            int capacity = Math.max(4, expected);
            coords = new int[capacity * dims];
            counts = new long[capacity];
            valueCounts = new long[capacity * measures];
            unitSums = new double[capacity * measures];
            unitSquares = new double[capacity * measures];
            looseSums = new double[capacity * measures];
            looseSquares = new double[capacity * measures];
        }

        /** Adds a cell at level positions {@code at} with {@code count} rows; its measures follow by {@link #measure}. */
        public int add(int[] at, long count) {
            if (built) {
                throw new IllegalStateException("cells already built");
            }
            if (n == counts.length) {
                grow();
            }
            System.arraycopy(at, 0, coords, n * dims, dims);
            counts[n] = count;
            return n++;
        }

        /** The cells added so far. */
        public int size() {
            return n;
        }

        /** Sets measure {@code j} of cell {@code cell} (as {@link #add} answered it). */
        public void measure(int cell, int j, long values, double unitSum, double unitSquare, double looseSum,
                double looseSquare) {
            if (built) {
                throw new IllegalStateException("cells already built");
            }
            int at = cell * m + j;
            valueCounts[at] = values;
            unitSums[at] = unitSum;
            unitSquares[at] = unitSquare;
            looseSums[at] = looseSum;
            looseSquares[at] = looseSquare;
        }

        void add(int[] at, Cube from, int cell) {
            int c = add(at, from.counts[cell]);
            int src = cell * m;
            int dst = c * m;
            System.arraycopy(from.valueCounts, src, valueCounts, dst, m);
            System.arraycopy(from.unitSums, src, unitSums, dst, m);
            System.arraycopy(from.unitSquares, src, unitSquares, dst, m);
            System.arraycopy(from.looseSums, src, looseSums, dst, m);
            System.arraycopy(from.looseSquares, src, looseSquares, dst, m);
        }

        private void grow() {
            int capacity = counts.length * 2;
            coords = Arrays.copyOf(coords, capacity * dims);
            counts = Arrays.copyOf(counts, capacity);
            valueCounts = Arrays.copyOf(valueCounts, capacity * m);
            unitSums = Arrays.copyOf(unitSums, capacity * m);
            unitSquares = Arrays.copyOf(unitSquares, capacity * m);
            looseSums = Arrays.copyOf(looseSums, capacity * m);
            looseSquares = Arrays.copyOf(looseSquares, capacity * m);
        }

        /**
         * The cube of these cells over {@code dimensions} (whose level positions the cells use). Cells
         * added already in cube order, each once and non-empty (as the dense kernel and order-keeping
         * operations give them), become the cube's arrays as they are: no sort, no copy when the
         * capacity was the cell count. The cells are built once.
         */
        public Cube build(List<Dimension> dimensions, List<Measure> measures, String filter, Provenance provenance) {
            if (dimensions.size() != dims || measures.size() != m) {
                throw new IllegalArgumentException("cells of " + dims + " dimensions and " + m + " measures built as "
                        + dimensions.size() + " and " + measures.size());
            }
            if (built) {
                throw new IllegalStateException("cells already built");
            }
            built = true;
            if (inCubeOrder(dimensions)) {
                return new Cube(dimensions, measures, filter, provenance, n, trim(coords, n * dims), trim(counts, n),
                        trim(valueCounts, n * m), trim(unitSums, n * m), trim(unitSquares, n * m),
                        trim(looseSums, n * m), trim(looseSquares, n * m));
            }
            int[] order = order(dimensions);
            int kept = 0;
            for (int i = 0; i < n; i++) {
                if (kept == 0 || compare(order[kept - 1], order[i]) != 0) {
                    order[kept++] = order[i];
                } else {
                    merge(order[kept - 1], order[i]);
                }
            }
            int size = 0;
            int[] outCoords = new int[kept * dims];
            long[] outCounts = new long[kept];
            long[] outValues = new long[kept * m];
            double[] outUnitSums = new double[kept * m];
            double[] outUnitSquares = new double[kept * m];
            double[] outLooseSums = new double[kept * m];
            double[] outLooseSquares = new double[kept * m];
            for (int i = 0; i < kept; i++) {
                int c = order[i];
                if (counts[c] == 0) {
                    continue;
                }
                System.arraycopy(coords, c * dims, outCoords, size * dims, dims);
                outCounts[size] = counts[c];
                System.arraycopy(valueCounts, c * m, outValues, size * m, m);
                System.arraycopy(unitSums, c * m, outUnitSums, size * m, m);
                System.arraycopy(unitSquares, c * m, outUnitSquares, size * m, m);
                System.arraycopy(looseSums, c * m, outLooseSums, size * m, m);
                System.arraycopy(looseSquares, c * m, outLooseSquares, size * m, m);
                size++;
            }
            return new Cube(dimensions, measures, filter, provenance, size, Arrays.copyOf(outCoords, size * dims),
                    Arrays.copyOf(outCounts, size), Arrays.copyOf(outValues, size * m),
                    Arrays.copyOf(outUnitSums, size * m), Arrays.copyOf(outUnitSquares, size * m),
                    Arrays.copyOf(outLooseSums, size * m), Arrays.copyOf(outLooseSquares, size * m));
        }

        /**
         * Checks every level position against its dimension and answers whether the cells are
         * already the cube: strictly increasing in row-major order (so no repeats) and none empty.
         */
        private boolean inCubeOrder(List<Dimension> dimensions) {
            int[] sizes = new int[dims];
            for (int d = 0; d < dims; d++) {
                sizes[d] = dimensions.get(d).size();
            }
            boolean ordered = true;
            for (int c = 0; c < n; c++) {
                int at = c * dims;
                for (int d = 0; d < dims; d++) {
                    Objects.checkIndex(coords[at + d], sizes[d]);
                }
                ordered = ordered && counts[c] != 0 && (c == 0 || compare(c - 1, c) < 0);
            }
            return ordered;
        }

        private static int[] trim(int[] values, int length) {
            return values.length == length ? values : Arrays.copyOf(values, length);
        }

        private static long[] trim(long[] values, int length) {
            return values.length == length ? values : Arrays.copyOf(values, length);
        }

        private static double[] trim(double[] values, int length) {
            return values.length == length ? values : Arrays.copyOf(values, length);
        }

        /**
         * The cells' positions in cube order. When the product of the level counts times the
         * number of cells fits in a long, each cell's mixed-radix key and position are packed
         * into one long and sorted as primitives; otherwise by comparing coordinates.
         */
        private int[] order(List<Dimension> dimensions) {
            long product = 1;
            try {
                for (Dimension d : dimensions) {
                    product = Math.multiplyExact(product, Math.max(1, d.size()));
                }
            } catch (ArithmeticException tooMany) {
                product = Long.MAX_VALUE;
            }
            int[] order = new int[n];
            if (product < Long.MAX_VALUE / Math.max(1, n)) {
                long[] packed = new long[n];
                for (int c = 0; c < n; c++) {
                    long key = 0;
                    for (int d = 0; d < dims; d++) {
                        key = key * Math.max(1, dimensions.get(d).size()) + coords[c * dims + d];
                    }
                    packed[c] = key * n + c;
                }
                Arrays.sort(packed);
                for (int i = 0; i < n; i++) {
                    order[i] = (int) (packed[i] % n);
                }
                return order;
            }
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, this::compare);
            for (int i = 0; i < n; i++) {
                order[i] = boxed[i];
            }
            return order;
        }

        private int compare(int a, int b) {
            for (int d = 0; d < dims; d++) {
                int x = coords[a * dims + d];
                int y = coords[b * dims + d];
                if (x != y) {
                    return Integer.compare(x, y);
                }
            }
            return 0;
        }

        /** Adds cell {@code from} into cell {@code into}, which has the same coordinates. */
        private void merge(int into, int from) {
            counts[into] += counts[from];
            for (int j = 0; j < m; j++) {
                valueCounts[into * m + j] += valueCounts[from * m + j];
                unitSums[into * m + j] += unitSums[from * m + j];
                unitSquares[into * m + j] += unitSquares[from * m + j];
                looseSums[into * m + j] += looseSums[from * m + j];
                looseSquares[into * m + j] += looseSquares[from * m + j];
            }
        }
    }
}
