package ladder.engine.cube;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import ladder.engine.LadderException;

/**
 * A named axis of a {@link Cube} and its level labels, in order. A dimension knows nothing of the
 * table it came from: two cubes' dimensions of one name align by label.
 *
 * <p>Level order is deterministic and independent of row order: a coded answer's levels are its
 * codes in contract order (all of them, present or not); whole numbers ({@code year},
 * {@code grade}, {@code months_in_grade}) and pay held in pence run in numeric order; text
 * ({@code employer_id}, {@code sector}) in the order of {@link String#compareTo}, so levels that
 * differ between two cubes merge into the {@linkplain #union union} in that same order.
 */
public record Dimension(String name, List<String> levels) {

    public Dimension {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a dimension needs a name");
        }
        levels = List.copyOf(levels);
        if (new LinkedHashSet<>(levels).size() != levels.size()) {
            throw new IllegalArgumentException("dimension " + name + " repeats a level: " + levels);
        }
    }

    /**
     * Levels that are not answers (no SEB, an answer outside the groups, a refusal): an analysis
     * comparing a column's levels leaves them out, and counts them, unless they are named.
     */
    public static final Set<String> NON_ANSWERS =
            Set.of("excluded", "missing", "(missing)", "prefer_not_to_say", "dont_know");

    public int size() {
        return levels.size();
    }

    /** The position of {@code level}: its exact label, else one that equals it ignoring case; -1 if none. */
    public int indexOf(String level) {
        int exact = levels.indexOf(level);
        if (exact >= 0) {
            return exact;
        }
        String wanted = level.strip();
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** The position of {@code level}, or a {@link LadderException} naming the levels there are. */
    public int require(String level) {
        int index = indexOf(level);
        if (index < 0) {
            throw new LadderException(name + " has no level '" + level + "'; its levels are "
                    + excerpt(levels, 20));
        }
        return index;
    }

    /**
     * The order of levels that carry no contract order (text, whole numbers, pence): numbers first,
     * in numeric order, then any other label in {@link String} order.
     */
    public static final Comparator<String> LEVEL_ORDER = (a, b) -> {
        boolean x = isNumber(a);
        boolean y = isNumber(b);
        if (x && y) {
            return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b));
        }
        return x != y ? (x ? -1 : 1) : a.compareTo(b);
    };

    /**
     * The levels of both: this dimension's when the two lists are equal, otherwise every level of
     * either in {@link #LEVEL_ORDER}.
     */
    Dimension union(Dimension other) {
        if (levels.equals(other.levels)) {
            return this;
        }
        Set<String> all = new LinkedHashSet<>(levels);
        all.addAll(other.levels);
        List<String> merged = new ArrayList<>(all);
        merged.sort(LEVEL_ORDER);
        return new Dimension(name, merged);
    }

    private static boolean isNumber(String label) {
        int digits = 0;
        int points = 0;
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.') {
                points++;
            } else if (!(c == '-' && i == 0)) {
                return false;
            }
        }
        return digits > 0 && points <= 1;
    }

    /** At most {@code max} of {@code items}, comma-separated, with how many more there are. */
    static String excerpt(List<String> items, int max) {
        String shown = String.join(", ", items.subList(0, Math.min(max, items.size())));
        return items.size() > max ? shown + " and " + (items.size() - max) + " more" : shown;
    }

    /** Whether {@code name} names this dimension (case and surrounding space ignored). */
    boolean named(String other) {
        return name.equalsIgnoreCase(other.strip());
    }
}
