package ladder.models.disclosure;

import java.util.List;

/**
 * Decides which counts of a published table to withhold so that no count under the threshold can
 * be read or worked back.
 *
 * <p>Primary suppression withholds every count under the threshold (zeros too: a published zero
 * says that nobody in a group has a trait). Secondary suppression then protects the additive
 * relations a reader can see, each an equation whose terms are counts of the table (e.g.
 * {@code professional + intermediate + working class = classifiable}): an equation with exactly one
 * withheld term gives that term away, so the smallest published term of that equation is withheld
 * as well, and so on until no equation has exactly one withheld term. This is the rule of thumb of
 * the ONS and the Government Statistical Service for frequency tables; it does not guard against
 * differencing between separately published tables (e.g. the same cells with and without a
 * filter), which a publication must avoid by its design.
 */
public final class SmallCellSuppression {
    /** The threshold the project publishes at: counts under 10 are withheld. */
    public static final int DEFAULT_THRESHOLD = 10;

    private SmallCellSuppression() {
    }

    /**
     * Which of {@code counts} to withhold.
     *
     * @param counts the counts of one table
     * @param equations each the indices of counts that a reader can relate additively (any signs):
     *     knowing all but one of them gives the last
     * @param threshold counts below it are withheld
     * @return {@code withheld[k]} for each count {@code k}
     */
    public static boolean[] withheld(long[] counts, List<int[]> equations, int threshold) {
        boolean[] withheld = new boolean[counts.length];
        for (int k = 0; k < counts.length; k++) {
            withheld[k] = counts[k] < threshold;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] equation : equations) {
                int hidden = 0;
                int smallest = -1;
                for (int k : equation) {
                    if (withheld[k]) {
                        hidden++;
                    } else if (smallest < 0 || counts[k] < counts[smallest]) {
                        smallest = k;
                    }
                }
                if (hidden == 1 && smallest >= 0) {
                    withheld[smallest] = true;
                    changed = true;
                }
            }
        }
        return withheld;
    }
}
