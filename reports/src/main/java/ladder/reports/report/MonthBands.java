package ladder.reports.report;

import java.util.List;

/**
 * Whole months in grade cut at the months a survival table shows ({@code cuts}, ascending, above 0):
 * [0, t1), [t1, t2), ..., [tk, on), and {@value #NONE} for no time recorded. The numbers at risk at
 * a month shown (a time of that month or more) are sums of these bands.
 *
 * @param cuts the months shown, ascending, each above 0
 */
record MonthBands(List<Integer> cuts) {
    /** The band of rows with no time recorded. */
    static final String NONE = "none";

    MonthBands {
        cuts = cuts.stream().filter(t -> t > 0).sorted().distinct().toList();
    }

    /** The band of a cube's level of the months column ({@code (missing)} for no time). */
    String of(String level) {
        if (level.equals("(missing)")) {
            return NONE;
        }
        int m = Integer.parseInt(level);
        int from = 0;
        for (int t : cuts) {
            if (m < t) {
                return from + "-" + (t - 1);
            }
            from = t;
        }
        return from + "+";
    }

    /** The bands of {@code levels} whose months are all at least {@code t} (those at risk at t). */
    static List<String> from(List<String> levels, int t) {
        return levels.stream().filter(b -> !b.equals(NONE) && lowest(b) >= t).toList();
    }

    private static int lowest(String band) {
        return Integer.parseInt(band.split("[-+]")[0]);
    }
}
