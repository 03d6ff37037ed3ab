package ladder.models.result;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which levels of a column are answers. {@code excluded} and {@code missing} (SEB outside the three
 * groups, or no answer), {@code (missing)} (a blank cell), {@code prefer_not_to_say} and
 * {@code dont_know} are not: analyses leave them out of shares, comparisons and breakdowns unless
 * they are named, and count them in their notes.
 */
public final class Answers {

    /** Levels that are not answers (the engine's list, which cubes and analyses share). */
    public static final Set<String> NON_ANSWERS = ladder.engine.cube.Dimension.NON_ANSWERS;

    private Answers() {
    }

    /** Whether {@code level} is an answer. */
    public static boolean isAnswer(String level) {
        return !NON_ANSWERS.contains(level);
    }

    /**
     * Rows left out, for a note: e.g. "excluded 1,516; missing 4,242". With a disclosure
     * {@code threshold} above 0, a count under it reads "fewer than 10".
     */
    public static String leftOut(Map<String, Long> counts, int threshold) {
        List<String> parts = counts.entrySet().stream().map(e -> e.getKey() + " " + (e.getValue() < threshold
                ? "fewer than " + threshold : String.format(Locale.ROOT, "%,d", e.getValue()))).toList();
        return String.join("; ", parts);
    }

    /** The total of the rows left out, for inputs: "fewer than 10" when it is under a disclosure {@code threshold} above 0. */
    public static Object leftOutTotal(Map<String, Long> counts, int threshold) {
        long n = counts.values().stream().mapToLong(Long::longValue).sum();
        return n > 0 && n < threshold ? "fewer than " + threshold : (Object) n;
    }
}
