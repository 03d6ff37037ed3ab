package ladder.models.pay;

import java.util.ArrayList;
import java.util.List;

/**
 * The design of a regression on categorical covariates with treatment (dummy) coding, as R's default
 * {@code contr.treatment}: an intercept, then for each factor in order one 0/1 column per level other than its
 * reference, in level order, named {@code factor=level} (R names it {@code factorlevel}). A row's design row
 * is the intercept and one column per factor not at its reference, so it is held as the list of its ones.
 */
public final class TreatmentCoding {

    /** The name of the intercept column, as R's. */
    public static final String INTERCEPT = "(Intercept)";

    private final List<Factor> factors;
    private final List<String> names = new ArrayList<>();
    // column[f][level] = the design column of that level, or -1 for the reference
    private final int[][] column;

    public TreatmentCoding(List<Factor> factors) {
        this.factors = List.copyOf(factors);
        names.add(INTERCEPT);
        column = new int[factors.size()][];
        for (int f = 0; f < factors.size(); f++) {
            Factor factor = factors.get(f);
            column[f] = new int[factor.levels().size()];
            for (int l = 0; l < factor.levels().size(); l++) {
                String level = factor.levels().get(l);
                column[f][l] = level.equals(factor.reference()) ? -1 : names.size();
                if (column[f][l] >= 0) {
                    names.add(factor.name() + "=" + level);
                }
            }
        }
    }

    public List<Factor> factors() {
        return factors;
    }

    /** Column names, intercept first. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** Number of design columns p. */
    public int columns() {
        return names.size();
    }

    /**
     * The design columns holding a 1 for row {@code row} of {@code codes} ([factor][row], codes into the factor's
     * levels), written into {@code ones} (length at least 1 + factors); returns how many, or -1 when a code is
     * missing (negative).
     *
     * @throws IllegalArgumentException for a code beyond a factor's levels
     */
    public int ones(int[][] codes, int row, int[] ones) {
        int k = 0;
        ones[k++] = 0;
        for (int f = 0; f < column.length; f++) {
            int code = codes[f][row];
            if (code < 0) {
                return -1;
            }
            if (code >= column[f].length) {
                throw new IllegalArgumentException("code " + code + " of " + factors.get(f).name() + " has no level");
            }
            if (column[f][code] >= 0) {
                ones[k++] = column[f][code];
            }
        }
        return k;
    }
}
