package ladder.models.survival;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import ladder.engine.LadderException;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.engine.cube.Dimension;
import ladder.engine.cube.Outcome;

/**
 * The {@link SurvivalCell}s of a pool, read from one cube over (group columns, strata, cluster,
 * time, event): per combination of the group levels, stratum, cluster and whole month, the people
 * with the event ({@code promoted = 1}) and the rest (censored then). So the survival statistics
 * run alike on rows and on merged cube files.
 *
 * <p>Of each group column, the levels compared are those named, in that order (the first is the
 * Cox reference), or else every level that is an answer (for {@code seb}: professional first,
 * then intermediate and working class); people at other levels ({@code excluded}, {@code missing},
 * ...) are left out and counted.
 *
 * @param by the group columns
 * @param levels per group column the levels compared that have people, the reference first
 * @param cells the counts, ordered by group levels, stratum, cluster and month
 * @param leftOut people left out, by "column level" (e.g. "seb missing")
 */
public record SurvivalCells(List<String> by, List<List<String>> levels, List<SurvivalCell> cells,
        Map<String, Long> leftOut) {

    public SurvivalCells {
        by = List.copyOf(by);
        levels = levels.stream().map(List::copyOf).toList();
        cells = List.copyOf(cells);
        leftOut = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(leftOut));
    }

    /**
     * The cells of {@code source}.
     *
     * @param time a whole-months column such as months_in_grade
     * @param event a 0/1 column such as promoted (or a condition, see {@link Outcome})
     * @param by the group columns (one or more)
     * @param named per group column the levels to compare, in order (absent: every answer)
     * @param strata columns whose level combinations are the strata (may be empty)
     * @param cluster columns whose level combinations are the clusters (may be empty)
     */
    public static SurvivalCells of(CubeSource source, String time, String event, List<String> by,
            Map<String, List<String>> named, List<String> strata, List<String> cluster) {
        String t = name(time);
        List<String> groups = by.stream().map(SurvivalCells::name).toList();
        List<String> s = strata.stream().map(SurvivalCells::name).toList();
        List<String> k = cluster.stream().map(SurvivalCells::name).toList();
        if (groups.isEmpty()) {
            throw new LadderException("give --by: at least one column whose groups to compare, e.g. seb");
        }
        requireWholeMonths(t);
        Outcome outcome = Outcome.parse(event);
        CubeSource.requireCategorical(List.of(outcome.column()), "the event (a 0/1 column such as promoted)");
        CubeSource.requireCategorical(groups, "a --by column");
        CubeSource.requireCategorical(s, "a stratum");
        CubeSource.requireCategorical(k, "a cluster");
        List<String> dims = new ArrayList<>(groups);
        dims.addAll(s);
        k.stream().filter(c -> !s.contains(c)).forEach(dims::add);
        dims.add(t);
        dims.add(outcome.column());
        if (dims.stream().distinct().count() != dims.size()) {
            throw new LadderException("a column is named twice among --time, --event, --by, --strata and --cluster"
                    + " (only --strata and --cluster may share one): " + String.join(", ", dims));
        }
        Map<String, List<String>> asked = new LinkedHashMap<>();
        named.forEach((c, l) -> asked.put(name(c), l));
        for (String c : asked.keySet()) {
            if (!groups.contains(c)) {
                throw new LadderException("levels are given for " + c + ", which is not a --by column ("
                        + String.join(", ", groups) + ")");
            }
        }
        Cube rows = source.cube(dims, List.of());
        if (outcome.operator() == null) {
            for (String level : rows.dimensions().get(rows.dimension(outcome.column())).levels()) {
                if (!level.equals("0") && !level.equals("1")) {
                    throw new LadderException("--event " + outcome.column() + " is not a 0/1 column (it has level '"
                            + level + "'): give one that is 1 for promoted and 0 for not (yet), such as promoted");
                }
            }
        }
        Cube cube = outcome.applyTo(rows);
        if (cube.total() == 0) {
            throw new LadderException("the selection has no rows");
        }
        int timeDim = cube.dimension(t);
        List<Integer> months = months(cube.dimensions().get(timeDim));
        List<List<String>> compared = new ArrayList<>();
        for (String g : groups) {
            Dimension d = cube.dimensions().get(cube.dimension(g));
            compared.add(compared(d, asked.get(g)));
        }
        return read(cube, groups, compared, s, k, timeDim, months);
    }

    private static SurvivalCells read(Cube cube, List<String> groups, List<List<String>> compared, List<String> strata,
            List<String> cluster, int timeDim, List<Integer> months) {
        int[] groupDims = groups.stream().mapToInt(cube::dimension).toArray();
        int[] strataDims = strata.stream().mapToInt(cube::dimension).toArray();
        int[] clusterDims = cluster.stream().mapToInt(cube::dimension).toArray();
        int eventDim = cube.dimension(Outcome.AXIS);
        Comparator<List<Object>> order = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                @SuppressWarnings("unchecked")
                int c = ((Comparable<Object>) a.get(i)).compareTo(b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        TreeMap<List<Object>, double[]> counts = new TreeMap<>(order);
        Map<String, Long> leftOut = new LinkedHashMap<>();
        for (int cell = 0; cell < cube.size(); cell++) {
            long n = cube.count(cell);
            if (n == 0) {
                continue;
            }
            List<Object> key = new ArrayList<>();
            String out = null;
            for (int g = 0; g < groupDims.length && out == null; g++) {
                int at = compared.get(g).indexOf(cube.label(cell, groupDims[g]));
                if (at < 0) {
                    out = groups.get(g) + " " + cube.label(cell, groupDims[g]);
                }
                key.add(at);
            }
            Integer month = months.get(cube.level(cell, timeDim));
            if (out == null && month == null) {
                out = cube.dimensions().get(timeDim).name() + " (missing)";
            }
            if (out != null) {
                leftOut.merge(out, n, Long::sum);
                continue;
            }
            key.add(label(cube, cell, strataDims));
            key.add(label(cube, cell, clusterDims));
            key.add(month);
            counts.computeIfAbsent(key, x -> new double[2])[cube.label(cell, eventDim).equals("1") ? 0 : 1] += n;
        }
        if (counts.isEmpty()) {
            throw new LadderException("no one in the selection is at the levels compared ("
                    + String.join("; ", compared.stream().map(l -> String.join(", ", l)).toList()) + ")");
        }
        List<SurvivalCell> cells = new ArrayList<>();
        List<List<Boolean>> present = new ArrayList<>();
        for (List<String> l : compared) {
            present.add(new ArrayList<>(java.util.Collections.nCopies(l.size(), false)));
        }
        counts.forEach((key, c) -> {
            List<String> levels = new ArrayList<>();
            for (int g = 0; g < compared.size(); g++) {
                int at = (Integer) key.get(g);
                levels.add(compared.get(g).get(at));
                present.get(g).set(at, true);
            }
            int g = compared.size();
            cells.add(new SurvivalCell(levels, strataDims.length == 0 ? null : (String) key.get(g),
                    clusterDims.length == 0 ? null : (String) key.get(g + 1), (Integer) key.get(g + 2), c[0], c[1]));
        });
        List<List<String>> withPeople = new ArrayList<>();
        for (int g = 0; g < compared.size(); g++) {
            List<String> l = new ArrayList<>();
            for (int i = 0; i < compared.get(g).size(); i++) {
                if (present.get(g).get(i)) {
                    l.add(compared.get(g).get(i));
                }
            }
            withPeople.add(l);
        }
        return new SurvivalCells(groups.stream().map(g -> cube.dimensions().get(cube.dimension(g)).name()).toList(),
                withPeople, cells, leftOut);
    }

    private static String label(Cube cube, int cell, int[] dims) {
        List<String> parts = new ArrayList<>();
        for (int d : dims) {
            parts.add(cube.label(cell, d));
        }
        return String.join(" / ", parts);
    }

    private static String name(String column) {
        return column.strip().toLowerCase(Locale.ROOT);
    }

    /** Refuses a time column that is not whole numbers (an amount, a code or text). */
    private static void requireWholeMonths(String time) {
        boolean coded = time.equals("seb") || Schema.EMPLOYEES.field(time).map(f -> f.kind() != Field.Kind.INT)
                .orElse(false);
        if (coded) {
            throw new LadderException("--time " + time + " is not whole months: give an integer column such as"
                    + " months_in_grade");
        }
    }

    /** Each level of the time dimension as whole months (null: "(missing)"), or a one-line refusal. */
    private static List<Integer> months(Dimension time) {
        List<Integer> months = new ArrayList<>();
        for (String level : time.levels()) {
            if (level.equals("(missing)")) {
                months.add(null);
                continue;
            }
            int m;
            try {
                m = Integer.parseInt(level);
            } catch (NumberFormatException e) {
                throw new LadderException("--time " + time.name() + " has level '" + level + "', not whole months:"
                        + " give an integer column such as months_in_grade");
            }
            if (m < 0 || m > SurvivalCell.MAX_MONTHS) {
                throw new LadderException("--time " + time.name() + " has level " + m + ", outside 0 to "
                        + SurvivalCell.MAX_MONTHS + " months: is it months in grade?");
            }
            months.add(m);
        }
        return months;
    }

    /** The levels of {@code d} compared: those named (each must exist), or every answer, professional first for SEB. */
    private static List<String> compared(Dimension d, List<String> named) {
        List<String> levels = new ArrayList<>();
        if (named != null && !named.isEmpty()) {
            for (String l : named) {
                String level = d.levels().get(d.require(l.strip()));
                if (levels.contains(level)) {
                    throw new LadderException(d.name() + " level " + level + " is named twice");
                }
                levels.add(level);
            }
            return levels;
        }
        d.levels().stream().filter(l -> ladder.models.result.Answers.isAnswer(l)).forEach(levels::add);
        if (d.name().equals("seb") && levels.remove("professional")) {
            levels.add(0, "professional");
        }
        if (levels.isEmpty()) {
            throw new LadderException(d.name() + " has no level that is an answer to compare");
        }
        return levels;
    }
}
