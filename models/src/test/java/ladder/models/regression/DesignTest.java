package ladder.models.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import ladder.engine.LadderException;
import org.junit.jupiter.api.Test;

/** Column names and rows of the treatment-coded design (as R's model.matrix, first variable fastest). */
class DesignTest {

    private static BinomialData data() {
        return BinomialData.builder(new double[] {1, 0, 2, 0}).trials(new double[] {3, 2, 4, 0})
                .categorical("seb", new String[] {"professional", "working_class", "intermediate", "working_class"},
                        List.of("professional", "intermediate", "working_class", "unknown"))
                .categorical("gender", new String[] {"man", "woman", "woman", "man"}, List.of("man", "woman"))
                .numeric("months", new double[] {1.5, 2, 3, 4}).numeric("year", new double[] {2020, 2019, 2021, 2020})
                .build();
    }

    private static Design design(String formula, Map<String, String> refs) {
        BinomialData d = data();
        return new Design(Formula.parse(formula, d::kind), d, refs);
    }

    @Test
    void namesAndRows() {
        Design d = design("y ~ seb * gender + months + C(year)", Map.of());
        assertEquals(List.of("(Intercept)", "seb=intermediate", "seb=working_class", "gender=woman", "months",
                "year=2020", "year=2021", "seb=intermediate:gender=woman", "seb=working_class:gender=woman"),
                d.columnNames());
        assertEquals(List.of(new Design.DroppedLevel("seb", "unknown")), d.droppedLevels());
        double[] x = new double[d.columns()];
        d.row(2, x);
        assertArrayEquals(new double[] {1, 1, 0, 1, 3, 0, 1, 1, 0}, x);
        d.row(1, x);
        assertArrayEquals(new double[] {1, 0, 1, 1, 2, 0, 0, 0, 1}, x);
    }

    @Test
    void referenceLevelsAndNumericInteraction() {
        Design d = design("y ~ seb:months + gender", Map.of("seb", "working_class", "gender", "woman"));
        assertEquals(List.of("(Intercept)", "gender=man", "seb=professional:months", "seb=intermediate:months"),
                d.columnNames());
        assertEquals(Map.of("seb", "working_class", "gender", "woman"), d.references());
        assertThrows(LadderException.class, () -> design("y ~ seb", Map.of("seb", "unknown")), "no people at the reference");
        assertThrows(LadderException.class, () -> design("y ~ seb", Map.of("seb", "posh")));
        assertThrows(LadderException.class, () -> design("y ~ seb", Map.of("months", "1")));
    }
}
