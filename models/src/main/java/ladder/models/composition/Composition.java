package ladder.models.composition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ladder.engine.LadderException;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.engine.cube.Dimension;
import ladder.engine.contract.Seb;
import ladder.models.disclosure.SmallCellSuppression;
import ladder.models.proportion.GoodnessOfFit;
import ladder.models.result.Chart;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;

/**
 * Class composition of a pool, overall or by a few dimensions (year, grade, sector, ...): per cell
 * the count and share of each SEB group over classifiable answers with Wilson intervals, the
 * response rate, each group's representation ratio against the national working population, and
 * Pearson's goodness-of-fit test of the three counts against it (34/24/42).
 *
 * <p>{@link #publishable()} gives the same result with disclosure control for publication: counts
 * under 10 withheld, and enough others that they cannot be worked back ({@link SmallCellSuppression}).
 *
 * @param cells one entry per cell that has rows, in cube order (last dimension fastest)
 * @param suppressBelow counts under this are withheld with secondary suppression; 0 for none
 */
public record Composition(List<String> by, String filter, double level, List<Cell> cells, int suppressBelow)
        implements Result {

    // Positions of a cell's counts in the suppression problem, and the sums a reader of both tables sees.
    private static final int P = 0, I = 1, W = 2, EXCLUDED = 3, MISSING = 4, CLASSIFIABLE = 5, ROWS = 6;
    private static final List<int[]> PUBLISHED_SUMS = List.of(
            new int[] {P, I, W, CLASSIFIABLE},
            new int[] {CLASSIFIABLE, EXCLUDED, MISSING, ROWS},
            new int[] {P, I, W, EXCLUDED, MISSING, ROWS});

    /** One cell: its levels on the {@code by} dimensions and its statistics. */
    public record Cell(List<String> levels, CompositionCell statistics) {
        public Cell {
            levels = List.copyOf(levels);
        }
    }

    public Composition {
        by = List.copyOf(by);
        cells = List.copyOf(cells);
        if (suppressBelow < 0) {
            throw new IllegalArgumentException("suppressBelow must be 0 (none) or a threshold: " + suppressBelow);
        }
    }

    /** This composition with disclosure control for publication (counts under 10 withheld). */
    public Composition publishable() {
        return new Composition(by, filter, level, cells, SmallCellSuppression.DEFAULT_THRESHOLD);
    }

    /**
     * Which of a cell's counts are withheld: professional, intermediate, working class, excluded,
     * missing, classifiable, rows, in that order; all false without disclosure control.
     */
    public boolean[] withheld(Cell cell) {
        CompositionCell s = cell.statistics();
        long[] counts = {s.professional(), s.intermediate(), s.workingClass(), s.excluded(), s.missing(),
                s.classifiable(), s.total()};
        return SmallCellSuppression.withheld(counts, PUBLISHED_SUMS, suppressBelow);
    }

    /** The dimensions and measures the composition by {@code by} reads: {@code by}, then {@code seb}. */
    public static List<String> dimensions(List<String> by) {
        for (String name : by) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            if (n.equals("seb") || n.equals("parental_occupation")) {
                throw new LadderException("composition is already by SEB; --by takes other dimensions, not " + name.strip());
            }
        }
        CubeSource.requireCategorical(by, "a --by column");
        List<String> dims = new ArrayList<>(by);
        dims.add("seb");
        return dims;
    }

    /** The composition of the rows {@code source} stands for, by the named dimensions. */
    public static Composition of(CubeSource source, List<String> by, double level) {
        Cube cube = source.cube(dimensions(by), List.of());
        List<String> names = cube.dimensions().subList(0, by.size()).stream().map(Dimension::name).toList();
        List<Cell> cells = new ArrayList<>();
        SebCounts.byCell(cube).forEach((levels, counts) -> cells.add(new Cell(levels, CompositionStatistics.of(
                counts.professional(), counts.intermediate(), counts.workingClass(), counts.excluded(),
                counts.missing(), level))));
        return new Composition(names, source.filter(), level, cells, 0);
    }

    @Override
    public String title() {
        return by.isEmpty() ? "Class composition" : "Class composition by " + String.join(", ", by);
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("by", by.isEmpty() ? "none" : String.join(", ", by));
        inputs.put("filter", filter.isEmpty() ? "none" : filter);
        inputs.put("rows", cells.stream().mapToLong(c -> c.statistics().total()).sum());
        inputs.put("classifiable", cells.stream().mapToLong(c -> c.statistics().classifiable()).sum());
        inputs.put("confidence_level", level);
        inputs.put("benchmark", "UK working population: professional 34%, intermediate 24%, working class 42% (SMC)");
        inputs.put("disclosure_control", suppressBelow == 0 ? "none (not for publication)"
                : "counts under " + suppressBelow + " withheld, with secondary suppression");
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        String pct = Math.round(level * 100) + "%";
        ResultTable.Builder shares = ResultTable.builder("shares", "SEB shares over classifiable answers");
        ResultTable.Builder summary = ResultTable.builder("cells", "Response rate and test against the national benchmark");
        for (String name : by) {
            shares.column(name, Kind.LABEL, "level of " + name);
            summary.column(name, Kind.LABEL, "level of " + name);
        }
        shares.column("seb", Kind.LABEL, "SEB group")
                .column("count", Kind.COUNT, "people in the group")
                .column("share", Kind.PROPORTION, "count / classifiable")
                .column("lower", Kind.PROPORTION, pct + " Wilson score interval, lower bound (R prop.test, correct=FALSE)")
                .column("upper", Kind.PROPORTION, pct + " Wilson score interval, upper bound")
                .column("national_share", Kind.PROPORTION, "share of the UK working population (SMC)")
                .column("representation_ratio", Kind.NUMBER, "share / national share; 1 is parity");
        summary.column("rows", Kind.COUNT, "rows in the cell")
                .column("classifiable", Kind.COUNT, "answers in the three SEB groups")
                .column("excluded", Kind.COUNT, "answers outside the three groups")
                .column("missing", Kind.COUNT, "no answer to Q1")
                .column("response_rate", Kind.PROPORTION, "classifiable / rows")
                .column("response_lower", Kind.PROPORTION, pct + " Wilson interval of the response rate, lower")
                .column("response_upper", Kind.PROPORTION, pct + " Wilson interval of the response rate, upper")
                .column("chi_square", Kind.NUMBER, "Pearson X^2 against 34/24/42 (R chisq.test)")
                .column("df", Kind.COUNT, "degrees of freedom")
                .column("p_value", Kind.P_VALUE, "upper-tail p-value")
                .column("small_expected", Kind.LABEL, "an expected count is under 5: the chi-square approximation may be poor");
        for (Cell cell : cells) {
            CompositionCell s = cell.statistics();
            boolean[] hidden = withheld(cell);
            for (GroupShare g : s.groups()) {
                boolean h = hidden[g.group().ordinal()];
                List<Object> row = new ArrayList<>(cell.levels());
                row.add(g.group().level());
                row.add(h ? null : g.count());
                row.add(h ? null : g.share());
                row.add(h ? null : g.interval().lower());
                row.add(h ? null : g.interval().upper());
                row.add(g.nationalShare());
                row.add(h ? null : g.representationRatio());
                shares.row(row);
            }
            boolean rateHidden = hidden[CLASSIFIABLE] || hidden[ROWS];
            List<Object> row = new ArrayList<>(cell.levels());
            row.add(hidden[ROWS] ? null : s.total());
            row.add(hidden[CLASSIFIABLE] ? null : s.classifiable());
            row.add(hidden[EXCLUDED] ? null : s.excluded());
            row.add(hidden[MISSING] ? null : s.missing());
            row.add(rateHidden ? null : s.responseRate());
            row.add(rateHidden ? null : s.responseRateInterval().lower());
            row.add(rateHidden ? null : s.responseRateInterval().upper());
            // The test statistic of three counts with a known total can give a withheld count back.
            GoodnessOfFit fit = hidden[P] || hidden[I] || hidden[W] ? null : s.goodnessOfFit().orElse(null);
            row.add(fit == null ? null : fit.statistic());
            row.add(fit == null ? null : (long) fit.df());
            row.add(fit == null ? null : fit.pValue());
            row.add(fit == null ? null : fit.smallExpected() ? "yes" : "no");
            summary.row(row);
        }
        return List.of(shares.build(), summary.build());
    }

    /**
     * A composition by one dimension as grouped bars: per level, each SEB group's share with its
     * Wilson interval, and the group's national share as a reference line; none for other shapes.
     */
    @Override
    public List<Chart> charts() {
        if (by.size() != 1 || cells.isEmpty()) {
            return List.of();
        }
        List<String> categories = cells.stream().map(c -> c.levels().get(0)).toList();
        List<Chart.Series> series = new ArrayList<>();
        List<Chart.Reference> references = new ArrayList<>();
        for (int g = 0; g < Seb.CLASSIFIABLE.size(); g++) {
            Seb group = Seb.CLASSIFIABLE.get(g);
            List<Double> values = new ArrayList<>();
            List<Double> lower = new ArrayList<>();
            List<Double> upper = new ArrayList<>();
            for (Cell cell : cells) {
                GroupShare share = cell.statistics().groups().get(g);
                boolean shown = !withheld(cell)[group.ordinal()] && !Double.isNaN(share.share());
                values.add(shown ? share.share() : null);
                lower.add(shown ? share.interval().lower() : null);
                upper.add(shown ? share.interval().upper() : null);
            }
            String name = group.level().replace('_', ' ');
            series.add(new Chart.Series(name, values, lower, upper));
            double national = NationalBenchmark.workingPopulationShare(group);
            references.add(new Chart.Reference(String.format(Locale.UK, "UK %s %.0f%%", name, national * 100), national, g,
                    NationalBenchmark.shareFigure(group)));
        }
        String subtitle = String.format(Locale.UK, "Bars: share with %.0f%% Wilson interval. Dashed: UK working"
                + " population (SMC).%s", level * 100, filter.isEmpty() ? "" : " Filter: " + filter);
        return List.of(new Chart.IntervalBars(title(), subtitle, by.get(0), "share of classifiable answers", true,
                categories, series, references));
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (suppressBelow > 0) {
            notes.add("Disclosure control: counts under " + suppressBelow + " are withheld (NA), with the shares,"
                    + " intervals and tests that would reveal them, and enough other counts that none can be worked"
                    + " back from the totals. Differencing against other published tables is not guarded against.");
        }
        notes.addAll(List.of("Shares are over those who gave a classifiable answer to Q1 (parental occupation at about 14);"
                        + " the response rate is classifiable answers over all rows (SMC target: at least 70%).",
                "Intervals are Wilson score intervals without continuity correction, as R's prop.test(x, n, correct = FALSE)."));
        return notes;
    }
}
