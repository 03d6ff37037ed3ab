package ladder.models.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import ladder.engine.LadderException;
import org.junit.jupiter.api.Test;

/** The formula parser: terms in R's order (terms.formula), C(), *, :, intercept, and its error messages. */
class FormulaTest {

    private static final Map<String, VariableKind> KINDS = Map.of("seb", VariableKind.CATEGORICAL, "gender",
            VariableKind.CATEGORICAL, "ethnicity", VariableKind.CATEGORICAL, "age_band", VariableKind.CATEGORICAL,
            "year", VariableKind.NUMERIC, "months_in_grade", VariableKind.NUMERIC, "grade", VariableKind.NUMERIC);

    private static Formula parse(String text) {
        return Formula.parse(text, KINDS::get);
    }

    private static List<String> labels(Formula f) {
        return f.terms().stream().map(Term::label).toList();
    }

    @Test
    void theIssuesFormula() {
        Formula f = parse("promoted ~ seb + gender + ethnicity + age_band + C(year) + seb:gender + months_in_grade");
        assertEquals("promoted", f.outcome());
        assertTrue(f.intercept());
        // R: attr(terms(promoted ~ ...), "term.labels"), main effects first.
        assertEquals(List.of("seb", "gender", "ethnicity", "age_band", "year", "months_in_grade", "seb:gender"), labels(f));
        assertEquals(VariableKind.CATEGORICAL, f.terms().get(4).variables().get(0).kind(), "C() makes year categorical");
        assertEquals(VariableKind.NUMERIC, f.terms().get(5).variables().get(0).kind());
        assertEquals(f.terms().get(6), f.term("gender:seb"));
    }

    @Test
    void outcomeExpressionAndStar() {
        Formula f = parse("grade>=4 ~ seb * gender * C(year)");
        assertEquals("grade>=4", f.outcome());
        assertEquals(List.of("seb", "gender", "year", "seb:gender", "seb:year", "gender:year", "seb:gender:year"), labels(f));
    }

    @Test
    void interactionVariablesInOrderOfFirstAppearanceAndDuplicatesOnce() {
        Formula f = parse("y ~ seb + gender + gender:seb + seb + seb:gender");
        assertEquals(List.of("seb", "gender", "seb:gender"), labels(f));
        assertEquals(List.of("seb", "gender", "ethnicity", "seb:ethnicity", "gender:ethnicity"),
                labels(parse("y ~ (seb + gender) * ethnicity")));
    }

    @Test
    void intercept() {
        assertFalse(parse("y ~ seb - 1").intercept());
        assertFalse(parse("y ~ 0 + seb").intercept());
        assertFalse(parse("y ~ seb + 0").intercept());
        assertTrue(parse("y ~ 1 + seb").intercept());
        assertTrue(parse("y ~ 1").intercept());
        assertEquals(List.of(), parse("y ~ 1").terms());
    }

    @Test
    void errorsNameThePositionWithACaret() {
        LadderException e = assertThrows(LadderException.class, () -> parse("promoted ~ seb + + gender"));
        assertEquals("formula at character 18: expected a column name (promoted ~ seb + ^+ gender)", e.getMessage());
        e = assertThrows(LadderException.class, () -> parse("promoted ~ seb + sbe"));
        assertEquals("formula at character 18: no column 'sbe' (promoted ~ seb + ^sbe)", e.getMessage());
        e = assertThrows(LadderException.class, () -> parse("promoted seb + gender"));
        assertTrue(e.getMessage().startsWith("formula at character 22: expected '~'"), e.getMessage());
        e = assertThrows(LadderException.class, () -> parse("promoted ~ C(year"));
        assertEquals("formula at character 18: expected ')' (promoted ~ C(year^)", e.getMessage());
        e = assertThrows(LadderException.class, () -> parse("promoted ~ seb gender"));
        assertTrue(e.getMessage().contains("expected '+', '-', ':', '*' or the end"), e.getMessage());
        e = assertThrows(LadderException.class, () -> parse("promoted ~ seb - gender"));
        assertTrue(e.getMessage().contains("only the intercept can be removed"), e.getMessage());
        e = assertThrows(LadderException.class, () -> parse("~ seb"));
        assertTrue(e.getMessage().contains("expected an outcome before '~'"), e.getMessage());
        e = assertThrows(LadderException.class, () -> parse("y ~ C(year) + year"));
        assertTrue(e.getMessage().contains("both as categorical"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }
}
