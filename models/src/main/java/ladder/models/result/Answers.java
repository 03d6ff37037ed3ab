package ladder.models.result;

import java.util.Set;

/**
 * Which levels of a column are answers. {@code excluded} and {@code missing} (SEB outside the three
 * groups, or no answer), {@code (missing)} (a blank cell), {@code prefer_not_to_say} and
 * {@code dont_know} are not: analyses leave them out of shares, comparisons and breakdowns unless
 * they are named, and count them in their notes.
 */
public final class Answers {

    /** Levels that are not answers. */
    public static final Set<String> NON_ANSWERS = Set.of("excluded", "missing", "(missing)", "prefer_not_to_say",
            "dont_know");

    private Answers() {
    }

    /** Whether {@code level} is an answer. */
    public static boolean isAnswer(String level) {
        return !NON_ANSWERS.contains(level);
    }
}
