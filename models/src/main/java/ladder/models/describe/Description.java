package ladder.models.describe;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
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

    /** The dimensions a description reads. */
    public static final List<String> DIMENSIONS = List.of("employer_id", "year", "seb");

    public static Description of(CubeSource source) {
        Cube cube = source.cube(DIMENSIONS, List.of());
        ResultTable.Builder out = ResultTable.builder("response", "Response rate by employer and year")
                .column("employer_id", Kind.LABEL, "pseudonymous employer code")
                .column("year", Kind.LABEL, "reporting year")
                .column("rows", Kind.COUNT, "rows (employees, or applications) in the year")
                .column("classifiable", Kind.COUNT, "answers to Q1 in the three SEB groups")
                .column("excluded", Kind.COUNT, "answers outside the three groups (other, prefer not to say)")
                .column("missing", Kind.COUNT, "no answer to Q1")
                .column("response_rate", Kind.PROPORTION, "classifiable / rows")
                .column("meets_target", Kind.LABEL, "response rate at least 70%");
        long rows = 0;
        long classifiable = 0;
        Set<String> employers = new TreeSet<>();
        Set<String> years = new LinkedHashSet<>();
        for (Map.Entry<List<String>, SebCounts> cell : SebCounts.byCell(cube).entrySet()) {
            SebCounts counts = cell.getValue();
            long total = counts.total();
            long answered = counts.classifiable();
            rows += total;
            classifiable += answered;
            double rate = (double) answered / total;
            String employer = cell.getKey().get(0);
            String year = cell.getKey().get(1);
            employers.add(employer);
            years.add(year);
            out.row(employer, year, total, answered, counts.excluded(), counts.missing(), rate,
                    rate >= NationalBenchmark.RESPONSE_RATE_TARGET ? "yes" : "no");
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("filter", source.filter().isEmpty() ? "none" : source.filter());
        inputs.put("rows", rows);
        inputs.put("employers", (long) employers.size());
        inputs.put("years", String.join(", ", cube.dimensions().get(1).levels().stream().filter(years::contains).toList()));
        inputs.put("response_rate", rows == 0 ? null : (double) classifiable / rows);
        return new Description(inputs, out.build());
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
