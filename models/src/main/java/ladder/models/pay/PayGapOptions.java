package ladder.models.pay;

import java.util.List;
import java.util.Objects;

/**
 * Choices for a {@link PayGapAnalysis}.
 *
 * @param reference the reference group's label (e.g. "professional")
 * @param groups the groups compared with it (e.g. "intermediate", "working_class")
 * @param quarterMethod how pay quarters are formed
 * @param quarterType the quantile type of the quarter cutpoints (R's type; default 7)
 * @param meanGapMethod the interval of mean gaps
 * @param level confidence level of every interval
 * @param replicates bootstrap replicates of the median gaps
 * @param seed the bootstrap's master seed
 * @param threads threads for the bootstrap (the numbers do not depend on it)
 * @param publishable whether to apply {@link PayDisclosure}'s rules to the tables
 */
public record PayGapOptions(String reference, List<String> groups, QuarterMethod quarterMethod,
        QuantileType quarterType, MeanGapMethod meanGapMethod, double level, int replicates, long seed, int threads,
        boolean publishable) {

    public PayGapOptions {
        Objects.requireNonNull(reference);
        groups = List.copyOf(groups);
        if (groups.isEmpty() || groups.contains(reference) || groups.stream().distinct().count() != groups.size()) {
            throw new IllegalArgumentException("need distinct comparison groups other than the reference: " + groups);
        }
        if (!(level > 0 && level < 1) || replicates < 1 || threads < 1) {
            throw new IllegalArgumentException("need level in (0, 1), replicates >= 1, threads >= 1");
        }
    }

    /** Cutpoint quarters of type 7, delta-method mean gaps, 95% intervals, 999 replicates, seed 1, one thread. */
    public static PayGapOptions defaults(String reference, List<String> groups) {
        return new PayGapOptions(reference, groups, QuarterMethod.CUTPOINTS, QuantileType.TYPE_7, MeanGapMethod.DELTA,
                0.95, 999, 1, 1, false);
    }

    public PayGapOptions withMeanGapMethod(MeanGapMethod method) {
        return new PayGapOptions(reference, groups, quarterMethod, quarterType, method, level, replicates, seed, threads,
                publishable);
    }

    public PayGapOptions withQuarters(QuarterMethod method, QuantileType type) {
        return new PayGapOptions(reference, groups, method, type, meanGapMethod, level, replicates, seed, threads,
                publishable);
    }

    public PayGapOptions withBootstrap(int replicates, long seed, int threads) {
        return new PayGapOptions(reference, groups, quarterMethod, quarterType, meanGapMethod, level, replicates, seed,
                threads, publishable);
    }

    public PayGapOptions publishable(boolean publishable) {
        return new PayGapOptions(reference, groups, quarterMethod, quarterType, meanGapMethod, level, replicates, seed,
                threads, publishable);
    }
}
