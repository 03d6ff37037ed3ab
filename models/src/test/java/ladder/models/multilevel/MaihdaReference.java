package ladder.models.multilevel;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.models.pay.Factor;

/**
 * Reference values computed by R's lme4, read from {@code maihda_reference.csv}, produced by
 * {@code models/src/test/r/maihda_reference.R} with R version 4.2.2 Patched (2022-11-10 r83330)
 * and lme4 1.1.31; and the data sets that script wrote ({@code maihda/*.csv}, grouped binomial
 * rows). Each reference row is (call, quantity, value), the call the exact R expression evaluated,
 * values printed with {@code sprintf("%.17g")}. Same format as {@link ladder.models.RReference}.
 */
final class MaihdaReference {

    private static final String RESOURCE = "/ladder/models/maihda_reference.csv";
    private static final Map<String, Map<String, String>> CALLS = load();

    static final Factor SEB = new Factor("seb", List.of("professional", "intermediate", "working_class"), "professional");
    static final Factor GENDER = new Factor("gender", List.of("man", "woman"), "man");
    static final Factor ETHNICITY = new Factor("ethnicity", List.of("white", "asian", "black"), "white");
    static final Factor AGE = new Factor("age", List.of("under_35", "35_49", "50_plus"), "under_35");
    static final List<Factor> MAIN = List.of(SEB, GENDER, ETHNICITY, AGE);

    private MaihdaReference() {
    }

    /** The script's TIGHT control: penalised IRLS to 1e-12, BOBYQA in both stages to a trust radius of 1e-12. */
    static final String TIGHT = "control = glmerControl(optimizer = 'bobyqa', tolPwrss = 1e-12,"
            + " optCtrl = list(rhoend = 1e-12, maxfun = 1e5))";

    /** The R call of a glmer fit of {@code data} with default control, as the script writes it. */
    static String glmer(String formula, String data, int nAGQ) {
        return "glmer(" + formula + ", data = " + data + ", family = binomial" + (nAGQ > 1 ? ", nAGQ = " + nAGQ : "") + ")";
    }

    /** The same fit with the script's tight control. */
    static String glmerTight(String formula, String data, int nAGQ) {
        String call = glmer(formula, data, nAGQ);
        return call.substring(0, call.length() - 1) + ", " + TIGHT + ")";
    }

    /** The call of glmer's deviance function, as the script writes it. */
    static String devfun(String formula, String data, int nAGQ) {
        String fit = glmer(formula, data, nAGQ);
        return fit.substring(0, fit.length() - 1) + ", devFunOnly = TRUE)";
    }

    /** R's name of a fixed effect: "seb=working_class" is "sebworking_class". */
    static String rName(String name) {
        return name.replace("=", "");
    }

    static Map<String, String> quantities(String call) {
        Map<String, String> q = CALLS.get(call);
        assertNotNull(q, () -> "no R reference for " + call + " in " + RESOURCE);
        return q;
    }

    static double value(String call, String quantity) {
        String v = quantities(call).get(quantity);
        assertNotNull(v, () -> "no " + quantity + " for " + call + " in " + RESOURCE);
        return Double.parseDouble(v);
    }

    /** Asserts |actual - expected| &lt;= absolute + relative |expected| (numpy's isclose). */
    static void assertClose(double expected, double actual, double relative, double absolute, String what) {
        double error = Math.abs(actual - expected);
        assertTrue(error <= absolute + relative * Math.abs(expected), () -> what + ": expected " + expected
                + " (R), got " + actual + ", error " + error + ", relative " + error / Math.abs(expected));
    }

    /** A data set written by the script: its rows with the given covariate columns (none for the null model). */
    static List<BinomialRow> rows(String name, String groupColumn, List<String> covariates) {
        List<BinomialRow> rows = new ArrayList<>();
        List<String[]> lines = lines("/ladder/models/maihda/" + name + ".csv");
        List<String> header = Arrays.asList(lines.get(0));
        int group = header.indexOf(groupColumn), n = header.indexOf("n"), y = header.indexOf("y");
        int[] cov = covariates.stream().mapToInt(header::indexOf).toArray();
        for (String[] line : lines.subList(1, lines.size())) {
            List<String> levels = new ArrayList<>();
            for (int c : cov) {
                levels.add(line[c]);
            }
            rows.add(new BinomialRow(line[group], levels, Double.parseDouble(line[n]), Double.parseDouble(line[y])));
        }
        return rows;
    }

    private static List<String[]> lines(String resource) {
        List<String[]> lines = new ArrayList<>();
        try (InputStream in = MaihdaReference.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isEmpty()) {
                    lines.add(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static Map<String, Map<String, String>> load() {
        return ladder.models.ReferenceFile.load(RESOURCE);
    }
}
