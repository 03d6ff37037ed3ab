package ladder.models.pay;

import java.math.BigInteger;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Disclosure rules for pay figures, as pure functions of a group's exact histogram. Each returns the
 * reason a figure is withheld, or empty when it may be published.
 *
 * <ul>
 * <li>Magnitudes (a mean, a total, and gaps built on them): withheld when fewer than 10 people, or when the
 * (n, k) dominance rule with n = 2, k = 90% fails: the two largest values make up more than 90% of the
 * total (then either of the two top earners could work out the other's pay closely).</li>
 * <li>Quantiles (a median, a quarter's cutpoint): withheld when fewer than 10 people, or when a value the
 * quantile is read from is held by fewer than 3 people. A quantile is one observed value, or an
 * interpolation between two with a weight that the published n fixes; a reader who knows one of the two (or
 * who holds it) gets the other. A value held by one person is that person's pay; held by two, each learns the
 * other's; held by at least 3, the figure is a shared rate (like a pay point of a grade), the threshold 3 being
 * the minimum frequency of the ONS / GSS threshold rules for magnitude tables.</li>
 * </ul>
 * Differencing between tables (e.g. the same group with and without one employer) is not guarded against.
 */
public final class PayDisclosure {

    /** Fewest people a published figure may rest on. */
    public static final int MINIMUM_PEOPLE = 10;
    /** The dominance rule: the largest DOMINANT_UNITS values may make up at most DOMINANCE_PERCENT of the total. */
    public static final int DOMINANT_UNITS = 2;
    public static final int DOMINANCE_PERCENT = 90;
    /** Fewest people who must hold a value a published quantile is read from. */
    public static final int QUANTILE_HOLDERS = 3;

    private PayDisclosure() {
    }

    /** Why a mean or total of {@code h} is withheld, or empty. */
    public static Optional<String> magnitude(PayHistogram h) {
        if (h.n() < MINIMUM_PEOPLE) {
            return Optional.of("fewer than " + MINIMUM_PEOPLE + " people");
        }
        BigInteger top = h.largest(DOMINANT_UNITS).multiply(BigInteger.valueOf(100));
        BigInteger limit = h.sum().multiply(BigInteger.valueOf(DOMINANCE_PERCENT));
        if (h.sum().signum() > 0 && top.compareTo(limit) > 0) {
            return Optional.of("the " + DOMINANT_UNITS + " largest values are over " + DOMINANCE_PERCENT + "% of the total");
        }
        return Optional.empty();
    }

    /** Why the quantile of {@code h} at p by {@code type} is withheld, or empty. */
    public static Optional<String> quantile(PayHistogram h, double p, QuantileType type) {
        if (h.n() < MINIMUM_PEOPLE) {
            return Optional.of("fewer than " + MINIMUM_PEOPLE + " people");
        }
        // The order statistics the quantile reads (only those with a weight: see QuantileType).
        TreeSet<Integer> read = new TreeSet<>();
        type.quantile(h.n(), p, i -> {
            int at = h.indexOfOrderStatistic(i);
            read.add(at);
            return h.value(at);
        });
        for (int at : read) {
            if (h.count(at) < QUANTILE_HOLDERS) {
                return Optional.of("it is read from a value held by fewer than " + QUANTILE_HOLDERS + " people");
            }
        }
        return Optional.empty();
    }
}
