package ladder.models.pay;

import static ladder.models.pay.PayReference.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import ladder.engine.LadderException;
import org.junit.jupiter.api.Test;

class AdjustedPayGapTest {

    static final String CALL = "lm(log(pay_pence) ~ seb + gender + ethnicity + age_band + grade + year)";
    static final List<Factor> FACTORS = List.of(
            new Factor("seb", List.of("professional", "intermediate", "working_class"), "professional"),
            new Factor("gender", List.of("female", "male"), "female"),
            new Factor("ethnicity", List.of("white", "asian", "black", "mixed_other"), "white"),
            new Factor("age_band", List.of("25-34", "16-24", "35-49", "50+"), "25-34"),
            new Factor("grade", List.of("G1", "G2", "G3", "G4", "G5"), "G1"),
            new Factor("year", List.of("2021", "2022", "2023"), "2021"));

    /** pay_data.csv as codes: [factor][row], with employer codes and pay. */
    record Rows(int[][] codes, int[] employer, long[] pay, List<String> employers) {
        static Rows of(List<Factor> factors) {
            List<String[]> data = PayReference.data();
            int[][] codes = new int[factors.size()][data.size()];
            int[] employer = new int[data.size()];
            long[] pay = new long[data.size()];
            List<String> employers = new ArrayList<>();
            for (int r = 0; r < data.size(); r++) {
                String[] row = data.get(r);
                for (int f = 0; f < factors.size(); f++) {
                    codes[f][r] = factors.get(f).levels().indexOf(row[column(factors.get(f).name())]);
                }
                if (!employers.contains(row[0])) {
                    employers.add(row[0]);
                }
                employer[r] = employers.indexOf(row[0]);
                pay[r] = Long.parseLong(row[7]);
            }
            return new Rows(codes, employer, pay, employers);
        }

        static int column(String name) {
            return List.of("employer_id", "seb", "gender", "ethnicity", "age_band", "grade", "year").indexOf(name);
        }
    }

    /**
     * pay_reference.R: {@code fit <- lm(log(pay_pence) ~ seb + gender + ethnicity + age_band + grade + year)}
     * (factors with the reference level first), {@code coef(fit)}, {@code sqrt(diag(vcov(fit)))},
     * {@code vcovCL(fit, cluster = ~employer_id, type = "HC1")} (every entry), and the gaps 100 (1 - exp(b)) with
     * {@code confint(fit)} and b +- qt(0.975, df) se_CL. Rows accumulated in two blocks, combined. To 1e-6.
     */
    @Test
    void coefficientsAndBothCovariancesMatchRAndSandwich() {
        Rows rows = Rows.of(FACTORS);
        TreatmentCoding coding = new TreatmentCoding(FACTORS);
        OlsAccumulator first = new OlsAccumulator(coding, rows.employers().size());
        OlsAccumulator second = new OlsAccumulator(coding, rows.employers().size());
        first.add(rows.codes(), rows.pay(), rows.employer(), 0, 1234);
        second.add(rows.codes(), rows.pay(), rows.employer(), 1234, rows.pay().length);
        AdjustedPayGap gap = AdjustedPayGap.of(first.combine(second), "seb", 0.95);
        OlsFit fit = gap.fit();
        assertEquals(3000, fit.n());
        assertEquals(40, fit.clusters());
        assertEquals((long) PayReference.R.value(CALL, "df"), fit.df());
        assertClose(PayReference.R.value(CALL, "sigma"), fit.sigma(), 1e-6, "sigma");
        List<String> names = fit.names();
        for (int i = 0; i < names.size(); i++) {
            String r = names.get(i).replace("=", "");
            assertClose(PayReference.R.value(CALL, "coef:" + r), fit.coefficients()[i], 1e-6, "coef " + r);
            assertClose(PayReference.R.value(CALL, "se:" + r), Math.sqrt(fit.modelCovariance()[i][i]), 1e-6, "se " + r);
            assertClose(PayReference.R.value(CALL, "se_cluster:" + r), Math.sqrt(fit.clusterCovariance()[i][i]), 1e-6, "se_cluster " + r);
            for (int j = 0; j < names.size(); j++) {
                String s = names.get(j).replace("=", "");
                assertClose(PayReference.R.value(CALL, "vcovCL:" + r + ":" + s), fit.clusterCovariance()[i][j], 1e-6,
                        "vcovCL " + r + " " + s);
            }
        }
        assertClose(PayReference.R.value(CALL, "gap"), gap.gap("seb=working_class"), 1e-6, "gap");
        double[] model = gap.gapInterval("seb=working_class", false);
        assertClose(PayReference.R.value(CALL, "gap_lower"), model[0], 1e-6, "gap lower (confint)");
        assertClose(PayReference.R.value(CALL, "gap_upper"), model[1], 1e-6, "gap upper (confint)");
        double[] clustered = gap.gapInterval("seb=working_class", true);
        assertClose(PayReference.R.value(CALL, "gap_cluster_lower"), clustered[0], 1e-6, "gap lower (clustered)");
        assertClose(PayReference.R.value(CALL, "gap_cluster_upper"), clustered[1], 1e-6, "gap upper (clustered)");
        assertEquals("working_class", gap.tables().get(0).get(1, "group"));
        assertTrue(gap.notes().get(0).startsWith("Holding gender, ethnicity, age_band, grade, year fixed, staff from intermediate backgrounds"),
                gap.notes().get(0));
    }

    @Test
    void missingCodesAreExcludedAndEmptyLevelsRefused() {
        Rows rows = Rows.of(FACTORS);
        TreatmentCoding coding = new TreatmentCoding(FACTORS);
        int[][] codes = rows.codes().clone();
        codes[1] = codes[1].clone();
        codes[1][0] = -1;
        OlsAccumulator acc = new OlsAccumulator(coding, rows.employers().size());
        acc.add(codes, rows.pay(), rows.employer(), 0, rows.pay().length);
        assertEquals(1, acc.excluded());
        assertEquals(2999, acc.rows());
        List<Factor> withEmpty = new ArrayList<>(FACTORS);
        withEmpty.set(5, new Factor("year", List.of("2021", "2022", "2023", "2024"), "2021"));
        OlsAccumulator empty = new OlsAccumulator(new TreatmentCoding(withEmpty), rows.employers().size());
        empty.add(rows.codes(), rows.pay(), rows.employer(), 0, rows.pay().length);
        LadderException e = assertThrows(LadderException.class, () -> OlsFit.of(empty));
        assertTrue(e.getMessage().contains("year=2024"), e.getMessage());
    }
}
