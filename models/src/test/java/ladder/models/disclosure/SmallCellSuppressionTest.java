package ladder.models.disclosure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Small-cell suppression: primary withholding under the threshold, secondary withholding so that
 * no published sum gives a withheld count back; and, on random tables, that no withheld count can
 * be recovered from any one published sum.
 */
class SmallCellSuppressionTest {
    // a + b + c = total, as a composition cell's three groups and their classifiable total.
    private static final List<int[]> SUM = List.of(new int[] {0, 1, 2, 3});

    @Test
    void nothingIsWithheldWhenEveryCountIsTenOrMore() {
        assertArrayEquals(new boolean[] {false, false, false, false},
                SmallCellSuppression.withheld(new long[] {10, 20, 30, 60}, SUM, 10));
    }

    @Test
    void aSmallCountTakesTheSmallestOtherTermWithIt() {
        assertArrayEquals(new boolean[] {true, false, true, false},
                SmallCellSuppression.withheld(new long[] {3, 50, 20, 73}, SUM, 10));
    }

    @Test
    void zerosAreWithheldToo() {
        assertArrayEquals(new boolean[] {true, true, false, false},
                SmallCellSuppression.withheld(new long[] {0, 12, 40, 52}, SUM, 10));
    }

    @Test
    void aSmallTotalHidesTheWholeCell() {
        assertArrayEquals(new boolean[] {true, true, true, true},
                SmallCellSuppression.withheld(new long[] {2, 3, 4, 9}, SUM, 10));
    }

    @Test
    void noPublishedSumEverHasExactlyOneWithheldTerm() {
        SplittableRandom random = new SplittableRandom(5);
        // p, i, w, excluded, missing, classifiable, rows: the equations of a composition cell.
        List<int[]> equations = List.of(new int[] {0, 1, 2, 5}, new int[] {5, 3, 4, 6}, new int[] {0, 1, 2, 3, 4, 6});
        for (int trial = 0; trial < 10_000; trial++) {
            long[] c = new long[7];
            for (int k = 0; k < 5; k++) {
                c[k] = random.nextInt(4) == 0 ? random.nextInt(10) : random.nextInt(200);
            }
            c[5] = c[0] + c[1] + c[2];
            c[6] = c[5] + c[3] + c[4];
            boolean[] withheld = SmallCellSuppression.withheld(c, equations, 10);
            for (int k = 0; k < c.length; k++) {
                assertFalse(c[k] < 10 && !withheld[k], "count " + k + " = " + c[k] + " is published");
            }
            for (int[] equation : equations) {
                int hidden = 0;
                for (int k : equation) {
                    hidden += withheld[k] ? 1 : 0;
                }
                assertNotEquals(1, hidden, "a sum gives one withheld count back");
            }
        }
    }
}
