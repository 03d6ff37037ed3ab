package ladder.datasets;

/**
 * SplitMix64 (Steele, Lea and Flood 2014), keyed: a generator that can be restarted at the stream
 * of any (seed, employer, person, year) without storing anything.
 *
 * <p>Only 64-bit integer arithmetic, so the same key gives the same numbers on every JVM. One
 * instance is reused for every row: {@link #restart} then draw.
 */
final class SplitMix {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    /** Starts the stream named {@code key} (from {@link #key}). */
    void restart(long key) {
        state = key;
    }

    long nextLong() {
        return mix(state += GOLDEN);
    }

    /** Uniform on [0, 1), 53 bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform on (0, 1), never 0: for quantile functions. */
    double nextOpenDouble() {
        return ((nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    /** Uniform on 0..bound-1. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** The key of sub-stream {@code index} of stream {@code parent}. */
    static long key(long parent, long index) {
        return mix(parent ^ mix(index * GOLDEN + 0x632BE59BD9B4E019L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
