package ladder.models.trend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.engine.LadderException;
import ladder.engine.contract.Seb;
import ladder.models.contingency.Estimate;
import ladder.models.contingency.MantelHaenszel;
import ladder.models.contingency.OddsRatio;
import ladder.models.contingency.OddsRatioInterval;
import ladder.models.contingency.TwoByTwo;
import ladder.models.composition.NationalBenchmark;
import ladder.models.proportion.ConfidenceInterval;
import ladder.models.proportion.WilsonInterval;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The class ceiling: how the SEB composition changes up an ordered grade scale (1 lowest), pooled
 * over strata (employers), and the odds of each group reaching a grade or above relative to the
 * professional group, crude and stratified by employer. Made by {@link #of}.
 *
 * <p>At each grade g and group j, with a = count, b = grade total, c = the group's workforce
 * count and N the workforce:
 * <ul>
 *   <li>the share a/b with its Wilson interval;</li>
 *   <li>the representation ratio against the workforce, (a/b) / (c/N), with a log-scale
 *       delta-method interval exp(log ratio &plusmn; z &radic;V). The grade is part of the workforce, so
 *       the two shares are correlated; taking the four cells (grade and group, grade and other
 *       groups, other grades and group, the rest) as one multinomial sample of N gives
 *       V = 1/a - 1/b - 1/c + 2a/(bc) - 1/N, which is 0 when the grade is the whole workforce;</li>
 *   <li>the representation ratio against the national working population (34/24/42): the share
 *       over a fixed benchmark, so its interval is the Wilson interval divided by it.</li>
 * </ul>
 * For each cut g = 2..G and each non-professional group, the 2x2 table (group, professional) x
 * (grade &gt;= g, grade &lt; g) gives the odds ratio of reaching g or above with Woolf's interval
 * on the pooled counts, and the Mantel-Haenszel odds ratio across strata with the
 * Robins-Breslow-Greenland interval ({@link OddsRatio} and {@link MantelHaenszel} of the
 * contingency package, tested against R). Below 1, the group is less likely than professionals to
 * be at that grade or above.
 *
 * @param grades grade labels, lowest first
 * @param strata stratum (employer) labels
 * @param composition one entry per grade and group, grades in order, groups in {@link Seb#CLASSIFIABLE} order
 * @param odds one entry per cut and non-professional group
 * @param level the confidence level
 */
public record ClassCeiling(List<String> grades, List<String> strata, List<GradeGroup> composition,
        List<CeilingOdds> odds, double level) implements Result {

    /**
     * A group at a grade.
     *
     * @param workforceRatio share / workforce share; 0 when the count is 0
     * @param workforceInterval its delta-method interval; undefined when the count is 0
     * @param nationalRatio share / national share
     * @param nationalInterval the Wilson interval over the national share
     */
    public record GradeGroup(String grade, Seb group, long count, long gradeTotal, double share,
            ConfidenceInterval interval, double workforceShare, double workforceRatio,
            ConfidenceInterval workforceInterval, double nationalRatio, ConfidenceInterval nationalInterval) {
    }

    /**
     * The odds of a group reaching grade {@code cut} or above, against professionals.
     *
     * @param table the pooled 2x2 table {a, b, c, d}: group reached, group not, professional reached, professional not
     * @param crude Woolf's odds ratio on the pooled table
     * @param stratified the Mantel-Haenszel odds ratio over strata
     */
    public record CeilingOdds(String cut, Seb group, long[] table, Estimate crude, Estimate stratified) {
        public CeilingOdds {
            table = table.clone();
        }

        @Override
        public long[] table() {
            return table.clone();
        }
    }

    public ClassCeiling {
        grades = List.copyOf(grades);
        strata = List.copyOf(strata);
        composition = List.copyOf(composition);
        odds = List.copyOf(odds);
    }

    /** One stratum: {@code counts[grade][group]}; see {@link #of(List, List, long[][][], double)}. */
    public static ClassCeiling of(List<String> grades, long[][] counts, double level) {
        return of(grades, List.of("all"), new long[][][] {counts}, level);
    }

    /**
     * The class ceiling of counts by stratum, grade and group.
     *
     * @param grades the grade labels, lowest grade first (e.g. "1".."6")
     * @param strata the stratum labels (employers)
     * @param counts {@code counts[stratum][grade][group]}, groups professional, intermediate, working class
     * @throws LadderException if a count is negative, fewer than two grades are given, or the pool is empty
     */
    public static ClassCeiling of(List<String> grades, List<String> strata, long[][][] counts, double level) {
        int gradeCount = grades.size(), groups = Seb.CLASSIFIABLE.size();
        if (gradeCount < 2) {
            throw new LadderException("a class ceiling needs at least two grades, got " + gradeCount);
        }
        if (counts.length != strata.size()) {
            throw new IllegalArgumentException(counts.length + " strata of counts for " + strata.size() + " labels");
        }
        long[][] pooled = new long[gradeCount][groups];
        for (int k = 0; k < counts.length; k++) {
            if (counts[k].length != gradeCount) {
                throw new IllegalArgumentException("stratum " + strata.get(k) + " has " + counts[k].length + " grades");
            }
            for (int g = 0; g < gradeCount; g++) {
                if (counts[k][g].length != groups) {
                    throw new IllegalArgumentException("need " + groups + " groups per grade");
                }
                for (int j = 0; j < groups; j++) {
                    if (counts[k][g][j] < 0) {
                        throw new LadderException("negative count " + counts[k][g][j] + " at stratum " + strata.get(k)
                                + ", grade " + grades.get(g) + ", " + Seb.CLASSIFIABLE.get(j).level());
                    }
                    pooled[g][j] = Math.addExact(pooled[g][j], counts[k][g][j]);
                }
            }
        }
        long[] groupTotals = new long[groups];
        long workforce = 0;
        for (long[] row : pooled) {
            for (int j = 0; j < groups; j++) {
                groupTotals[j] += row[j];
                workforce += row[j];
            }
        }
        if (workforce == 0) {
            throw new LadderException("the class ceiling has no one in it: every count is 0");
        }
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
        List<GradeGroup> composition = new ArrayList<>();
        for (int g = 0; g < gradeCount; g++) {
            long b = 0;
            for (long v : pooled[g]) {
                b += v;
            }
            for (int j = 0; j < groups; j++) {
                Seb group = Seb.CLASSIFIABLE.get(j);
                long a = pooled[g][j];
                double share = b == 0 ? Double.NaN : (double) a / b;
                ConfidenceInterval interval = WilsonInterval.of(a, b, level);
                double workforceShare = (double) groupTotals[j] / workforce;
                double ratio = share / workforceShare;
                ConfidenceInterval ratioInterval = ConfidenceInterval.undefined(level);
                if (a > 0) {
                    double sd = Math.sqrt(logRatioVariance(a, b, groupTotals[j], workforce));
                    ratioInterval = new ConfidenceInterval(ratio * Math.exp(-z * sd), ratio * Math.exp(z * sd), level);
                }
                double national = NationalBenchmark.workingPopulationShare(group);
                composition.add(new GradeGroup(grades.get(g), group, a, b, share, interval, workforceShare,
                        b == 0 ? Double.NaN : ratio, ratioInterval, share / national,
                        b == 0 ? interval : new ConfidenceInterval(interval.lower() / national, interval.upper() / national, level)));
            }
        }
        List<CeilingOdds> odds = new ArrayList<>();
        for (int cut = 1; cut < gradeCount; cut++) {
            for (int j = 1; j < groups; j++) {
                List<TwoByTwo> tables = new ArrayList<>();
                long[] crude = new long[4];
                for (long[][] stratum : counts) {
                    long[] t = cutTable(stratum, cut, j);
                    for (int c = 0; c < 4; c++) {
                        crude[c] += t[c];
                    }
                    if (t[0] + t[1] + t[2] + t[3] >= 2) {
                        tables.add(new TwoByTwo(t[0], t[1], t[2], t[3]));
                    }
                }
                odds.add(new CeilingOdds(grades.get(cut), Seb.CLASSIFIABLE.get(j), crude,
                        OddsRatio.of(new TwoByTwo(crude[0], crude[1], crude[2], crude[3]), OddsRatioInterval.WOOLF, level),
                        MantelHaenszel.oddsRatio(tables, level)));
            }
        }
        return new ClassCeiling(grades, strata, composition, odds, level);
    }

    /**
     * The delta-method variance of log((a/b) / (c/N)) when a of the b at a grade, and c of the N
     * in the workforce, are in the group (the grade being part of the workforce); see the class comment.
     */
    static double logRatioVariance(long a, long b, long c, long n) {
        double v = 1.0 / a - 1.0 / b - 1.0 / c + 2.0 * a / ((double) b * c) - 1.0 / n;
        return Math.max(0, v);
    }

    /** {group reached, group not, professional reached, professional not} for grades index >= cut. */
    private static long[] cutTable(long[][] counts, int cut, int group) {
        long[] t = new long[4];
        for (int g = 0; g < counts.length; g++) {
            int column = g >= cut ? 0 : 1;
            t[column] += counts[g][group];
            t[2 + column] += counts[g][0];
        }
        return t;
    }

    @Override
    public String title() {
        return "Class ceiling: SEB composition by grade and the odds of reaching each grade";
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("grades", String.join(", ", grades));
        inputs.put("strata", (long) strata.size());
        inputs.put("classifiable", composition.stream().mapToLong(GradeGroup::count).sum());
        inputs.put("reference_group", Seb.PROFESSIONAL.level());
        inputs.put("benchmark", "UK working population: professional 34%, intermediate 24%, working class 42% (SMC)");
        inputs.put("confidence_level", level);
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        String pct = Math.round(level * 100) + "%";
        ResultTable.Builder comp = ResultTable.builder("composition", "SEB composition at each grade")
                .column("grade", Kind.LABEL, "grade, lowest first")
                .column("seb", Kind.LABEL, "SEB group")
                .column("count", Kind.COUNT, "people in the group at the grade")
                .column("grade_total", Kind.COUNT, "classifiable people at the grade")
                .column("share", Kind.PROPORTION, "count / grade total")
                .column("lower", Kind.PROPORTION, pct + " Wilson interval, lower")
                .column("upper", Kind.PROPORTION, pct + " Wilson interval, upper")
                .column("workforce_share", Kind.PROPORTION, "the group's share of the whole workforce")
                .column("ratio_workforce", Kind.NUMBER, "share / workforce share; 1 is parity")
                .column("ratio_workforce_lower", Kind.NUMBER, pct + " log-scale delta-method interval, lower")
                .column("ratio_workforce_upper", Kind.NUMBER, pct + " log-scale delta-method interval, upper")
                .column("national_share", Kind.PROPORTION, "share of the UK working population (SMC)")
                .column("ratio_national", Kind.NUMBER, "share / national share")
                .column("ratio_national_lower", Kind.NUMBER, "Wilson lower bound / national share")
                .column("ratio_national_upper", Kind.NUMBER, "Wilson upper bound / national share");
        for (GradeGroup r : composition) {
            boolean defined = r.gradeTotal() > 0;
            comp.row(r.grade(), r.group().level(), r.count(), r.gradeTotal(), defined ? r.share() : null,
                    defined ? r.interval().lower() : null, defined ? r.interval().upper() : null, r.workforceShare(),
                    defined ? r.workforceRatio() : null, bound(r.workforceInterval().lower()),
                    bound(r.workforceInterval().upper()), NationalBenchmark.workingPopulationShare(r.group()),
                    defined ? r.nationalRatio() : null, bound(r.nationalInterval().lower()),
                    bound(r.nationalInterval().upper()));
        }
        ResultTable.Builder ceiling = ResultTable.builder("ceiling",
                        "Odds of being at a grade or above, against the professional group")
                .column("cut", Kind.LABEL, "grade g: the odds are of being at g or above")
                .column("seb", Kind.LABEL, "SEB group compared with professional")
                .column("reached", Kind.COUNT, "group at g or above")
                .column("not_reached", Kind.COUNT, "group below g")
                .column("professional_reached", Kind.COUNT, "professional at g or above")
                .column("professional_not_reached", Kind.COUNT, "professional below g")
                .column("odds_ratio", Kind.NUMBER, "crude odds ratio, pooled over strata")
                .column("lower", Kind.NUMBER, pct + " Woolf interval, lower")
                .column("upper", Kind.NUMBER, pct + " Woolf interval, upper")
                .column("mh_odds_ratio", Kind.NUMBER, "Mantel-Haenszel odds ratio, stratified by employer")
                .column("mh_lower", Kind.NUMBER, pct + " Robins-Breslow-Greenland interval, lower")
                .column("mh_upper", Kind.NUMBER, pct + " Robins-Breslow-Greenland interval, upper");
        for (CeilingOdds o : odds) {
            long[] t = o.table();
            ceiling.row(o.cut(), o.group().level(), t[0], t[1], t[2], t[3], o.crude().estimate(), o.crude().lower(),
                    o.crude().upper(), o.stratified().estimate(), o.stratified().lower(), o.stratified().upper());
        }
        return List.of(comp.build(), ceiling.build());
    }

    /** NaN (not estimable) is shown as not available; 0 and +Infinity are real answers and kept. */
    private static Double bound(double v) {
        return Double.isNaN(v) ? null : v;
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>(List.of(
                "Shares are over the classifiable people at each grade, with Wilson score intervals (Wilson 1927).",
                "Representation ratio against the workforce: share at the grade / share in the whole workforce (pooled"
                        + " over strata), with a log-scale delta-method interval that allows for the grade being part"
                        + " of the workforce (one multinomial sample): Var log ratio = 1/a - 1/b - 1/c + 2a/(bc) - 1/N.",
                "Representation ratio against the national working population (SMC 34/24/42): the benchmark is fixed,"
                        + " so the interval is the Wilson interval divided by it.",
                "Ceiling odds ratios compare each group with professionals for being at grade g or above: crude with"
                        + " Woolf's interval (Woolf 1955), and Mantel-Haenszel stratified by employer (Mantel and"
                        + " Haenszel 1959) with the Robins-Breslow-Greenland interval (Robins, Breslow and Greenland"
                        + " 1986), as R's mantelhaen.test(correct = FALSE)."));
        if (composition.stream().anyMatch(r -> r.count() == 0)) {
            notes.add("A group with no one at a grade has a representation ratio of 0 and no log-scale interval.");
        }
        if (odds.stream().anyMatch(o -> !o.crude().isDefined() || !o.stratified().isDefined())) {
            notes.add("An odds ratio from a table with an empty cell is 0 or infinite and has no interval (no 0.5 is"
                    + " added); it is not available when the table says nothing about it.");
        }
        return notes;
    }
}
