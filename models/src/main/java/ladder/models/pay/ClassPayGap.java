package ladder.models.pay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import ladder.engine.LadderException;
import ladder.engine.contract.Seb;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.models.result.Chart;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;

/**
 * The class pay gap in the manner of gender pay gap reporting (issue 15), read from exact pence histograms: the
 * cube over (employer_id, seb, [by], hourly_pay) with hourly pay as a dimension gives each employer &times; SEB
 * group's histogram of hourly pay, and the cube with bonus as a dimension its histogram of bonus pay. From them
 * {@link PayGapAnalysis} computes per group the mean, median and quartiles, the gaps of each comparison group
 * against the reference (100 (ref - group) / ref; mean gaps with a delta-method interval, median gaps with a
 * cluster bootstrap over employers) and the pay quarters; with {@code by}, once per level of that column. The
 * cubes are the same whether built from rows or merged from cube files, so the numbers are too.
 *
 * <p>Rows whose hourly pay (bonus) is missing are left out of the hourly (bonus) figures and counted; rows
 * whose seb is not one of the three groups (excluded, missing) are left out and counted. When bonus values are
 * not whole pence (or cube files hold no bonus), bonus figures are not given and the notes say why.
 *
 * @param parts one analysis per {@code by} level (the key {@code ""} for the whole selection)
 * @param leftOut people left out by seb level
 * @param missingHourly people in the groups without hourly pay
 * @param missingBonus people in the groups without bonus pay (0 when there is no bonus data)
 * @param bonusUnavailable why there are no bonus figures, or null
 * @param skipped {@code by} levels without an analysis, and why
 * @param model the adjusted gap and decompositions from the rows, or null
 */
public record ClassPayGap(Question question, Map<String, PayGapAnalysis> parts, Map<String, Long> leftOut,
        long missingHourly, long missingBonus, String bonusUnavailable, Map<String, String> skipped, PayModel model)
        implements Result {

    /**
     * What is asked.
     *
     * @param reference the reference SEB group (null: professional)
     * @param by a categorical column to repeat the analysis for each level of (null: none)
     * @param quantileType the quantile type of the quartiles and of the quarter cutpoints
     * @param replicates bootstrap replicates of the median gaps
     * @param seed the bootstrap's seed
     * @param level confidence level
     * @param publishable whether {@link PayDisclosure}'s rules apply
     */
    public record Question(String reference, String by, QuantileType quantileType, int replicates, long seed,
            double level, boolean publishable) {
        public Question {
            if (replicates < 1) {
                throw new LadderException("--replicates must be at least 1, got " + replicates);
            }
            if (!(level > 0 && level < 1)) {
                throw new LadderException("the confidence level must be between 0 and 1, got " + level);
            }
        }

        /** Against professional, for the whole selection, type 7, 999 replicates, seed 1, 95%, not for publication. */
        public static Question defaults() {
            return new Question(null, null, QuantileType.TYPE_7, 999, 1, 0.95, false);
        }
    }

    public ClassPayGap {
        parts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parts));
        leftOut = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(leftOut));
        skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    }

    /** The same result with the adjusted gap and decompositions of {@code model}. */
    public ClassPayGap withModel(PayModel model) {
        return new ClassPayGap(question, parts, leftOut, missingHourly, missingBonus, bonusUnavailable, skipped, model);
    }

    /** The reference SEB group asked for, checked: professional by default. */
    public static String reference(String asked) {
        String reference = asked == null || asked.isBlank() ? Seb.PROFESSIONAL.level()
                : asked.strip().toLowerCase(Locale.ROOT);
        if (Seb.CLASSIFIABLE.stream().noneMatch(s -> s.level().equals(reference))) {
            throw new LadderException("the reference must be an SEB group (professional, intermediate, working_class),"
                    + " got " + asked);
        }
        return reference;
    }

    /** The classifiable SEB groups other than the reference, in their order. */
    public static List<String> comparisonGroups(String reference) {
        return Seb.CLASSIFIABLE.stream().map(Seb::level).filter(l -> !l.equals(reference)).toList();
    }

    /** The analysis of {@code question} on the cubes of {@code source}. */
    public static ClassPayGap of(CubeSource source, Question question, int threads) {
        String reference = reference(question.reference());
        String by = question.by() == null || question.by().isBlank() ? null
                : question.by().strip().toLowerCase(Locale.ROOT);
        if (by != null) {
            CubeSource.requireCategorical(List.of(by), "a --by column");
            if (by.equals("seb")) {
                throw new LadderException("--by seb: the gaps are already by seb; choose another column, e.g. year");
            }
        }
        List<String> groups = new ArrayList<>(List.of(reference));
        groups.addAll(comparisonGroups(reference));
        Histograms hourly = Histograms.read(source, by, "hourly_pay", groups);
        if (hourly.total == 0) {
            throw new LadderException("the selection has no rows");
        }
        if (hourly.people() == 0) {
            throw new LadderException("no hourly pay values in the selection (" + hourly.missing
                    + " people in the SEB groups, all with hourly_pay missing)");
        }
        Histograms bonus = null;
        String bonusUnavailable = null;
        try {
            bonus = Histograms.read(source, by, "bonus", groups);
        } catch (LadderException e) {
            bonusUnavailable = e.getMessage();
        }
        List<String> present = new ArrayList<>();
        for (String g : groups) {
            if (hourly.people(g) > 0) {
                present.add(g);
            } else if (g.equals(reference)) {
                throw new LadderException("nobody in the reference group " + reference + " has hourly pay in the"
                        + " selection; the gaps need it");
            }
        }
        if (present.size() < 2) {
            throw new LadderException("nobody in " + String.join(" or ", comparisonGroups(reference))
                    + " has hourly pay in the selection; there is no gap to compute");
        }
        PayGapOptions options = new PayGapOptions(reference, present.subList(1, present.size()), QuarterMethod.CUTPOINTS,
                question.quantileType(), MeanGapMethod.DELTA, question.level(), question.replicates(), question.seed(),
                threads, question.publishable());
        Map<String, PayGapAnalysis> parts = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (String level : hourly.levels()) {
            List<EmployerPay> pay = hourly.employerPay(level, bonus);
            if (pay.stream().noneMatch(p -> p.group().equals(reference) && p.hourly().n() > 0)) {
                skipped.put(level, "nobody in the reference group " + reference + " has hourly pay");
                continue;
            }
            parts.put(level, PayGapAnalysis.of(pay, options));
        }
        return new ClassPayGap(new Question(reference, by, question.quantileType(), question.replicates(),
                question.seed(), question.level(), question.publishable()), parts, hourly.leftOut, hourly.missing,
                bonus == null ? 0 : bonus.missing, bonusUnavailable, skipped, null);
    }

    /**
     * The histograms of one pay column per {@code by} level, employer and SEB group, read from the cube over
     * (employer_id, seb, [by], column): a cell's level is pounds with 2 decimals ("12.34") or "(missing)".
     */
    private static final class Histograms {
        /** Bits of a packed cell's cube index; its pence (below 2^31, as int hundredths) stand above them. */
        private static final int CELL_BITS = 31;

        final Cube cube;
        // by level -> employer -> group -> the cells holding its pay, packed as pence << CELL_BITS | cell
        final Map<String, Map<String, Map<String, Cells>>> cells = new TreeMap<>();
        final Map<String, Long> people = new TreeMap<>();
        final Map<String, Long> leftOut = new TreeMap<>();
        long missing;
        long total;

        private Histograms(Cube cube) {
            this.cube = cube;
        }

        /** A growable list of packed cells. */
        private static final class Cells {
            long[] packed = new long[16];
            int size;

            void add(long cell) {
                if (size == packed.length) {
                    packed = java.util.Arrays.copyOf(packed, 2 * size);
                }
                packed[size++] = cell;
            }
        }

        static Histograms read(CubeSource source, String by, String column, List<String> groups) {
            List<String> dims = new ArrayList<>(List.of("employer_id", "seb"));
            if (by != null && !by.equals("employer_id")) {
                dims.add(by);
            }
            dims.add(column);
            Cube cube = source.cube(dims, List.of());
            int employer = cube.dimension("employer_id");
            int seb = cube.dimension("seb");
            int level = by == null ? -1 : cube.dimension(by);
            int pay = cube.dimension(column);
            List<String> payLevels = cube.dimensions().get(pay).levels();
            long[] pence = PayHistogram.pence(payLevels);
            for (int l = 0; l < pence.length; l++) {
                if (pence[l] >= 1L << CELL_BITS) {
                    throw new LadderException(column + " of " + payLevels.get(l) + " is beyond the pay a histogram holds");
                }
            }
            Histograms h = new Histograms(cube);
            for (int c = 0; c < cube.size(); c++) {
                long n = cube.count(c);
                if (n == 0) {
                    continue;
                }
                h.total += n;
                String group = cube.label(c, seb);
                if (!groups.contains(group)) {
                    h.leftOut.merge(group, n, Long::sum);
                    continue;
                }
                long p = pence[cube.level(c, pay)];
                if (p < 0) {
                    h.missing += n;
                    continue;
                }
                h.people.merge(group, n, Long::sum);
                h.cells.computeIfAbsent(level < 0 ? "" : cube.label(c, level), k -> new TreeMap<>())
                        .computeIfAbsent(cube.label(c, employer), k -> new TreeMap<>())
                        .computeIfAbsent(group, k -> new Cells())
                        .add(p << CELL_BITS | c);
            }
            return h;
        }

        List<String> levels() {
            return new ArrayList<>(cells.keySet());
        }

        long people() {
            return people.values().stream().mapToLong(Long::longValue).sum();
        }

        long people(String group) {
            return people.getOrDefault(group, 0L);
        }

        /** Each employer &times; group's hourly pay at {@code level}, with its bonus pay from {@code bonus} if any. */
        List<EmployerPay> employerPay(String level, Histograms bonus) {
            Map<String, Map<String, Cells>> hourly = cells.getOrDefault(level, Map.of());
            Map<String, Map<String, Cells>> bonuses = bonus == null ? Map.of() : bonus.cells.getOrDefault(level, Map.of());
            java.util.Set<String> employers = new java.util.TreeSet<>(hourly.keySet());
            employers.addAll(bonuses.keySet());
            List<EmployerPay> pay = new ArrayList<>();
            for (String e : employers) {
                java.util.Set<String> groups = new java.util.TreeSet<>(hourly.getOrDefault(e, Map.of()).keySet());
                groups.addAll(bonuses.getOrDefault(e, Map.of()).keySet());
                for (String g : groups) {
                    pay.add(new EmployerPay(e, g, histogram(hourly.getOrDefault(e, Map.of()).get(g)),
                            bonus == null ? null : bonus.histogram(bonuses.getOrDefault(e, Map.of()).get(g))));
                }
            }
            return pay;
        }

        /** The histogram of cells (one per distinct pence, as a cube has), sorted by pence. */
        private PayHistogram histogram(Cells held) {
            if (held == null) {
                return PayHistogram.empty();
            }
            long[] packed = java.util.Arrays.copyOf(held.packed, held.size);
            java.util.Arrays.sort(packed);
            long[] values = new long[packed.length];
            long[] counts = new long[packed.length];
            for (int i = 0; i < packed.length; i++) {
                values[i] = packed[i] >>> CELL_BITS;
                counts[i] = cube.count((int) (packed[i] & ((1L << CELL_BITS) - 1)));
            }
            return PayHistogram.of(values, counts);
        }
    }

    // ---- Rendering ----

    /** The most {@code by} levels whose pay quarters are drawn (the tables have them all). */
    private static final int QUARTER_CHARTS = 6;

    /** Whether a note of a {@link PayGapAnalysis} is a headline sentence about one group, not a method note. */
    private static boolean headline(String note) {
        return note.startsWith("Staff from") || note.startsWith("The median hourly pay gap of");
    }

    @Override
    public String title() {
        return "Class pay gap against " + question.reference() + (question.by() == null ? "" : ", by " + question.by());
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>(parts.values().iterator().next().inputs());
        inputs.remove("employers");
        inputs.remove("people");
        inputs.put("by", question.by() == null ? "none" : question.by());
        inputs.put("people_with_hourly_pay", parts.values().stream().mapToLong(
                a -> a.hourly().stream().mapToLong(PayHistogram::n).sum()).sum());
        inputs.put("hourly_pay_missing", missingHourly);
        inputs.put("left_out_seb", leftOut.values().stream().mapToLong(Long::longValue).sum());
        inputs.put("quantile_type", (long) question.quantileType().number());
        if (model != null) {
            model.inputs().forEach((k, v) -> inputs.put("adjusted_" + k, v));
        }
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        List<ResultTable> tables = new ArrayList<>();
        int count = parts.values().iterator().next().tables().size();
        for (int t = 0; t < count; t++) {
            int table = t;
            if (question.by() == null) {
                tables.add(parts.get("").tables().get(t));
                continue;
            }
            Map<String, ResultTable> each = new LinkedHashMap<>();
            parts.forEach((level, a) -> each.put(level, a.tables().get(table)));
            tables.add(Stacked.of(null, question.by(), "level of " + question.by(), each));
        }
        if (model != null) {
            tables.addAll(model.tables());
        }
        return tables;
    }

    @Override
    public List<String> findings() {
        List<String> notes = new ArrayList<>();
        parts.forEach((level, a) -> {
            String prefix = level.isEmpty() ? "" : question.by() + " " + level + ": ";
            a.notes().stream().filter(ClassPayGap::headline).forEach(note -> notes.add(prefix + note));
        });
        return notes;
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>(findings());
        List<String> methods = parts.values().iterator().next().notes().stream().filter(n -> !headline(n)).toList();
        skipped.forEach((level, why) -> notes.add(question.by() + " " + level + ": not analysed, " + why + "."));
        if (model != null) {
            notes.addAll(model.notes());
        }
        notes.addAll(methods.stream().filter(m -> !m.startsWith("Median gap intervals")).toList());
        notes.add("Median gap intervals: percentile intervals of a cluster bootstrap over employers (employers drawn with"
                + " replacement, " + question.replicates() + " replicates, SplittableRandom seed " + question.seed()
                + "; the same numbers for any thread count). With one employer (as with --by employer_id) every"
                + " replicate is the employer itself, so the interval is the point.");
        notes.add("Read from exact pence histograms: the cube over employer_id, seb" + (question.by() == null ? ""
                : ", " + question.by()) + " and hourly pay (bonus) as a dimension; quartiles and quarter cutpoints are"
                + " R's quantile type " + question.quantileType().number() + ".");
        if (missingHourly > 0) {
            notes.add(LEFT_OUT + " of the hourly figures: " + people(missingHourly) + " whose hourly pay is missing.");
        }
        if (bonusUnavailable != null) {
            notes.add("Bonus gaps are not available for these data: " + bonusUnavailable + ".");
        } else if (missingBonus > 0) {
            notes.add(LEFT_OUT + " of the bonus figures: " + people(missingBonus) + " whose bonus is missing.");
        }
        if (!leftOut.isEmpty()) {
            List<String> parts = new ArrayList<>();
            leftOut.forEach((level, n) -> parts.add(level + " " + people(n)));
            notes.add(LEFT_OUT + ": people outside the three SEB groups (" + String.join("; ", parts) + ").");
        }
        if (question.publishable() && model != null) {
            notes.add("Disclosure control does not apply to the regression and the decompositions: each coefficient"
                    + " rests on all " + model.adjusted().fit().n() + " rows used, not on one cell.");
        }
        return notes;
    }

    /** "1,234 people", or "fewer than 10 people" for publication. */
    private String people(long n) {
        return question.publishable() && n < PayDisclosure.MINIMUM_PEOPLE ? "fewer than " + PayDisclosure.MINIMUM_PEOPLE
                + " people" : String.format(Locale.ROOT, "%,d people", n);
    }

    /**
     * The median and mean hourly pay gaps of each comparison group by the {@code by} levels with their intervals
     * (lines over years, bars otherwise), then per {@code by} level (the first {@value #QUARTER_CHARTS}) the make-up
     * of the pay quarters by group.
     * Values withheld by disclosure control are not drawn.
     */
    @Override
    public List<Chart> charts() {
        List<Chart> charts = new ArrayList<>();
        List<String> categories = new ArrayList<>(parts.keySet());
        List<String> labels = categories.stream().map(l -> l.isEmpty() ? "all employers" : l).toList();
        List<Chart.Series> series = new ArrayList<>();
        PayGapAnalysis first = parts.values().iterator().next();
        for (String group : first.options().groups()) {
            for (String measure : List.of("median_hourly", "mean_hourly")) {
                List<Double> v = new ArrayList<>();
                List<Double> lo = new ArrayList<>();
                List<Double> hi = new ArrayList<>();
                for (PayGapAnalysis a : parts.values()) {
                    ResultTable gaps = a.tables().get(1);
                    int row = -1;
                    for (int r = 0; r < gaps.rows().size(); r++) {
                        if (gaps.get(r, "measure").equals(measure) && gaps.get(r, "group").equals(group)) {
                            row = r;
                        }
                    }
                    v.add(row < 0 ? null : finite((Double) gaps.get(row, "gap_percent")));
                    lo.add(row < 0 ? null : finite((Double) gaps.get(row, "lower")));
                    hi.add(row < 0 ? null : finite((Double) gaps.get(row, "upper")));
                }
                series.add(new Chart.Series(group + ", " + measure.substring(0, measure.indexOf('_')), v, lo, hi));
            }
        }
        String title = "Hourly pay gap against " + question.reference() + (question.by() == null ? "" : " by " + question.by());
        String subtitle = "100 (reference - group) / reference; positive: " + question.reference() + " paid more. Median:"
                + " cluster bootstrap interval; mean: delta method. " + Math.round(question.level() * 100) + "% intervals."
                + (question.publishable() ? " Figures withheld by disclosure control are not drawn." : "");
        List<Chart.Reference> zero = List.of(new Chart.Reference("no gap", 0, -1));
        if ("year".equals(question.by())) {
            charts.add(new Chart.Lines(title, subtitle, "year", "gap, % of reference pay", false, labels, series, zero));
        } else {
            charts.add(new Chart.IntervalBars(title, subtitle, question.by() == null ? "" : question.by(),
                    "gap, % of reference pay", false, labels, series, zero));
        }
        parts.entrySet().stream().limit(QUARTER_CHARTS).forEach(e -> charts.add(quartersChart(e.getKey(), e.getValue())));
        return charts;
    }

    private Chart quartersChart(String level, PayGapAnalysis a) {
        ResultTable quarters = a.tables().get(2);
        List<String> categories = List.of("Q1 (lowest)", "Q2", "Q3", "Q4 (highest)");
        List<Chart.Series> series = new ArrayList<>();
        for (String group : a.labels()) {
            List<Double> v = new ArrayList<>();
            for (int r = 0; r < quarters.rows().size(); r++) {
                if (quarters.get(r, "group").equals(group)) {
                    v.add((Double) quarters.get(r, "share_of_quarter"));
                }
            }
            List<Double> none = java.util.Collections.nCopies(v.size(), null);
            series.add(new Chart.Series(group, v, none, none));
        }
        return new Chart.IntervalBars("Who is in each pay quarter" + (level.isEmpty() ? "" : " (" + question.by() + " "
                + level + ")"), "Share of each quarter of hourly pay by SEB group; cutpoints at the pooled quartiles"
                + " (quantile type " + question.quantileType().number() + ").", "pay quarter", "share of the quarter", true,
                categories, series, List.of());
    }

    private static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }
}
