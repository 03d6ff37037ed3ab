package ladder.engine.cube;

import ladder.engine.table.Chunk;

/**
 * Rows per key, as {@code int} counters spilled before any could overflow: into a dense cube
 * (through {@link FoldedMeasures}), or, for a histogram over keys of its own ({@link #CountHistogram(int)}),
 * into {@code long} totals it keeps, made on the first spill (after 2^31 rows).
 *
 * <p>With {@code stripes > 1} the histogram is several partial histograms, interleaved: row
 * {@code i} of a block counts in slot {@code key * stripes + i % stripes}. When consecutive rows
 * often share a key (a small, skewed cube: most employees have no disability and were not
 * promoted), each increment of one counter waits for the store of the previous one; with stripes,
 * neighbouring rows update different counters and the increments overlap. A key's stripes share
 * a cache line, and they are summed when spilled.
 */
final class CountHistogram {
    private final KeyLayout layout;
    private final int stripes;
    private final int shift;
    private final int[] counts;
    private long sinceSpill;
    /** What the counters of a histogram of its own keys spilled, per key; {@code null} before the first spill. */
    private long[] spilled;

    /** {@code stripes} is 1, 2 or 4. */
    CountHistogram(KeyLayout layout, int stripes) {
        if (stripes != 1 && stripes != 2 && stripes != 4) {
            throw new IllegalArgumentException("stripes must be 1, 2 or 4: " + stripes);
        }
        this.layout = layout;
        this.stripes = stripes;
        this.shift = Integer.numberOfTrailingZeros(stripes);
        this.counts = new int[layout.keys() * stripes];
    }

    /** A histogram of keys {@code 0 .. keys - 1} of its own, in one stripe, read by {@link #total}. */
    CountHistogram(int keys) {
        this.layout = null;
        this.stripes = 1;
        this.shift = 0;
        this.counts = new int[keys];
    }

    /**
     * Counts the {@code rows} rows of a block, starting at chunk row {@code from} (a multiple of
     * 64), whose keys are {@code keys} and which pass {@code mask} ({@code null}: all). Spills into
     * {@code cube} first if a counter could otherwise overflow.
     */
    void add(int[] keys, int rows, long[] mask, int from, DenseCube cube) {
        if (full(rows)) {
            spillInto(cube);
        }
        add(keys, rows, mask, from);
    }

    /** As {@link #add(int[], int, long[], int, DenseCube)}, for a histogram of its own keys. */
    void add(int[] keys, int rows, long[] mask, int from) {
        if (full(rows)) {
            if (spilled == null) {
                spilled = new long[counts.length];
            }
            for (int k = 0; k < counts.length; k++) {
                spilled[k] += counts[k];
            }
            clear();
        }
        sinceSpill += rows;
        if (mask == null) {
            count(keys, 0, rows);
            return;
        }
        for (int w = 0; w << 6 < rows; w++) {
            int first = w << 6;
            long bits = mask[(from >>> 6) + w] & Selection.span(0, Math.min(64, rows - first));
            int lanes = stripes - 1;
            if (bits == -1L) {
                count(keys, first, first + 64);
            } else if (Selection.mostly(bits, rows - first)) {
                for (int i = 0; i < 64; i++) {
                    counts[(keys[first + i] << shift) + (i & lanes)] += (int) (bits >>> i) & 1;
                }
            } else {
                for (; bits != 0; bits &= bits - 1) {
                    int i = first + Long.numberOfTrailingZeros(bits);
                    counts[(keys[i] << shift) + (i & lanes)]++;
                }
            }
        }
    }

    /**
     * Counts the {@code rows} rows of a chunk from {@code from} that pass {@code mask}
     * ({@code null}: all), by {@code fused} (one stripe only).
     */
    void add(ByteGroupCounts fused, Chunk chunk, int from, int rows, long[] mask, DenseCube cube) {
        if (stripes != 1) {
            throw new IllegalStateException("fused counting into " + stripes + " stripes");
        }
        if (full(rows)) {
            spillInto(cube);
        }
        sinceSpill += rows;
        fused.count(chunk, from, rows, mask, counts);
    }

    /** Whether a counter could overflow by {@code rows} more rows. */
    private boolean full(int rows) {
        return sinceSpill > Integer.MAX_VALUE - rows;
    }

    private void count(int[] keys, int from, int to) {
        if (stripes == 1) {
            for (int i = from; i < to; i++) {
                counts[keys[i]]++;
            }
        } else {
            int lanes = stripes - 1;
            for (int i = from; i < to; i++) {
                counts[(keys[i] << shift) + (i & lanes)]++;
            }
        }
    }

    /** Adds the counts to {@code cube} and clears them. */
    void spillInto(DenseCube cube) {
        if (layout == null) {
            throw new IllegalStateException("a histogram of its own keys spilled into a cube");
        }
        FoldedMeasures.addCounts(cube, layout, counts, stripes);
        clear();
    }

    private void clear() {
        java.util.Arrays.fill(counts, 0);
        sinceSpill = 0;
    }

    /** The rows counted at {@code key} of a histogram of its own keys. */
    long total(int key) {
        return counts[key] + (spilled == null ? 0 : spilled[key]);
    }
}
