package ladder.reports.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ladder.engine.LadderException;
import ladder.engine.contract.Seb;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.models.disclosure.CountTable;

/**
 * The count tables the report publishes that share margins, as the report's one
 * {@link ladder.models.disclosure.SuppressionPlan} sees them. Each is a cube of the pool over its
 * dimensions with {@code seb} at four levels: the three groups and {@value #NO_ANSWER} (excluded
 * and missing together: a small count of either alone would otherwise withhold the classifiable
 * total, and with it every share of the cell). The tables' margins are the same quantities wherever
 * they are printed:
 * <ul>
 *   <li>{@value #RESPONSE}: employer_id x year x seb (the response rates; its margins are the
 *       composition by year and by employer, and the pool's);</li>
 *   <li>{@value #GRADES}: grade x seb (the class ceiling);</li>
 *   <li>{@value #PROMOTION}: employer_id x seb x promoted (the odds of promotion, crude and per employer);</li>
 *   <li>{@value #REGIONS}: region x seb (the regions);</li>
 *   <li>{@value #ROUTES}: entry_route x seb x promoted (entry routes: composition and promotion);</li>
 *   <li>{@value #TRAINING}: grade x seb x training (training take-up);</li>
 *   <li>{@value #SCHOOL}, {@value #MEALS}: school_type x year and free_school_meals x year, and
 *       {@value #DEGREE}: entry_route x parent_degree x year (the supplementary questions; their year
 *       margin is the response table's);</li>
 *   <li>{@value #INTERSECTION}: seb x gender x ethnicity x promoted (the intersectional breakdown and
 *       MAIHDA's strata; every level of gender and ethnicity, the non-answers too, so that its seb x
 *       promoted margin is the promotion table's).</li>
 * </ul>
 * Levels that no row takes are left out (their zero is no one's count), so a dimension has the same
 * levels in every table, as the plan requires.
 */
final class PlanTables {
    static final String RESPONSE = "response";
    static final String GRADES = "grades";
    static final String PROMOTION = "promotion";
    static final String REGIONS = "regions";
    static final String ROUTES = "routes";
    static final String TRAINING = "training";
    static final String SCHOOL = "school_type";
    static final String MEALS = "free_school_meals";
    static final String DEGREE = "parent_degree";
    static final String INTERSECTION = "intersection";
    /** The plan's level of seb for rows outside the three groups (excluded or missing). */
    static final String NO_ANSWER = "no_answer";

    private PlanTables() {
    }

    /** The tables the source can give (merged cube files may lack a dimension: that table is left out). */
    static List<CountTable> of(CubeSource source) {
        List<CountTable> tables = new ArrayList<>();
        table(source, RESPONSE, List.of("employer_id", "year", "seb")).ifPresent(tables::add);
        table(source, GRADES, List.of("grade", "seb")).ifPresent(tables::add);
        table(source, PROMOTION, List.of("employer_id", "seb", "promoted")).ifPresent(tables::add);
        table(source, REGIONS, List.of("region", "seb")).ifPresent(tables::add);
        table(source, ROUTES, List.of("entry_route", "seb", "promoted")).ifPresent(tables::add);
        table(source, TRAINING, List.of("grade", "seb", "training")).ifPresent(tables::add);
        table(source, SCHOOL, List.of("school_type", "year")).ifPresent(tables::add);
        table(source, MEALS, List.of("free_school_meals", "year")).ifPresent(tables::add);
        table(source, DEGREE, List.of("entry_route", "parent_degree", "year")).ifPresent(tables::add);
        table(source, INTERSECTION, List.of("seb", "gender", "ethnicity", "promoted")).ifPresent(tables::add);
        return tables;
    }

    private static Optional<CountTable> table(CubeSource source, String name, List<String> dimensions) {
        return table(source, name, dimensions, Map.of());
    }

    /**
     * The table over {@code dimensions}, the levels of each dimension in {@code bands} grouped by the
     * function (a level to its band), seb at the plan's four levels.
     */
    static Optional<CountTable> table(CubeSource source, String name, List<String> dimensions,
            Map<String, java.util.function.UnaryOperator<String>> bands) {
        Cube cube;
        try {
            cube = source.cube(dimensions, List.of());
        } catch (LadderException e) {
            return Optional.empty();
        }
        if (cube.total() == 0) {
            return Optional.empty();
        }
        for (Map.Entry<String, java.util.function.UnaryOperator<String>> b : bands.entrySet()) {
            Map<String, String> groups = new LinkedHashMap<>();
            cube.dimensions().get(cube.dimension(b.getKey())).levels().forEach(l -> groups.put(l, b.getValue().apply(l)));
            cube = cube.collapse(b.getKey(), b.getKey(), groups);
        }
        if (!dimensions.contains("seb")) {
            return Optional.of(of(name, cube));
        }
        Map<String, String> groups = new LinkedHashMap<>();
        Seb.CLASSIFIABLE.forEach(s -> groups.put(s.level(), s.level()));
        groups.put(Seb.EXCLUDED.level(), NO_ANSWER);
        groups.put(Seb.MISSING.level(), NO_ANSWER);
        return Optional.of(of(name, cube.collapse("seb", "seb", groups)));
    }

    /** The cube's counts as a table over the levels each dimension takes in some non-empty cell. */
    static CountTable of(String name, Cube cube) {
        int dims = cube.dimensions().size();
        List<List<String>> levels = new ArrayList<>();
        int[][] position = new int[dims][];
        for (int d = 0; d < dims; d++) {
            boolean[] taken = new boolean[cube.dimensions().get(d).size()];
            for (int cell = 0; cell < cube.size(); cell++) {
                if (cube.count(cell) > 0) {
                    taken[cube.level(cell, d)] = true;
                }
            }
            List<String> kept = new ArrayList<>();
            position[d] = new int[taken.length];
            for (int l = 0; l < taken.length; l++) {
                position[d][l] = taken[l] ? kept.size() : -1;
                if (taken[l]) {
                    kept.add(cube.dimensions().get(d).levels().get(l));
                }
            }
            levels.add(kept);
        }
        long size = 1;
        for (List<String> l : levels) {
            size *= l.size();
        }
        long[] counts = new long[Math.toIntExact(size)];
        for (int cell = 0; cell < cube.size(); cell++) {
            if (cube.count(cell) == 0) {
                continue;
            }
            int at = 0;
            for (int d = 0; d < dims; d++) {
                at = at * levels.get(d).size() + position[d][cube.level(cell, d)];
            }
            counts[at] += cube.count(cell);
        }
        List<String> names = cube.dimensions().stream().map(ladder.engine.cube.Dimension::name).toList();
        return new CountTable(name, names, levels, counts);
    }
}
