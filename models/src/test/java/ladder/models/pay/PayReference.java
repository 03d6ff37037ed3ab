package ladder.models.pay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference values read from a {@code call,quantity,value} CSV under {@code /ladder/models/}: pay_reference.csv
 * (models/src/test/r/pay_reference.R, R 4.2.2 Patched (2022-11-10 r83330), sandwich 3.0.2) or
 * oaxaca_reference.csv (models/src/test/python/oaxaca_reference.py, statsmodels 0.13.5); and the simulated rows
 * pay_data.csv the R script wrote with set.seed(15). R's NA reads as NaN.
 */
final class PayReference {

    static final PayReference R = new PayReference("pay_reference.csv");
    private static List<String[]> rows;

    private final String resource;
    private final Map<String, Map<String, String>> calls;

    private PayReference(String name) {
        this.resource = "/ladder/models/" + name;
        this.calls = ladder.models.ReferenceFile.load(resource);
    }

    static PayReference of(String name) {
        return new PayReference(name);
    }

    Map<String, Map<String, String>> calls() {
        return calls;
    }

    double value(String call, String quantity) {
        Map<String, String> q = calls.get(call);
        assertNotNull(q, () -> "no reference for " + call + " in " + resource);
        assertNotNull(q.get(quantity), () -> "no " + quantity + " for " + call + " in " + resource);
        return parse(q.get(quantity));
    }

    static double parse(String value) {
        return value.equals("NA") ? Double.NaN : Double.parseDouble(value);
    }

    /** Asserts |actual - expected| <= tolerance * |expected| (relative), or |actual| <= tolerance when expected is 0. */
    static void assertClose(double expected, double actual, double tolerance, String what) {
        double error = Math.abs(actual - expected) / (expected == 0 ? 1 : Math.abs(expected));
        assertTrue(error <= tolerance, () -> what + ": expected " + expected + ", got " + actual + " (error " + error + ")");
    }

    static void assertSame(double expected, double actual, String what) {
        assertEquals(expected, actual, 0.0, what);
    }

    /** The rows of pay_data.csv (employer_id, seb, gender, ethnicity, age_band, grade, year, pay_pence, bonus_pence). */
    static synchronized List<String[]> data() {
        if (rows == null) {
            List<String> lines = lines("/ladder/models/pay_data.csv");
            if (!lines.get(0).equals("employer_id,seb,gender,ethnicity,age_band,grade,year,pay_pence,bonus_pence")) {
                throw new IllegalStateException("unexpected header " + lines.get(0));
            }
            rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
        }
        return rows;
    }

    /** The column {@code c} of pay_data.csv's rows whose seb is {@code seb} (null: all), as longs. */
    static long[] column(int c, String seb) {
        return data().stream().filter(r -> seb == null || r[1].equals(seb)).mapToLong(r -> Long.parseLong(r[c])).toArray();
    }

    /** Per (employer, seb) of pay_data.csv, the hourly and bonus histograms. */
    static List<EmployerPay> employerPay() {
        Map<String, List<String[]>> cells = new LinkedHashMap<>();
        for (String[] r : data()) {
            cells.computeIfAbsent(r[0] + "/" + r[1], k -> new ArrayList<>()).add(r);
        }
        List<EmployerPay> pay = new ArrayList<>();
        cells.forEach((key, rs) -> pay.add(new EmployerPay(rs.get(0)[0], rs.get(0)[1],
                PayHistogram.ofValues(rs.stream().mapToLong(r -> Long.parseLong(r[7])).toArray()),
                PayHistogram.ofValues(rs.stream().mapToLong(r -> Long.parseLong(r[8])).toArray()))));
        return pay;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = PayReference.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
