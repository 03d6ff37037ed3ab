package ladder.datasets;

import java.util.List;
import java.util.Map;
import ladder.engine.contract.Field;

/**
 * A probability distribution over the codes of one contract column, given as weights by code name.
 *
 * <p>The weights name codes of the field's codebook (checked when built, so a contract change that
 * drops a code fails here rather than writing an invalid file); codes not named have weight 0.
 * {@link #draw} returns a code index in contract order.
 */
final class Categorical {
    private final double[] cumulative;

    private Categorical(double[] cumulative) {
        this.cumulative = cumulative;
    }

    /** The distribution with the given weights (normalised to sum to 1) over {@code field}'s codes. */
    static Categorical over(Field field, Map<String, Double> weights) {
        List<String> codes = field.codebook().codes();
        double[] w = new double[codes.size()];
        for (Map.Entry<String, Double> entry : weights.entrySet()) {
            int index = codes.indexOf(entry.getKey());
            if (index < 0) {
                throw new IllegalStateException(entry.getKey() + " is not a code of " + field.name());
            }
            if (!(entry.getValue() >= 0)) {
                throw new IllegalStateException("negative weight for " + field.name() + " " + entry.getKey());
            }
            w[index] = entry.getValue();
        }
        // Summed in code order, not the map's: the same bits on every run.
        double total = 0;
        for (double weight : w) {
            total += weight;
        }
        if (!(total > 0)) {
            throw new IllegalStateException("no positive weight for " + field.name());
        }
        double[] cumulative = new double[w.length];
        double running = 0;
        for (int i = 0; i < w.length; i++) {
            running += w[i];
            cumulative[i] = running / total;
        }
        cumulative[w.length - 1] = 1;
        return new Categorical(cumulative);
    }

    /** The code index that a uniform draw {@code u} in [0, 1) picks. */
    int draw(double u) {
        int i = 0;
        while (u >= cumulative[i]) {
            i++;
        }
        return i;
    }

    /** The index of {@code code} in {@code field}'s codebook; fails if the contract has no such code. */
    static int code(Field field, String code) {
        int index = field.codebook().codes().indexOf(code);
        if (index < 0) {
            throw new IllegalStateException(code + " is not a code of " + field.name());
        }
        return index;
    }
}
