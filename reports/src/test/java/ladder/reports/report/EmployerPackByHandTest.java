package ladder.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.models.benchmark.EmployerComparison;
import ladder.models.pay.PayHistogram;
import ladder.models.result.Chart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * E1's benchmark pack on the {@link HandPool}, every figure worked out by hand below from the
 * pool's counts: E1 (Finance), the rest of its sector (E2 + E3) and the coalition (E1 to E6), and
 * E1's mid-rank percentile among the six, 100 (below + equal / 2) / 6. Every count of the employer
 * comparison's own plan is at least 10, so {@code ladder employer --publish} withholds nothing and its
 * figures are these numbers. In the pack the report's plan withholds some of E1's counts (its degree
 * answers and pay quarters hold small cells and zeros), and the figures resting on them are withheld there
 * ({@link #inThePackTheFiguresTheReportsPlanWithholdsAreWithheldAndTheRestAreTheStandaloneOnes}). Intervals are checked against their formulas written out here: Wilson (R
 * {@code prop.test(x, n, correct = FALSE)}), Woolf, Robins-Breslow-Greenland, and the delta method
 * for the ratio of two means, Katz for the ratio of two rates; z = qnorm(0.975) = 1.959963984540054.
 * The recruitment funnel's figures read HandPool's applicants ({@link HandPool#APPLICANTS}), each
 * employer's in its sector; E9's, with no employees' rows, are left out.
 */
class EmployerPackByHandTest {
    private static final double Z = 1.959963984540054;
    @TempDir
    static Path dir;
    static Path pack, data, applicants, standalone;
    /** The figures the pack withholds for E1 because its report's plan withholds a count they rest on. */
    static final List<String> LINKED = List.of("share_first_in_family_graduate_hires",
            "pay_gap_median_working_class_vs_professional", "pay_gap_mean_working_class_vs_professional");

    @BeforeAll
    static void writeThePack() throws IOException {
        data = HandPool.write(dir.resolve("data"), HandPool.POOL);
        applicants = HandPool.writeApplicants(dir.resolve("applicants"), HandPool.APPLICANTS);
        pack = dir.resolve("pack");
        EvidenceReportTest.Run r = EvidenceReportTest.run("report", "--data", data.toString(), "--employer", "E1",
                "--applicants", applicants.toString(), "--out", pack.toString());
        assertEquals(0, r.status(), r.err());
        EvidenceReportTest.Run e = EvidenceReportTest.run("employer", "--data", data.toString(), "--id", "E1",
                "--applicants", applicants.toString(), "--publish", "--format", "csv", "--table", "figures");
        assertEquals(0, e.status(), e.err());
        standalone = dir.resolve("standalone-figures.csv");
        Files.writeString(standalone, e.out(), StandardCharsets.UTF_8);
    }

    /** A comparator's expected value, interval and n; null interval ends where none is given. */
    record Value(double estimate, Double lower, Double upper, long n) {
    }

    /** x / n with the Wilson interval: (x + z^2/2 +- z sqrt(x (n - x) / n + z^2 / 4)) / (n + z^2). */
    static Value share(long x, long n) {
        double half = Z * Math.sqrt((double) x * (n - x) / n + Z * Z / 4);
        return new Value((double) x / n, (x + Z * Z / 2 - half) / (n + Z * Z), (x + Z * Z / 2 + half) / (n + Z * Z), n);
    }

    /** (a d) / (b c), Woolf: exp(log OR +- z sqrt(1/a + 1/b + 1/c + 1/d)); a, b the working class promoted and not. */
    static Value woolf(long a, long b, long c, long d) {
        double or = (double) a * d / ((double) b * c);
        double se = Math.sqrt(1.0 / a + 1.0 / b + 1.0 / c + 1.0 / d);
        return new Value(or, or * Math.exp(-Z * se), or * Math.exp(Z * se), a + b + c + d);
    }

    /** Mantel-Haenszel over strata {a, b, c, d}, with the Robins-Breslow-Greenland variance of log OR. */
    static Value mantelHaenszel(long[]... strata) {
        double r = 0, s = 0, pr = 0, psqr = 0, qs = 0;
        long n = 0;
        for (long[] t : strata) {
            double m = t[0] + t[1] + t[2] + t[3];
            double ri = t[0] * t[3] / m, si = t[1] * t[2] / m, p = (t[0] + t[3]) / m, q = (t[1] + t[2]) / m;
            r += ri;
            s += si;
            pr += p * ri;
            psqr += p * si + q * ri;
            qs += q * si;
            n += t[0] + t[1] + t[2] + t[3];
        }
        double se = Math.sqrt(pr / (2 * r * r) + psqr / (2 * r * s) + qs / (2 * s * s));
        return new Value(r / s, r / s * Math.exp(-Z * se), r / s * Math.exp(Z * se), n);
    }

    /** A group's hourly pay: {@code high} people at {@code top} and {@code n - high} at {@code bottom}. */
    record Pay(long n, long high, double top, double bottom) {
        double mean() {
            return (high * top + (n - high) * bottom) / n;
        }

        /** Sample variance (divisor n - 1) of the two-point values. */
        double variance() {
            double m = mean();
            return (high * (top - m) * (top - m) + (n - high) * (bottom - m) * (bottom - m)) / (n - 1);
        }
    }

    /** 100 (1 - R), R = mean(wc) / mean(prof), delta method se(R) = R sqrt(va/a^2 + vb/b^2); the ends swap. */
    static Value meanGap(Pay professional, Pay working) {
        double a = working.mean(), b = professional.mean(), ratio = a / b;
        double se = ratio * Math.sqrt(working.variance() / working.n() / (a * a)
                + professional.variance() / professional.n() / (b * b));
        return new Value(100 * (1 - ratio), 100 * (1 - (ratio + Z * se)), 100 * (1 - (ratio - Z * se)),
                professional.n() + working.n());
    }

    /**
     * 1 - S(24) of n people, p promoted at month 12 and the rest censored at 24: S = 1 - p / n, Greenwood's
     * se(log S) = sqrt(p / (n (n - p))), the interval 1 - S exp(+-z se) with S's upper limit capped at 1 (R's log
     * type).
     */
    static Value promotedWithin24(long p, long n) {
        double s = 1 - (double) p / n, se = Math.sqrt((double) p / ((double) n * (n - p)));
        return new Value(1 - s, 1 - Math.min(1, s * Math.exp(Z * se)), 1 - s * Math.exp(-Z * se), n);
    }

    /** (x1 / n1) / (x2 / n2), Katz: exp(log R +- z sqrt(1/x1 - 1/n1 + 1/x2 - 1/n2)); n = n1 + n2. */
    static Value katz(long x1, long n1, long x2, long n2) {
        double r = ((double) x1 / n1) / ((double) x2 / n2);
        double se = Math.sqrt(1.0 / x1 - 1.0 / n1 + 1.0 / x2 - 1.0 / n2);
        return new Value(r, Math.exp(Math.log(r) - Z * se), Math.exp(Math.log(r) + Z * se), n1 + n2);
    }

    static Value exactly(double estimate, long n) {
        return new Value(estimate, null, null, n);
    }

    /** The expected row of a figure: E1, the coalition, the rest of the sector, the national figure, the percentile. */
    record Row(Value employer, Value coalition, Value sector, Double national, double percentile) {
    }

    /**
     * The figures, from the pool's counts (HandPool's tables). E1: P 60, I 45, W 56 (161
     * classifiable), X 40 (201 rows). Rest of sector E2 + E3: P 30 + 50 = 80, I 40, W 60 (180), X 40
     * (220). Coalition: P 245, I 145, W 221 (611), rows 741. Percentile: E1's value among the six
     * employers' (listed), below + equal / 2 over 6.
     */
    static Map<String, Row> expected() {
        Map<String, Row> rows = new LinkedHashMap<>();
        // share professional: E1 60/161; E2 30/90 = 1/3, E3 50/90 = 5/9, E4 25/100, E5 35/80 = 7/16, E6 45/90 = 1/2:
        // E1 (.373) is above E2, E4 only: (2 + 1/2) / 6 = 41.67.
        rows.put("share_professional", new Row(share(60, 161), share(245, 611), share(80, 180), .34, 250 / 6.0));
        // intermediate: E1 45/161 = .280; E2 2/9, E3 2/9, E4 1/4, E5 3/16, E6 2/9: highest, (5 + 1/2) / 6 = 91.67.
        rows.put("share_intermediate", new Row(share(45, 161), share(145, 611), share(40, 180), .24, 550 / 6.0));
        // working class: E1 56/161 = .348; E2 4/9, E3 2/9, E4 1/2, E5 3/8, E6 5/18: above E3, E6: 41.67.
        rows.put("share_working_class", new Row(share(56, 161), share(221, 611), share(60, 180), .42, 250 / 6.0));
        // response: E1 161/201 = .801; E2 9/11, E3 9/11, E4 5/6, E5 4/5, E6 9/10: above E5 only: (1 + 1/2) / 6 = 25.
        rows.put("response_rate", new Row(share(161, 201), share(611, 741), share(180, 220), .70, 25));
        // independent among answers (independent + state): E1 20/170; E2 15/85, E3 30/90, E4 5/105, E5 12/90,
        // E6 25/95: above E4 only: 25.
        rows.put("share_independent_school", new Row(share(20, 170), share(107, 635), share(45, 175), .075, 25));
        // free school meals yes among yes + no: E1 25/175 = 1/7; E2 2/9, E3 1/9, E4 4/11, E5 1/5, E6 2/15:
        // above E3 and E6 (.133): 41.67.
        rows.put("share_free_school_meals", new Row(share(25, 175), share(125, 645), share(30, 180), .15, 250 / 6.0));
        // first in family, graduate scheme no among no + yes: E1 24/48 = 1/2; E2 10/30, E3 8/28, E4 20/30,
        // E5 12/24 = 1/2, E6 9/27: above E2, E3, E6, tied with E5: (3 + 2/2) / 6 = 66.67.
        rows.put("share_first_in_family_graduate_hires", new Row(share(24, 48), share(83, 187), share(18, 58), .67,
                400 / 6.0));
        // grades 1-3 (n - s of P, I, W): E1 W 46 of 48 + 35 + 46 = 129; sector W 32 + 16 of 127; coalition
        // 185 of 457. Each: E1 .357, E2 32/67, E3 4/15, E4 44/83, E5 5/11, E6 22/63 = .349: above E3, E6: 41.67.
        rows.put("share_working_class_grade_1_3", new Row(share(46, 129), share(185, 457), share(48, 127), null,
                250 / 6.0));
        // grade 4 (s): E1 W 10 of 12 + 10 + 10 = 32; sector 8 + 4 of 53; coalition 36 of 154. Each: E1 .3125,
        // E2 8/23 = .348, E3 2/15, E4 6/17 = .353, E5 1/5, E6 1/9: above E3, E5, E6: (3 + 1/2) / 6 = 58.33.
        rows.put("share_working_class_grade_4_plus", new Row(share(10, 32), share(36, 154), share(12, 53), null,
                350 / 6.0));
        // promotion (p of n): professional E1 14/60 = .233; E2 .4, E3 .3, E4 .2, E5 .286, E6 .444: above E4: 25.
        rows.put("promotion_rate_professional", new Row(share(14, 60), share(76, 245), share(27, 80), null, 25));
        // intermediate E1 10/45 = .222; E2 .25, E3 .25, E4 .24, E5 .2, E6 .3: above E5: 25.
        rows.put("promotion_rate_intermediate", new Row(share(10, 45), share(35, 145), share(10, 40), null, 25));
        // working class E1 10/56 = .179; E2 .15, E3 .2, E4 .16, E5 .3, E6 .16: above E2, E4, E6: 58.33.
        rows.put("promotion_rate_working_class", new Row(share(10, 56), share(41, 221), share(10, 60), null, 350 / 6.0));
        // crude odds ratio, (W promoted, not; P promoted, not): E1 (10, 46; 14, 46) = 460/644 = 5/7; sector
        // (10, 50; 27, 53) = 53/135; coalition (41, 180; 76, 169) = 6929/13680. Each: E1 .714, E2 9/34, E3 7/12,
        // E4 16/21 = .762, E5 15/14, E6 5/21: above E2, E3, E6: 58.33.
        rows.put("promotion_odds_ratio_working_class_vs_professional", new Row(woolf(10, 46, 14, 46),
                woolf(41, 180, 76, 169), woolf(10, 50, 27, 53), null, 350 / 6.0));
        // within employers: E1's own table; the strata are each employer's (W p, n - p; P p, n - p); E1's
        // percentile is the crude one's (one employer's MH is its own odds ratio).
        long[][] strata = {{10, 46, 14, 46}, {6, 34, 12, 18}, {4, 16, 15, 35}, {8, 42, 5, 20}, {9, 21, 10, 25},
            {4, 21, 20, 25}};
        rows.put("promotion_odds_ratio_within_employers", new Row(mantelHaenszel(strata[0]), mantelHaenszel(strata),
                mantelHaenszel(strata[1], strata[2]), null, 350 / 6.0));
        // median pay gap 100 (med P - med W) / med P. E1: P 16 at 30 and 44 at 20 -> 20; W 12 at 24, 44 at 16 -> 16:
        // 20. Sector: P 40 at 30, 40 at 20 -> 25; W 15 at 24, 45 at 16 -> 16: 36. Coalition: P 106 at 30 of 245
        // -> 20; W 70 at 24 of 221 -> 16: 20. Each: E1 20, E2 20, E3 46.67, E4 20, E5 46.67, E6 20: tied with
        // three, none below: (0 + 4/2) / 6 = 33.33. The intervals are the employer bootstrap's; E1's, its people's.
        rows.put("pay_gap_median_working_class_vs_professional", new Row(exactly(20, 116), exactly(20, 466),
                exactly(36, 140), null, 200 / 6.0));
        // mean pay gap 100 (1 - mean W / mean P). E1: P 1360/60, W 992/56: 2600/119 = 21.85. Each: E2 160/7 = 22.86,
        // E3 400/13 = 30.8, E4 140/11 = 12.7, E5 796/27 = 29.5, E6 428/23 = 18.6: above E4 and E6: 41.67.
        rows.put("pay_gap_mean_working_class_vs_professional", new Row(meanGap(new Pay(60, 16, 30, 20),
                new Pay(56, 12, 24, 16)), meanGap(new Pay(245, 106, 30, 20), new Pay(221, 70, 24, 16)),
                meanGap(new Pay(80, 40, 30, 20), new Pay(60, 15, 24, 16)), null, 250 / 6.0));
        // promoted within 24 months: HandPool promotes its first p at month 12 and censors the rest at 24, so
        // 1 - S(24) is the promotion rate, on the promotion rates' p and n, and ranks as they do (every group has
        // at least 10 people).
        rows.put("promoted_within_24_months_professional", new Row(promotedWithin24(14, 60), promotedWithin24(76, 245),
                promotedWithin24(27, 80), null, 25));
        rows.put("promoted_within_24_months_working_class", new Row(promotedWithin24(10, 56),
                promotedWithin24(41, 221), promotedWithin24(10, 60), null, 350 / 6.0));
        // graduate scheme (gr): E1 W 14 of 22 + 12 + 14 = 48; sector 26 of 75; coalition 70 of 219. Each: E1 .292,
        // E2 5/9, E3 2/13, E4 5/11, E5 1/3, E6 5/33: above E3, E6: 41.67.
        rows.put("share_working_class_graduate_scheme", new Row(share(14, 48), share(70, 219), share(26, 75), null,
                250 / 6.0));
        // apprentices ceil((n - gr) / 2): E1 W 21 of 19 + 17 + 21 = 57; sector 10 + 7 of 53; coalition 76 of 199.
        // Each: E1 .368, E2 10/27 = .370, E3 7/26, E4 18/35, E5 2/5, E6 10/29 = .345: above E3, E6: 41.67.
        rows.put("share_working_class_apprenticeship", new Row(share(21, 57), share(76, 199), share(17, 53), null,
                250 / 6.0));
        // training (t of n): professional E1 24/60 = .4; E2 .5, E3 .4, E4 .4, E5 4/7, E6 5/9: tied with E3, E4,
        // none below: (0 + 3/2) / 6 = 25.
        rows.put("training_rate_professional", new Row(share(24, 60), share(114, 245), share(35, 80), null, 25));
        // working class E1 18/56 = .321; E2 .5, E3 .5, E4 .6, E5 .4, E6 8/25 = .32: above E6: 25.
        rows.put("training_rate_working_class", new Row(share(18, 56), share(98, 221), share(30, 60), null, 25));
        // applications (HandPool.APPLICANTS, P I W X {applications, offers}): E1 P 80/20, I 40/10, W 100/12;
        // rest of sector E2 + E3 P 90/23, I 50/10, W 110/19; coalition (E1 to E6; E9 has no employees' rows and
        // is left out) P 300/80, I 160/35, W 410/57.
        // working class among classifiable applications: E1 100/220 = 5/11; sector 110/250; coalition 410/870;
        // national 42% (the working population, as the funnel reads its applicants). Each: E2 60/140 = .429,
        // E3 50/110 = 5/11 (tied with E1), E4 70/120, E5 40/130 = .308, E6 90/150: above E2, E5, tied with E3:
        // (2 + 2/2) / 6 = 50.
        rows.put("share_working_class_applicants", new Row(share(100, 220), share(410, 870), share(110, 250), .42, 50));
        // offer rate ratio, W over P: E1 (12/100) / (20/80) = .48; sector (19/110) / (23/90); coalition
        // (57/410) / (80/300). Each: E2 .15/.3 = .5, E3 .2/.2 = 1, E4 .1/.3, E5 .25/.2 = 1.25, E6 .1/.4 = .25:
        // above E4, E6: (2 + 1/2) / 6 = 41.67. No national figure.
        rows.put("offer_rate_ratio_working_class_vs_professional", new Row(katz(12, 100, 20, 80), katz(57, 410, 80, 300),
                katz(19, 110, 23, 90), null, 250 / 6.0));
        return rows;
    }

    /** The rows of a CSV table (RFC 4180 quoting), by the value of its first column. */
    static Map<String, Map<String, String>> csv(Path file) throws IOException {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        rows(file).forEach(row -> rows.put(row.values().iterator().next(), row));
        return rows;
    }

    /** Every row of a CSV file, by column name. */
    static List<Map<String, String>> rows(Path file) throws IOException {
        List<List<String>> records = new ArrayList<>();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < r.size(); c++) {
                row.put(records.get(0).get(c), r.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    private static void close(Double expected, String actual, String what) {
        if (expected == null) {
            assertEquals("", actual, what + ": no value");
            return;
        }
        assertTrue(!actual.isEmpty(), what + ": expected " + expected + ", got none");
        double a = Double.parseDouble(actual);
        assertTrue(Math.abs(a - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), what + ": expected " + expected
                + ", got " + a);
    }

    private static void check(Map<String, String> row, String who, Value v, String figure) {
        close(v.estimate(), row.get(who), figure + " " + who);
        close((double) v.n(), row.get(who + "_n"), figure + " " + who + "_n");
        if (v.lower() != null) {
            close(v.lower(), row.get(who + "_lower"), figure + " " + who + "_lower");
            close(v.upper(), row.get(who + "_upper"), figure + " " + who + "_upper");
        }
    }

    static void checkFigures(Map<String, Map<String, String>> table, List<String> figures) {
        Map<String, Row> expected = expected();
        assertEquals(figures, new ArrayList<>(table.keySet()));
        for (String f : figures) {
            if (LINKED.contains(f) && table.get(f).get("employer").isEmpty()) {
                continue; // the pack's, checked beside the standalone figures
            }
            Row e = expected.get(f);
            Map<String, String> row = table.get(f);
            check(row, "employer", e.employer(), f);
            check(row, "coalition", e.coalition(), f);
            check(row, "sector", e.sector(), f);
            close(e.national(), row.get("national"), f + " national");
            close(e.percentile(), row.get("percentile"), f + " percentile");
            assertEquals("6", row.get("employers_ranked"), f);
            assertEquals("", row.get("note"), f + ": nothing is withheld or missing");
        }
    }

    @Test
    void theComparisonsFiguresAreTheHandComputedOnes() throws IOException {
        Map<String, Map<String, String>> figures = csv(standalone);
        checkFigures(figures, new ArrayList<>(expected().keySet()));
        for (String f : LINKED) {
            assertTrue(!figures.get(f).get("employer").isEmpty(), f + " is printed by the comparison alone");
        }
    }

    /**
     * The pack prints the comparison under both plans: E1's degree answers (15 "no" and 15 "yes" of its 48
     * graduate-scheme hires who answered, 14 no answer among the 62) and its pay quarters (its 40 non-answers
     * have no pay: a zero in each quarter) hold counts the report's plan withholds, so first in family and
     * the pay gaps, which rest on them, are withheld for E1, and for the rest of the sector too (with E1's
     * withheld, the sector's and the coalition's together would give it back; the comparison's plan keeps
     * the coalition's). Every other figure is the standalone comparison's.
     */
    @Test
    void inThePackTheFiguresTheReportsPlanWithholdsAreWithheldAndTheRestAreTheStandaloneOnes() throws IOException {
        Map<String, Map<String, String>> alone = csv(standalone);
        Map<String, Map<String, String>> inPack = csv(pack.resolve("tables/standing-comparison-figures.csv"));
        assertEquals(alone.keySet(), inPack.keySet());
        for (String f : alone.keySet()) {
            if (!LINKED.contains(f)) {
                assertEquals(alone.get(f), inPack.get(f), f);
                continue;
            }
            Map<String, String> row = inPack.get(f);
            for (String c : List.of("employer", "employer_lower", "employer_upper", "employer_n", "percentile", "sector",
                    "sector_n")) {
                assertEquals("", row.get(c), f + " " + c + ": " + row);
            }
            assertEquals(alone.get(f).get("coalition"), row.get("coalition"), f);
            assertTrue(row.get("note").startsWith("employer: withheld, rests on a suppressed count"), row.get("note"));
        }
    }

    @Test
    void theMedianGapHasTheEmployerBootstrapIntervalForSeveralEmployersAndThePersonBootstrapForOne()
            throws IOException {
        Map<String, String> row = csv(standalone).get("pay_gap_median_working_class_vs_professional");
        // E1's people: professionals 16 at 30 and 44 at 20, working class 12 at 24 and 44 at 16 (pounds), each
        // group resampled with replacement, 999 replicates, seed 1, as the pack states.
        ladder.models.proportion.ConfidenceInterval own = ladder.models.pay.PersonMedianGapBootstrap.of(
                PayHistogram.of(new long[] {2000, 3000}, new long[] {44, 16}),
                PayHistogram.of(new long[] {1600, 2400}, new long[] {44, 12}), 999, 1).interval(0, 0.95);
        close(own.lower(), row.get("employer_lower"), "E1's median gap, lower");
        close(own.upper(), row.get("employer_upper"), "E1's median gap, upper");
        assertTrue(own.lower() <= 20 && 20 <= own.upper(), own.toString());
        for (String who : List.of("coalition", "sector")) {
            double lower = Double.parseDouble(row.get(who + "_lower")), upper = Double.parseDouble(row.get(who + "_upper"));
            double estimate = Double.parseDouble(row.get(who));
            assertTrue(lower <= estimate && estimate <= upper && lower < upper, who + ": " + row);
        }
    }

    @Test
    void eachSectionOpensWithItsFiguresBesideTheComparators() throws IOException {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        sections.put("composition", List.of("share_professional", "share_intermediate", "share_working_class",
                "response_rate"));
        sections.put("supplementary", List.of("share_independent_school", "share_free_school_meals",
                "share_first_in_family_graduate_hires"));
        sections.put("ceiling", List.of("share_working_class_grade_1_3", "share_working_class_grade_4_plus"));
        sections.put("progression", List.of("promotion_rate_professional", "promotion_rate_intermediate",
                "promotion_rate_working_class", "promotion_odds_ratio_working_class_vs_professional",
                "promotion_odds_ratio_within_employers"));
        sections.put("pay", List.of("pay_gap_median_working_class_vs_professional",
                "pay_gap_mean_working_class_vs_professional"));
        sections.put("time-to-promotion", List.of("promoted_within_24_months_professional",
                "promoted_within_24_months_working_class"));
        sections.put("getting-in", List.of("share_working_class_graduate_scheme", "share_working_class_apprenticeship",
                "training_rate_professional", "training_rate_working_class", "share_working_class_applicants",
                "offer_rate_ratio_working_class_vs_professional"));
        String html = Files.readString(pack.resolve("index.html"), StandardCharsets.UTF_8);
        for (Map.Entry<String, List<String>> s : sections.entrySet()) {
            checkFigures(csv(pack.resolve("tables/" + s.getKey() + "-comparison.csv")), s.getValue());
            String section = html.substring(html.indexOf("<section id=\"" + s.getKey() + "\">"));
            section = section.substring(0, section.indexOf("</section>"));
            // The comparison comes first: the section's first heading and first table, then its chart.
            int heading = section.indexOf("<h3>"), table = section.indexOf("tables/"), chart = section.indexOf("<svg");
            assertEquals(section.indexOf("<h3>" + EvidenceReport.TOPICS.get(s.getKey()).title() + ": E1 beside"), heading,
                    s.getKey());
            assertEquals(section.indexOf("tables/" + s.getKey() + "-comparison.csv"), table, s.getKey());
            assertTrue(table < chart && section.substring(chart).contains(": E1 beside the coalition"),
                    s.getKey() + ": the comparison's chart follows its table");
        }
    }

    @Test
    void aChartWithNationalLinesMarksTheCoalition() throws IOException {
        String html = Files.readString(pack.resolve("index.html"), StandardCharsets.UTF_8);
        String ceiling = html.substring(html.indexOf("<section id=\"ceiling\">"),
                html.indexOf("<section id=\"progression\">"));
        // The chart is drawn only when the report's plan publishes every count it shows, its national lines
        // with it: the plan protects training's small grade x seb x training cells inside that table and
        // withholds none of E1's grade x seb counts (SuppressionPlanTest.aSharedMarginStaysPublished...).
        assertFalse(ceiling.contains("\u201cSEB composition by grade\u201d is left out"),
                "E1's composition by grade is published whole, so its chart is drawn");
        // It draws UK working class 42% and, beside it, the coalition's 221/611 = 36.2%; 245/611 = 40.1%
        // professional, 145/611 = 23.7% intermediate.
        for (String line : List.of("UK working class 42%", "coalition 36.2%", "UK professional 34%", "coalition 40.1%",
                "UK intermediate 24%", "coalition 23.7%", "Lines labelled coalition")) {
            assertTrue(ceiling.contains(line), line);
        }
        // The applicants' share has the same national 42% but is not the workforce's: its coalition's
        // 410/870 = 47.1% is not drawn on the workforce's chart.
        assertFalse(ceiling.contains("coalition 47.1%"), "the applicants' coalition share on the ceiling chart");
    }

    @Test
    void theFunnelsNationalLineIsMarkedWithTheApplicantsCoalitionShare() throws IOException {
        String html = Files.readString(pack.resolve("index.html"), StandardCharsets.UTF_8);
        String section = html.substring(html.indexOf("<section id=\"getting-in\">"));
        int title = section.indexOf("Who gets through");
        String funnel = section.substring(section.lastIndexOf("<figure", title), section.indexOf("</figure>", title));
        // Its national working class 42% is read against applications: beside it, the coalition's share of
        // applications, 410/870 = 47.1%, not the workforce's 221/611 = 36.2%. The coalition's applications have
        // no professional or intermediate share among the pack's figures, so those lines get none (not the
        // workforce's 40.1% and 23.7%).
        assertTrue(funnel.contains(">national working_class<"), "the funnel's national line");
        List<String> coalition = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(">(coalition [0-9.]+%)<").matcher(funnel);
        while (m.find()) {
            coalition.add(m.group(1));
        }
        assertEquals(List.of("coalition 47.1%"), coalition, "the coalition's lines on the funnel chart");
    }

    @Test
    void aLineIsMarkedByTheFigureItNamesNeverByItsValue() {
        EmployerComparison standing = ladder.Ladder.load(data.toString()).employer("E1").publishable()
                .applicants(ladder.Ladder.applicants(applicants.toString())).result();
        CoalitionMarks marks = new CoalitionMarks(standing);
        // Three lines at 42%: one naming no figure (a user's own benchmark), the workforce's share, the applicants'.
        Chart chart = new Chart.Lines("t", "s", "year", "share", true, List.of("2022"),
                List.of(new Chart.Series("w", List.of(0.4), List.of(0.3), List.of(0.5))),
                List.of(new Chart.Reference("a benchmark 42%", 0.42, 0), new Chart.Reference("UK 42%", 0.42, 1,
                        "share_working_class"), new Chart.Reference("applicants 42%", 0.42, 2,
                        "share_working_class_applicants")));
        List<String> lines = ((Chart.Lines) marks.apply(chart)).references().stream()
                .map(r -> r.label() + " " + r.series()).toList();
        assertEquals(List.of("a benchmark 42% 0", "UK 42% 1", "coalition 36.2% 1", "applicants 42% 2",
                "coalition 47.1% 2"), lines);
        // A chart whose only line names no figure is left as it was, its subtitle too.
        Chart unnamed = new Chart.Lines("t", "s", "year", "share", true, List.of("2022"), List.of(),
                List.of(new Chart.Reference("target 70%", 0.70, -1)));
        assertEquals(unnamed, marks.apply(unnamed));
    }

    @Test
    void theEmployerCommandOnFilesAndSnapshotsAndTheJavaApiGiveThePacksFunnelFigures() throws IOException {
        EvidenceReportTest.Run r = EvidenceReportTest.run("employer", "--data", data.toString(), "--id", "E1",
                "--applicants", applicants.toString(), "--publish", "--format", "csv", "--table", "figures");
        assertEquals(0, r.status(), r.err());
        Path command = dir.resolve("employer-command.csv");
        Files.writeString(command, r.out(), StandardCharsets.UTF_8);
        Map<String, Map<String, String>> inPack = csv(pack.resolve("tables/standing-comparison-figures.csv"));
        for (Map.Entry<String, Map<String, String>> f : csv(command).entrySet()) {
            if (!LINKED.contains(f.getKey())) {
                assertEquals(inPack.get(f.getKey()), f.getValue(), f.getKey());
            }
        }
        // The same from a snapshot of the employees' rows.
        Path snapshot = dir.resolve("pool.ladder");
        EvidenceReportTest.Run imported = EvidenceReportTest.run("import", "--data", data.toString(), "--out",
                snapshot.toString());
        assertEquals(0, imported.status(), imported.err());
        EvidenceReportTest.Run fromSnapshot = EvidenceReportTest.run("employer", "--data", snapshot.toString(), "--id",
                "E1", "--applicants", applicants.toString(), "--publish", "--format", "csv", "--table", "figures");
        assertEquals(0, fromSnapshot.status(), fromSnapshot.err());
        assertEquals(r.out(), fromSnapshot.out());
        List<String> notes = ladder.Ladder.load(data.toString()).employer("E1")
                .applicants(ladder.Ladder.applicants(applicants.toString())).result().notes();
        // E9: 5 + 5 + 5 applications and no employees' rows.
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("15 application(s) of employers with no employees' rows")),
                notes.toString());
    }

    @Test
    void withoutApplicantsTheFunnelFiguresAreAbsentNotZero() throws IOException {
        EvidenceReportTest.Run r = EvidenceReportTest.run("employer", "--data", data.toString(), "--id", "E1",
                "--format", "csv", "--table", "figures");
        assertEquals(0, r.status(), r.err());
        Path table = dir.resolve("without-applicants.csv");
        Files.writeString(table, r.out(), StandardCharsets.UTF_8);
        Map<String, Map<String, String>> rows = csv(table);
        for (String f : List.of("share_working_class_applicants", "offer_rate_ratio_working_class_vs_professional")) {
            Map<String, String> row = rows.get(f);
            for (String who : List.of("employer", "coalition", "sector", "percentile")) {
                assertEquals("", row.get(who), f + " " + who + ": " + row);
            }
            assertTrue(row.get("note").startsWith("not in these inputs: no applicants data were given")
                    && row.get("note").contains("absent, not zero"), f + ": " + row.get("note"));
        }
        // The employees' figures are as with applicants.
        assertEquals(csv(pack.resolve("tables/standing-comparison-figures.csv")).get("share_working_class"),
                rows.get("share_working_class"));
        List<String> notes = ladder.Ladder.load(data.toString()).employer("E1").result().notes();
        assertTrue(notes.stream().anyMatch(n -> n.contains("applicants table (no applicants data were given")),
                notes.toString());
    }
}
