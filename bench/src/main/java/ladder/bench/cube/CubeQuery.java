package ladder.bench.cube;

import java.util.ArrayList;
import java.util.List;
import ladder.engine.table.Table;

/**
 * The cubes the kernel benchmarks build, each as Ladder asks for it and as its peers' query.
 *
 * <p>DuckDB holds the pool's codes (UTINYINT), so its filter compares codes: those of year 2024 and
 * grade 4 in the Ladder table. Its result set is read to the end, every column.
 */
public enum CubeQuery {
    /** Six dimensions (4 x 3 x 6 x 3 x 6 x 5 = 6,480 cells), rows and promotions per cell. */
    SIX_DIMS(false, "promoted", ""),
    /** The same with the employer as a seventh dimension (259,200 cells). */
    WITH_EMPLOYER(true, "promoted", ""),
    /** The six-dimension cube of the rows with {@code year = 2024 and grade >= 4} (about 7%). */
    FILTERED(false, "promoted", "year = 2024 and grade >= 4"),
    /** Six dimensions; per cell the rows and the count, sum and sum of squares of hourly pay. */
    PAY(false, "hourly_pay", "");

    /** The six dimensions every query groups by. */
    public static final List<String> SIX = List.of("year", "seb", "grade", "disability", "age_band", "entry_route");

    private final boolean employer;
    private final String measure;
    private final String filter;

    CubeQuery(boolean employer, String measure, String filter) {
        this.employer = employer;
        this.measure = measure;
        this.filter = filter;
    }

    public List<String> dimensions() {
        List<String> dims = new ArrayList<>(SIX);
        if (employer) {
            dims.add("employer_id");
        }
        return List.copyOf(dims);
    }

    public List<String> measures() {
        return List.of(measure);
    }

    /** The filter as a Ladder user writes it; empty for none. */
    public String filter() {
        return filter;
    }

    /** The DuckDB query over table {@code pool}, holding {@code table}'s codes. */
    public String sql(Table table) {
        String dims = String.join(", ", dimensions());
        String aggregates = this == PAY
                ? "count(*), count(hourly_pay), sum(hourly_pay), sum(hourly_pay * hourly_pay)"
                : "count(*), sum(promoted)";
        String where = this == FILTERED
                ? " WHERE year = " + table.column("year").codeOf("2024")
                        + " AND grade >= " + table.column("grade").codeOf("4")
                : "";
        return "SELECT " + dims + ", " + aggregates + " FROM pool" + where + " GROUP BY ALL";
    }
}
