package ladder.models.pay;

import java.math.BigInteger;

/**
 * A running total of products {@code a * b} of non-negative longs, exact: held as an unsigned
 * 128-bit integer in two longs, so adding a term costs two multiplications instead of the several
 * {@link BigInteger}s it would take. Totals of pay histograms stay far inside 2^127 (at most 2^63
 * people, each holding under 2^64 units).
 */
final class ExactTotal {
    private long high;
    private long low;

    /** Adds {@code a * b}; both must be non-negative. */
    void add(long a, long b) {
        long productLow = a * b;
        long productHigh = Math.multiplyHigh(a, b);
        long sum = low + productLow;
        // Unsigned carry out of the low word.
        high += productHigh + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
        low = sum;
    }

    BigInteger value() {
        BigInteger lowWord = BigInteger.valueOf(low >>> 1).shiftLeft(1).add(BigInteger.valueOf(low & 1));
        return BigInteger.valueOf(high).shiftLeft(64).add(lowWord);
    }
}
