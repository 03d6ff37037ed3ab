package ladder.models.pay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import ladder.engine.LadderException;
import ladder.models.proportion.ConfidenceInterval;
import ladder.models.proportion.WilsonInterval;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;

/**
 * The class pay gap of a pool of employers (issue 15): per SEB group the mean and median hourly pay, the
 * share paid a bonus (Wilson interval) and the mean and median bonus of those paid one; each comparison
 * group's gaps against the reference, 100 (ref - group) / ref as the UK gender pay gap service defines them
 * (positive: the reference group is paid more), mean gaps with a {@link MeanGap} interval and median gaps
 * with a {@link MedianGapBootstrap cluster bootstrap over employers}; and the {@link PayQuarters pay quarters}.
 *
 * @param labels the reference then the comparison groups
 * @param hourly pooled hourly pay per label
 * @param bonus pooled bonus pay per label (0 for no bonus), or null without bonus data
 * @param gaps every gap: measures mean_hourly, median_hourly, mean_bonus, median_bonus per comparison group
 * @param medianReplicatesUsed per comparison group, the bootstrap replicates with an hourly median gap
 */
public record PayGapAnalysis(PayGapOptions options, int employers, List<String> labels, List<PayHistogram> hourly,
        List<PayHistogram> bonus, List<Gap> gaps, PayQuarters quarters, int[] medianReplicatesUsed) implements Result {

    /** One gap of a comparison group: percent is null when the reference figure is 0 or a group is empty. */
    public record Gap(String measure, String group, Double percent, ConfidenceInterval interval, String method) {
    }

    public PayGapAnalysis {
        labels = List.copyOf(labels);
        hourly = List.copyOf(hourly);
        bonus = bonus == null ? null : List.copyOf(bonus);
        gaps = List.copyOf(gaps);
        medianReplicatesUsed = medianReplicatesUsed.clone();
    }

    /** The analysis of the employers' pay; entries of groups other than those of {@code options} are ignored. */
    public static PayGapAnalysis of(List<EmployerPay> pay, PayGapOptions options) {
        List<String> labels = new ArrayList<>();
        labels.add(options.reference());
        labels.addAll(options.groups());
        // Employers in label order, so that the bootstrap's draws do not depend on the input's order.
        Map<String, List<PayHistogram>> hourlyBy = new TreeMap<>();
        Map<String, List<PayHistogram>> bonusBy = new TreeMap<>();
        long withBonus = pay.stream().filter(p -> p.bonus() != null).count();
        if (withBonus != 0 && withBonus != pay.size()) {
            throw new LadderException("bonus pay is given for some employers' groups but not others; give it for all or none");
        }
        for (EmployerPay p : pay) {
            int g = labels.indexOf(p.group());
            if (g < 0) {
                continue;
            }
            hourlyBy.computeIfAbsent(p.employer(), e -> emptyList(labels.size())).set(g,
                    hourlyBy.get(p.employer()).get(g).merge(p.hourly()));
            if (p.bonus() != null) {
                bonusBy.computeIfAbsent(p.employer(), e -> emptyList(labels.size())).set(g,
                        bonusBy.get(p.employer()).get(g).merge(p.bonus()));
            }
        }
        List<PayHistogram> hourly = pooled(hourlyBy, labels.size());
        if (hourly.get(0).n() == 0) {
            throw new LadderException("nobody in the reference group " + options.reference() + "; gaps need it");
        }
        List<PayHistogram> bonus = withBonus == 0 ? null : pooled(bonusBy, labels.size());
        List<List<PayHistogram>> employersHourly = new ArrayList<>(hourlyBy.values());
        MedianGapBootstrap.Replicates hourlyReplicates =
                MedianGapBootstrap.of(employersHourly, options.replicates(), options.seed(), options.threads());
        MedianGapBootstrap.Replicates bonusReplicates = bonus == null ? null : MedianGapBootstrap.of(
                bonusBy.values().stream().map(e -> e.stream().map(h -> h.above(0)).toList()).toList(),
                options.replicates(), options.seed(), options.threads());
        List<Gap> gaps = new ArrayList<>();
        int[] used = new int[options.groups().size()];
        for (int g = 1; g < labels.size(); g++) {
            used[g - 1] = hourlyReplicates.used(g - 1);
            gaps.addAll(gaps("hourly", labels.get(g), hourly.get(0), hourly.get(g), hourlyReplicates, g - 1, options));
            if (bonus != null) {
                gaps.addAll(gaps("bonus", labels.get(g), bonus.get(0).above(0), bonus.get(g).above(0), bonusReplicates,
                        g - 1, options));
            }
        }
        PayQuarters quarters = PayQuarters.of(labels, hourly, options.quarterMethod(), options.quarterType());
        return new PayGapAnalysis(options, hourlyBy.size(), labels, hourly, bonus, gaps, quarters, used);
    }

    private static List<PayHistogram> emptyList(int size) {
        List<PayHistogram> list = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            list.add(PayHistogram.empty());
        }
        return list;
    }

    private static List<PayHistogram> pooled(Map<String, List<PayHistogram>> byEmployer, int size) {
        List<PayHistogram> pooled = new ArrayList<>();
        for (int g = 0; g < size; g++) {
            int group = g;
            pooled.add(PayHistogram.mergeAll(byEmployer.values().stream().map(e -> e.get(group)).toList()));
        }
        return pooled;
    }

    private static List<Gap> gaps(String measure, String group, PayHistogram reference, PayHistogram h,
            MedianGapBootstrap.Replicates replicates, int g, PayGapOptions options) {
        boolean defined = reference.n() > 0 && h.n() > 0;
        Double mean = defined ? MeanGap.percent(reference.mean(), h.mean()) : null;
        Double median = defined ? MeanGap.percent(reference.median(), h.median()) : null;
        ConfidenceInterval meanInterval = mean == null ? ConfidenceInterval.undefined(options.level())
                : MeanGap.interval(reference, h, options.meanGapMethod(), options.level());
        ConfidenceInterval medianInterval = median == null ? ConfidenceInterval.undefined(options.level())
                : replicates.interval(g, options.level());
        return List.of(new Gap("mean_" + measure, group, mean, meanInterval, options.meanGapMethod().name().toLowerCase(Locale.ROOT)),
                new Gap("median_" + measure, group, median, medianInterval, "cluster_bootstrap"));
    }

    @Override
    public String title() {
        return "Class pay gap against " + options.reference();
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("reference", options.reference());
        inputs.put("groups", String.join(", ", options.groups()));
        inputs.put("employers", (long) employers);
        inputs.put("people", hourly.stream().mapToLong(PayHistogram::n).sum());
        inputs.put("confidence_level", options.level());
        inputs.put("mean_gap_interval", options.meanGapMethod().description());
        inputs.put("bootstrap", options.replicates() + " replicates over employers, seed " + options.seed());
        inputs.put("quarters", options.quarterMethod() == QuarterMethod.CUTPOINTS
                ? "cutpoints at quantile type " + options.quarterType().number() + ", ties to the lower quarter"
                : "equal-sized quarters by rank, tied values shared in proportion");
        inputs.put("disclosure_control", options.publishable() ? "PayDisclosure rules" : "none (not for publication)");
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(groupsTable(), gapsTable(), quartersTable());
    }

    private boolean publishable() {
        return options.publishable();
    }

    private Double magnitude(PayHistogram h, double value) {
        return h.n() == 0 || (publishable() && PayDisclosure.magnitude(h).isPresent()) ? null : value;
    }

    private Double median(PayHistogram h) {
        return quantile(h, 0.5, QuantileType.TYPE_7);
    }

    private Double quantile(PayHistogram h, double p, QuantileType type) {
        return h.n() == 0 || (publishable() && PayDisclosure.quantile(h, p, type).isPresent()) ? null : h.quantile(p, type);
    }

    private Long count(long n) {
        return publishable() && n < PayDisclosure.MINIMUM_PEOPLE ? null : n;
    }

    private ResultTable groupsTable() {
        String pct = Math.round(options.level() * 100) + "%";
        ResultTable.Builder t = ResultTable.builder("groups", "Hourly and bonus pay by group (pence)")
                .column("group", Kind.LABEL, "SEB group")
                .column("n", Kind.COUNT, "people")
                .column("mean_hourly", Kind.NUMBER, "mean hourly pay, pence")
                .column("median_hourly", Kind.NUMBER, "median hourly pay, pence (R median)")
                .column("lower_quartile_hourly", Kind.NUMBER, "25th percentile of hourly pay, pence (R quantile type "
                        + options.quarterType().number() + ")")
                .column("upper_quartile_hourly", Kind.NUMBER, "75th percentile of hourly pay, pence (R quantile type "
                        + options.quarterType().number() + ")")
                .column("bonus_n", Kind.COUNT, "people whose bonus is recorded (0 for none)")
                .column("bonus_paid", Kind.COUNT, "people paid a bonus (bonus > 0)")
                .column("bonus_share", Kind.PROPORTION, "bonus_paid / bonus_n")
                .column("bonus_share_lower", Kind.PROPORTION, pct + " Wilson interval, lower")
                .column("bonus_share_upper", Kind.PROPORTION, pct + " Wilson interval, upper")
                .column("mean_bonus", Kind.NUMBER, "mean bonus of those paid one, pence")
                .column("median_bonus", Kind.NUMBER, "median bonus of those paid one, pence");
        for (int g = 0; g < labels.size(); g++) {
            PayHistogram h = hourly.get(g);
            List<Object> row = new ArrayList<>(List.of(labels.get(g)));
            row.add(count(h.n()));
            row.add(magnitude(h, h.mean()));
            row.add(median(h));
            row.add(quantile(h, 0.25, options.quarterType()));
            row.add(quantile(h, 0.75, options.quarterType()));
            PayHistogram recorded = bonus == null ? PayHistogram.empty() : bonus.get(g);
            if (recorded.n() == 0) {
                row.addAll(java.util.Collections.nCopies(7, null));
            } else {
                PayHistogram paid = recorded.above(0);
                boolean hidden = publishable() && (paid.n() < PayDisclosure.MINIMUM_PEOPLE
                        || recorded.n() - paid.n() < PayDisclosure.MINIMUM_PEOPLE);
                ConfidenceInterval share = WilsonInterval.of(paid.n(), recorded.n(), options.level());
                row.add(count(recorded.n()));
                row.add(hidden ? null : paid.n());
                row.add(hidden ? null : (double) paid.n() / recorded.n());
                row.add(hidden ? null : share.lower());
                row.add(hidden ? null : share.upper());
                row.add(paid.n() == 0 ? null : magnitude(paid, paid.mean()));
                row.add(paid.n() == 0 ? null : median(paid));
            }
            t.row(row);
        }
        return t.build();
    }

    private ResultTable gapsTable() {
        ResultTable.Builder t = ResultTable.builder("gaps", "Pay gaps against " + options.reference()
                        + ": 100 (reference - group) / reference")
                .column("measure", Kind.LABEL, "mean_hourly, median_hourly, mean_bonus (of those paid one), median_bonus")
                .column("group", Kind.LABEL, "comparison group")
                .column("gap_percent", Kind.NUMBER, "gap in percent of the reference figure; positive: reference paid more")
                .column("lower", Kind.NUMBER, "interval lower bound, percent")
                .column("upper", Kind.NUMBER, "interval upper bound, percent")
                .column("method", Kind.LABEL, "interval method");
        for (Gap gap : gaps) {
            boolean hidden = publishable() && gapWithheld(gap);
            boolean bounded = gap.interval().isDefined();
            t.row(gap.measure(), gap.group(), hidden ? null : gap.percent(),
                    hidden || !bounded ? null : gap.interval().lower(), hidden || !bounded ? null : gap.interval().upper(),
                    gap.method());
        }
        return t.build();
    }

    private boolean gapWithheld(Gap gap) {
        boolean bonusMeasure = gap.measure().endsWith("bonus");
        PayHistogram reference = bonusMeasure ? bonus.get(0).above(0) : hourly.get(0);
        int g = labels.indexOf(gap.group());
        PayHistogram h = bonusMeasure ? bonus.get(g).above(0) : hourly.get(g);
        if (gap.measure().startsWith("mean")) {
            return PayDisclosure.magnitude(reference).isPresent() || PayDisclosure.magnitude(h).isPresent();
        }
        return PayDisclosure.quantile(reference, 0.5, QuantileType.TYPE_7).isPresent()
                || PayDisclosure.quantile(h, 0.5, QuantileType.TYPE_7).isPresent();
    }

    private ResultTable quartersTable() {
        ResultTable.Builder t = ResultTable.builder("quarters", "Pay quarters of pooled hourly pay")
                .column("quarter", Kind.LABEL, "Q1 (lowest paid) to Q4")
                .column("lower", Kind.NUMBER, "lowest hourly pay in the quarter, pence")
                .column("upper", Kind.NUMBER, quarters.method() == QuarterMethod.CUTPOINTS
                        ? "the cutpoint closing the quarter (Q4: highest pay), pence" : "highest hourly pay in the quarter, pence")
                .column("group", Kind.LABEL, "SEB group")
                .column("people", Kind.NUMBER, "people of the group in the quarter (fractional for equal-sized quarters with ties)")
                .column("share_of_quarter", Kind.PROPORTION, "the quarter's make-up: people / people in the quarter")
                .column("share_of_group", Kind.PROPORTION, "the group's spread: people / people of the group");
        PayHistogram pooled = PayHistogram.mergeAll(hourly);
        boolean cutsHidden = publishable() && (PayDisclosure.quantile(pooled, 0.25, quarters.quantileType()).isPresent()
                || PayDisclosure.quantile(pooled, 0.5, quarters.quantileType()).isPresent()
                || PayDisclosure.quantile(pooled, 0.75, quarters.quantileType()).isPresent());
        for (int k = 0; k < 4; k++) {
            double size = quarters.size(k);
            for (int g = 0; g < labels.size(); g++) {
                double people = quarters.counts()[k][g];
                double groupSize = quarters.groupSize(g);
                boolean hidden = publishable() && people < PayDisclosure.MINIMUM_PEOPLE;
                boolean cutpoint = quarters.method() == QuarterMethod.CUTPOINTS && k < 3;
                t.row("Q" + (k + 1), cutsHidden ? null : observed(pooled, quarters.lower()[k]),
                        cutsHidden ? null : cutpoint ? (Double) quarters.upper()[k] : observed(pooled, quarters.upper()[k]),
                        labels.get(g),
                        hidden ? null : people, hidden || size == 0 ? null : people / size,
                        hidden || groupSize == 0 ? null : people / groupSize);
            }
        }
        return t.build();
    }

    /**
     * A quarter's lowest or highest pay, which is one person's pay when few hold it: withheld for publication
     * unless at least {@link PayDisclosure#QUANTILE_HOLDERS} people hold it; null for an empty quarter (NaN).
     */
    private Double observed(PayHistogram pooled, double value) {
        if (Double.isNaN(value)) {
            return null;
        }
        int at = java.util.Arrays.binarySearch(pooled.values(), (long) value);
        return publishable() && (at < 0 || pooled.count(at) < PayDisclosure.QUANTILE_HOLDERS) ? null : value;
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        String pct = Math.round(options.level() * 100) + "%";
        for (Gap gap : gaps) {
            if (!gap.measure().equals("median_hourly")) {
                continue;
            }
            if (gap.percent() == null || (publishable() && gapWithheld(gap))) {
                notes.add("The median hourly pay gap of " + gap.group() + " is not given: "
                        + (gap.percent() == null ? "a group has nobody" : "withheld by disclosure control") + ".");
                continue;
            }
            double v = gap.percent();
            ConfidenceInterval ci = gap.interval();
            notes.add(String.format(Locale.ROOT, "Staff from %s backgrounds were paid a median %.1f%% %s per hour than"
                            + " those from %s backgrounds (%s CI %s, cluster bootstrap over %d employers, %d replicates, seed %d).",
                    phrase(gap.group()), Math.abs(v), v >= 0 ? "less" : "more", phrase(options.reference()), pct,
                    ci.isDefined() ? String.format(Locale.ROOT, "%.1f%% to %.1f%%", ci.lower(), ci.upper()) : "not available",
                    employers, options.replicates(), options.seed()));
        }
        notes.add("Gaps are 100 (reference - group) / reference, as the UK gender pay gap service defines them:"
                + " positive when the " + options.reference() + " group is paid more. Bonus gaps are among those paid a bonus (bonus > 0).");
        notes.add("Mean gap intervals: " + options.meanGapMethod().description() + ", the two groups taken as independent"
                + " samples (people, not employers, resampled: clustering within employers is not allowed for).");
        notes.add("Median gap intervals: percentile intervals of a cluster bootstrap over employers (employers drawn with"
                + " replacement, " + options.replicates() + " replicates, SplittableRandom seed " + options.seed()
                + "; type 7 quantiles of the replicate gaps). Replicates with an hourly median gap: "
                + java.util.Arrays.toString(medianReplicatesUsed) + ".");
        notes.add(options.quarterMethod() == QuarterMethod.CUTPOINTS
                ? "Pay quarters: cutpoints at the pooled 25th, 50th and 75th percentiles (R quantile type "
                        + options.quarterType().number() + "); pay equal to a cutpoint is in the lower quarter, so quarters may"
                        + " differ in size. The GPG regulations instead rank and split into four equal-sized groups (QuarterMethod.EQUAL_SIZE)."
                : "Pay quarters: the GPG regulations' ranking into four equal-sized groups; people tied on a value that straddles"
                        + " a boundary are shared between the quarters in proportion to each group's count on that value.");
        notes.add("Share paid a bonus: Wilson score interval (Wilson 1927), as R's prop.test(x, n, correct = FALSE).");
        if (publishable()) {
            notes.add("Disclosure control: counts under " + PayDisclosure.MINIMUM_PEOPLE + " withheld; means withheld under "
                    + PayDisclosure.MINIMUM_PEOPLE + " people or when the 2 largest values exceed 90% of the total; medians, quartiles and"
                    + " cutpoints withheld under " + PayDisclosure.MINIMUM_PEOPLE + " people or when read from a value held by fewer than "
                    + PayDisclosure.QUANTILE_HOLDERS + " people; a quarter's lowest and highest pay withheld when fewer than "
                    + PayDisclosure.QUANTILE_HOLDERS + " people hold it; gaps and their intervals withheld with either figure.");
        }
        return notes;
    }

    /** "working_class" as in "from working-class backgrounds". */
    private static String phrase(String label) {
        return label.replace('_', '-');
    }
}
