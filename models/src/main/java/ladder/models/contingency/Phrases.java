package ladder.models.contingency;

import java.util.List;
import java.util.Locale;
import ladder.engine.cube.Outcome;

/**
 * The words that turn a comparison into a sentence: "People from working-class backgrounds",
 * "those from professional backgrounds", "reaching grade 4 or above", "employer".
 */
public final class Phrases {
    private Phrases() {
    }

    static Labels labels(String exposure, String level, String reference, Outcome outcome, List<String> strata) {
        String stratum = strata.isEmpty() ? "stratum" : String.join(" and ", strata).replace('_', ' ');
        String plural = strata.size() == 1 && strata.get(0).equals("employer_id") ? "employers" : stratum + " strata";
        if (strata.size() == 1 && strata.get(0).equals("employer_id")) {
            stratum = "employer";
        }
        return new Labels(capitalise(group(exposure, level, "People")), group(exposure, reference, "those"),
                outcome(outcome), stratum, plural);
    }

    /** "People from working-class backgrounds", or "those with school_type independent". */
    static String group(String column, String level, String who) {
        if (column.equals("seb")) {
            return who + " from " + level.replace('_', '-') + " backgrounds";
        }
        return who + " with " + column + " " + level;
    }

    /** The outcome as a gerund phrase: "promotion", "reaching grade 4 or above", "grade = 4". */
    public static String outcome(Outcome outcome) {
        if (outcome.operator() == null) {
            return switch (outcome.column()) {
                case "promoted" -> "promotion";
                case "training" -> "taking part in training";
                default -> outcome.column().replace('_', ' ');
            };
        }
        String column = outcome.column().replace('_', ' ');
        return switch (outcome.operator()) {
            case ">=" -> "reaching " + column + " " + outcome.value() + " or above";
            case ">" -> "being above " + column + " " + outcome.value();
            case "<=" -> "being at " + column + " " + outcome.value() + " or below";
            case "<" -> "being below " + column + " " + outcome.value();
            case "!=" -> "having " + column + " other than " + outcome.value();
            default -> "having " + column + " " + outcome.value();
        };
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
