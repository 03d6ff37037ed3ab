package ladder.models.contingency;

/**
 * A 2x2 table of an exposure level against a reference level and a binary outcome:
 * <pre>
 *                    event   no event
 *   exposed level      a        b       a + b
 *   reference level    c        d       c + d
 *                    a + c    b + d       n
 * </pre>
 * In R this is {@code matrix(c(a, b, c, d), 2, byrow = TRUE)}: the exposure level in the first
 * row and the event in the first column, the layout of {@code fisher.test}, {@code chisq.test},
 * {@code mantelhaen.test} (one such matrix per stratum) and {@code epiR::epi.2by2}.
 *
 * <p>Counts are doubles so that pooled tables of any size add up without overflow, and so that
 * products of margins (over 10<sup>18</sup> at 100M rows) are formed in floating point. They must
 * be finite and non-negative; whole numbers are expected but not required, except by the exact
 * (conditional) methods, which need whole counts.
 *
 * @param a exposed, event
 * @param b exposed, no event
 * @param c reference, event
 * @param d reference, no event
 */
public record TwoByTwo(double a, double b, double c, double d) {

    public TwoByTwo {
        check(a, "a");
        check(b, "b");
        check(c, "c");
        check(d, "d");
    }

    /** The table from {@code {a, b, c, d}}. */
    public static TwoByTwo of(double[] cells) {
        if (cells.length != 4) {
            throw new IllegalArgumentException("a 2x2 table has 4 cells {a, b, c, d}, given " + cells.length);
        }
        return new TwoByTwo(cells[0], cells[1], cells[2], cells[3]);
    }

    /** The cells as {@code {a, b, c, d}}. */
    public double[] cells() {
        return new double[] {a, b, c, d};
    }

    /** People at the exposure level, a + b. */
    public double exposed() {
        return a + b;
    }

    /** People at the reference level, c + d. */
    public double reference() {
        return c + d;
    }

    /** Events, a + c. */
    public double events() {
        return a + c;
    }

    /** Non-events, b + d. */
    public double nonEvents() {
        return b + d;
    }

    /** Everyone, a + b + c + d. */
    public double total() {
        return a + b + c + d;
    }

    /** Whether every cell is a whole number (what the exact methods need). */
    public boolean isWhole() {
        return a == Math.rint(a) && b == Math.rint(b) && c == Math.rint(c) && d == Math.rint(d);
    }

    /** This table with {@code k} added to every cell (the Haldane-Anscombe correction for k = 0.5). */
    public TwoByTwo plus(double k) {
        return new TwoByTwo(a + k, b + k, c + k, d + k);
    }

    /** The sum of two tables, cell by cell (pooling strata). */
    public TwoByTwo add(TwoByTwo other) {
        return new TwoByTwo(a + other.a, b + other.b, c + other.c, d + other.d);
    }

    /**
     * Why the table says nothing about an association, or null when every margin is positive: a
     * table with an empty row or column (nobody exposed, nobody at the reference level, no events
     * or no non-events) has no information about an odds ratio.
     */
    public String emptyMargin() {
        if (total() == 0) {
            return "empty table";
        }
        if (exposed() == 0) {
            return "no one at the exposure level";
        }
        if (reference() == 0) {
            return "no one at the reference level";
        }
        if (events() == 0) {
            return "no events";
        }
        if (nonEvents() == 0) {
            return "no non-events (everyone had the event)";
        }
        return null;
    }

    private static void check(double count, String cell) {
        if (!(count >= 0 && count < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("cell " + cell + " must be a finite count >= 0, got " + count);
        }
    }
}
