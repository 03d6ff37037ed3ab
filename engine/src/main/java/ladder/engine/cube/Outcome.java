package ladder.engine.cube;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ladder.engine.LadderException;

/**
 * A binary outcome as a user writes it: a 0/1 column ({@code promoted}, {@code training}) or a
 * condition on one column's levels ({@code grade>=4}, {@code seb = working_class},
 * {@code school_type != state}). Applied to a cube, it replaces the column's dimension by a 0/1
 * axis, so any analysis reads "event" and "no event" the same way.
 *
 * @param text what the user wrote, trimmed
 * @param column the column the outcome reads
 * @param operator {@code null} for a 0/1 column, else one of {@code = != < <= > >=}
 * @param value the level compared with, or {@code null}
 */
public record Outcome(String text, String column, String operator, String value) {
    private static final Pattern CONDITION =
            Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(>=|<=|!=|=|<|>)\\s*'?([^']*?)'?\\s*");
    private static final Pattern NAME = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*");
    /** The name of the 0/1 axis an outcome puts in place of its column. */
    public static final String AXIS = "outcome";

    /** The outcome {@code text} names, or a {@link LadderException} saying what was expected. */
    public static Outcome parse(String text) {
        if (text == null || text.isBlank()) {
            throw new LadderException("give an outcome: a 0/1 column such as promoted, or a condition such as grade>=4");
        }
        Matcher name = NAME.matcher(text);
        if (name.matches()) {
            return new Outcome(text.strip(), name.group(1).toLowerCase(Locale.ROOT), null, null);
        }
        Matcher m = CONDITION.matcher(text);
        if (!m.matches() || m.group(3).isBlank()) {
            throw new LadderException("outcome '" + excerpt(text) + "' is neither a 0/1 column (e.g. promoted) nor a"
                    + " condition COLUMN OP VALUE with OP one of = != < <= > >= (e.g. grade>=4)");
        }
        return new Outcome(text.strip(), m.group(1).toLowerCase(Locale.ROOT), m.group(2), m.group(3).strip());
    }

    private static String excerpt(String text) {
        String t = text.strip();
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }

    /**
     * {@code cube} with this outcome's column replaced by the 0/1 axis {@link #AXIS}: level "1"
     * where the outcome holds. A 0/1 column must hold only 0 and 1; a condition's value must be a
     * level of the column (ordering comparisons need numeric levels).
     */
    public Cube applyTo(Cube cube) {
        Dimension dim = cube.dimensions().get(cube.dimension(column));
        return cube.indicator(column, AXIS, event(dim));
    }

    /** Which of the levels of {@code dim} (this outcome's column) count as the event. */
    public Predicate<String> event(Dimension dim) {
        if (operator == null) {
            for (String level : dim.levels()) {
                if (!level.equals("0") && !level.equals("1")) {
                    throw new LadderException("outcome " + column + " is not a 0/1 column (it has level '" + level
                            + "'); give a condition such as " + column + " = " + level);
                }
            }
            return "1"::equals;
        }
        if (operator.equals("=") || operator.equals("!=")) {
            int at = dim.indexOf(value);
            if (at < 0 && !numeric(dim.levels())) {
                throw new LadderException("outcome " + text + ": " + column + " has no level '" + value + "'; its levels are "
                        + Dimension.excerpt(dim.levels(), 20));
            }
            String level = at < 0 ? value : dim.levels().get(at);
            return operator.equals("=") ? l -> l.equals(level) || sameNumber(l, level)
                    : l -> !(l.equals(level) || sameNumber(l, level));
        }
        if (!numeric(dim.levels())) {
            throw new LadderException("outcome " + text + ": " + operator + " needs a numeric column such as grade or year; "
                    + column + " has levels " + Dimension.excerpt(dim.levels(), 10));
        }
        BigDecimal bound;
        try {
            bound = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new LadderException("outcome " + text + ": '" + value + "' is not a number");
        }
        return l -> {
            int c = new BigDecimal(l).compareTo(bound);
            return switch (operator) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
        };
    }

    private static boolean numeric(List<String> levels) {
        for (String l : levels) {
            try {
                new BigDecimal(l);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameNumber(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Words for reports: "promoted" for a 0/1 column, else the condition, e.g. "grade >= 4". */
    public String describe() {
        return operator == null ? column : column + " " + operator + " " + value;
    }
}
