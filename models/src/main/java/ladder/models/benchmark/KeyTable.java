package ladder.models.benchmark;

import java.util.List;
import ladder.engine.cube.Cube;
import ladder.models.pay.PayHistogram;
import ladder.models.result.Answers;

/**
 * A count table the key figures rest on: its dimensions after the part (employer, rest of sector,
 * other employers), their levels, and the cube of the pool it is read from. Every table holds every
 * row of a part (a row whose answer is outside the named levels falls in the table's catch-all
 * level), so the part totals the tables share are one quantity to the suppression plan, as are the
 * (part, seb) margins of the grade, entry route and training tables. Levels the figures do not
 * need are pooled (entry routes other than the graduate scheme and apprenticeships; everyone not
 * on the graduate scheme for first in family), so that a small count there, withheld, does not
 * make the plan withhold a figure's count to protect it.
 */
enum KeyTable {
    SEB("seb", List.of("seb", "grade", "promoted"), List.of("seb"), List.of(KeyCounts.GROUPS)),
    SENIOR("senior", List.of("seb", "grade", "promoted"), List.of("grade", "seb"),
            List.of(KeyCounts.BANDS, KeyCounts.GROUPS)),
    PROMOTION("promotion", List.of("seb", "grade", "promoted"), List.of("seb", "promoted"),
            List.of(KeyCounts.GROUPS, List.of("1", "0"))),
    SCHOOL("school", List.of("school_type"), List.of("school_type"), List.of(answers("independent"))),
    MEALS("meals", List.of("free_school_meals"), List.of("free_school_meals"), List.of(answers("yes"))),
    ROUTES("routes", List.of("seb", "entry_route"), List.of("entry_route", "seb"),
            List.of(KeyCounts.ROUTES, KeyCounts.GROUPS)),
    /** Graduate-scheme hires by parent_degree answer, then everyone else in one level. */
    DEGREE("degree", List.of("entry_route", "parent_degree"), List.of("first_in_family"),
            List.of(List.of("no", "other_answer", "no_answer", "not_graduate_scheme"))),
    TRAINING("training", List.of("seb", "training"), List.of("seb", "training"),
            List.of(KeyCounts.GROUPS, List.of("1", "0"))),
    /** People with an hourly pay by class; the rest (unclassifiable, or no pay) in the last level. */
    PAY("pay", List.of("seb", "hourly_pay"), List.of("paid"),
            List.of(List.of("professional", "intermediate", "working_class", "no_pay_or_class"))),
    /**
     * People with a time in grade and a 0/1 promoted by class; the rest (unclassifiable, or either missing) in
     * the last level.
     */
    TENURE("tenure", List.of("seb", "months_in_grade", "promoted"), List.of("timed"),
            List.of(List.of("professional", "intermediate", "working_class", "no_time_or_class"))),
    /**
     * Applications (the applicants table, another population) by the stage they stopped at and class, the
     * recruitment funnel's own table ({@link ladder.models.funnel.RecruitmentFunnel}), so that an employer's
     * pack publishes its funnel and its comparison under one plan; that plan is not the employees' tables'
     * (its total is another).
     */
    APPLICANTS("applicants", List.of("seb", "stage_reached"), List.of("stage_reached", "seb"),
            List.of(KeyCounts.STAGES, KeyCounts.GROUPS));

    private final String id;
    private final List<String> cube;
    private final List<String> dimensions;
    private final List<List<String>> levels;

    KeyTable(String id, List<String> cube, List<String> dimensions, List<List<String>> levels) {
        this.id = id;
        this.cube = cube;
        this.dimensions = dimensions;
        this.levels = levels;
    }

    /** A supplementary question's levels: the one counted, the other answers, and those who did not answer. */
    private static List<String> answers(String counted) {
        return List.of(counted, "other_answer", "no_answer");
    }

    /** The table's name in the suppression plan. */
    String id() {
        return id;
    }

    /**
     * The dimensions, after employer_id (and sector, but for {@link #APPLICANTS}, whose table has none: an
     * employer's applications count in its sector of the employees' data), of the cube the table is read from.
     */
    List<String> cube() {
        return cube;
    }

    List<String> dimensions() {
        return dimensions;
    }

    List<List<String>> levels() {
        return levels;
    }

    /** The number of interior cells. */
    int size() {
        return levels.stream().mapToInt(List::size).reduce(1, (a, b) -> a * b);
    }

    /** The interior index (row-major, last dimension fastest) of the cell with {@code labels}. */
    int index(List<String> labels) {
        int i = 0;
        for (int d = 0; d < levels.size(); d++) {
            int l = levels.get(d).indexOf(labels.get(d));
            if (l < 0) {
                throw new IllegalArgumentException("no level " + labels.get(d) + " of " + dimensions.get(d) + " in " + id);
            }
            i = i * levels.get(d).size() + l;
        }
        return i;
    }

    /**
     * The interior index a cube cell's rows are counted in ({@code cube} read over {@link #cube()});
     * {@code amounts} are the parsed levels of its pay or months dimension ({@link #amounts}), -1 for none.
     */
    int index(Cube cube, int cell, long[] amounts) {
        return switch (this) {
            case SEB -> group(cube, cell);
            case SENIOR -> (Integer.parseInt(label(cube, cell, "grade")) >= 4 ? 4 : 0) + group(cube, cell);
            case PROMOTION -> 2 * group(cube, cell) + yes(cube, cell, "promoted");
            case SCHOOL -> answer(label(cube, cell, "school_type"), "independent");
            case MEALS -> answer(label(cube, cell, "free_school_meals"), "yes");
            case ROUTES -> 4 * route(cube, cell) + group(cube, cell);
            case DEGREE -> route(cube, cell) == 0 ? answer(label(cube, cell, "parent_degree"), "no") : 3;
            case TRAINING -> 2 * group(cube, cell) + yes(cube, cell, "training");
            case PAY -> {
                int g = group(cube, cell);
                yield g < 3 && amounts[cube.level(cell, cube.dimension("hourly_pay"))] >= 0 ? g : 3;
            }
            case TENURE -> {
                int g = group(cube, cell);
                yield g < 3 && amounts[cube.level(cell, cube.dimension("months_in_grade"))] >= 0
                        && List.of("0", "1").contains(label(cube, cell, "promoted")) ? g : 3;
            }
            case APPLICANTS -> KeyCounts.STAGES.indexOf(label(cube, cell, "stage_reached")) * KeyCounts.GROUPS.size()
                    + group(cube, cell);
        };
    }

    /**
     * The levels of a cube's amount dimension read as numbers: hourly_pay in pence ({@link PayHistogram#pence}),
     * months_in_grade in months; "(missing)" is -1. Null for a cube with neither.
     */
    static long[] amounts(Cube cube) {
        if (cube.hasDimension("hourly_pay")) {
            return PayHistogram.pence(cube.dimensions().get(cube.dimension("hourly_pay")).levels());
        }
        if (!cube.hasDimension("months_in_grade")) {
            return null;
        }
        return cube.dimensions().get(cube.dimension("months_in_grade")).levels().stream()
                .mapToLong(l -> l.equals(ladder.engine.table.Column.EMPTY_LABEL) ? -1 : Long.parseLong(l)).toArray();
    }

    private static String label(Cube cube, int cell, String dimension) {
        return cube.label(cell, cube.dimension(dimension));
    }

    private static int group(Cube cube, int cell) {
        return KeyCounts.group(label(cube, cell, "seb"));
    }

    /** 0 for "1", else 1 (a 0/1 column as the tables order it: yes first). */
    private static int yes(Cube cube, int cell, String dimension) {
        return label(cube, cell, dimension).equals("1") ? 0 : 1;
    }

    private static int route(Cube cube, int cell) {
        int r = KeyCounts.ROUTES.indexOf(label(cube, cell, "entry_route"));
        return r < 0 ? KeyCounts.ROUTES.size() - 1 : r;
    }

    /** 0 for the level counted, 1 for another answer, 2 for no answer ({@link Answers#isAnswer}). */
    private static int answer(String level, String counted) {
        return level.equals(counted) ? 0 : Answers.isAnswer(level) ? 1 : 2;
    }
}
