package ladder.engine.filter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Filter masks built a 64-row word at a time, so each word is assembled in a register and stored once. */
final class Masks {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LANES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;
    /**
     * Times a long whose byte lanes {@code i} hold 0 or 1 in their lowest bit, moves lane {@code i}'s
     * bit to bit {@code 56 + i}: lane {@code i}'s bit {@code 8i} times {@code 2^(56 - 7i)}; every
     * other product lands above bit 63 or below bit 56, at a bit of its own, so nothing carries.
     */
    private static final long GATHER_LANES = 0x0102040810204080L;

    private Masks() {
    }

    /** The bits of one mask word: of rows {@code from .. to - 1}, bit {@code r & 63} set when row {@code r} passes. */
    interface Word {
        long of(int from, int to);
    }

    /** The mask of a chunk of {@code rows} rows, by {@code word}; no bit is set past the last row. */
    static long[] of(int rows, Word word) {
        long[] mask = Filter.words(rows);
        for (int w = 0; w < mask.length; w++) {
            mask[w] = word.of(w << 6, Math.min(rows, (w + 1) << 6));
        }
        return mask;
    }

    /**
     * The mask of the first {@code rows} of byte codes {@code v} (unsigned) that lie in
     * {@code lo .. hi} ({@code 0 <= lo <= hi <= 255}), or outside it if {@code outside}. Eight
     * codes are compared at once, as the byte lanes of a {@code long} ({@link #atLeast}), and their
     * eight results gathered into eight mask bits by one multiplication: a few operations per eight
     * rows instead of a table look-up per row.
     */
    static long[] bytesBetween(byte[] v, int rows, int lo, int hi, boolean outside) {
        long low = lo * LANES;
        long above = hi == 255 ? 0 : (hi + 1) * LANES;
        boolean capped = hi < 255;
        long flip = outside ? -1L : 0;
        long[] mask = Filter.words(rows);
        int whole = rows & ~7;
        for (int i = 0; i < whole; i += 8) {
            long x = (long) LONGS.get(v, i);
            long in = atLeast(x, low) & (capped ? ~atLeast(x, above) : -1L);
            long bits = (((in >>> 7) * GATHER_LANES) >>> 56) ^ (flip & 0xFF);
            mask[i >>> 6] |= bits << (i & 63);
        }
        for (int r = whole; r < rows; r++) {
            int code = v[r] & 0xFF;
            long in = (code >= lo && code <= hi) != outside ? 1 : 0;
            mask[r >>> 6] |= in << r;
        }
        return mask;
    }

    /** Bit {@code j} set, at {@code POSITION[j]}: a row's place in a half word, read as an array so the loop has no variable shift. */
    private static final int[] POSITION = new int[32];

    static {
        for (int j = 0; j < 32; j++) {
            POSITION[j] = 1 << j;
        }
    }

    /**
     * The mask of the first {@code rows} of int {@code units} that lie in {@code lo .. hi}, or
     * outside it if {@code outside}, less the rows set in {@code nulls} (may be {@code null}).
     * {@code lo} and {@code hi} are longs so that an interval may reach past the ints at either
     * end ({@code lo > hi}: empty). Each row is one unsigned comparison of {@code u - lo} with
     * {@code hi - lo}, wrapping in ints ({@link #withinBits}), made a 32-row half word at a
     * time by or-ing each row's bit, taken from {@link #POSITION}, into a register: no branch,
     * no variable shift, no division, and the null mask folded into the word as it is stored.
     */
    static long[] unitsBetween(int[] units, int rows, long lo, long hi, boolean outside, long[] nulls) {
        long[] mask = Filter.words(rows);
        long clampedLo = Math.max(lo, Integer.MIN_VALUE);
        long clampedHi = Math.min(hi, Integer.MAX_VALUE);
        boolean empty = clampedLo > clampedHi;
        // An empty interval is the whole of the ints (span -1 admits every difference) with the answer flipped.
        int base = empty ? 0 : (int) clampedLo;
        int span = empty ? -1 : (int) (clampedHi - clampedLo);
        long flip = outside != empty ? -1L : 0;
        int whole = rows & ~63;
        for (int from = 0; from < whole; from += 64) {
            int low = 0;
            int high = 0;
            for (int j = 0; j < 32; j++) {
                low |= withinBits(units[from + j] - base, span) & POSITION[j];
            }
            for (int j = 0; j < 32; j++) {
                high |= withinBits(units[from + 32 + j] - base, span) & POSITION[j];
            }
            long word = ((low & 0xFFFFFFFFL) | (long) high << 32) ^ flip;
            mask[from >>> 6] = nulls == null ? word : word & ~nulls[from >>> 6];
        }
        if (whole < rows) {
            long word = 0;
            for (int r = whole; r < rows; r++) {
                word |= (withinBits(units[r] - base, span) & 1L) << r;
            }
            word = (word ^ flip) & ((1L << (rows - whole)) - 1);
            mask[whole >>> 6] = nulls == null ? word : word & ~nulls[whole >>> 6];
        }
        return mask;
    }

    /**
     * All ones if {@code d <= span} as unsigned ints, else 0: the sign of {@code span <u d}
     * (Hacker's Delight, 2nd ed., section 2-12), inverted.
     */
    static int withinBits(int d, int span) {
        return ~(((~span & d) | (~(span ^ d) & (span - d))) >> 31);
    }

    /**
     * In each byte lane, the high bit set when the lane of {@code x} is at least the lane of
     * {@code c}, both unsigned, all other bits clear. The low seven bits are compared by
     * {@code (x | 0x80) - (c & 0x7F)}, which stays within its lane (at least 1, at most 255); its
     * high bit decides when the high bits of {@code x} and {@code c} are equal, and {@code x}'s
     * high bit alone when they differ (Hacker's Delight, 2nd ed., section 2-18).
     */
    static long atLeast(long x, long c) {
        long low = (x | HIGH) - (c & ~HIGH);
        return ((x & ~c) | (~(x ^ c) & low)) & HIGH;
    }
}
