package ladder.models.benchmark;

import java.util.ArrayList;
import java.util.List;
import ladder.models.composition.NationalBenchmark;

/**
 * The key figures of an employer's benchmark pack, each with the national figure it is read
 * against where there is one (Social Mobility Commission; {@link NationalBenchmark}) and the counts
 * (cells of the suppression plan's tables) it rests on.
 */
public enum KeyFigure {
    PROFESSIONAL_SHARE("share_professional", "share professional among the classifiable SEB answers (Wilson)",
            NationalBenchmark.PROFESSIONAL),
    INTERMEDIATE_SHARE("share_intermediate", "share intermediate among the classifiable SEB answers (Wilson)",
            NationalBenchmark.INTERMEDIATE),
    WORKING_CLASS_SHARE("share_working_class", "share working class among the classifiable SEB answers (Wilson)",
            NationalBenchmark.WORKING_CLASS),
    RESPONSE_RATE("response_rate", "classifiable SEB answers over all rows (Wilson); national: the 70% target",
            NationalBenchmark.RESPONSE_RATE_TARGET),
    WORKING_CLASS_SHARE_SENIOR("share_working_class_grade_4_plus",
            "share working class among the classifiable at grade 4 or above (Wilson)", null),
    PROMOTION_PROFESSIONAL("promotion_rate_professional", "promoted over rows, professional (Wilson)", null),
    PROMOTION_INTERMEDIATE("promotion_rate_intermediate", "promoted over rows, intermediate (Wilson)", null),
    PROMOTION_WORKING_CLASS("promotion_rate_working_class", "promoted over rows, working class (Wilson)", null),
    PROMOTION_ODDS_RATIO("promotion_odds_ratio_working_class_vs_professional",
            "odds of promotion, working class over professional (crude, Woolf interval)", null);

    private final String id;
    private final String description;
    private final Double national;

    KeyFigure(String id, String description, Double national) {
        this.id = id;
        this.description = description;
        this.national = national;
    }

    /** The figure's name in tables, e.g. share_working_class. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The national figure, or null where the SMC gives none. */
    public Double national() {
        return national;
    }

    /**
     * The plan cells (table, then labels over part and the table's other dimensions) the figure
     * rests on, for the rows of {@code part} ({@code Total} for the coalition).
     */
    List<PlanCell> restsOn(String part) {
        List<PlanCell> cells = new ArrayList<>();
        String total = ladder.models.disclosure.SuppressionPlan.TOTAL;
        switch (this) {
            case PROFESSIONAL_SHARE, INTERMEDIATE_SHARE, WORKING_CLASS_SHARE -> {
                for (String g : KeyCounts.GROUPS.subList(0, 3)) {
                    cells.add(new PlanCell("seb", List.of(part, g)));
                }
            }
            case RESPONSE_RATE -> {
                cells.add(new PlanCell("seb", List.of(part, KeyCounts.GROUPS.get(3))));
                cells.add(new PlanCell("seb", List.of(part, total)));
            }
            case WORKING_CLASS_SHARE_SENIOR -> {
                for (String g : KeyCounts.GROUPS.subList(0, 3)) {
                    cells.add(new PlanCell("senior", List.of(part, KeyCounts.BANDS.get(1), g)));
                }
            }
            case PROMOTION_PROFESSIONAL, PROMOTION_INTERMEDIATE, PROMOTION_WORKING_CLASS -> {
                String g = KeyCounts.GROUPS.get(ordinal() - PROMOTION_PROFESSIONAL.ordinal());
                cells.add(new PlanCell("promotion", List.of(part, g, "1")));
                cells.add(new PlanCell("promotion", List.of(part, g, "0")));
            }
            case PROMOTION_ODDS_RATIO -> {
                for (String g : List.of("working_class", "professional")) {
                    cells.add(new PlanCell("promotion", List.of(part, g, "1")));
                    cells.add(new PlanCell("promotion", List.of(part, g, "0")));
                }
            }
        }
        return cells;
    }

    /** A cell of a suppression plan's table. */
    record PlanCell(String table, List<String> labels) {
    }
}
