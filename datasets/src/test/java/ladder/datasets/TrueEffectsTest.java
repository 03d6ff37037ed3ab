package ladder.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.contract.Seb;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The effects put into a pool come back out of it: each {@link GeneratorSpec} parameter is
 * estimated from the written CSV by a method that is consistent under the generating model, and
 * must lie within four standard errors of the truth (or, where rows of one person are correlated,
 * within a stated tolerance). A pool without effects must show none.
 */
class TrueEffectsTest {
    private static final GeneratorSpec SPEC = GeneratorSpec.defaults(800_000, 60, 2020, 2024, 2024);
    private static Estimates effects;
    private static Estimates none;

    @BeforeAll
    static void generate() throws IOException {
        effects = Estimates.of(SPEC);
        none = Estimates.of(GeneratorSpec.defaults(400_000, 40, 2020, 2024, 99).withoutEffects());
    }

    @Test
    void workingClassArePromotedLess() {
        assertTrue(effects.rate(effects.promotedWorking) < effects.rate(effects.promotedProfessional),
                "crude promotion rate, working class below professional");
        assertNear(SPEC.promotionWorkingClass(), effects.promotionWorking, "promotion log OR, working class");
        assertNear(SPEC.promotionWorkingClass() / 2, effects.promotionIntermediate, "promotion log OR, intermediate");
        assertNear(0, none.promotionWorking, "no promotion effect when there is none");
    }

    @Test
    void womenMinoritiesAndDisabledPeopleArePromotedLess() {
        assertNear(SPEC.promotionWoman(), effects.promotionWoman, "promotion log OR, women");
        assertNear(SPEC.promotionEthnicMinority(), effects.promotionMinority, "promotion log OR, ethnic minority");
        assertNear(SPEC.promotionDisabled(), effects.promotionDisabled, "promotion log OR, disabled");
        assertNear(0, none.promotionWoman, "no gender effect when there is none");
    }

    @Test
    void workingClassAreLessOftenSenior() {
        assertTrue(effects.rate(effects.seniorWorking) < effects.rate(effects.seniorProfessional),
                "working-class share of senior grades below professional");
        assertNear(SPEC.seniorWorkingClass(), effects.seniorWorkingClass, "senior log OR, working class");
        assertNear(SPEC.seniorWoman(), effects.seniorWoman, "senior log OR, women");
        assertNear(0, none.seniorWorkingClass, "no seniority effect when there is none");
    }

    /** Pay of one person is correlated across years, so the check is a tolerance, not a standard error. */
    @Test
    void workingClassArePaidLessAtTheSameGrade() {
        for (int grade = 1; grade <= 6; grade++) {
            assertTrue(effects.meanPay[grade][PersonModel.WORKING_CLASS] < effects.meanPay[grade][PersonModel.PROFESSIONAL],
                    "mean pay at grade " + grade);
        }
        assertEquals(1 - SPEC.payGapWorkingClass(), Math.exp(effects.logPayGap), 0.01,
                "within employer, year, grade, gender and region, working-class pay over professional");
        assertEquals(1, Math.exp(none.logPayGap), 0.01, "no pay gap when there is none");
    }

    /** The share is estimated within employers (a fixed-effects slope) over classifiable answers. */
    @Test
    void workingClassShareRisesByTheTrend() {
        for (int t = 1; t < SPEC.years(); t++) {
            assertTrue(effects.workingShare(t) > effects.workingShare(t - 1), "pooled share rises in year " + t);
        }
        assertEquals(SPEC.workingClassTrend(), effects.trend, 0.003, "within-employer yearly change in share");
        assertEquals(0, none.trend, 0.003, "no trend when there is none");
        assertEquals(SPEC.workingClassShare(), effects.workingShare(0), 0.05, "first-year working-class share");
        assertEquals(SPEC.nonResponse(), effects.rate(effects.unanswered), 0.03, "parental occupation left empty");
    }

    private static void assertNear(double truth, Estimate estimate, String what) {
        assertTrue(estimate.standardError < 0.06, what + ": too few rows to tell, SE " + estimate.standardError);
        assertTrue(Math.abs(estimate.value - truth) < 4 * estimate.standardError,
                what + ": estimated " + estimate.value + " (SE " + estimate.standardError + "), true " + truth);
    }

    record Estimate(double value, double standardError) {
        static Estimate of(MantelHaenszel mh) {
            return new Estimate(mh.logOddsRatio(), mh.standardError());
        }
    }

    /** What the tests read from one generated pool, accumulated as it is written. */
    private static final class Estimates {
        final long[] promotedWorking = new long[2];
        final long[] promotedProfessional = new long[2];
        final long[] seniorWorking = new long[2];
        final long[] seniorProfessional = new long[2];
        final long[] unanswered = new long[2];
        final double[][] meanPay = new double[7][3];
        Estimate promotionWorking;
        Estimate promotionIntermediate;
        Estimate promotionWoman;
        Estimate promotionMinority;
        Estimate promotionDisabled;
        Estimate seniorWorkingClass;
        Estimate seniorWoman;
        double logPayGap;
        double trend;
        private double[] yearShare;

        double rate(long[] counts) {
            return (double) counts[1] / counts[0];
        }

        double workingShare(int t) {
            return yearShare[t];
        }

        static Estimates of(GeneratorSpec spec) throws IOException {
            Estimates e = new Estimates();
            Schema s = Schema.EMPLOYEES;
            int employer = s.indexOf("employer_id");
            int year = s.indexOf("year");
            int region = s.indexOf("region");
            int grade = s.indexOf("grade");
            int q1 = s.indexOf("parental_occupation");
            int gender = s.indexOf("gender");
            int ethnicity = s.indexOf("ethnicity");
            int disability = s.indexOf("disability");
            int age = s.indexOf("age_band");
            int pay = s.indexOf("hourly_pay");
            int promoted = s.indexOf("promoted");

            MantelHaenszel[] promotionBySeb = {new MantelHaenszel(), new MantelHaenszel()};
            MantelHaenszel promotionWoman = new MantelHaenszel();
            MantelHaenszel promotionMinority = new MantelHaenszel();
            MantelHaenszel promotionDisabled = new MantelHaenszel();
            MantelHaenszel seniorSeb = new MantelHaenszel();
            MantelHaenszel seniorWoman = new MantelHaenszel();
            Map<String, double[]> logPay = new HashMap<>();
            Map<String, long[]> employerYearShare = new HashMap<>();
            long[][] yearCounts = new long[spec.years()][2];
            double[][] paySum = new double[7][3];
            long[][] payCount = new long[7][3];

            CsvLines lines = new CsvLines(row -> {
                Seb seb = Seb.ofParentalOccupation(row[q1].isEmpty() ? -1 : Field.PARENTAL_OCCUPATION.codebook().indexOf(row[q1]));
                int g = Integer.parseInt(row[grade]);
                int t = Integer.parseInt(row[year]) - spec.firstYear();
                boolean promotion = row[promoted].equals("1");
                boolean woman = row[gender].equals("woman");
                boolean man = row[gender].equals("man");
                boolean white = row[ethnicity].equals("white");
                boolean minority = !white && !row[ethnicity].equals("prefer_not_to_say");
                boolean disabled = row[disability].equals("yes");
                boolean notDisabled = row[disability].equals("no");
                e.unanswered[0]++;
                e.unanswered[1] += seb == Seb.MISSING ? 1 : 0;
                if (!seb.classifiable()) {
                    return;
                }
                int cls = seb.ordinal();
                boolean working = seb == Seb.WORKING_CLASS;
                boolean professional = seb == Seb.PROFESSIONAL;
                yearCounts[t][0]++;
                yearCounts[t][1] += working ? 1 : 0;
                long[] share = employerYearShare.computeIfAbsent(row[employer] + "|" + t, k -> new long[2]);
                share[0]++;
                share[1] += working ? 1 : 0;
                if (working || professional) {
                    long[] senior = working ? e.seniorWorking : e.seniorProfessional;
                    senior[0]++;
                    senior[1] += g >= PersonModel.SENIOR ? 1 : 0;
                }
                String person = "|" + row[age] + "|" + woman + "|" + minority + "|" + disabled;
                if (g < PersonModel.TOP_GRADE) {
                    String cell = row[employer] + "|" + g + "|" + row[age];
                    if (working || professional) {
                        long[] rate = working ? e.promotedWorking : e.promotedProfessional;
                        rate[0]++;
                        rate[1] += promotion ? 1 : 0;
                        promotionBySeb[0].add(cell + person, working, promotion);
                    }
                    if (seb == Seb.INTERMEDIATE || professional) {
                        promotionBySeb[1].add(cell + person, !professional, promotion);
                    }
                    if (woman || man) {
                        promotionWoman.add(cell + seb + minority + disabled, woman, promotion);
                    }
                    if (minority || white) {
                        promotionMinority.add(cell + seb + woman + disabled, minority, promotion);
                    }
                    if (disabled || notDisabled) {
                        promotionDisabled.add(cell + seb + woman + minority, disabled, promotion);
                    }
                }
                if (t == 0) {
                    if (working || professional) {
                        seniorSeb.add(person, working, g >= PersonModel.SENIOR);
                    }
                    if (woman || man) {
                        seniorWoman.add(row[age] + seb + minority + disabled, woman, g >= PersonModel.SENIOR);
                    }
                }
                if (!row[pay].isEmpty()) {
                    double hourly = Double.parseDouble(row[pay]);
                    paySum[g][cls] += hourly;
                    payCount[g][cls]++;
                    if (working || professional) {
                        double[] cell = logPay.computeIfAbsent(row[employer] + "|" + t + "|" + g + "|" + woman
                                + "|" + row[region], k -> new double[4]);
                        int at = working ? 0 : 2;
                        cell[at]++;
                        cell[at + 1] += Math.log(hourly);
                    }
                }
            });
            assertEquals(spec.rows(), PoolGenerator.write(spec, lines));

            e.promotionWorking = Estimate.of(promotionBySeb[0]);
            e.promotionIntermediate = Estimate.of(promotionBySeb[1]);
            e.promotionWoman = Estimate.of(promotionWoman);
            e.promotionMinority = Estimate.of(promotionMinority);
            e.promotionDisabled = Estimate.of(promotionDisabled);
            e.seniorWorkingClass = Estimate.of(seniorSeb);
            e.seniorWoman = Estimate.of(seniorWoman);
            e.logPayGap = withinCellDifference(logPay);
            e.trend = withinEmployerSlope(employerYearShare, spec.years());
            e.yearShare = new double[spec.years()];
            for (int t = 0; t < spec.years(); t++) {
                e.yearShare[t] = (double) yearCounts[t][1] / yearCounts[t][0];
            }
            for (int g = 1; g <= 6; g++) {
                for (int c = 0; c < 3; c++) {
                    e.meanPay[g][c] = paySum[g][c] / payCount[g][c];
                }
            }
            return e;
        }

        /** Mean over cells of (mean log pay, working class) - (mean log pay, professional), weighted by n1 n2 / (n1 + n2). */
        private static double withinCellDifference(Map<String, double[]> cells) {
            double sum = 0;
            double weights = 0;
            for (double[] c : cells.values()) {
                if (c[0] > 0 && c[2] > 0) {
                    double weight = c[0] * c[2] / (c[0] + c[2]);
                    sum += weight * (c[1] / c[0] - c[3] / c[2]);
                    weights += weight;
                }
            }
            return sum / weights;
        }

        /** The least-squares slope of share on year with an intercept per employer, employer-years weighted by rows. */
        private static double withinEmployerSlope(Map<String, long[]> employerYears, int years) {
            Map<String, double[]> byEmployer = new HashMap<>();
            employerYears.forEach((key, counts) -> {
                String employer = key.substring(0, key.indexOf('|'));
                int t = Integer.parseInt(key.substring(key.indexOf('|') + 1));
                double[] m = byEmployer.computeIfAbsent(employer, k -> new double[years * 2]);
                m[2 * t] = counts[0];
                m[2 * t + 1] = (double) counts[1] / counts[0];
            });
            double sxy = 0;
            double sxx = 0;
            for (double[] m : byEmployer.values()) {
                double n = 0;
                double tBar = 0;
                double yBar = 0;
                for (int t = 0; t < years; t++) {
                    n += m[2 * t];
                    tBar += m[2 * t] * t;
                    yBar += m[2 * t] * m[2 * t + 1];
                }
                tBar /= n;
                yBar /= n;
                for (int t = 0; t < years; t++) {
                    sxy += m[2 * t] * (t - tBar) * (m[2 * t + 1] - yBar);
                    sxx += m[2 * t] * (t - tBar) * (t - tBar);
                }
            }
            return sxy / sxx;
        }
    }
}
