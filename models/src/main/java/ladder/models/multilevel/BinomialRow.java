package ladder.models.multilevel;

import java.util.List;
import java.util.Objects;
import ladder.engine.LadderException;

/**
 * One grouped binomial row of a random-intercept model: the group it belongs to (the random
 * intercept's unit: an intersectional stratum such as "working_class / woman / white", or an
 * employer id), its level of each fixed-effect covariate (in the order of the model's factors;
 * none for an intercept-only model), its trials n and its events y. Rows of one group with the
 * same levels may be given apart or summed: the fit is the same (see {@link GroupedBinomial}).
 */
public record BinomialRow(String group, List<String> levels, double n, double y) {
    public BinomialRow {
        Objects.requireNonNull(group);
        levels = List.copyOf(levels);
        if (!(n >= 0 && y >= 0 && y <= n) || Double.isInfinite(n)) {
            throw new LadderException("row of group " + group + " has " + y + " events of " + n
                    + " trials: need 0 <= events <= trials");
        }
    }
}
