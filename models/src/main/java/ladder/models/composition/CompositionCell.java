package ladder.models.composition;

import java.util.List;
import java.util.Optional;
import ladder.engine.contract.Seb;
import ladder.models.proportion.ConfidenceInterval;
import ladder.models.proportion.GoodnessOfFit;

/**
 * The class composition of one cell of a cube (all rows, or one year, grade, sector, ...):
 * counts by derived SEB, the response rate, each classifiable group's share, and the test of the
 * three counts against the national working population. Made by {@link CompositionStatistics#of}.
 *
 * <p>As the data contract defines them, shares are over the classifiable n (those whose answer
 * falls in one of the three groups) and the response rate is the classifiable n over all rows.
 *
 * @param professional rows with SEB professional
 * @param intermediate rows with SEB intermediate
 * @param workingClass rows with SEB working class
 * @param excluded rows whose answer lies outside the three groups ({@code other}, {@code prefer_not_to_say})
 * @param missing rows with no answer
 * @param classifiable professional + intermediate + working class
 * @param total all five counts
 * @param responseRate classifiable / total; NaN when total is 0
 * @param responseRateInterval the Wilson score interval of the response rate
 * @param groups the three groups in {@link Seb#CLASSIFIABLE} order
 * @param goodnessOfFit Pearson's test of the three counts against the national shares 0.34, 0.24,
 *     0.42; empty when the classifiable n is 0, as there is then nothing to test (R's
 *     {@code chisq.test} stops with "at least one entry of 'x' must be positive")
 */
public record CompositionCell(
        long professional, long intermediate, long workingClass, long excluded, long missing,
        long classifiable, long total, double responseRate, ConfidenceInterval responseRateInterval,
        List<GroupShare> groups, Optional<GoodnessOfFit> goodnessOfFit) {

    public CompositionCell {
        groups = List.copyOf(groups);
        if (professional < 0 || intermediate < 0 || workingClass < 0 || excluded < 0 || missing < 0) {
            throw new IllegalArgumentException("negative count among professional " + professional
                    + ", intermediate " + intermediate + ", working class " + workingClass
                    + ", excluded " + excluded + ", missing " + missing);
        }
        if (classifiable != professional + intermediate + workingClass
                || total != classifiable + excluded + missing) {
            throw new IllegalArgumentException("need classifiable = p + i + w and total = classifiable + excluded"
                    + " + missing; got classifiable " + classifiable + ", total " + total);
        }
        long[] counts = {professional, intermediate, workingClass};
        if (groups.size() != Seb.CLASSIFIABLE.size()) {
            throw new IllegalArgumentException("need one share per classifiable group, got " + groups.size());
        }
        for (int i = 0; i < counts.length; i++) {
            GroupShare share = groups.get(i);
            if (share.group() != Seb.CLASSIFIABLE.get(i) || share.count() != counts[i]) {
                throw new IllegalArgumentException("share " + i + " must be " + Seb.CLASSIFIABLE.get(i).level()
                        + " with count " + counts[i] + ", got " + share.group().level() + " with " + share.count());
            }
        }
        if (goodnessOfFit.isPresent() != (classifiable > 0)) {
            throw new IllegalArgumentException("the goodness of fit is present exactly when classifiable > 0");
        }
    }

    /**
     * The share of one classifiable group.
     *
     * @throws IllegalArgumentException for {@link Seb#EXCLUDED} and {@link Seb#MISSING}
     */
    public GroupShare group(Seb group) {
        if (!group.classifiable()) {
            throw new IllegalArgumentException("no share is reported for " + group.level());
        }
        return groups.get(group.ordinal());
    }
}
