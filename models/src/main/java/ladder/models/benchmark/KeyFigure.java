package ladder.models.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ladder.engine.contract.Seb;
import ladder.models.composition.NationalBenchmark;

/**
 * The key figures of an employer's benchmark pack, each with its topic (the report section it is
 * shown in), how it is computed, the national figure it is read against where the Social Mobility
 * Commission gives one ({@link NationalBenchmark}), and the counts (cells of the suppression plan's
 * {@link KeyTable}s) it rests on.
 */
public enum KeyFigure {
    PROFESSIONAL_SHARE(NationalBenchmark.shareFigure(Seb.PROFESSIONAL), Topic.COMPOSITION,
            "share professional among the classifiable SEB answers (Wilson)", NationalBenchmark.PROFESSIONAL),
    INTERMEDIATE_SHARE(NationalBenchmark.shareFigure(Seb.INTERMEDIATE), Topic.COMPOSITION,
            "share intermediate among the classifiable SEB answers (Wilson)", NationalBenchmark.INTERMEDIATE),
    WORKING_CLASS_SHARE(NationalBenchmark.shareFigure(Seb.WORKING_CLASS), Topic.COMPOSITION,
            "share working class among the classifiable SEB answers (Wilson)", NationalBenchmark.WORKING_CLASS),
    RESPONSE_RATE("response_rate", Topic.COMPOSITION,
            "classifiable SEB answers over all rows (Wilson); national: the 70% target",
            NationalBenchmark.RESPONSE_RATE_TARGET),
    INDEPENDENT_SCHOOL(NationalBenchmark.INDEPENDENT_SCHOOL_FIGURE, Topic.SUPPLEMENTARY,
            "school_type independent among those who answered (Wilson; bursary holders, outside the UK and state"
                    + " are other answers)", NationalBenchmark.INDEPENDENT_SCHOOL),
    FREE_SCHOOL_MEALS(NationalBenchmark.FREE_SCHOOL_MEALS_FIGURE, Topic.SUPPLEMENTARY,
            "free_school_meals yes among those who answered, not applicable counting as an answer (Wilson)",
            NationalBenchmark.FREE_SCHOOL_MEALS),
    FIRST_IN_FAMILY("share_first_in_family_graduate_hires", Topic.SUPPLEMENTARY,
            "parent_degree no among graduate-scheme hires who answered (Wilson); national: 67% of graduates",
            NationalBenchmark.FIRST_GENERATION_GRADUATES),
    WORKING_CLASS_SHARE_JUNIOR("share_working_class_grade_1_3", Topic.CEILING,
            "share working class among the classifiable at grades 1 to 3 (Wilson)", null),
    WORKING_CLASS_SHARE_SENIOR("share_working_class_grade_4_plus", Topic.CEILING,
            "share working class among the classifiable at grade 4 or above (Wilson)", null),
    PROMOTION_PROFESSIONAL("promotion_rate_professional", Topic.PROGRESSION,
            "promoted over rows, professional (Wilson)", null),
    PROMOTION_INTERMEDIATE("promotion_rate_intermediate", Topic.PROGRESSION,
            "promoted over rows, intermediate (Wilson)", null),
    PROMOTION_WORKING_CLASS("promotion_rate_working_class", Topic.PROGRESSION,
            "promoted over rows, working class (Wilson)", null),
    PROMOTION_ODDS_RATIO("promotion_odds_ratio_working_class_vs_professional", Topic.PROGRESSION,
            "odds of promotion, working class over professional (crude, Woolf interval)", null),
    PROMOTION_ODDS_RATIO_POOLED("promotion_odds_ratio_within_employers", Topic.PROGRESSION,
            "odds of promotion, working class over professional, Mantel-Haenszel within employers with the"
                    + " Robins-Breslow-Greenland interval (one employer: its own table)", null),
    PAY_GAP_MEDIAN("pay_gap_median_working_class_vs_professional", Topic.PAY,
            "median hourly pay gap, 100 (professional - working class) / professional (R median); interval: the"
                    + " cluster bootstrap over employers of the pay section, for one employer resampling its people",
            null),
    PAY_GAP_MEAN("pay_gap_mean_working_class_vs_professional", Topic.PAY,
            "mean hourly pay gap, 100 (professional - working class) / professional, delta-method interval", null),
    PROMOTED_WITHIN_24_MONTHS_PROFESSIONAL("promoted_within_24_months_professional", Topic.TIME_TO_PROMOTION,
            "Kaplan-Meier probability of promotion within 24 months in grade, 1 - S(24), professional (R survfit,"
                    + " log interval)", null),
    PROMOTED_WITHIN_24_MONTHS_WORKING_CLASS("promoted_within_24_months_working_class", Topic.TIME_TO_PROMOTION,
            "Kaplan-Meier probability of promotion within 24 months in grade, 1 - S(24), working class (R survfit,"
                    + " log interval)", null),
    WORKING_CLASS_SHARE_GRADUATE_SCHEME("share_working_class_graduate_scheme", Topic.GETTING_IN,
            "share working class among the classifiable graduate-scheme hires (Wilson)", null),
    WORKING_CLASS_SHARE_APPRENTICESHIP("share_working_class_apprenticeship", Topic.GETTING_IN,
            "share working class among the classifiable apprenticeship hires (Wilson)", null),
    TRAINING_PROFESSIONAL("training_rate_professional", Topic.GETTING_IN,
            "took part in training over rows, professional (Wilson)", null),
    TRAINING_WORKING_CLASS("training_rate_working_class", Topic.GETTING_IN,
            "took part in training over rows, working class (Wilson)", null),
    WORKING_CLASS_SHARE_APPLICANTS(NationalBenchmark.applicantsShareFigure(Seb.WORKING_CLASS), Topic.GETTING_IN,
            "share working class among the classifiable applications (applicants table, Wilson); national: the"
                    + " working population's 42%, as the recruitment funnel reads its applicants",
            NationalBenchmark.WORKING_CLASS),
    OFFER_RATE_RATIO("offer_rate_ratio_working_class_vs_professional", Topic.GETTING_IN,
            "offer rate (applications reaching offered or hired over all applications), working class over"
                    + " professional: the funnel's adverse impact ratio against professional, Katz log interval;"
                    + " no national figure", null);

    private final String id;
    private final Topic topic;
    private final String description;
    private final Double national;

    KeyFigure(String id, Topic topic, String description, Double national) {
        this.id = id;
        this.topic = topic;
        this.description = description;
        this.national = national;
    }

    /** The figure's name in tables, e.g. share_working_class. */
    public String id() {
        return id;
    }

    /** The figure named {@code id} in tables, if there is one (none for null). */
    public static Optional<KeyFigure> named(String id) {
        for (KeyFigure f : values()) {
            if (f.id.equals(id)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The section of the pack it is shown in. */
    public Topic topic() {
        return topic;
    }

    /** What is computed and by which method. */
    public String description() {
        return description;
    }

    /** The national figure, or null where the SMC gives none. */
    public Double national() {
        return national;
    }

    /** The table its counts are cells of. */
    KeyTable table() {
        return switch (topic) {
            case COMPOSITION -> KeyTable.SEB;
            case SUPPLEMENTARY -> this == INDEPENDENT_SCHOOL ? KeyTable.SCHOOL
                    : this == FREE_SCHOOL_MEALS ? KeyTable.MEALS : KeyTable.DEGREE;
            case CEILING -> KeyTable.SENIOR;
            case PROGRESSION -> KeyTable.PROMOTION;
            case PAY -> KeyTable.PAY;
            case TIME_TO_PROMOTION -> KeyTable.TENURE;
            case GETTING_IN -> this == TRAINING_PROFESSIONAL || this == TRAINING_WORKING_CLASS ? KeyTable.TRAINING
                    : this == WORKING_CLASS_SHARE_APPLICANTS || this == OFFER_RATE_RATIO ? KeyTable.APPLICANTS
                    : KeyTable.ROUTES;
        };
    }

    /**
     * The cells of {@link #table()}, as labels over its dimensions ({@code Total} for a margin), the
     * figure rests on: its numerator and denominator, or the cells they are sums of.
     */
    List<List<String>> cells() {
        List<String> classes = KeyCounts.GROUPS.subList(0, 3);
        List<List<String>> cells = new ArrayList<>();
        switch (this) {
            case PROFESSIONAL_SHARE, INTERMEDIATE_SHARE, WORKING_CLASS_SHARE -> classes.forEach(g -> cells.add(List.of(g)));
            case RESPONSE_RATE -> {
                cells.add(List.of(KeyCounts.GROUPS.get(3)));
                cells.add(List.of(ladder.models.disclosure.SuppressionPlan.TOTAL));
            }
            case INDEPENDENT_SCHOOL, FREE_SCHOOL_MEALS, FIRST_IN_FAMILY -> {
                cells.add(List.of(table().levels().get(0).get(0)));
                cells.add(List.of("other_answer"));
            }
            case WORKING_CLASS_SHARE_JUNIOR, WORKING_CLASS_SHARE_SENIOR -> classes.forEach(g -> cells.add(List.of(
                    KeyCounts.BANDS.get(this == WORKING_CLASS_SHARE_JUNIOR ? 0 : 1), g)));
            case PROMOTION_PROFESSIONAL, PROMOTION_INTERMEDIATE, PROMOTION_WORKING_CLASS, TRAINING_PROFESSIONAL,
                    TRAINING_WORKING_CLASS -> {
                cells.add(List.of(group(), "1"));
                cells.add(List.of(group(), "0"));
            }
            case PROMOTION_ODDS_RATIO, PROMOTION_ODDS_RATIO_POOLED -> {
                for (String g : List.of("working_class", "professional")) {
                    cells.add(List.of(g, "1"));
                    cells.add(List.of(g, "0"));
                }
            }
            case OFFER_RATE_RATIO -> {
                // Per group: the stages that hold an offer, then the group's applications.
                for (String g : List.of("working_class", "professional")) {
                    KeyCounts.OFFER_STAGES.forEach(stage -> cells.add(List.of(stage, g)));
                    cells.add(List.of(ladder.models.disclosure.SuppressionPlan.TOTAL, g));
                }
            }
            case PAY_GAP_MEDIAN, PAY_GAP_MEAN -> {
                cells.add(List.of("working_class"));
                cells.add(List.of("professional"));
            }
            case PROMOTED_WITHIN_24_MONTHS_PROFESSIONAL, PROMOTED_WITHIN_24_MONTHS_WORKING_CLASS ->
                    cells.add(List.of(group()));
            case WORKING_CLASS_SHARE_GRADUATE_SCHEME, WORKING_CLASS_SHARE_APPRENTICESHIP -> classes.forEach(g ->
                    cells.add(List.of(this == WORKING_CLASS_SHARE_GRADUATE_SCHEME ? "graduate_scheme" : "apprenticeship",
                            g)));
            case WORKING_CLASS_SHARE_APPLICANTS -> classes.forEach(g -> cells.add(List.of(
                    ladder.models.disclosure.SuppressionPlan.TOTAL, g)));
        }
        return cells;
    }

    /** The SEB group of a rate by group. */
    private String group() {
        return switch (this) {
            case PROMOTION_PROFESSIONAL, TRAINING_PROFESSIONAL, PROMOTED_WITHIN_24_MONTHS_PROFESSIONAL -> "professional";
            case PROMOTION_INTERMEDIATE -> "intermediate";
            default -> "working_class";
        };
    }

    /**
     * What it rests on for the rows of {@code part}: each count it is computed from, as the plan cells
     * (table, then labels over part and the table's dimensions) a reader could work it out from. A count
     * that is a cell is that cell; the offers of a group ({@link #OFFER_RATE_RATIO}), not a cell of the
     * applications' table, are the offered and hired cells, or the group's applications less the three
     * stages before an offer, as the recruitment funnel publishes those who reached a stage.
     */
    List<Count> restsOn(String part) {
        if (this != OFFER_RATE_RATIO) {
            return cells().stream().map(c -> new Count(List.of(List.of(cell(part, c))))).toList();
        }
        String total = ladder.models.disclosure.SuppressionPlan.TOTAL;
        List<String> earlier = new ArrayList<>(KeyCounts.STAGES.subList(0, KeyCounts.STAGES.size()
                - KeyCounts.OFFER_STAGES.size()));
        earlier.add(total);
        List<Count> out = new ArrayList<>();
        for (String g : List.of("working_class", "professional")) {
            out.add(new Count(List.of(stages(part, KeyCounts.OFFER_STAGES, g), stages(part, earlier, g))));
            out.add(new Count(List.of(List.of(cell(part, List.of(total, g))))));
        }
        return out;
    }

    private List<PlanCell> stages(String part, List<String> stages, String group) {
        return stages.stream().map(s -> cell(part, List.of(s, group))).toList();
    }

    private PlanCell cell(String part, List<String> labels) {
        List<String> all = new ArrayList<>(List.of(part));
        all.addAll(labels);
        return new PlanCell(table().id(), all);
    }

    /** A cell of a suppression plan's table. */
    record PlanCell(String table, List<String> labels) {
    }

    /**
     * A count a figure is computed from, as the ways a reader can work it out from plan cells: it may be
     * published when the cells of one way all are.
     */
    record Count(List<List<PlanCell>> ways) {
        Count {
            ways = List.copyOf(ways);
        }
    }
}
