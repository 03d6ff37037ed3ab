package ladder.engine.filter;

import java.util.ArrayList;
import java.util.List;
import ladder.engine.Excerpt;
import ladder.engine.LadderException;
import ladder.engine.contract.Field;
import ladder.engine.table.Column;
import ladder.engine.table.Table;

/**
 * Parses a filter written as text into a {@link Filter} over a table's columns.
 *
 * <pre>
 * filter     := or
 * or         := and ("or" and)*
 * and        := unary ("and" unary)*
 * unary      := "not" unary | "(" filter ")" | comparison
 * comparison := column op value
 *             | column ["not"] "in" "(" value ("," value)* ")"
 *             | column "is" ["not"] "missing"
 * op         := "=" | "==" | "!=" | "&lt;&gt;" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * value      := a bare word (16-24, working_class, 2024) | 'quoted' | "quoted"
 * </pre>
 *
 * Coded answers match their codes or answer wording; ordering comparisons apply to whole numbers
 * (year, grade, months_in_grade, ...) and decimals only; {@code in} lists apply to coded columns
 * only (not to decimals). Every mistake is a {@link LadderException}
 * of one line that quotes the filter around the mistake (at most {@value #RADIUS} characters each
 * side) and says what was expected where.
 *
 * <p>Parentheses and {@code not}s nest at most {@value #MAX_DEPTH} deep, so that parsing (by
 * recursive descent) and evaluation cannot exhaust the stack; chains of {@code and} and {@code or}
 * of any length are parsed in loops into n-ary {@link Filter.And} and {@link Filter.Or}.
 */
public final class FilterParser {
    /** How deep parentheses and {@code not}s may nest: far beyond any filter a person writes. */
    public static final int MAX_DEPTH = 200;
    /** How many characters of the filter a message quotes on each side of the mistake. */
    static final int RADIUS = 30;
    /** How many characters of one word or value a message quotes. */
    private static final int WORD = 40;

    private final String source;
    private final Table table;
    private final List<Token> tokens;
    private int position;
    private int depth;

    private record Token(String text, boolean quoted, int at) {
        boolean is(String word) {
            return !quoted && text.equalsIgnoreCase(word);
        }
    }

    private FilterParser(String source, Table table) {
        this.source = source;
        this.table = table;
        this.tokens = tokenize(source);
    }

    /** The filter {@code text} over {@code table}'s columns; blank text is {@link Filter#ALL}. */
    public static Filter parse(String text, Table table) {
        if (text == null || text.isBlank()) {
            return Filter.ALL;
        }
        FilterParser parser = new FilterParser(text, table);
        Filter filter = parser.or();
        if (parser.position < parser.tokens.size()) {
            throw parser.error(parser.tokens.get(parser.position), "expected 'and', 'or' or the end");
        }
        return filter;
    }

    /**
     * The unquoted words of filter {@code text}, among which are the names of every column it
     * compares (a column's name is never quoted): a source that must read something of a column
     * before the filter can be compiled, such as a text column's dictionary, reads it for those of
     * these words that name one. Blank text has none.
     */
    public static java.util.Set<String> words(String text) {
        java.util.Set<String> words = new java.util.LinkedHashSet<>();
        if (text != null) {
            tokenize(text).stream().filter(t -> !t.quoted()).forEach(t -> words.add(t.text()));
        }
        return words;
    }

    private Filter or() {
        List<Filter> terms = new ArrayList<>(List.of(and()));
        while (peekIs("or")) {
            position++;
            terms.add(and());
        }
        return terms.size() == 1 ? terms.get(0) : new Filter.Or(terms);
    }

    private Filter and() {
        List<Filter> terms = new ArrayList<>(List.of(unary()));
        while (peekIs("and")) {
            position++;
            terms.add(unary());
        }
        return terms.size() == 1 ? terms.get(0) : new Filter.And(terms);
    }

    private Filter unary() {
        boolean not = peekIs("not");
        if (!not && !peekIs("(")) {
            return comparison();
        }
        Token opening = tokens.get(position++);
        if (++depth > MAX_DEPTH) {
            throw error(opening, "parentheses and 'not's nest more than " + MAX_DEPTH + " deep here;"
                    + " write the filter more simply");
        }
        Filter inner;
        if (not) {
            inner = new Filter.Not(unary());
        } else {
            inner = or();
            expect(")");
        }
        depth--;
        return inner;
    }

    private Filter comparison() {
        Token name = next("a column name");
        if (name.quoted() || !table.hasColumn(name.text())) {
            throw error(name, "no column '" + word(name) + "'; the columns are "
                    + String.join(", ", table.columns().stream().map(Column::name).toList()));
        }
        Column column = table.column(name.text());
        Token op = next("an operator (=, !=, <, <=, >, >=, in, is)");
        if (op.is("is")) {
            boolean negated = peekIs("not");
            if (negated) {
                position++;
            }
            Token missing = next("'missing'");
            if (!missing.is("missing")) {
                throw error(missing, "expected 'missing'");
            }
            Filter isMissing = missing(column, name);
            return negated ? new Filter.Not(isMissing) : isMissing;
        }
        boolean negated = false;
        if (op.is("not")) {
            negated = true;
            op = next("'in'");
        }
        if (op.is("in")) {
            if (column.isDecimal()) {
                throw error(op, column.name() + " is a decimal, not coded: compare it with =, !=, <, <=, > or >=,"
                        + " joined by 'or' for several values");
            }
            expect("(");
            List<Token> values = new ArrayList<>();
            values.add(next("a value"));
            while (peekIs(",")) {
                position++;
                values.add(next("a value"));
            }
            expect(")");
            Filter in = membership(column, values, column.name() + " in (" + String.join(", ",
                    values.stream().map(Token::text).toList()) + ")");
            return negated ? new Filter.Not(in) : in;
        }
        if (negated) {
            throw error(op, "expected 'in' after 'not'");
        }
        Filter.Comparison comparison = switch (op.text()) {
            case "=", "==" -> Filter.Comparison.EQ;
            case "!=", "<>" -> Filter.Comparison.NE;
            case "<" -> Filter.Comparison.LT;
            case "<=" -> Filter.Comparison.LE;
            case ">" -> Filter.Comparison.GT;
            case ">=" -> Filter.Comparison.GE;
            default -> throw error(op, "expected an operator (=, !=, <, <=, >, >=, in, is)");
        };
        Token value = next("a value");
        return compare(column, comparison, value);
    }

    private Filter missing(Column column, Token at) {
        if (column.isDecimal()) {
            return new Filter.DecimalMissing(column, column.name() + " is missing");
        }
        if (column.field() != null && column.field().kind() == Field.Kind.CODE) {
            return membership(column, List.of(new Token("", true, at.at())), column.name() + " is missing");
        }
        throw error(at, column.name() + " is never missing");
    }

    private Filter compare(Column column, Filter.Comparison comparison, Token value) {
        String text = column.name() + " " + comparison.symbol + " " + value.text();
        if (column.isDecimal()) {
            return new Filter.DecimalCompare(column, comparison, number(value, column), text);
        }
        if (comparison == Filter.Comparison.EQ) {
            return membership(column, List.of(value), text);
        }
        if (comparison == Filter.Comparison.NE) {
            return new Filter.Not(membership(column, List.of(value), column.name() + " = " + value.text()));
        }
        if (!column.isWholeNumber()) {
            throw error(value, column.name() + " is not a number; use =, != or in");
        }
        // Whole numbers are coded as value - minimum, so codes keep the order of values.
        int threshold = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number(value, column)));
        if (threshold != number(value, column)) {
            throw error(value, column.name() + " is a whole number; compare it with a whole number");
        }
        int min = column.field().min();
        boolean[] accepted = new boolean[column.cardinality()];
        for (int code = 0; code < accepted.length; code++) {
            accepted[code] = comparison.test(code + min, threshold);
        }
        return new Filter.CodeIn(column, accepted, text);
    }

    private Filter membership(Column column, List<Token> values, String text) {
        boolean[] accepted = new boolean[Math.max(1, column.cardinality())];
        for (Token value : values) {
            int code = column.codeOf(value.text());
            if (code < 0) {
                throw error(value, "'" + word(value) + "' is not a value of " + column.name() + describe(column));
            }
            accepted[code] = true;
        }
        return new Filter.CodeIn(column, accepted, text);
    }

    private static String describe(Column column) {
        if (column.field() == null) {
            return "; expected one of " + String.join(", ", ladder.engine.contract.Seb.LEVELS);
        }
        return switch (column.field().kind()) {
            case CODE -> "; expected one of " + String.join(", ", column.field().codebook().codes());
            case INT -> "; expected a whole number from " + column.field().min() + " to " + column.field().max();
            default -> " in the data";
        };
    }

    private double number(Token value, Column column) {
        try {
            double d = Double.parseDouble(value.text());
            if (Double.isFinite(d) && !value.quoted()) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(value, column.name() + " is compared with numbers; '" + word(value) + "' is not one");
    }

    private boolean peekIs(String word) {
        return position < tokens.size() && tokens.get(position).is(word);
    }

    private Token next(String expected) {
        if (position >= tokens.size()) {
            throw new LadderException("filter '" + Excerpt.around(source, source.length(), RADIUS) + "': expected "
                    + expected + " at the end");
        }
        return tokens.get(position++);
    }

    private void expect(String symbol) {
        Token t = next("'" + symbol + "'");
        if (!t.is(symbol)) {
            throw error(t, "expected '" + symbol + "'");
        }
    }

    private LadderException error(Token at, String message) {
        return new LadderException("filter '" + Excerpt.around(source, at.at(), RADIUS) + "' at position "
                + (at.at() + 1) + " ('" + word(at) + "'): " + message);
    }

    /** A token's text as a message quotes it: on one line, and cut if long. */
    private static String word(Token token) {
        return Excerpt.of(token.text(), WORD);
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                out.add(new Token(String.valueOf(c), false, i++));
            } else if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    throw new LadderException("filter '" + Excerpt.around(s, i, RADIUS) + "' at position " + (i + 1)
                            + ": the quote is never closed");
                }
                out.add(new Token(s.substring(i + 1, end), true, i));
                i = end + 1;
            } else if ("<>=!".indexOf(c) >= 0) {
                int start = i;
                while (i < s.length() && "<>=!".indexOf(s.charAt(i)) >= 0) {
                    i++;
                }
                out.add(new Token(s.substring(start, i), false, start));
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "(),<>=!'\"".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                out.add(new Token(s.substring(start, i), false, start));
            }
        }
        return out;
    }
}
