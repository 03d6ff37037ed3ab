package ladder.models.regression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ladder.engine.LadderException;

/**
 * Recursive-descent parser for {@link Formula}. Grammar (':' binds tighter than '*', as in R):
 * <pre>
 *   formula := outcome '~' sum
 *   sum     := ['+' | '-'] item (('+' | '-') item)*
 *   item    := '0' | '1' | product
 *   product := colon ('*' colon)*
 *   colon   := factor (':' factor)*
 *   factor  := name | 'C(' name ')' | '(' product ('+' product)* ')'
 * </pre>
 */
final class FormulaParser {

    private final String text;
    private final Function<String, VariableKind> kinds;
    private final Map<String, Term.Variable> variables = new LinkedHashMap<>();
    private int at;

    FormulaParser(String text, Function<String, VariableKind> kinds) {
        this.text = text;
        this.kinds = kinds;
    }

    Formula parse() {
        int tilde = text.indexOf('~');
        if (tilde < 0) {
            throw error(text.length(), "expected '~' between the outcome and the terms");
        }
        String outcome = text.substring(0, tilde).strip();
        if (outcome.isEmpty()) {
            throw error(tilde, "expected an outcome before '~'");
        }
        at = tilde + 1;
        boolean intercept = true;
        List<List<String>> terms = new ArrayList<>();
        boolean first = true;
        while (true) {
            skipSpace();
            boolean minus = false;
            if (peek() == '+' || peek() == '-') {
                minus = peek() == '-';
                at++;
                skipSpace();
            } else if (!first) {
                if (at >= text.length()) {
                    break;
                }
                throw error(at, "expected '+', '-', ':', '*' or the end");
            }
            first = false;
            if (peek() == '0' || peek() == '1') {
                int start = at;
                at++;
                if (at < text.length() && Character.isLetterOrDigit(text.charAt(at))) {
                    throw error(start, "expected 0 or 1 (the intercept) or a column name");
                }
                intercept = minus ? text.charAt(start) == '0' : text.charAt(start) == '1';
                continue;
            }
            if (minus) {
                throw error(at, "expected 1 after '-' (only the intercept can be removed)");
            }
            for (List<String> t : product()) {
                if (terms.stream().noneMatch(u -> u.size() == t.size() && u.containsAll(t))) {
                    terms.add(t);
                }
            }
        }
        if (terms.isEmpty() && !intercept) {
            throw error(text.length(), "expected at least one term or the intercept");
        }
        List<String> order = new ArrayList<>(variables.keySet());
        List<Term> result = new ArrayList<>();
        for (List<String> t : terms) {
            List<Term.Variable> vs = new ArrayList<>();
            t.stream().sorted(Comparator.comparingInt(order::indexOf)).forEach(n -> vs.add(variables.get(n)));
            result.add(new Term(vs));
        }
        // R's terms(): by degree, stable within a degree.
        result.sort(Comparator.comparingInt(t -> t.variables().size()));
        return new Formula(text, outcome, result, intercept);
    }

    /** Every term a product expands to: all non-empty subsets of its ':' groups. */
    private List<List<String>> product() {
        List<List<List<String>>> groups = new ArrayList<>();
        groups.add(colon());
        skipSpace();
        while (peek() == '*') {
            at++;
            groups.add(colon());
            skipSpace();
        }
        List<List<String>> expanded = new ArrayList<>();
        expanded.add(List.of());
        for (List<List<String>> g : groups) {
            List<List<String>> next = new ArrayList<>(expanded);
            for (List<String> left : expanded) {
                for (List<String> right : g) {
                    List<String> joined = new ArrayList<>(left);
                    right.stream().filter(v -> !joined.contains(v)).forEach(joined::add);
                    next.add(joined);
                }
            }
            expanded = next;
        }
        expanded.remove(0);
        List<List<String>> unique = new ArrayList<>();
        for (List<String> t : expanded) {
            if (unique.stream().noneMatch(u -> u.size() == t.size() && u.containsAll(t))) {
                unique.add(t);
            }
        }
        return unique;
    }

    /** The terms of factors joined by ':' (one term unless a factor is a parenthesised product). */
    private List<List<String>> colon() {
        List<List<String>> result = factor();
        skipSpace();
        while (peek() == ':') {
            at++;
            List<List<String>> right = factor();
            List<List<String>> next = new ArrayList<>();
            for (List<String> l : result) {
                for (List<String> r : right) {
                    List<String> joined = new ArrayList<>(l);
                    r.stream().filter(v -> !joined.contains(v)).forEach(joined::add);
                    next.add(joined);
                }
            }
            result = next;
            skipSpace();
        }
        return result;
    }

    private List<List<String>> factor() {
        skipSpace();
        if (peek() == '(') {
            at++;
            List<List<String>> inner = new ArrayList<>(product());
            skipSpace();
            while (peek() == '+') {
                at++;
                inner.addAll(product());
                skipSpace();
            }
            expect(')');
            return inner;
        }
        int start = at;
        String name = name();
        skipSpace();
        if (name.equals("C") && peek() == '(') {
            at++;
            skipSpace();
            int inner = at;
            String column = name();
            skipSpace();
            expect(')');
            return List.of(List.of(declare(column, inner, true)));
        }
        return List.of(List.of(declare(name, start, false)));
    }

    private String declare(String name, int position, boolean forcedCategorical) {
        VariableKind kind = kinds.apply(name);
        if (kind == null) {
            throw error(position, "no column '" + name + "'");
        }
        if (forcedCategorical) {
            kind = VariableKind.CATEGORICAL;
        }
        Term.Variable previous = variables.get(name);
        if (previous != null && previous.kind() != kind) {
            throw error(position, "'" + name + "' is used both as categorical (C()) and as numeric");
        }
        if (previous == null) {
            variables.put(name, new Term.Variable(name, kind, position));
        }
        return name;
    }

    private String name() {
        if (peek() == '`') {
            int close = text.indexOf('`', at + 1);
            if (close < 0) {
                throw error(at, "the backquote is never closed");
            }
            String name = text.substring(at + 1, close);
            at = close + 1;
            return name;
        }
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'
                || text.charAt(at) == '.')) {
            at++;
        }
        if (at == start || Character.isDigit(text.charAt(start))) {
            throw error(start, "expected a column name");
        }
        return text.substring(start, at);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error(at, "expected '" + c + "'");
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    /** One line: the position (1-based character index), what was expected, and the text with a caret there. */
    private LadderException error(int position, String expected) {
        String shown = text.substring(0, position) + "^" + text.substring(position);
        return new LadderException("formula at character " + (position + 1) + ": " + expected + " (" + shown + ")");
    }
}
