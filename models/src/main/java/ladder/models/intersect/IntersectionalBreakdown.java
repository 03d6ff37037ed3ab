package ladder.models.intersect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ladder.engine.LadderException;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.engine.cube.Outcome;
import ladder.models.disclosure.Reason;
import ladder.models.disclosure.SmallCellSuppression;
import ladder.models.proportion.ChiSquareTest;
import ladder.models.proportion.ConfidenceInterval;
import ladder.models.proportion.ProportionDifference;
import ladder.models.proportion.WilsonInterval;
import ladder.models.result.Answers;
import ladder.models.result.Chart;
import ladder.models.result.CubeGroups;
import ladder.models.result.Result;
import ladder.models.result.ResultTable.Kind;
import ladder.models.result.ResultTable;

/**
 * A rate (e.g. promotion, or the share working class) across the cells of a cross-classification
 * (SEB x gender x ethnicity ...): per cell the rate with its Wilson interval, and two tests of the
 * cell against the rest of the pool (everyone outside the cell): Pearson's X<sup>2</sup> without
 * continuity correction, which is the pooled two-proportion z test squared
 * ({@code prop.test(c(x, X - x), c(n, N - n), correct = FALSE)} in R), and Fisher's exact test
 * ({@link FisherExact}). Both sets of p-values are adjusted across the cells by {@link PAdjust}
 * (R's {@code p.adjust}). Cells are ranked by rate, highest first. Made by {@link #of}.
 *
 * @param dimensions the names of the dimensions, e.g. ["seb", "gender"]
 * @param cells the cells with trials, ranked by rate (ties in input order)
 * @param empty cells given with no trials, which have no rate and are not tested
 * @param trials N, the trials over all cells
 * @param events X, the events over all cells
 * @param rateInterval the Wilson interval of the overall rate X / N
 * @param adjustment how p-values are adjusted across cells
 * @param outcome what the rate is of, e.g. "promoted"
 * @param leftOut rows at a non-answer level of a dimension ({@link Answers}), by dimension and level
 * @param filter the filter the rows passed ("" for none)
 * @param suppressBelow counts under this are withheld with what would reveal them; 0 for none
 */
public record IntersectionalBreakdown(List<String> dimensions, List<CellRate> cells, List<Cell> empty, long trials,
        long events, ConfidenceInterval rateInterval, PAdjust adjustment, double level, String outcome,
        Map<String, Long> leftOut, String filter, int suppressBelow) implements Result {

    /** The most cells a breakdown takes: more would be tiny cells and a table no one reads. */
    public static final int MAX_CELLS = 10_000;

    /**
     * What is asked of a pool.
     *
     * @param outcome a 0/1 column ({@code promoted}) or a condition ({@code grade>=4}), as {@link Outcome#parse}
     * @param by the dimensions whose level combinations are the cells, e.g. seb, gender, ethnicity
     * @param adjustment how p-values are adjusted across cells
     * @param confidence the confidence level
     */
    public record Question(String outcome, List<String> by, PAdjust adjustment, double confidence) {
        public Question {
            by = List.copyOf(by);
            if (by.isEmpty()) {
                throw new LadderException("give the columns to break the rate down by, e.g. seb,gender");
            }
            if (!(confidence > 0 && confidence < 1)) {
                throw new LadderException("the confidence level must be between 0 and 1, got " + confidence);
            }
        }
    }

    /** One input cell: its level on each dimension, its trials n and its events x. */
    public record Cell(List<String> levels, long n, long events) {
        public Cell {
            levels = List.copyOf(levels);
            if (n < 0 || events < 0 || events > n) {
                throw new LadderException("cell " + String.join(" x ", levels) + " has " + events + " events of " + n
                        + ": need 0 <= events <= n");
            }
        }
    }

    /**
     * A cell's rate and tests against the rest.
     *
     * @param rank 1 for the highest rate
     * @param rate events / n
     * @param versusRest the difference from the rest of the pool with Pearson's test; empty when the
     *     cell is the whole pool
     * @param pAdjusted Pearson p adjusted across cells; NaN when there is no test
     * @param fisherP Fisher's exact two-sided p; NaN when the cell is the whole pool
     * @param fisherAdjusted Fisher's p adjusted across cells
     */
    public record CellRate(Cell cell, int rank, double rate, ConfidenceInterval interval,
            Optional<ProportionDifference> versusRest, double pAdjusted, double fisherP, double fisherAdjusted) {

        /** Pearson's test of the cell against the rest, if defined. */
        public Optional<ChiSquareTest> test() {
            return versusRest.flatMap(ProportionDifference::test);
        }
    }

    public IntersectionalBreakdown {
        dimensions = List.copyOf(dimensions);
        cells = List.copyOf(cells);
        empty = List.copyOf(empty);
        leftOut = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(leftOut));
    }

    /**
     * The breakdown of the pool {@code source} stands for, from one cube over {@code by + outcome}:
     * the cells are the combinations of the answer levels that have rows; rows at a level that is
     * not an answer (SEB excluded or missing, prefer not to say, ...) are left out and counted.
     *
     * @throws LadderException for an unknown column, an outcome that is not 0/1, or more than {@link #MAX_CELLS} cells
     */
    public static IntersectionalBreakdown of(CubeSource source, Question question) {
        Outcome outcome = Outcome.parse(question.outcome());
        List<String> by = question.by().stream().map(b -> b.strip().toLowerCase(Locale.ROOT)).toList();
        CubeSource.requireCategorical(by, "a --by column");
        CubeSource.requireCategorical(List.of(outcome.column()), "the outcome (use a condition on a coded column)");
        List<String> columns = new ArrayList<>(by);
        columns.add(outcome.column());
        if (new java.util.HashSet<>(columns).size() != columns.size()) {
            throw new LadderException("a column is named twice among the outcome and --by: " + String.join(", ", columns));
        }
        Cube cube = outcome.applyTo(source.cube(columns, List.of()));
        if (cube.total() == 0) {
            throw new LadderException("the selection has no rows");
        }
        Map<String, Long> leftOut = new LinkedHashMap<>();
        Cube answered = cube;
        for (String b : by) {
            for (String l : cube.dimensions().get(cube.dimension(b)).levels()) {
                long n = Answers.isAnswer(l) ? 0 : cube.count(Map.of(b, l));
                if (n > 0) {
                    leftOut.put(b + " " + l, n);
                }
            }
            answered = answered.where(b, Answers::isAnswer);
        }
        long cellCount = 1;
        List<String> sizes = new ArrayList<>();
        for (String b : by) {
            Cube within = answered;
            long levels = within.dimensions().get(within.dimension(b)).levels().stream()
                    .filter(l -> within.count(Map.of(b, l)) > 0).count();
            sizes.add(String.format(Locale.ROOT, "%,d", levels));
            cellCount = Math.multiplyExact(cellCount, Math.max(1, levels));
        }
        if (cellCount > MAX_CELLS) {
            throw new LadderException(String.format(Locale.ROOT, "--by %s gives %,d cells (%s levels); at most %,d: use"
                    + " fewer or coarser columns", String.join(",", by), cellCount, String.join(" x ", sizes), MAX_CELLS));
        }
        Map<List<String>, long[]> counts = new java.util.TreeMap<>(CubeGroups.levelOrder(answered, by));
        int axis = answered.dimension(Outcome.AXIS);
        for (int c = 0; c < answered.size(); c++) {
            if (answered.count(c) > 0) {
                long[] nx = counts.computeIfAbsent(CubeGroups.labels(answered, c, by), k -> new long[2]);
                nx[0] += answered.count(c);
                if (answered.label(c, axis).equals("1")) {
                    nx[1] += answered.count(c);
                }
            }
        }
        if (counts.isEmpty()) {
            throw new LadderException("no row in the selection has an answer for every one of " + String.join(", ", by));
        }
        List<Cell> cells = new ArrayList<>();
        counts.forEach((levels, nx) -> cells.add(new Cell(levels, nx[0], nx[1])));
        List<String> names = by.stream().map(b -> cube.dimensions().get(cube.dimension(b)).name()).toList();
        IntersectionalBreakdown b = of(names, cells, question.adjustment(), question.confidence());
        return new IntersectionalBreakdown(names, b.cells(), b.empty(), b.trials(), b.events(), b.rateInterval(),
                b.adjustment(), b.level(), outcome.describe(), leftOut, source.filter(), 0);
    }

    /** The same result with disclosure control for publication (counts under 10). */
    public IntersectionalBreakdown publishable() {
        return new IntersectionalBreakdown(dimensions, cells, empty, trials, events, rateInterval, adjustment, level,
                outcome, leftOut, filter, SmallCellSuppression.DEFAULT_THRESHOLD);
    }

    /**
     * Which counts are withheld: for each ranked cell i, {events, non-events, n} at 3i, 3i+1, 3i+2,
     * then the pool's events, non-events and trials; a reader relates each cell's three, and each
     * column of them to the pool's ({@link SmallCellSuppression}).
     */
    private boolean[] withheld() {
        int k = cells.size();
        long[] counts = new long[3 * k + 3];
        List<int[]> equations = new ArrayList<>();
        int[][] columns = new int[3][k + 1];
        for (int i = 0; i < k; i++) {
            Cell c = cells.get(i).cell();
            counts[3 * i] = c.events();
            counts[3 * i + 1] = c.n() - c.events();
            counts[3 * i + 2] = c.n();
            equations.add(new int[] {3 * i, 3 * i + 1, 3 * i + 2});
            for (int j = 0; j < 3; j++) {
                columns[j][i] = 3 * i + j;
            }
        }
        counts[3 * k] = events;
        counts[3 * k + 1] = trials - events;
        counts[3 * k + 2] = trials;
        for (int j = 0; j < 3; j++) {
            columns[j][k] = 3 * k + j;
            equations.add(columns[j]);
        }
        equations.add(new int[] {3 * k, 3 * k + 1, 3 * k + 2});
        return suppressBelow == 0 ? new boolean[counts.length]
                : SmallCellSuppression.withheld(counts, equations, suppressBelow);
    }

    /** The breakdown with Benjamini-Hochberg adjustment at 95%. */
    public static IntersectionalBreakdown of(List<String> dimensions, List<Cell> cells) {
        return of(dimensions, cells, PAdjust.BH, 0.95);
    }

    /**
     * The breakdown of the cells.
     *
     * @throws LadderException if a cell's levels do not match the dimensions, a cell repeats, or there are no trials
     */
    public static IntersectionalBreakdown of(List<String> dimensions, List<Cell> cells, PAdjust adjustment, double level) {
        long n = 0, x = 0;
        java.util.Set<List<String>> seen = new java.util.HashSet<>();
        for (Cell cell : cells) {
            if (cell.levels().size() != dimensions.size()) {
                throw new LadderException("cell " + cell.levels() + " has " + cell.levels().size() + " levels for "
                        + dimensions.size() + " dimensions " + dimensions);
            }
            if (!seen.add(cell.levels())) {
                throw new LadderException("cell " + String.join(" x ", cell.levels()) + " is given twice");
            }
            n = Math.addExact(n, cell.n());
            x += cell.events();
        }
        if (n == 0) {
            throw new LadderException("no trials in any cell: there is no rate to break down");
        }
        List<Cell> tested = cells.stream().filter(c -> c.n() > 0).toList();
        List<Cell> empty = cells.stream().filter(c -> c.n() == 0).toList();
        int k = tested.size();
        double[] pearson = new double[k], fisher = new double[k];
        List<Optional<ProportionDifference>> differences = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Cell c = tested.get(i);
            long restN = n - c.n(), restX = x - c.events();
            Optional<ProportionDifference> d = restN == 0 ? Optional.empty()
                    : Optional.of(ProportionDifference.of(c.events(), c.n(), restX, restN, level));
            differences.add(d);
            pearson[i] = d.flatMap(ProportionDifference::test).map(ChiSquareTest::pValue).orElse(Double.NaN);
            fisher[i] = restN == 0 ? Double.NaN
                    : FisherExact.twoSided(c.events(), restX, c.n() - c.events(), restN - restX);
        }
        double[] pearsonAdjusted = adjustment.adjust(pearson), fisherAdjusted = adjustment.adjust(fisher);
        Integer[] byRate = new Integer[k];
        for (int i = 0; i < k; i++) {
            byRate[i] = i;
        }
        java.util.Arrays.sort(byRate, Comparator.comparingDouble(i -> -(double) tested.get(i).events() / tested.get(i).n()));
        List<CellRate> ranked = new ArrayList<>();
        for (int r = 0; r < k; r++) {
            int i = byRate[r];
            Cell c = tested.get(i);
            ranked.add(new CellRate(c, r + 1, (double) c.events() / c.n(), WilsonInterval.of(c.events(), c.n(), level),
                    differences.get(i), pearsonAdjusted[i], fisher[i], fisherAdjusted[i]));
        }
        return new IntersectionalBreakdown(dimensions, ranked, empty, n, x, WilsonInterval.of(x, n, level), adjustment, level,
                "the outcome", Map.of(), "", 0);
    }

    /** X / N, the overall rate. */
    public double rate() {
        return (double) events / trials;
    }

    @Override
    public String title() {
        return "Rate of " + outcome + " by " + String.join(" x ", dimensions);
    }

    @Override
    public Map<String, Object> inputs() {
        boolean[] hidden = withheld();
        int k = cells.size();
        boolean overall = hidden[3 * k] || hidden[3 * k + 2];
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("outcome", outcome);
        inputs.put("dimensions", String.join(", ", dimensions));
        inputs.put("cells", (long) (cells.size() + empty.size()));
        inputs.put("empty_cells", (long) empty.size());
        inputs.put("trials", hidden[3 * k + 2] ? "withheld" : (Object) trials);
        inputs.put("events", hidden[3 * k] ? "withheld" : (Object) events);
        inputs.put("overall_rate", overall ? "withheld" : (Object) rate());
        inputs.put("overall_lower", overall ? "withheld" : (Object) rateInterval.lower());
        inputs.put("overall_upper", overall ? "withheld" : (Object) rateInterval.upper());
        inputs.put("rows_left_out", leftOut.isEmpty() ? 0L : (Object) "see notes");
        inputs.put("p_adjustment", adjustment.rName());
        inputs.put("filter", filter.isBlank() ? "none" : filter);
        inputs.put("confidence_level", level);
        inputs.put("disclosure_control", suppressBelow == 0 ? "none (not for publication)"
                : "counts under " + suppressBelow + " withheld, with what would reveal them");
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        String pct = Math.round(level * 100) + "%";
        ResultTable.Builder table = ResultTable.builder("cells", "Rate in each cell against the rest of the pool");
        for (String d : dimensions) {
            table.column(d, Kind.LABEL, "level of " + d);
        }
        table.column("rank", Kind.COUNT, "rank by rate, 1 highest")
                .column("n", Kind.COUNT, "trials in the cell")
                .column("events", Kind.COUNT, "events in the cell")
                .column("rate", Kind.PROPORTION, "events / n")
                .column("lower", Kind.PROPORTION, pct + " Wilson interval, lower")
                .column("upper", Kind.PROPORTION, pct + " Wilson interval, upper")
                .column("difference", Kind.NUMBER, "rate - rate of the rest of the pool")
                .column("difference_lower", Kind.NUMBER, pct + " Newcombe hybrid score interval, lower")
                .column("difference_upper", Kind.NUMBER, pct + " Newcombe hybrid score interval, upper")
                .column("chi_square", Kind.NUMBER, "Pearson X^2 against the rest, no continuity correction (= z^2)")
                .column("p_value", Kind.P_VALUE, "its p-value, 1 df")
                .column("p_adjusted", Kind.P_VALUE, "p-value adjusted across cells (" + adjustment.rName() + ")")
                .column("fisher_p", Kind.P_VALUE, "Fisher's exact test against the rest, two-sided (R fisher.test)")
                .column("fisher_adjusted", Kind.P_VALUE, "Fisher's p adjusted across cells (" + adjustment.rName() + ")")
                .column("note", Kind.LABEL, "why a value is withheld");
        boolean[] hidden = withheld();
        for (int i = 0; i < cells.size(); i++) {
            CellRate r = cells.get(i);
            boolean n = hidden[3 * i + 2], x = hidden[3 * i], any = n || x || hidden[3 * i + 1];
            List<Object> row = new ArrayList<>(r.cell().levels());
            Optional<ProportionDifference> d = any ? Optional.empty() : r.versusRest();
            Optional<ChiSquareTest> test = any ? Optional.empty() : r.test();
            row.addAll(java.util.Arrays.asList((long) r.rank(), n ? null : r.cell().n(), x ? null : r.cell().events(),
                    any ? null : r.rate(), any ? null : r.interval().lower(), any ? null : r.interval().upper(),
                    d.map(ProportionDifference::difference).orElse(null), d.map(v -> v.newcombe().lower()).orElse(null),
                    d.map(v -> v.newcombe().upper()).orElse(null), test.map(ChiSquareTest::statistic).orElse(null),
                    test.map(ChiSquareTest::pValue).orElse(null), any ? null : number(r.pAdjusted()),
                    any ? null : number(r.fisherP()), any ? null : number(r.fisherAdjusted()),
                    any ? note(hidden[3 * i] && r.cell().events() < suppressBelow
                            || hidden[3 * i + 1] && r.cell().n() - r.cell().events() < suppressBelow
                            || hidden[3 * i + 2] && r.cell().n() < suppressBelow) : null));
            table.row(row);
        }
        return List.of(table.build());
    }

    private String note(boolean primary) {
        return "withheld: " + (primary ? "a count (events, non-events or n): " + Reason.PRIMARY.describe(suppressBelow)
                : "a count: " + Reason.SECONDARY.describe(suppressBelow)) + "; rate and tests: "
                + Reason.DERIVED.describe(suppressBelow);
    }

    private static Double number(double v) {
        return Double.isNaN(v) ? null : v;
    }

    @Override
    public List<String> findings() {
        List<String> notes = new ArrayList<>(highest());
        if (!empty.isEmpty()) {
            notes.add(emptyNote());
        }
        return notes;
    }

    private String emptyNote() {
        return empty.size() + " cell(s) have no trials and are left out: " + empty.stream()
                .map(c -> String.join(" x ", c.levels())).toList();
    }

    private List<String> highest() {
        List<String> notes = new ArrayList<>();
        boolean[] hidden = withheld();
        for (int i = 0; i < cells.size() && notes.isEmpty(); i++) {
            if (!hidden[3 * i] && !hidden[3 * i + 1] && !hidden[3 * i + 2] && !(hidden[3 * cells.size()]
                    || hidden[3 * cells.size() + 2])) {
                CellRate top = cells.get(i);
                notes.add(String.format(Locale.ROOT, "The highest published rate is %s: %.1f%% (%d of %d), against"
                        + " %.1f%% overall.", String.join(" x ", top.cell().levels()), 100 * top.rate(),
                        top.cell().events(), top.cell().n(), 100 * rate()));
            }
        }
        return notes;
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>(highest());
        notes.addAll(List.of(
                "Rates have Wilson score intervals (Wilson 1927). Each cell is compared with everyone outside it:"
                        + " Pearson's chi-square without continuity correction (R prop.test(c(x, X - x), c(n, N - n),"
                        + " correct = FALSE)), the pooled two-proportion z test squared, and Fisher's exact test"
                        + " (two-sided as R's fisher.test: tables no more probable than the observed one).",
                "P-values are adjusted across the " + cells.size() + " cells by " + adjustment.rName()
                        + " as R's p.adjust" + (adjustment == PAdjust.BH ? " (Benjamini and Hochberg 1995, false discovery rate)." : ".")));
        if (!leftOut.isEmpty()) {
            notes.add(LEFT_OUT + ": rows at a level that is not an answer (" + Answers.leftOut(leftOut, suppressBelow)
                    + "; a row may be counted under more than one column).");
        }
        if (!empty.isEmpty()) {
            notes.add(emptyNote());
        }
        if (cells.stream().anyMatch(r -> r.versusRest().isPresent() && r.test().isEmpty())) {
            notes.add("Where every rate is 0 or every rate is 1 the chi-square test is not defined (R gives NaN).");
        }
        if (cells.size() == 1) {
            notes.add("One cell holds the whole pool, so there is no rest to compare it with.");
        }
        if (suppressBelow > 0) {
            notes.add("Disclosure control: counts (events, non-events, n) under " + suppressBelow + " are withheld with"
                    + " enough others that none can be worked back from the cell and pool totals; the rate, interval,"
                    + " difference and tests of a cell with a withheld count are withheld. Ranks are kept.");
        }
        return notes;
    }

    /**
     * A ranked dot plot (a forest plot on a linear scale): each cell's rate with its Wilson
     * interval, highest first, against a line at the overall rate, which is the summary row. With
     * more than {@value #CHART_ROWS} cells, the largest are shown.
     */
    @Override
    public List<Chart> charts() {
        boolean[] hidden = withheld();
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            shown.add(i);
        }
        if (shown.size() > CHART_ROWS) {
            shown.sort(Comparator.comparingLong(i -> -cells.get(i).cell().n()));
            shown = new ArrayList<>(shown.subList(0, CHART_ROWS));
            java.util.Collections.sort(shown);
        }
        List<Chart.Forest.Row> rows = new ArrayList<>();
        for (int i : shown) {
            CellRate r = cells.get(i);
            boolean any = hidden[3 * i] || hidden[3 * i + 1] || hidden[3 * i + 2];
            long x = r.cell().events();
            boolean small = x < SmallCellSuppression.DEFAULT_THRESHOLD
                    || r.cell().n() - x < SmallCellSuppression.DEFAULT_THRESHOLD;
            rows.add(new Chart.Forest.Row(String.join(", ", r.cell().levels()), any ? null : r.rate(),
                    any ? null : r.interval().lower(), any ? null : r.interval().upper(), any ? 0 : r.cell().n(), small,
                    false));
        }
        int k = cells.size();
        boolean overall = hidden[3 * k] || hidden[3 * k + 2];
        rows.add(new Chart.Forest.Row("overall", overall ? null : rate(), overall ? null : rateInterval.lower(),
                overall ? null : rateInterval.upper(), overall ? 0 : trials, false, true));
        String subtitle = String.format(Locale.UK, "Rate with %.0f%% Wilson interval, highest first; line: the overall"
                + " rate. Hollow: fewer than 10 events or non-events.%s%s", level * 100, shown.size() < cells.size()
                ? " The " + shown.size() + " largest of " + cells.size() + " cells shown." : "",
                filter.isBlank() ? "" : " Filter: " + filter);
        return List.of(new Chart.Forest(title(), subtitle, "rate of " + outcome, false, overall ? 0 : rate(),
                "overall rate", rows));
    }

    /** The most cells drawn in the chart. */
    static final int CHART_ROWS = 60;
}
