package ladder.engine.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Masks}'s byte-lane and int comparisons against a row-at-a-time test. */
class MasksTest {

    @Test
    void bytesBetweenMatchesARowAtATimeTestForEveryEdgeAndLength() {
        SplittableRandom random = new SplittableRandom(7);
        int[] edges = {0, 1, 2, 3, 4, 63, 64, 126, 127, 128, 129, 200, 254, 255};
        for (int rows : new int[] {0, 1, 7, 8, 9, 63, 64, 65, 200, 1000}) {
            byte[] v = new byte[rows];
            for (int r = 0; r < rows; r++) {
                // Half the codes at an edge, so every lane meets its bounds exactly.
                v[r] = (byte) (random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextInt(256));
            }
            for (int lo : edges) {
                for (int hi : edges) {
                    if (hi < lo) {
                        continue;
                    }
                    for (boolean outside : new boolean[] {false, true}) {
                        long[] expected = Filter.words(rows);
                        for (int r = 0; r < rows; r++) {
                            int code = v[r] & 0xFF;
                            if ((code >= lo && code <= hi) != outside) {
                                expected[r >>> 6] |= 1L << r;
                            }
                        }
                        assertArrayEquals(expected, Masks.bytesBetween(v, rows, lo, hi, outside),
                                rows + " rows in " + lo + ".." + hi + (outside ? " outside" : ""));
                    }
                }
            }
        }
    }

    @Test
    void atLeastComparesEveryPairOfBytes() {
        for (int x = 0; x < 256; x++) {
            for (int c = 0; c < 256; c++) {
                long lanes = Masks.atLeast(x * 0x0101010101010101L, c * 0x0101010101010101L);
                assertEquals(x >= c ? 0x8080808080808080L : 0, lanes, x + " >= " + c);
            }
        }
    }

    @Test
    void unitsBetweenMatchesARowAtATimeTestForEveryEdgeLengthAndNullMask() {
        SplittableRandom random = new SplittableRandom(11);
        long min = Integer.MIN_VALUE;
        long max = Integer.MAX_VALUE;
        // Interval ends as DecimalCompare makes them: from one below the ints to one above, and
        // pairs whose difference does not fit an int.
        long[] edges = {min - 1, min, min + 1, -2001, -1, 0, 1, 2000, 2001, 2002, max - 1, max, max + 1};
        for (int rows : new int[] {0, 1, 31, 32, 33, 63, 64, 65, 127, 128, 200, 1000}) {
            int[] units = new int[rows];
            for (int r = 0; r < rows; r++) {
                // Half the values at an edge (or next to one), so every comparison meets its bounds exactly.
                long edge = edges[random.nextInt(edges.length)] + random.nextInt(3) - 1;
                units[r] = random.nextBoolean() ? (int) Math.max(min, Math.min(max, edge)) : random.nextInt();
            }
            long[] nulls = Filter.words(rows);
            for (int r = 0; r < rows; r++) {
                nulls[r >>> 6] |= (random.nextInt(8) == 0 ? 1L : 0L) << r;
            }
            for (long lo : edges) {
                for (long hi : edges) {
                    for (boolean outside : new boolean[] {false, true}) {
                        for (long[] missing : new long[][] {null, nulls}) {
                            long[] expected = Filter.words(rows);
                            for (int r = 0; r < rows; r++) {
                                boolean in = units[r] >= lo && units[r] <= hi;
                                boolean isNull = missing != null && (missing[r >>> 6] >>> r & 1) != 0;
                                if (in != outside && !isNull) {
                                    expected[r >>> 6] |= 1L << r;
                                }
                            }
                            assertArrayEquals(expected, Masks.unitsBetween(units, rows, lo, hi, outside, missing),
                                    rows + " rows in " + lo + ".." + hi + (outside ? " outside" : "")
                                            + (missing != null ? " with nulls" : ""));
                        }
                    }
                }
            }
        }
    }

    @Test
    void withinBitsComparesUnsignedAtTheEdges() {
        int[] values = {0, 1, 2, 0x7FFFFFFE, 0x7FFFFFFF, 0x80000000, 0x80000001, -2, -1};
        for (int d : values) {
            for (int span : values) {
                assertEquals(Integer.compareUnsigned(d, span) <= 0 ? -1 : 0, Masks.withinBits(d, span), d + " <=u " + span);
            }
        }
    }
}
