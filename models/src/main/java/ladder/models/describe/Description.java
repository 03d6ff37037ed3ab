package ladder.models.describe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeKernel;
import ladder.engine.cube.Dimension;
import ladder.engine.filter.Filter;
import ladder.engine.table.Table;
import ladder.models.composition.NationalBenchmark;
import ladder.models.composition.SebCounts;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;

/**
 * What a pool holds: rows, employers and years, and the response rate to the parental occupation
 * question by employer and year (classifiable answers over all rows, as the data contract defines
 * it), against the Social Mobility Commission's target of at least 70%.
 */
public record Description(Map<String, Object> inputs, ResultTable byEmployerYear) implements Result {

    public static Description of(Table table, Filter filter, int threads) {
        Cube cube = CubeKernel.build(table, filter, List.of("employer_id", "year", "seb"), List.of(), threads);
        Dimension employers = cube.dimensions().get(0);
        Dimension years = cube.dimensions().get(1);
        int groups = cube.dimensions().get(2).size();
        ResultTable.Builder out = ResultTable.builder("response", "Response rate by employer and year")
                .column("employer_id", Kind.LABEL, "pseudonymous employer code")
                .column("year", Kind.LABEL, "reporting year")
                .column("rows", Kind.COUNT, "employees in the year")
                .column("classifiable", Kind.COUNT, "answers to Q1 in the three SEB groups")
                .column("excluded", Kind.COUNT, "answers outside the three groups (other, prefer not to say)")
                .column("missing", Kind.COUNT, "no answer to Q1")
                .column("response_rate", Kind.PROPORTION, "classifiable / rows")
                .column("meets_target", Kind.LABEL, "response rate at least 70%");
        long rows = 0;
        long classifiable = 0;
        // Cells run employer by employer, year by year within each, as the last dimension varies fastest.
        for (int base = 0; base < cube.cells(); base += groups) {
            SebCounts counts = SebCounts.of(cube, base);
            long total = counts.total();
            if (total == 0) {
                continue;
            }
            long answered = counts.classifiable();
            rows += total;
            classifiable += answered;
            double rate = (double) answered / total;
            out.row(employers.levels().get(cube.level(base, 0)), years.levels().get(cube.level(base, 1)), total,
                    answered, counts.excluded(), counts.missing(), rate,
                    rate >= NationalBenchmark.RESPONSE_RATE_TARGET ? "yes" : "no");
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("filter", filter.text().isEmpty() ? "none" : filter.text());
        inputs.put("rows", rows);
        inputs.put("employers", (long) presentLevels(cube, "employer_id").size());
        inputs.put("years", String.join(", ", presentLevels(cube, "year")));
        inputs.put("response_rate", rows == 0 ? null : (double) classifiable / rows);
        return new Description(inputs, out.build());
    }

    /** The levels of {@code dimension} that have rows in {@code cube}. */
    private static List<String> presentLevels(Cube cube, String dimension) {
        Cube margin = cube.marginalise(dimension);
        return IntStream.range(0, margin.cells()).filter(c -> margin.count(c) > 0)
                .mapToObj(c -> margin.dimensions().get(0).levels().get(c)).toList();
    }

    @Override
    public String title() {
        return "Pool description";
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(byEmployerYear);
    }

    @Override
    public List<String> notes() {
        return List.of("Response rate = answers in the three SEB groups (professional, intermediate, working class)"
                + " over all rows; the Social Mobility Commission's target is at least 70%.");
    }
}
