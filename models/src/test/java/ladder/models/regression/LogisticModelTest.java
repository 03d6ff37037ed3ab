package ladder.models.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import ladder.engine.LadderException;
import ladder.models.result.ResultTable;
import org.junit.jupiter.api.Test;

/** The result's tables, notes and the output check. */
class LogisticModelTest {

    @Test
    void tablesHaveTheirColumnsAndNoNaN() {
        LogisticModel fit = LogisticRegression.of("promoted ~ wc * gender + C(year)", TestData.rows()).margins("wc")
                .interaction("wc=working_class", "gender=woman").fit();
        List<ResultTable> tables = fit.tables();
        assertEquals(List.of("coefficients", "fit", "tests", "margins", "contrasts", "interaction"),
                tables.stream().map(ResultTable::name).toList());
        assertEquals(List.of("term", "status", "estimate", "se", "z", "p", "or", "or_lower", "or_upper", "model_se",
                "people", "covariance"), tables.get(0).columns().stream().map(ResultTable.ColumnSpec::name).toList());
        assertEquals("CR1", tables.get(0).get(0, "covariance"));
        for (ResultTable t : tables) {
            for (List<Object> row : t.rows()) {
                for (Object v : row) {
                    assertFalse(v instanceof Double d && d.isNaN(), () -> "NaN in " + t.name() + ": " + row);
                }
            }
        }
        List<String> notes = fit.notes();
        assertTrue(notes.get(0).startsWith("Binomial logit fitted by iteratively reweighted least squares"), notes.get(0));
        assertTrue(notes.get(0).contains("< 1.0E-10, at most 25"), notes.get(0));
        assertTrue(notes.stream().anyMatch(n -> n.contains("G/(G-1) (N-1)/(N-k)") && n.contains("over 30 clusters")));
        assertEquals("wc = other, year = 2019, gender = man".split(", ").length,
                ((String) fit.inputs().get("reference_levels")).split(", ").length);
    }

    @Test
    void clusterErrorsNeedClusters() {
        BinomialData d = BinomialData.builder(new double[] {1, 0, 1, 0}).categorical("g", new String[] {"a", "a", "b", "b"},
                null).build();
        assertThrows(LadderException.class, () -> LogisticRegression.of("y ~ g", d).covariance(CovarianceType.CR1).fit());
        assertEquals(CovarianceType.MODEL, LogisticRegression.of("y ~ g", d).fit().covariance());
    }

    @Test
    void outputCheckFlagsThinCoefficientsAndFewResidualDf() {
        LogisticModel fit = LogisticRegression.of("promoted ~ seb + gender", SeparationTest.separated())
                .covariance(CovarianceType.MODEL).fit();
        OutputCheck check = OutputCheck.of(fit, Map.of("gender=woman", 7.0));
        assertEquals(List.of(new OutputCheck.Flag("gender=woman", 7.0)), check.withheldCoefficients());
        assertEquals(6 - 4, check.residualDf(), "6 cells, 4 parameters");
        assertTrue(check.modelWithheld());
        assertFalse(check.publishable());
        assertEquals(2, check.reasons().size());

        LogisticModel large = LogisticRegression.of("promoted ~ seb + gender", TestData.cells()).fit();
        assertTrue(OutputCheck.of(large).publishable());
        BinomialData thin = BinomialData.builder(new double[] {5, 1, 20, 30}).trials(new double[] {40, 8, 100, 90})
                .categorical("seb", new String[] {"professional", "working_class", "professional", "intermediate"}, null)
                .build();
        OutputCheck flags = OutputCheck.of(LogisticRegression.of("y ~ seb", thin).fit());
        assertEquals(List.of(new OutputCheck.Flag("seb=working_class", 8.0)), flags.withheldCoefficients());
        assertTrue(flags.modelWithheld(), "4 cells minus 3 parameters");
    }
}
