package ladder.bench.shapes;

import java.util.List;
import ladder.engine.table.Table;

/**
 * The cube shapes the analyses read (issue "The cube as a value", item 8), each as Ladder builds
 * it and as DuckDB's GROUP BY of the same counts (DuckDB holds Ladder's codes, so its filters
 * compare codes).
 */
public enum ShapeQuery {
    /** (a) seb x promoted: a small cube (a crude odds ratio). */
    A_SEB_PROMOTED(List.of("seb", "promoted"), List.of(), ""),
    /** (b) seb x promoted x employer_id (1,000 levels): the Mantel-Haenszel shape. */
    B_BY_EMPLOYER(List.of("seb", "promoted", "employer_id"), List.of(), ""),
    /** (c) seb x gender x ethnicity x age_band x year x employer_id x promoted (over 1M cells): the clustered-model shape. */
    C_MODEL(List.of("seb", "gender", "ethnicity", "age_band", "year", "employer_id", "promoted"), List.of(), ""),
    /** (d) (b) under grade >= 4. */
    D_SENIOR_BY_EMPLOYER(List.of("seb", "promoted", "employer_id"), List.of(), "grade >= 4"),
    /** (e) (a) under hourly_pay > 20. */
    E_PAID_OVER_20(List.of("seb", "promoted"), List.of(), "hourly_pay > 20"),
    /** (f) an exact pay histogram by seb x year: one cell per (seb, year, pence). */
    F_PAY_HISTOGRAM(List.of("seb", "year", "hourly_pay"), List.of(), "");

    private final List<String> dimensions;
    private final List<String> measures;
    private final String filter;

    ShapeQuery(List<String> dimensions, List<String> measures, String filter) {
        this.dimensions = dimensions;
        this.measures = measures;
        this.filter = filter;
    }

    public List<String> dimensions() {
        return dimensions;
    }

    public List<String> measures() {
        return measures;
    }

    public String filter() {
        return filter;
    }

    /** DuckDB's query for the same counts over table {@code pool} (holding {@code table}'s codes). */
    public String sql(Table table) {
        String where = switch (this) {
            case D_SENIOR_BY_EMPLOYER -> " WHERE grade >= " + table.column("grade").codeOf("4");
            case E_PAID_OVER_20 -> " WHERE hourly_pay > 20";
            default -> "";
        };
        return "SELECT " + String.join(", ", dimensions) + ", count(*) FROM pool" + where + " GROUP BY ALL";
    }
}
