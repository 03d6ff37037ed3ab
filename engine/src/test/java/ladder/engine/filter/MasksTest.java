package ladder.engine.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Masks}'s byte-lane comparisons against a row-at-a-time test. */
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
}
