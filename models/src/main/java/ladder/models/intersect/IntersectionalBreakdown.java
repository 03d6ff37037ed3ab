package ladder.models.intersect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ladder.engine.LadderException;
import ladder.models.proportion.ChiSquareTest;
import ladder.models.proportion.ConfidenceInterval;
import ladder.models.proportion.ProportionDifference;
import ladder.models.proportion.WilsonInterval;
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
 */
public record IntersectionalBreakdown(List<String> dimensions, List<CellRate> cells, List<Cell> empty, long trials,
        long events, ConfidenceInterval rateInterval, PAdjust adjustment, double level) implements Result {

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
        return new IntersectionalBreakdown(dimensions, ranked, empty, n, x, WilsonInterval.of(x, n, level), adjustment, level);
    }

    /** X / N, the overall rate. */
    public double rate() {
        return (double) events / trials;
    }

    @Override
    public String title() {
        return "Rate by " + String.join(" x ", dimensions);
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("dimensions", String.join(", ", dimensions));
        inputs.put("cells", (long) (cells.size() + empty.size()));
        inputs.put("empty_cells", (long) empty.size());
        inputs.put("trials", trials);
        inputs.put("events", events);
        inputs.put("overall_rate", rate());
        inputs.put("overall_lower", rateInterval.lower());
        inputs.put("overall_upper", rateInterval.upper());
        inputs.put("p_adjustment", adjustment.rName());
        inputs.put("confidence_level", level);
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
                .column("fisher_adjusted", Kind.P_VALUE, "Fisher's p adjusted across cells (" + adjustment.rName() + ")");
        for (CellRate r : cells) {
            List<Object> row = new ArrayList<>(r.cell().levels());
            Optional<ProportionDifference> d = r.versusRest();
            row.addAll(java.util.Arrays.asList((long) r.rank(), r.cell().n(), r.cell().events(), r.rate(),
                    r.interval().lower(), r.interval().upper(), d.map(ProportionDifference::difference).orElse(null),
                    d.map(v -> v.newcombe().lower()).orElse(null), d.map(v -> v.newcombe().upper()).orElse(null),
                    r.test().map(ChiSquareTest::statistic).orElse(null), r.test().map(ChiSquareTest::pValue).orElse(null),
                    number(r.pAdjusted()), number(r.fisherP()), number(r.fisherAdjusted())));
            table.row(row);
        }
        return List.of(table.build());
    }

    private static Double number(double v) {
        return Double.isNaN(v) ? null : v;
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>(List.of(
                "Rates have Wilson score intervals (Wilson 1927). Each cell is compared with everyone outside it:"
                        + " Pearson's chi-square without continuity correction (R prop.test(c(x, X - x), c(n, N - n),"
                        + " correct = FALSE)), the pooled two-proportion z test squared, and Fisher's exact test"
                        + " (two-sided as R's fisher.test: tables no more probable than the observed one).",
                "P-values are adjusted across the " + cells.size() + " cells by " + adjustment.rName()
                        + " as R's p.adjust" + (adjustment == PAdjust.BH ? " (Benjamini and Hochberg 1995, false discovery rate)." : ".")));
        if (!empty.isEmpty()) {
            notes.add(empty.size() + " cell(s) have no trials and are left out: " + empty.stream()
                    .map(c -> String.join(" x ", c.levels())).toList());
        }
        if (cells.stream().anyMatch(r -> r.versusRest().isPresent() && r.test().isEmpty())) {
            notes.add("Where every rate is 0 or every rate is 1 the chi-square test is not defined (R gives NaN).");
        }
        if (cells.size() == 1) {
            notes.add("One cell holds the whole pool, so there is no rest to compare it with.");
        }
        return notes;
    }
}
