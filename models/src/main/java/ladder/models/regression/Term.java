package ladder.models.regression;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One term of a {@link Formula}: a main effect (one variable) or an interaction (several, written
 * {@code a:b}). Its design columns are the products of its variables' columns.
 *
 * @param variables the variables multiplied, in the order written
 */
public record Term(List<Variable> variables) {

    /**
     * A variable of a term.
     *
     * @param name the column name
     * @param kind categorical or numeric (categorical when written {@code C(name)})
     * @param position the character index in the formula text where it was written (0-based)
     */
    public record Variable(String name, VariableKind kind, int position) {
    }

    public Term {
        variables = List.copyOf(variables);
        if (variables.isEmpty()) {
            throw new IllegalArgumentException("a term has at least one variable");
        }
    }

    /** The term as R writes it, e.g. {@code seb:gender}. */
    public String label() {
        return variables.stream().map(Variable::name).collect(Collectors.joining(":"));
    }
}
