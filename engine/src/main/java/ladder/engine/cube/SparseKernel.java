package ladder.engine.cube;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Callable;
import ladder.engine.LadderException;
import ladder.engine.filter.Filter;
import ladder.engine.table.Chunk;
import ladder.engine.table.Codes;
import ladder.engine.table.Column;
import ladder.engine.table.Decimals;
import ladder.engine.table.Table;

/**
 * Builds a {@link Cube} by hashing: each selected row's key is the mixed-radix number of its raw
 * codes, and each key seen gets one slot of counts and sums in an open-addressing table. Memory
 * follows the cells that have rows, so it serves cubes whose dense array would be too large (many
 * dimensions, 1,000 employers by every covariate) and dimensions the dense kernel cannot index:
 * pay held in pence, whose levels are its distinct values (an exact histogram).
 *
 * <p>When there are no measures and the product of the dimensions' spans of raw values is at most
 * {@link #DENSE_KEYS} (and at most {@link #KEYS_PER_ROW} per row of the table), the table of slots
 * is replaced by one counter per possible key ({@link CountHistogram}), since a row then costs one
 * increment instead of a hash probe. This is the shape of a pay histogram by a few coded
 * dimensions: pay spanning 15.30 to 59.77 (4,449 pence) by seb by year is 178k keys, 0.7 MB of
 * counters per thread.
 *
 * <p>Threads fill their own tables over contiguous runs of chunks, merged in run order, as in
 * {@link CubeKernel}.
 */
final class SparseKernel {
    /** The label of a missing decimal on a pay dimension. */
    static final String MISSING = "(missing)";
    /**
     * The most keys counted densely: 16 MB of int counters per thread. Beyond it the counters
     * outgrow the processor's caches, so an increment costs a memory access much as a probe of the
     * hash table does, while memory would follow the product of the spans, not the cells with rows.
     */
    static final long DENSE_KEYS = 1L << 22;
    /**
     * The most keys per row of the table counted densely: every counter is read once at the end
     * (under a nanosecond each), a probe costs tens of nanoseconds a row, so up to 16 keys a row
     * the dense scan costs less than the hashing it saves.
     */
    static final long KEYS_PER_ROW = 16;
    /**
     * Each pay chunk's smallest and largest pence, read once: a chunk never changes, and reading
     * its range costs almost what counting it does (as DuckDB keeps a min and max per row group).
     * Held while the chunk is.
     */
    private static final Map<Decimals.Hundredths, long[]> RANGES = Collections.synchronizedMap(new WeakHashMap<>());

    private final Table table;
    private final Filter filter;
    private final Column[] dims;
    private final Column[] measures;
    /** Per dimension: the raw value of its smallest code or pence, and the span of raw values. */
    private final long[] base;
    private final long[] span;
    private final long[] stride;
    /** The product of the spans: the number of possible keys. */
    private final long possibleKeys;

    SparseKernel(Table table, Filter filter, List<String> dimensions, List<String> measureNames) {
        this(table, filter, dimensions, measureNames, 1);
    }

    /** As above, reading the range of a pay dimension on {@code threads} threads. */
    SparseKernel(Table table, Filter filter, List<String> dimensions, List<String> measureNames, int threads) {
        this.table = table;
        this.filter = filter;
        dims = dimensions.stream().map(table::column).toArray(Column[]::new);
        measures = measureNames.stream().map(table::column).toArray(Column[]::new);
        base = new long[dims.length];
        span = new long[dims.length];
        stride = new long[dims.length];
        long cells = 1;
        for (int d = dims.length - 1; d >= 0; d--) {
            Column c = dims[d];
            if (c.isDecimal()) {
                long[] range = pence(table, c, threads);
                // Raw 0 is a missing value; pence p is raw p - min + 1.
                base[d] = range[0] - 1;
                span[d] = range[1] - range[0] + 2;
            } else {
                base[d] = Math.max(0, c.minCode());
                span[d] = c.minCode() < 0 ? 1 : c.maxCode() - c.minCode() + 1;
            }
            stride[d] = cells;
            try {
                cells = Math.multiplyExact(cells, span[d]);
            } catch (ArithmeticException e) {
                throw new LadderException("a cube over " + String.join(" x ", dimensions)
                        + " has too many possible cells to index; use fewer dimensions");
            }
        }
        possibleKeys = cells;
    }

    /** Whether rows are counted with a counter per possible key instead of a hash table. */
    boolean dense() {
        return measures.length == 0 && possibleKeys <= DENSE_KEYS
                && possibleKeys <= KEYS_PER_ROW * Math.max(1, table.rows());
    }

    /**
     * The smallest and largest pence of decimal column {@code c}, read on {@code threads} threads;
     * refused if a value is not whole pence.
     */
    private static long[] pence(Table table, Column c, int threads) {
        List<Callable<long[]>> runs = new ArrayList<>();
        for (List<Chunk> run : runs(table.chunks(), threads)) {
            runs.add(() -> pence(run, c));
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long[] range : CubeKernel.runAll(runs)) {
            min = Math.min(min, range[0]);
            max = Math.max(max, range[1]);
        }
        return min > max ? new long[] {0, -1} : new long[] {min, max};
    }

    /** The smallest and largest pence of column {@code c} in {@code chunks} (the largest below the smallest if none). */
    private static long[] pence(List<Chunk> chunks, Column c) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Chunk chunk : chunks) {
            Decimals values = chunk.decimals()[c.index()];
            if (!(values instanceof Decimals.Hundredths h)) {
                throw new LadderException(c.name() + " holds values that are not whole pence, so it cannot be a"
                        + " dimension (an exact histogram needs pay in pounds and pence)");
            }
            // Read outside the map's lock (computeIfAbsent would hold it), so threads read chunks at once.
            long[] range = RANGES.get(h);
            if (range == null) {
                range = pence(h);
                RANGES.put(h, range);
            }
            min = Math.min(min, range[0]);
            max = Math.max(max, range[1]);
        }
        return new long[] {min, max};
    }

    /** The smallest and largest pence of one chunk's column (the largest below the smallest if none). */
    private static long[] pence(Decimals.Hundredths h) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        int[] units = h.units();
        long[] nulls = h.nulls();
        for (int from = 0; from < units.length; from += 64) {
            int to = Math.min(units.length, from + 64);
            long missing = nulls == null ? 0 : nulls[from >>> 6] & Selection.span(0, to - from);
            if (missing == 0) {
                // No nulls in these rows: a loop the compiler can vectorise.
                for (int i = from; i < to; i++) {
                    min = Math.min(min, units[i]);
                    max = Math.max(max, units[i]);
                }
            } else {
                for (int i = from; i < to; i++) {
                    if ((missing >>> (i - from) & 1) == 0) {
                        min = Math.min(min, units[i]);
                        max = Math.max(max, units[i]);
                    }
                }
            }
        }
        return new long[] {min, max};
    }

    /** {@code chunks} in at most {@code threads} contiguous runs, one per thread (one run if none). */
    private static List<List<Chunk>> runs(List<Chunk> chunks, int threads) {
        int parts = Math.min(threads, Math.max(1, chunks.size()));
        List<List<Chunk>> runs = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            runs.add(chunks.subList(p * chunks.size() / parts, (p + 1) * chunks.size() / parts));
        }
        return runs;
    }

    Cube build(int threads) {
        boolean dense = dense();
        List<Callable<Object>> runs = new ArrayList<>();
        for (List<Chunk> run : runs(table.chunks(), threads)) {
            runs.add(() -> dense ? count(run) : fill(run));
        }
        List<Object> filled = CubeKernel.runAll(runs);
        if (dense) {
            return cube(filled.stream().map(CountHistogram.class::cast).toList());
        }
        Slots all = (Slots) filled.get(0);
        for (int p = 1; p < filled.size(); p++) {
            all.addAll((Slots) filled.get(p));
        }
        return cube(all.used, all.keys, all.counts, all);
    }

    /** One thread's counts of the selected rows of {@code run}, a counter per possible key. */
    private CountHistogram count(List<Chunk> run) {
        CountHistogram counts = new CountHistogram((int) possibleKeys);
        long[] wide = new long[CellKeys.BLOCK];
        int[] narrow = new int[CellKeys.BLOCK];
        for (Chunk chunk : run) {
            long[] mask = filter instanceof Filter.All ? null : filter.select(chunk);
            for (int from = 0; from < chunk.rows(); from += CellKeys.BLOCK) {
                int rows = Math.min(CellKeys.BLOCK, chunk.rows() - from);
                if (mask != null && Selection.count(mask, from, rows) == 0) {
                    continue;
                }
                keys(chunk, from, rows, wide);
                for (int i = 0; i < rows; i++) {
                    narrow[i] = (int) wide[i];
                }
                counts.add(narrow, rows, mask, from);
            }
        }
        return counts;
    }

    private Slots fill(List<Chunk> run) {
        Slots slots = new Slots(measures.length);
        long[] keys = new long[CellKeys.BLOCK];
        for (Chunk chunk : run) {
            long[] mask = filter instanceof Filter.All ? null : filter.select(chunk);
            for (int from = 0; from < chunk.rows(); from += CellKeys.BLOCK) {
                int rows = Math.min(CellKeys.BLOCK, chunk.rows() - from);
                keys(chunk, from, rows, keys);
                for (int i = 0; i < rows; i++) {
                    int row = from + i;
                    if (mask != null && (mask[row >>> 6] & (1L << row)) == 0) {
                        continue;
                    }
                    int slot = slots.slot(keys[i]);
                    slots.counts[slot]++;
                    for (int j = 0; j < measures.length; j++) {
                        addMeasure(slots, slot, j, chunk, row);
                    }
                }
            }
        }
        return slots;
    }

    /** Sets {@code keys[i]} to the key of row {@code from + i} ({@code from} a multiple of 64), for {@code i < rows}. */
    private void keys(Chunk chunk, int from, int rows, long[] keys) {
        Arrays.fill(keys, 0, rows, 0);
        for (int d = 0; d < dims.length; d++) {
            addRaw(chunk, d, from, rows, keys);
        }
    }

    /** Adds dimension {@code d}'s raw value times its stride to the keys of the block's rows. */
    private void addRaw(Chunk chunk, int d, int from, int rows, long[] keys) {
        Column c = dims[d];
        long s = stride[d];
        long b = base[d];
        if (c.isDecimal()) {
            Decimals.Hundredths h = (Decimals.Hundredths) chunk.decimals()[c.index()];
            int[] units = h.units();
            for (int i = 0; i < rows; i++) {
                keys[i] += (units[from + i] - b) * s;
            }
            // A missing value is raw 0: take back what its (meaningless) units added.
            long[] nulls = h.nulls();
            for (int w = 0; nulls != null && w << 6 < rows; w++) {
                long bits = nulls[(from >>> 6) + w] & Selection.span(0, Math.min(64, rows - (w << 6)));
                for (; bits != 0; bits &= bits - 1) {
                    int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                    keys[i] -= (units[from + i] - b) * s;
                }
            }
            return;
        }
        // One loop per storage, so each reads its array directly.
        Codes codes = chunk.codes()[c.index()];
        if (codes instanceof Codes.Bytes bytes) {
            byte[] v = bytes.values();
            for (int i = 0; i < rows; i++) {
                keys[i] += ((v[from + i] & 0xFF) - b) * s;
            }
        } else if (codes instanceof Codes.Shorts shorts) {
            short[] v = shorts.values();
            for (int i = 0; i < rows; i++) {
                keys[i] += ((v[from + i] & 0xFFFF) - b) * s;
            }
        } else {
            int[] v = ((Codes.Ints) codes).values();
            for (int i = 0; i < rows; i++) {
                keys[i] += (v[from + i] - b) * s;
            }
        }
    }

    private void addMeasure(Slots slots, int slot, int j, Chunk chunk, int row) {
        Column c = measures[j];
        int at = slot * measures.length + j;
        if (c.isWholeNumber()) {
            long x = chunk.codes()[c.index()].get(row) + (long) c.field().min();
            slots.values[at]++;
            slots.unitSums[at] += x;
            slots.unitSquares[at] += (double) (x * x);
            return;
        }
        Decimals values = chunk.decimals()[c.index()];
        if (values.isNull(row)) {
            return;
        }
        slots.values[at]++;
        if (values instanceof Decimals.Hundredths h) {
            long x = h.units()[row];
            slots.unitSums[at] += x;
            slots.unitSquares[at] += (double) (x * x);
        } else {
            double x = values.get(row);
            slots.looseSums[at] += x;
            slots.looseSquares[at] += x * x;
        }
    }

    /**
     * The cube of the dense counters of each run. The runs' counters are added once into one count
     * per key, which is then read twice, with the key's digits kept as an odometer rather than
     * divided out: once for the raw values each dimension has rows at (its levels), then in the
     * order of the levels, so the cells come out in cube order.
     */
    private Cube cube(List<CountHistogram> runs) {
        long[] total = new long[(int) possibleKeys];
        for (CountHistogram run : runs) {
            for (int k = 0; k < total.length; k++) {
                total[k] += run.total(k);
            }
        }
        int n = dims.length;
        boolean[][] seen = new boolean[n][];
        for (int d = 0; d < n; d++) {
            seen[d] = new boolean[(int) span[d]];
        }
        int[] digit = new int[n];
        for (int k = 0; k < possibleKeys; k++) {
            if (total[k] > 0) {
                for (int d = 0; d < n; d++) {
                    seen[d][digit[d]] = true;
                }
            }
            for (int d = n - 1; d >= 0 && ++digit[d] == span[d]; d--) {
                digit[d] = 0;
            }
        }
        List<Dimension> dimensions = new ArrayList<>();
        // rawAt[d][p]: the raw value of dimension d's level p; -1 for a level without rows (a code of
        // the codebook that no row has).
        int[][] rawAt = new int[n][];
        for (int d = 0; d < n; d++) {
            int[] positions = new int[seen[d].length];
            Dimension dimension = dimension(d, seen[d], positions);
            dimensions.add(dimension);
            rawAt[d] = new int[dimension.size()];
            Arrays.fill(rawAt[d], -1);
            for (int r = 0; r < positions.length; r++) {
                if (seen[d][r]) {
                    rawAt[d][positions[r]] = r;
                }
            }
        }
        Cube.Cells cells = new Cube.Cells(n, 0, 0);
        int[] at = new int[n];
        boolean more = dimensions.stream().allMatch(d -> d.size() > 0);
        while (more) {
            long key = 0;
            for (int d = 0; d < n && key >= 0; d++) {
                key = rawAt[d][at[d]] < 0 ? -1 : key + rawAt[d][at[d]] * stride[d];
            }
            long rows = key < 0 ? 0 : total[(int) key];
            if (rows > 0) {
                cells.add(at, rows);
            }
            int d = n - 1;
            for (; d >= 0 && ++at[d] == rawAt[d].length; d--) {
                at[d] = 0;
            }
            more = d >= 0;
        }
        return cells.build(dimensions, CubeKernel.measures(measures), filter.text(), Cube.Provenance.NONE);
    }

    /**
     * The cube of the {@code used} keys {@code keys} with {@code counts} rows each, and their
     * measures in {@code sums}.
     */
    private Cube cube(int used, long[] keys, long[] counts, Slots sums) {
        int m = measures.length;
        // Each key's raw value on each dimension, the last varying fastest.
        int[][] raw = new int[dims.length][used];
        for (int s = 0; s < used; s++) {
            long key = keys[s];
            for (int d = dims.length - 1; d >= 0; d--) {
                raw[d][s] = (int) (key % span[d]);
                key /= span[d];
            }
        }
        List<Dimension> dimensions = new ArrayList<>();
        int[][] positions = new int[dims.length][];
        for (int d = 0; d < dims.length; d++) {
            boolean[] seen = new boolean[(int) span[d]];
            for (int s = 0; s < used; s++) {
                seen[raw[d][s]] = true;
            }
            positions[d] = new int[seen.length];
            dimensions.add(dimension(d, seen, positions[d]));
        }
        Cube.Cells cells = new Cube.Cells(dims.length, m, used);
        int[] at = new int[dims.length];
        for (int s = 0; s < used; s++) {
            for (int d = 0; d < dims.length; d++) {
                at[d] = positions[d][raw[d][s]];
            }
            int c = cells.add(at, counts[s]);
            for (int j = 0; j < m; j++) {
                int k = s * m + j;
                cells.measure(c, j, sums.values[k], sums.unitSums[k], sums.unitSquares[k], sums.looseSums[k],
                        sums.looseSquares[k]);
            }
        }
        return cells.build(dimensions, CubeKernel.measures(measures), filter.text(), Cube.Provenance.NONE);
    }

    /**
     * Dimension {@code d}, whose raw values {@code r} with rows are those where {@code seen[r]}:
     * labelled in the order of {@link AxisLabels} (or {@link #penceLevels}), with
     * {@code positions[r]} set to each such raw value's level position.
     */
    private Dimension dimension(int d, boolean[] seen, int[] positions) {
        if (dims[d].isDecimal()) {
            return penceLevels(d, seen, positions);
        }
        boolean[] present = new boolean[(int) (base[d] + span[d])];
        for (int r = 0; r < seen.length; r++) {
            present[(int) base[d] + r] = seen[r];
        }
        AxisLabels labels = new AxisLabels(dims[d], present);
        for (int r = 0; r < seen.length; r++) {
            positions[r] = seen[r] ? labels.position((int) base[d] + r) : -1;
        }
        return labels.dimension();
    }

    /** A pay dimension's levels: the pence seen, as pounds with two decimals, ascending, then missing. */
    private Dimension penceLevels(int d, boolean[] seen, int[] positions) {
        List<String> levels = new ArrayList<>();
        for (int r = 1; r < seen.length; r++) {
            if (seen[r]) {
                positions[r] = levels.size();
                levels.add(BigDecimal.valueOf(base[d] + r, 2).toPlainString());
            }
        }
        if (seen.length > 0 && seen[0]) {
            positions[0] = levels.size();
            levels.add(MISSING);
        }
        return new Dimension(dims[d].name(), levels);
    }

    /** One thread's open-addressing table of keys and their counts and sums. */
    private final class Slots {
        private final int m;
        private long[] table = new long[1 << 10];
        private int[] slotOf = new int[1 << 10];
        private int used;
        long[] keys = new long[256];
        long[] counts = new long[256];
        long[] values;
        double[] unitSums;
        double[] unitSquares;
        double[] looseSums;
        double[] looseSquares;

        Slots(int m) {
            this.m = m;
            values = new long[256 * m];
            unitSums = new double[256 * m];
            unitSquares = new double[256 * m];
            looseSums = new double[256 * m];
            looseSquares = new double[256 * m];
            Arrays.fill(slotOf, -1);
        }

        /** The slot of {@code key}, made if new. */
        int slot(long key) {
            int mask = table.length - 1;
            int h = (int) (mix(key) & mask);
            while (true) {
                int s = slotOf[h];
                if (s < 0) {
                    return insert(key, h);
                }
                if (table[h] == key) {
                    return s;
                }
                h = (h + 1) & mask;
            }
        }

        private int insert(long key, int h) {
            if (used == keys.length) {
                int capacity = keys.length * 2;
                keys = Arrays.copyOf(keys, capacity);
                counts = Arrays.copyOf(counts, capacity);
                values = Arrays.copyOf(values, capacity * m);
                unitSums = Arrays.copyOf(unitSums, capacity * m);
                unitSquares = Arrays.copyOf(unitSquares, capacity * m);
                looseSums = Arrays.copyOf(looseSums, capacity * m);
                looseSquares = Arrays.copyOf(looseSquares, capacity * m);
            }
            table[h] = key;
            slotOf[h] = used;
            keys[used] = key;
            if (2 * (used + 1) > table.length) {
                rehash();
            }
            return used++;
        }

        private void rehash() {
            long[] oldTable = table;
            int[] oldSlots = slotOf;
            table = new long[oldTable.length * 2];
            slotOf = new int[oldTable.length * 2];
            Arrays.fill(slotOf, -1);
            int mask = table.length - 1;
            for (int i = 0; i < oldTable.length; i++) {
                if (oldSlots[i] >= 0) {
                    int h = (int) (mix(oldTable[i]) & mask);
                    while (slotOf[h] >= 0) {
                        h = (h + 1) & mask;
                    }
                    table[h] = oldTable[i];
                    slotOf[h] = oldSlots[i];
                }
            }
        }

        private static long mix(long key) {
            long z = key * 0x9E3779B97F4A7C15L;
            return z ^ (z >>> 29);
        }

        void addAll(Slots other) {
            for (int o = 0; o < other.used; o++) {
                int s = slot(other.keys[o]);
                counts[s] += other.counts[o];
                for (int j = 0; j < m; j++) {
                    values[s * m + j] += other.values[o * m + j];
                    unitSums[s * m + j] += other.unitSums[o * m + j];
                    unitSquares[s * m + j] += other.unitSquares[o * m + j];
                    looseSums[s * m + j] += other.looseSums[o * m + j];
                    looseSquares[s * m + j] += other.looseSquares[o * m + j];
                }
            }
        }

    }
}
