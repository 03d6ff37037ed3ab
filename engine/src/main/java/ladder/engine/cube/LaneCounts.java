package ladder.engine.cube;

/**
 * Rows per key for a key space of at most {@link #MAX_KEYS} keys (a small cube such as seb x
 * promoted, every measure folded), counted in registers instead of an array: the eight byte lanes
 * of a {@code long} are eight counters, and a row of key {@code k} adds {@code 1L << 8k}. A
 * counter array would make each row's increment wait for the store of the previous row's
 * whenever both have the same key, which in a small, skewed cube is often; adding into registers
 * has no such wait, and no store at all.
 *
 * <p>Rows are added by the blocks' group bytes ({@link ByteGroupKeys#combine}: with so few keys,
 * one group, whose code is the key), alternately into four accumulators, so a block of
 * {@link CellKeys#BLOCK} rows adds at most 128 to any lane and no lane carries into the next; after
 * each block the lanes are added to {@code int} counters, spilled into the cube (through
 * {@link FoldedMeasures}) before any could overflow.
 */
final class LaneCounts {
    /** The most keys: one byte lane of a {@code long} each. */
    static final int MAX_KEYS = 8;
    private static final long EVEN_LANES = 0x00FF00FF00FF00FFL;

    private final KeyLayout layout;
    private final int[] counts = new int[MAX_KEYS];
    private long sinceSpill;

    /** Counts of {@code layout}'s keys, which must be at most {@link #MAX_KEYS}. */
    LaneCounts(KeyLayout layout) {
        if (layout.keys() > MAX_KEYS) {
            throw new IllegalArgumentException(layout.keys() + " keys; lane counting takes at most " + MAX_KEYS);
        }
        this.layout = layout;
    }

    /**
     * Counts the {@code rows} rows of a block whose keys are {@code keys[0 .. rows - 1]} and which
     * pass {@code mask} ({@code null}: all; else bit {@code from + i} stands for block row
     * {@code i}, {@code from} a multiple of 64). Spills into {@code cube} first if a counter could
     * otherwise overflow.
     */
    void add(byte[] keys, int rows, long[] mask, int from, DenseCube cube) {
        if (rows > CellKeys.BLOCK) {
            throw new IllegalArgumentException(rows + " rows, more than a block");
        }
        if (sinceSpill > Integer.MAX_VALUE - rows) {
            spillInto(cube);
        }
        sinceSpill += rows;
        long a0 = 0;
        long a1 = 0;
        long a2 = 0;
        long a3 = 0;
        int whole = rows & ~63;
        for (int first = 0; first < whole; first += 64) {
            long bits = mask == null ? -1L : mask[(from + first) >>> 6];
            if (bits == -1L) {
                for (int i = first; i < first + 64; i += 4) {
                    a0 += 1L << (keys[i] << 3);
                    a1 += 1L << (keys[i + 1] << 3);
                    a2 += 1L << (keys[i + 2] << 3);
                    a3 += 1L << (keys[i + 3] << 3);
                }
            } else if (bits != 0) {
                for (int i = 0; i < 64; i += 4) {
                    a0 += (bits >>> i & 1) << (keys[first + i] << 3);
                    a1 += (bits >>> (i + 1) & 1) << (keys[first + i + 1] << 3);
                    a2 += (bits >>> (i + 2) & 1) << (keys[first + i + 2] << 3);
                    a3 += (bits >>> (i + 3) & 1) << (keys[first + i + 3] << 3);
                }
            }
        }
        for (int i = whole; i < rows; i++) {
            long weight = mask == null ? 1 : mask[(from + i) >>> 6] >>> (i & 63) & 1;
            a0 += weight << (keys[i] << 3);
        }
        // Four lanes of at most 128 each make at most 512: summed in 16-bit lanes, even and odd keys apart.
        long even = (a0 & EVEN_LANES) + (a1 & EVEN_LANES) + (a2 & EVEN_LANES) + (a3 & EVEN_LANES);
        long odd = (a0 >>> 8 & EVEN_LANES) + (a1 >>> 8 & EVEN_LANES) + (a2 >>> 8 & EVEN_LANES) + (a3 >>> 8 & EVEN_LANES);
        for (int k = 0; k < MAX_KEYS; k += 2) {
            counts[k] += (int) (even >>> (8 * k) & 0xFFFF);
            counts[k + 1] += (int) (odd >>> (8 * k) & 0xFFFF);
        }
    }

    /** Adds the counts to {@code cube} and clears them. */
    void spillInto(DenseCube cube) {
        FoldedMeasures.addCounts(cube, layout, java.util.Arrays.copyOf(counts, layout.keys()), 1);
        java.util.Arrays.fill(counts, 0);
        sinceSpill = 0;
    }
}
