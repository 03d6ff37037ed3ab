package ladder.models.composition;

import ladder.engine.contract.Seb;
import ladder.models.proportion.ConfidenceInterval;

/**
 * One classifiable group's part of a {@link CompositionCell}: its count, its share of those who
 * gave a classifiable answer, and how that compares with the national working population.
 *
 * @param group a classifiable group ({@link Seb#CLASSIFIABLE})
 * @param count people in the group
 * @param share count / classifiable n; NaN when the classifiable n is 0
 * @param interval the Wilson score interval of the share ({@link ladder.models.proportion.WilsonInterval})
 * @param nationalShare the group's share of the UK working population ({@link NationalBenchmark})
 * @param representationRatio share / nationalShare: 1 is parity with the working population,
 *     above 1 over-represented, below 1 under-represented; NaN when the share is
 */
public record GroupShare(
        Seb group, long count, double share, ConfidenceInterval interval, double nationalShare,
        double representationRatio) {

    public GroupShare {
        if (!group.classifiable()) {
            throw new IllegalArgumentException("a share is only reported for a classifiable group, not " + group.level());
        }
        if (count < 0) {
            throw new IllegalArgumentException("negative count for " + group.level() + ": " + count);
        }
        if (!(nationalShare > 0 && nationalShare < 1)) {
            throw new IllegalArgumentException("national share must be in (0, 1): " + nationalShare);
        }
        if (Double.compare(representationRatio, share / nationalShare) != 0) {
            throw new IllegalArgumentException("representation ratio " + representationRatio
                    + " is not share / national share = " + share + " / " + nationalShare);
        }
    }
}
