package ladder.models.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Statistical disclosure check of a fitted model before publication (in the spirit of the ONS
 * Secure Research Service and SDC Handbook rules for regression output): a coefficient resting on
 * fewer than {@value #MINIMUM_PEOPLE} people is withheld, and the whole model is withheld when its
 * residual degrees of freedom (the rows given, cells or people, minus the parameters) are under
 * {@value #MINIMUM_RESIDUAL_DF}. A caller with {@code --publish} withholds what is flagged.
 *
 * @param withheldCoefficients names of coefficients to withhold, with the count they rest on
 * @param residualDf rows (cells, or people) minus estimated parameters
 * @param modelWithheld whether the whole model is to be withheld
 * @param reasons one line per flag
 */
public record OutputCheck(List<Flag> withheldCoefficients, long residualDf, boolean modelWithheld,
        List<String> reasons) {

    public static final int MINIMUM_PEOPLE = 10;
    public static final int MINIMUM_RESIDUAL_DF = 10;

    /** A coefficient to withhold and the smallest count it rests on. */
    public record Flag(String coefficient, double count) {
    }

    public OutputCheck {
        withheldCoefficients = List.copyOf(withheldCoefficients);
        reasons = List.copyOf(reasons);
    }

    /** Whether nothing is flagged. */
    public boolean publishable() {
        return withheldCoefficients.isEmpty() && !modelWithheld;
    }

    /** Checks with each coefficient's count taken as the people in rows where its column is non-zero. */
    public static OutputCheck of(LogisticModel model) {
        return of(model, Map.of());
    }

    /**
     * Checks with the caller's minimum cell count for some coefficients (e.g. the smallest cell of
     * the cube behind it), by coefficient name; the others use the people where their column is non-zero.
     */
    public static OutputCheck of(LogisticModel model, Map<String, Double> minimumCounts) {
        List<Flag> flags = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Coefficient c : model.coefficients()) {
            if (c.status() == Coefficient.Status.ALIASED) {
                continue;
            }
            double count = minimumCounts.getOrDefault(c.name(), c.people());
            if (count < MINIMUM_PEOPLE) {
                flags.add(new Flag(c.name(), count));
                reasons.add("coefficient " + c.name() + " rests on " + (long) count + " people (fewer than "
                        + MINIMUM_PEOPLE + ")");
            }
        }
        long df = model.statistics().residualDfCells();
        boolean withheld = df < MINIMUM_RESIDUAL_DF;
        if (withheld) {
            reasons.add("the model has " + df + " residual degrees of freedom (rows minus parameters; fewer than "
                    + MINIMUM_RESIDUAL_DF + ")");
        }
        return new OutputCheck(flags, df, withheld, reasons);
    }
}
