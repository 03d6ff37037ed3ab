package ladder.models.contingency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.engine.LadderException;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;

/**
 * An exposure level against a reference level and a binary outcome within K strata (employers,
 * years, ...): each stratum's odds ratio; the Mantel-Haenszel odds ratio (Robins-Breslow-Greenland
 * interval), risk ratio (Greenland-Robins) and risk difference (Sato); the Cochran-Mantel-Haenszel
 * test with and without continuity correction; and the Breslow-Day test of homogeneity with and
 * without Tarone's correction ({@link MantelHaenszel}, {@link BreslowDay}).
 *
 * <p>Strata that carry no information are left out and counted: fewer than 2 people (R's
 * {@code mantelhaen.test} refuses them), or no one at one of the two levels (every term is 0). A
 * stratum with people at both levels in which everyone or no one had the event is counted apart:
 * it adds exactly nothing to the odds ratio and the CMH test, but it is a stratum whose two risks
 * are equal, so it is pooled for the risk ratio and difference as {@code epiR::epi.2by2} pools it;
 * the Breslow-Day test cannot use it and leaves it out. See {@link Stratum.Use}.
 *
 * <p>Tables: "estimates" (measure, method, estimate, lower, upper, p_value, note), "tests" and
 * "strata" (stratum, n, a, b, c, d, odds_ratio, lower, upper, use, reason).
 *
 * @param labels names of the groups, outcome and strata
 * @param level the confidence level
 * @param stratumMethod how each stratum's own odds ratio is estimated
 * @param strata every stratum given, in order, with its use
 * @param estimates pooled odds ratio, risk ratio, risk difference
 * @param tests CMH without and with continuity correction, Breslow-Day without and with Tarone's correction
 */
public record StratifiedAnalysis(Labels labels, double level, OddsRatioInterval stratumMethod, List<Stratum> strata,
        List<Estimate> estimates, List<HypothesisTest> tests) implements Result {

    public StratifiedAnalysis {
        strata = List.copyOf(strata);
        estimates = List.copyOf(estimates);
        tests = List.copyOf(tests);
    }

    /**
     * The analysis of {@code tables} (one 2x2 table per stratum) named by {@code names}, with each
     * stratum's odds ratio by {@code stratumMethod}.
     *
     * @throws LadderException if there are no strata, or names and tables differ in number
     */
    public static StratifiedAnalysis of(List<TwoByTwo> tables, List<String> names, Labels labels, double level,
            OddsRatioInterval stratumMethod) {
        Wald.z(level);
        if (tables.isEmpty()) {
            throw new LadderException("a stratified analysis needs at least one stratum");
        }
        if (names.size() != tables.size()) {
            throw new LadderException(tables.size() + " strata but " + names.size() + " stratum names");
        }
        List<Stratum> strata = new ArrayList<>();
        List<TwoByTwo> pooled = new ArrayList<>();
        List<TwoByTwo> informative = new ArrayList<>();
        for (int k = 0; k < tables.size(); k++) {
            TwoByTwo t = tables.get(k);
            Stratum.Use use = Stratum.useOf(t);
            strata.add(new Stratum(names.get(k), t, use, Stratum.reasonOf(t), OddsRatio.of(t, stratumMethod, level)));
            if (use != Stratum.Use.EXCLUDED) {
                pooled.add(t);
            }
            if (use == Stratum.Use.POOLED) {
                informative.add(t);
            }
        }
        List<Estimate> estimates = List.of(MantelHaenszel.oddsRatio(pooled, level),
                MantelHaenszel.riskRatio(pooled, level), MantelHaenszel.riskDifference(pooled, level));
        List<HypothesisTest> tests = List.of(MantelHaenszel.test(pooled, false), MantelHaenszel.test(pooled, true),
                BreslowDay.test(informative, false), BreslowDay.test(informative, true));
        return new StratifiedAnalysis(labels, level, stratumMethod, strata, estimates, tests);
    }

    /** The analysis of strata given as {@code cells[k] = {a, b, c, d}}, each stratum's OR by Woolf. */
    public static StratifiedAnalysis of(double[][] cells, List<String> names, Labels labels, double level) {
        List<TwoByTwo> tables = new ArrayList<>();
        for (double[] stratum : cells) {
            tables.add(TwoByTwo.of(stratum));
        }
        return of(tables, names, labels, level, OddsRatioInterval.WOOLF);
    }

    /** The Mantel-Haenszel odds ratio. */
    public Estimate oddsRatio() {
        return estimates.get(0);
    }

    /** The Mantel-Haenszel risk ratio. */
    public Estimate riskRatio() {
        return estimates.get(1);
    }

    /** The Mantel-Haenszel risk difference. */
    public Estimate riskDifference() {
        return estimates.get(2);
    }

    /** The Cochran-Mantel-Haenszel test, with R's continuity correction when {@code corrected}. */
    public HypothesisTest cochranMantelHaenszel(boolean corrected) {
        return tests.get(corrected ? 1 : 0);
    }

    /** The Breslow-Day test, with Tarone's correction when {@code tarone}. */
    public HypothesisTest breslowDay(boolean tarone) {
        return tests.get(tarone ? 3 : 2);
    }

    /** Strata with information on the odds ratio: every margin positive. */
    public long pooledStrata() {
        return count(Stratum.Use.POOLED);
    }

    /** Strata left out. */
    public long excludedStrata() {
        return count(Stratum.Use.EXCLUDED);
    }

    /** Strata with people at both levels in which everyone or no one had the event (see {@link Stratum.Use}). */
    public long outcomeConstantStrata() {
        return count(Stratum.Use.OUTCOME_CONSTANT);
    }

    /** The crude analysis of all strata added together (compare with the pooled estimate for confounding). */
    public TwoByTwoAnalysis crude() {
        TwoByTwo total = new TwoByTwo(0, 0, 0, 0);
        for (Stratum s : strata) {
            total = total.add(s.table());
        }
        return TwoByTwoAnalysis.of(total, labels, level);
    }

    /**
     * The headline sentence, e.g. "People from working-class backgrounds had 0.63 times the odds of
     * reaching grade 4 or above of those from professional backgrounds in the same employer (95% CI
     * 0.58 to 0.69; Mantel-Haenszel, 12 employers)".
     */
    public String headline() {
        long k = pooledStrata();
        return Headline.oddsRatio(oddsRatio(), labels, " in the same " + labels.stratum(), "Mantel-Haenszel",
                ", " + k + " " + (k == 1 ? labels.stratum() : labels.strata()));
    }

    private long count(Stratum.Use use) {
        return strata.stream().filter(s -> s.use() == use).count();
    }

    @Override
    public String title() {
        return "Odds of " + labels.outcome() + ": " + labels.exposure() + " against " + labels.reference()
                + ", within " + labels.strata();
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("exposure", labels.exposure());
        inputs.put("reference", labels.reference());
        inputs.put("outcome", labels.outcome());
        inputs.put("strata", (long) strata.size());
        inputs.put("strata_pooled", pooledStrata());
        inputs.put("strata_outcome_constant", outcomeConstantStrata());
        inputs.put("strata_excluded", excludedStrata());
        inputs.put("people", strata.stream().mapToDouble(s -> s.table().total()).sum());
        inputs.put("confidence_level", level);
        inputs.put("stratum_odds_ratio", stratumMethod.label());
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        ResultTable.Builder b = ResultTable.builder("strata", "Strata")
                .column("stratum", Kind.LABEL, labels.stratum())
                .column("n", Kind.NUMBER, "people in the stratum")
                .column("a", Kind.NUMBER, "exposed, event")
                .column("b", Kind.NUMBER, "exposed, no event")
                .column("c", Kind.NUMBER, "reference, event")
                .column("d", Kind.NUMBER, "reference, no event")
                .column("odds_ratio", Kind.NUMBER, "the stratum's odds ratio (" + stratumMethod.label() + ")")
                .column("lower", Kind.NUMBER, "lower confidence bound")
                .column("upper", Kind.NUMBER, "upper confidence bound")
                .column("use", Kind.LABEL, "pooled; pooled, not in Breslow-Day (outcome constant); or excluded")
                .column("reason", Kind.LABEL, "why not fully pooled, or why the odds ratio is missing");
        for (Stratum s : strata) {
            TwoByTwo t = s.table();
            Estimate or = s.oddsRatio();
            String use = switch (s.use()) {
                case POOLED -> "pooled";
                case OUTCOME_CONSTANT -> "pooled, not in Breslow-Day";
                case EXCLUDED -> "excluded";
            };
            b.row(s.label(), t.total(), t.a(), t.b(), t.c(), t.d(), or.estimate(), or.lower(), or.upper(), use,
                    s.reason() != null ? s.reason() : or.reason());
        }
        return List.of(TwoByTwoAnalysis.estimatesTable("estimates", "Pooled over " + labels.strata(), estimates),
                TwoByTwoAnalysis.testsTable(tests), b.build());
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add("Mantel-Haenszel odds ratio (Mantel and Haenszel 1959) with the Robins-Breslow-Greenland interval "
                + "(Robins, Breslow and Greenland 1986), as R mantelhaen.test and epiR OR.mh.wald.");
        notes.add("Mantel-Haenszel risk ratio with the Greenland-Robins (1985) interval (epiR RR.mh.wald); risk "
                + "difference with Sato's (1989) interval (epiR ARisk.mh.sato).");
        notes.add("Cochran-Mantel-Haenszel test as R mantelhaen.test: the 0.5 continuity correction applies only when "
                + "|sum a - sum E(a)| >= 0.5. Breslow-Day test of equal odds ratios (Breslow and Day 1980), and with "
                + "Tarone's (1985) correction (as DescTools BreslowDayTest and statsmodels test_equal_odds).");
        if (excludedStrata() > 0) {
            notes.add(excludedStrata() + " of " + strata.size() + " " + labels.strata() + " left out (no information): "
                    + reasons(Stratum.Use.EXCLUDED));
        }
        if (outcomeConstantStrata() > 0) {
            notes.add(outcomeConstantStrata() + " " + labels.strata() + " in which everyone or no one had the event: "
                    + "pooled as R and epiR pool them (nothing added to the odds ratio or CMH test; a risk difference"
                    + " of 0 with its weight), left out of the Breslow-Day test: "
                    + reasons(Stratum.Use.OUTCOME_CONSTANT));
        }
        for (Estimate e : estimates) {
            if (e.reason() != null) {
                notes.add(e.measure().label() + ", " + e.method() + ": " + e.reason());
            }
        }
        for (HypothesisTest t : tests) {
            if (t.reason() != null) {
                notes.add(t.method() + ": " + t.reason());
            }
        }
        return notes;
    }

    private String reasons(Stratum.Use use) {
        StringBuilder s = new StringBuilder();
        for (Stratum st : strata) {
            if (st.use() == use) {
                s.append(s.length() == 0 ? "" : "; ").append(st.label()).append(" (")
                        .append(use == Stratum.Use.EXCLUDED ? st.reason() : st.table().emptyMargin()).append(')');
            }
        }
        return s.toString();
    }
}
