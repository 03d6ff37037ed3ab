package ladder.models.describe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.engine.contract.Seb;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeKernel;
import ladder.engine.filter.Filter;
import ladder.engine.table.Table;
import ladder.models.composition.NationalBenchmark;
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
        int employers = cube.dimensions().get(0).size();
        int years = cube.dimensions().get(1).size();
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
        for (int e = 0; e < employers; e++) {
            for (int y = 0; y < years; y++) {
                long[] bySeb = new long[Seb.values().length];
                long total = 0;
                for (int s = 0; s < cube.dimensions().get(2).size(); s++) {
                    long n = cube.count(cube.cell(e, y, s));
                    bySeb[Seb.valueOf(cube.dimensions().get(2).levels().get(s).toUpperCase(java.util.Locale.ROOT)).ordinal()] += n;
                    total += n;
                }
                if (total == 0) {
                    continue;
                }
                long answered = bySeb[0] + bySeb[1] + bySeb[2];
                rows += total;
                classifiable += answered;
                double rate = (double) answered / total;
                out.row(cube.dimensions().get(0).levels().get(e), cube.dimensions().get(1).levels().get(y), total,
                        answered, bySeb[Seb.EXCLUDED.ordinal()], bySeb[Seb.MISSING.ordinal()], rate,
                        rate >= NationalBenchmark.RESPONSE_RATE_TARGET ? "yes" : "no");
            }
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("filter", filter.text().isEmpty() ? "none" : filter.text());
        inputs.put("rows", rows);
        inputs.put("employers", (long) cube.marginalise("employer_id").cells() - emptyLevels(cube, "employer_id"));
        inputs.put("years", String.join(", ", presentLevels(cube, "year")));
        inputs.put("response_rate", rows == 0 ? null : (double) classifiable / rows);
        return new Description(inputs, out.build());
    }

    private static long emptyLevels(Cube cube, String dimension) {
        Cube margin = cube.marginalise(dimension);
        long empty = 0;
        for (int c = 0; c < margin.cells(); c++) {
            empty += margin.count(c) == 0 ? 1 : 0;
        }
        return empty;
    }

    private static List<String> presentLevels(Cube cube, String dimension) {
        Cube margin = cube.marginalise(dimension);
        return java.util.stream.IntStream.range(0, margin.cells()).filter(c -> margin.count(c) > 0)
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
