package ladder.models.regression;

import java.util.List;
import java.util.function.Function;

/**
 * A model formula in R's notation, e.g.
 * {@code promoted ~ seb + gender + ethnicity + age_band + C(year) + seb:gender + months_in_grade}.
 *
 * <p>The outcome is kept as text (it may be an expression such as {@code grade>=4}, which the
 * caller evaluates). On the right: {@code +} adds a term, {@code a:b} is an interaction,
 * {@code a*b} is {@code a + b + a:b}, {@code C(x)} makes a numeric-looking column categorical,
 * {@code -1} or {@code +0} drops the intercept ({@code +1} keeps it). As in R, terms are ordered
 * by degree (main effects, then two-way interactions, ...), in order of writing within a degree,
 * and the variables of an interaction in order of their first appearance; repeated terms count once.
 *
 * @param text the formula as written
 * @param outcome the text left of {@code ~}, stripped
 * @param terms the right-hand side's terms, without the intercept
 * @param intercept whether the model has an intercept
 */
public record Formula(String text, String outcome, List<Term> terms, boolean intercept) {

    public Formula {
        terms = List.copyOf(terms);
    }

    /**
     * Parses {@code text}, asking {@code kinds} how each column is used; it returns null for a
     * column that does not exist, which is reported with its position.
     *
     * @throws ladder.engine.LadderException naming the character position and what was expected
     */
    public static Formula parse(String text, Function<String, VariableKind> kinds) {
        return new FormulaParser(text, kinds).parse();
    }

    /** The term labelled {@code label} (e.g. {@code seb:gender}, in any order of its variables), or null. */
    public Term term(String label) {
        List<String> names = List.of(label.split(":"));
        for (Term t : terms) {
            if (t.variables().size() == names.size()
                    && t.variables().stream().map(Term.Variable::name).toList().containsAll(names)) {
                return t;
            }
        }
        return null;
    }
}
