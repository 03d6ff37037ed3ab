package ladder.engine;

import java.util.List;

/**
 * Text a user gave (a filter, a column name, a value), made fit to quote in a one-line message of
 * bounded length: line breaks and other control characters shown as escapes ({@code \n},
 * {@code \r}, {@code \t}, {@code \u0001}), long text cut with {@value #CUT} where it was cut.
 *
 * <p>Messages quote what the user typed so that they can find the mistake, but a 12,000-value
 * list or a 2,000-column header must not become a 100 KB message, and a quoted line break must
 * not split the one line a front end shows.
 */
public final class Excerpt {
    /** Marks where quoted text was cut. */
    public static final String CUT = "...";

    private Excerpt() {}

    /** {@code text} on one line, its first {@code max} characters only (then {@value #CUT}). */
    public static String of(String text, int max) {
        if (text.length() <= max) {
            return oneLine(text, 0, text.length());
        }
        return oneLine(text, 0, boundary(text, max)) + CUT;
    }

    /**
     * The part of {@code text} around {@code position}: at most {@code radius} characters each
     * side, on one line, with {@value #CUT} at each end where text was cut.
     */
    public static String around(String text, int position, int radius) {
        int at = Math.max(0, Math.min(position, text.length()));
        int from = at <= radius ? 0 : boundary(text, at - radius);
        int to = text.length() - at <= radius ? text.length() : boundary(text, at + radius);
        return (from > 0 ? CUT : "") + oneLine(text, from, to) + (to < text.length() ? CUT : "");
    }

    /**
     * The first {@code shown} of {@code items} joined by ", ", each cut to 200 characters, then
     * " and N more" when there are more: a list of names that stays short whatever its length.
     */
    public static String firstFew(List<String> items, int shown) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(shown, items.size()); i++) {
            out.append(i == 0 ? "" : ", ").append(of(items.get(i), 200));
        }
        if (items.size() > shown) {
            out.append(" and ").append(items.size() - shown).append(" more");
        }
        return out.toString();
    }

    /** {@code index} moved back by one if it would split a surrogate pair. */
    private static int boundary(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))
                && Character.isHighSurrogate(text.charAt(index - 1)) ? index - 1 : index;
    }

    private static String oneLine(String text, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // C0 and C1 controls, DEL and the Unicode line and paragraph separators all break or hide a line.
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
