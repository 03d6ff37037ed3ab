package ladder.engine.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import ladder.engine.LadderException;
import ladder.engine.filter.Filter;
import ladder.engine.filter.FilterParser;
import ladder.engine.table.Chunk;
import ladder.engine.table.Codes;
import ladder.engine.table.Column;
import ladder.engine.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cube kernel against a naive row-at-a-time loop on random tables: empty, one row, all
 * decimals missing, narrow and wide codes, one to four threads, every order of the dimensions,
 * with and without filters, and every kernel variant ({@link KernelPlan.Options}).
 */
class CubeKernelTest {

    static Stream<Arguments> tables() {
        return Stream.of(
                Arguments.of("empty", RandomTables.employees(1, 0, 64, 0.1, 5)),
                Arguments.of("one row", RandomTables.employees(2, 1, 64, 0.1, 5)),
                Arguments.of("all missing", RandomTables.employees(3, 500, 64, 1.0, 5)),
                Arguments.of("chunk of one", RandomTables.employees(4, 37, 1, 0.2, 5)),
                Arguments.of("many chunks", RandomTables.employees(5, 5000, 333, 0.2, 12)),
                Arguments.of("wide employer codes", RandomTables.employees(6, 3000, 1000, 0.1, 700)));
    }

    static final List<List<String>> DIMENSION_SETS = List.of(
            List.of(),
            List.of("seb"),
            List.of("year", "seb", "grade"),
            List.of("employer_id", "gender", "seb"),
            List.of("grade", "parental_occupation", "ethnicity", "disability"));

    /**
     * The variants, as options that force them: {@link ColumnKeys} or {@link ByteGroupKeys} (with
     * groups of at most 256, 8 or 3 keys, which makes one to four groups, or more, where the plan
     * falls back to columns), fused counting ({@link ByteGroupCounts}) and counting in registers
     * ({@link LaneCounts}) or not, measures folded or summed, 1, 2 or 4 count stripes, and a
     * filtered block's selected rows' keys computed alone never, always or below half; and the
     * plan's own choice.
     */
    static final List<KernelPlan.Options> VARIANTS = List.of(
            new KernelPlan.Options(false, 256, false, false, false, 1, 0),
            new KernelPlan.Options(false, 256, false, false, true, 2, 1),
            new KernelPlan.Options(true, 256, false, false, false, 4, 1),
            new KernelPlan.Options(true, 256, false, false, true, 1, 0),
            new KernelPlan.Options(true, 256, true, true, true, 1, 1),
            new KernelPlan.Options(true, 8, true, false, true, 1, 0.5),
            new KernelPlan.Options(true, 256, false, true, false, 4, 0),
            new KernelPlan.Options(true, 8, false, false, false, 2, 0),
            new KernelPlan.Options(true, 3, false, false, false, 4, 1),
            KernelPlan.Options.AUTO);

    static final List<String> MEASURES = List.of("hourly_pay", "promoted", "bonus", "months_in_grade", "training");

    /** Measures that every variant can fold into the key, which leaves blocks that need only counts. */
    static final List<String> FOLDABLE = List.of("promoted", "training");

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void everyVariantMatchesTheNaiveLoopForEveryDimensionOrderAndThreadCount(String name, Table table) {
        for (List<String> measures : List.of(MEASURES, FOLDABLE)) {
            for (List<String> dims : DIMENSION_SETS) {
                for (List<String> order : permutations(dims)) {
                    DenseCube shape = CubeKernel.dense(table, Filter.ALL, order, measures, 1);
                    Naive expected = naive(table, shape, r -> true);
                    for (KernelPlan.Options options : VARIANTS) {
                        for (int threads = 1; threads <= 4; threads++) {
                            DenseCube cube = CubeKernel.dense(table, Filter.ALL, empty(shape), threads, options);
                            expected.assertMatches(cube, name + " " + order + " " + measures + " " + options
                                    + " threads=" + threads);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theVariantsRunGroupsOfNoneToFourBytesFusedOrInLanesOrNotAndFallBackBeyond() {
        Table table = RandomTables.employees(10, 100, 64, 0.1, 5);
        Set<Integer> groups = new TreeSet<>();
        Set<Boolean> byteKeys = new TreeSet<>();
        Set<Boolean> fused = new TreeSet<>();
        Set<Boolean> lanes = new TreeSet<>();
        for (List<String> measures : List.of(MEASURES, FOLDABLE)) {
            for (List<String> dims : DIMENSION_SETS) {
                DenseCube shape = CubeKernel.dense(table, Filter.ALL, dims, measures, 1);
                for (KernelPlan.Options options : VARIANTS) {
                    KernelPlan plan = KernelPlan.choose(empty(shape), options);
                    CellKeys keys = plan.scan(empty(shape)).keysFor(table.chunks().get(0));
                    byteKeys.add(keys instanceof ByteGroupKeys);
                    fused.add(plan.fuses(keys));
                    lanes.add(plan.countsInLanes(keys));
                    if (keys instanceof ByteGroupKeys) {
                        groups.add(ByteGroupKeys.groups(plan.layout(), options.groupLimit()).length);
                    }
                }
            }
        }
        assertEquals(Set.of(0, 1, 2, 3, 4), groups);
        assertEquals(Set.of(false, true), byteKeys);
        assertEquals(Set.of(false, true), fused);
        assertEquals(Set.of(false, true), lanes);
    }

    /**
     * Tables whose employer and months-in-grade codes are held as shorts ({@link ByteGroupKeys}'s
     * wide axis): in chunks of 1000 rows, in small chunks whose first employers' codes are bytes
     * (those chunks read by {@link ColumnKeys}), with every decimal missing, and empty or one row.
     */
    static Stream<Arguments> wideTables() {
        return Stream.of(
                Arguments.of("empty", RandomTables.employees(21, 0, 64, 0.1, 700)),
                Arguments.of("one row", RandomTables.employees(22, 1, 64, 0.1, 700)),
                Arguments.of("all missing", RandomTables.employees(23, 700, 64, 1.0, 700)),
                Arguments.of("wide codes", RandomTables.employees(24, 3000, 1000, 0.1, 700)),
                Arguments.of("bytes then shorts", RandomTables.employees(25, 3000, 100, 0.2, 700)),
                Arguments.of("months from 10", monthsFrom10()));
    }

    /** A table whose months in grade run 10 to 600, so that the months axis has a base of 10 (its first code). */
    private static Table monthsFrom10() {
        int months = ladder.engine.contract.Schema.EMPLOYEES.fields().indexOf(ladder.engine.contract.Field.MONTHS_IN_GRADE);
        List<Object[]> rows = RandomTables.rows(26, 2000, 0.1, 700, 500_000);
        for (Object[] row : rows) {
            row[months] = 10 + (Integer) row[months] % 591;
        }
        Table table = RandomTables.table(rows, 500);
        CodeAxis axis = CodeAxis.of(table, "months_in_grade");
        assertEquals(true, axis.base() > 0 && axis.levels().get(0).equals("10"), "months' base " + axis.base());
        return table;
    }

    /**
     * Shapes with an axis of more than 256 levels: time to promotion (seb x months x promoted),
     * the Mantel-Haenszel shape (seb x promoted x employer), the wide axis alone or after four
     * small ones, and two wide axes (left to {@link ColumnKeys}).
     */
    static final List<Shape> WIDE_SHAPES = List.of(
            new Shape(List.of("seb", "months_in_grade", "promoted"), MEASURES),
            new Shape(List.of("seb", "months_in_grade", "promoted"), List.of()),
            new Shape(List.of("seb", "promoted", "employer_id"), FOLDABLE),
            new Shape(List.of("seb", "promoted", "employer_id"), MEASURES),
            new Shape(List.of("months_in_grade"), FOLDABLE),
            new Shape(List.of("seb", "gender", "year", "disability", "employer_id", "promoted"), List.of()),
            new Shape(List.of("employer_id", "months_in_grade"), List.of()));

    @ParameterizedTest(name = "{0}")
    @MethodSource("wideTables")
    void codesHeldAsShortsMatchTheNaiveLoopFilteredOrNot(String name, Table table) {
        Map<String, RowPredicate> filters = new java.util.LinkedHashMap<>();
        filters.put("", (t, c, r) -> true);
        filters.put("grade >= 4", (t, c, r) -> Integer.parseInt(label(c, t.column("grade"), r)) >= 4);
        filters.put("hourly_pay is missing", (t, c, r) -> c.decimals(t.column("hourly_pay")).isNull(r));
        filters.put("grade > 6", (t, c, r) -> false);
        filters.put("employer_id in (E1, E2, E3)",
                (t, c, r) -> List.of("E1", "E2", "E3").contains(label(c, t.column("employer_id"), r)));
        for (Map.Entry<String, RowPredicate> f : filters.entrySet()) {
            String text = f.getKey();
            Filter filter = text.isEmpty() ? Filter.ALL : parse(text, table);
            IntPredicate rows = naiveRows(table, f.getValue());
            for (Shape s : WIDE_SHAPES) {
                DenseCube shape = CubeKernel.dense(table, Filter.ALL, s.dimensions(), s.measures(), 1);
                Naive expected = naive(table, shape, rows);
                for (KernelPlan.Options options : VARIANTS) {
                    for (int threads = 1; threads <= 4; threads++) {
                        expected.assertMatches(CubeKernel.dense(table, filter, empty(shape), threads, options),
                                name + " " + s + " where " + text + " " + options + " threads=" + threads);
                    }
                }
            }
        }
    }

    @Test
    void anAxisHeldAsShortsIsKeyedByByteGroupsAndCountedFused() {
        Table table = RandomTables.employees(24, 3000, 1000, 0.1, 700);
        Chunk chunk = table.chunks().get(1);
        assertEquals(true, chunk.codes(table.column("employer_id")) instanceof Codes.Shorts);
        assertEquals(true, chunk.codes(table.column("months_in_grade")) instanceof Codes.Shorts);
        for (List<String> dims : List.of(List.of("seb", "promoted", "employer_id"), List.of("seb", "months_in_grade",
                "promoted"), List.of("months_in_grade"))) {
            KernelPlan plan = KernelPlan.choose(empty(CubeKernel.dense(table, Filter.ALL, dims, List.of(), 1)),
                    KernelPlan.Options.AUTO);
            CellKeys keys = plan.scan(empty(CubeKernel.dense(table, Filter.ALL, dims, List.of(), 1))).keysFor(chunk);
            assertEquals(true, keys instanceof ByteGroupKeys, dims.toString());
            // Months alone make 601 keys, few enough for four count stripes, and striped counts are not fused.
            assertEquals(dims.size() > 1, plan.fuses(keys), dims.toString());
        }
        DenseCube model = CubeKernel.dense(table, Filter.ALL, List.of("seb", "gender", "ethnicity", "grade", "year",
                "employer_id"), FOLDABLE, 1);
        CellKeys modelKeys = KernelPlan.choose(empty(model), KernelPlan.Options.AUTO).scan(empty(model)).keysFor(chunk);
        assertEquals(true, modelKeys instanceof ByteGroupKeys);
        assertEquals(3, ((ByteGroupKeys) modelKeys).groups());
        // Two wide axes, or a wide axis whose chunk holds it as bytes, are left to ColumnKeys.
        DenseCube two = CubeKernel.dense(table, Filter.ALL, List.of("employer_id", "months_in_grade"), List.of(), 1);
        assertEquals(true, KernelPlan.choose(empty(two), KernelPlan.Options.AUTO).scan(empty(two)).keysFor(chunk)
                instanceof ColumnKeys);
        Table mixed = RandomTables.employees(25, 3000, 100, 0.2, 700);
        DenseCube b = CubeKernel.dense(mixed, Filter.ALL, List.of("seb", "promoted", "employer_id"), List.of(), 1);
        CubeScan scan = KernelPlan.choose(empty(b), KernelPlan.Options.AUTO).scan(empty(b));
        assertEquals(true, mixed.chunks().get(0).codes(mixed.column("employer_id")) instanceof Codes.Bytes);
        assertEquals(true, scan.keysFor(mixed.chunks().get(0)) instanceof ColumnKeys);
        assertEquals(true, scan.keysFor(mixed.chunks().get(29)) instanceof ByteGroupKeys);
    }

    /**
     * Fused counting of filtered blocks ({@link ByteGroupCounts}: the selected rows read at their
     * positions, or a mostly selected word counted branch-free) against the naive loop, with none,
     * about 12%, about half and all of the rows selected, with a wide axis or none, on every table
     * shape and thread count; each case is checked to take the fused path.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("wideTables")
    void filteredBlocksCountedFusedMatchTheNaiveLoopAtEverySelectedShare(String name, Table table) {
        Map<String, RowPredicate> filters = new java.util.LinkedHashMap<>();
        filters.put("grade > 6", (t, c, r) -> false);
        filters.put("months_in_grade < 72", (t, c, r) -> Integer.parseInt(label(c, t.column("months_in_grade"), r)) < 72);
        filters.put("grade >= 4", (t, c, r) -> Integer.parseInt(label(c, t.column("grade"), r)) >= 4);
        filters.put("grade >= 1", (t, c, r) -> true);
        List<KernelPlan.Options> fusing = List.of(KernelPlan.Options.AUTO,
                new KernelPlan.Options(true, 256, true, false, true, 1, 0.25));
        for (Map.Entry<String, RowPredicate> f : filters.entrySet()) {
            Filter filter = parse(f.getKey(), table);
            IntPredicate rows = naiveRows(table, f.getValue());
            for (List<String> dims : List.of(List.of("seb", "promoted", "employer_id"), List.of("seb", "year"),
                    List.of("gender", "employer_id"))) {
                DenseCube shape = CubeKernel.dense(table, Filter.ALL, dims, List.of(), 1);
                Naive expected = naive(table, shape, rows);
                for (KernelPlan.Options options : fusing) {
                    KernelPlan plan = KernelPlan.choose(empty(shape), options);
                    CubeScan scan = plan.scan(empty(shape));
                    boolean fused = false;
                    for (Chunk chunk : table.chunks()) {
                        fused |= plan.fuses(scan.keysFor(chunk));
                    }
                    // The plan stripes seb x year's few keys, which it does not fuse (the forced single stripe is
                    // fused); one row makes at most 8 keys, counted in lanes where allowed.
                    if (table.rows() > 1 && !(dims.equals(List.of("seb", "year")) && options.stripes() == 0)) {
                        assertEquals(true, fused, name + " " + dims + " " + options + " fused");
                    }
                    for (int threads = 1; threads <= 4; threads++) {
                        expected.assertMatches(CubeKernel.dense(table, filter, empty(shape), threads, options),
                                name + " " + dims + " where " + f.getKey() + " " + options + " threads=" + threads);
                    }
                }
            }
        }
    }

    @Test
    void codesHeldAsIntsMatchTheNaiveLoop() {
        // Over 65,536 distinct person ids: the second chunk holds their codes as ints.
        Table table = RandomTables.employees(12, 70_000, 40_000, 0.1, 5);
        assertEquals(true, table.chunks().get(1).codes(table.column("person_id")) instanceof Codes.Ints);
        DenseCube shape = CubeKernel.dense(table, Filter.ALL, List.of("person_id"), FOLDABLE, 1);
        Naive expected = naive(table, shape, r -> true);
        for (KernelPlan.Options options : VARIANTS) {
            expected.assertMatches(CubeKernel.dense(table, Filter.ALL, empty(shape), 2, options), "ints " + options);
        }
    }

    @Test
    void exactSumsOfHugeHundredthsSpillBeforeTheyOverflow() {
        Table table = RandomTables.employees(11, 3000, 1000, 0.1, 5, Integer.MAX_VALUE);
        for (List<String> dims : List.of(List.<String>of(), List.of("seb", "gender"))) {
            DenseCube shape = CubeKernel.dense(table, Filter.ALL, dims, List.of("hourly_pay", "promoted"), 1);
            Naive expected = naive(table, shape, r -> true);
            for (KernelPlan.Options options : VARIANTS) {
                for (int threads = 1; threads <= 2; threads++) {
                    expected.assertMatches(CubeKernel.dense(table, Filter.ALL, empty(shape), threads, options),
                            "huge pay " + dims + " " + options + " threads=" + threads);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void filtersMatchANaivePredicate(String name, Table table) {
        Column grade = table.column("grade");
        Column gender = table.column("gender");
        Column seb = table.column("seb");
        Column pay = table.column("hourly_pay");
        record Case(String text, RowPredicate naive) {
        }
        List<Case> cases = List.of(
                new Case("grade>=4", (t, c, r) -> Integer.parseInt(label(c, grade, r)) >= 4),
                new Case("gender in (woman, man)", (t, c, r) -> List.of("woman", "man").contains(label(c, gender, r))),
                new Case("year = 2021 and grade >= 4", (t, c, r) ->
                        label(c, t.column("year"), r).equals("2021") && Integer.parseInt(label(c, grade, r)) >= 4),
                new Case("not seb = excluded or grade < 2", (t, c, r) ->
                        !label(c, seb, r).equals("excluded") || Integer.parseInt(label(c, grade, r)) < 2),
                new Case("hourly_pay > 2000", (t, c, r) -> !c.decimals(pay).isNull(r) && c.decimals(pay).get(r) > 2000),
                new Case("hourly_pay is missing", (t, c, r) -> c.decimals(pay).isNull(r)),
                new Case("parental_occupation is missing",
                        (t, c, r) -> c.codes(t.column("parental_occupation")).get(r) == 0),
                new Case("seb not in ('working_class', professional)",
                        (t, c, r) -> !List.of("working_class", "professional").contains(label(c, seb, r))),
                new Case("grade > 6", (t, c, r) -> false),
                new Case("grade >= 1", (t, c, r) -> true),
                new Case("hourly_pay <= 0", (t, c, r) -> false),
                new Case("hourly_pay != 2000.5", (t, c, r) -> !c.decimals(pay).isNull(r) && c.decimals(pay).get(r) != 2000.5),
                new Case("bonus < 2500", (t, c, r) -> !c.decimals(t.column("bonus")).isNull(r)
                        && c.decimals(t.column("bonus")).get(r) < 2500),
                new Case("employer_id in (E1, E2, E3)", (t, c, r) -> List.of("E1", "E2", "E3").contains(
                        label(c, t.column("employer_id"), r))));
        for (Case k : cases) {
            Filter filter = parse(k.text(), table);
            IntPredicate rows = naiveRows(table, k.naive());
            for (Shape s : FILTERED_SHAPES) {
                DenseCube shape = CubeKernel.dense(table, Filter.ALL, s.dimensions(), s.measures(), 1);
                Naive expected = naive(table, shape, rows);
                for (KernelPlan.Options options : VARIANTS) {
                    for (int threads = 1; threads <= 3; threads++) {
                        DenseCube cube = CubeKernel.dense(table, filter, empty(shape), threads, options);
                        expected.assertMatches(cube, name + " " + s + " where " + k.text() + " " + options
                                + " threads=" + threads);
                    }
                }
            }
        }
    }

    /** A cube's dimensions and measures. */
    record Shape(List<String> dimensions, List<String> measures) {
    }

    /**
     * The shapes filtered cubes are checked on: sums of every kind of measure; at most eight keys
     * and nothing but counts ({@link LaneCounts}); more keys, nothing but counts (the selected
     * rows' keys counted as gathered); wide employer codes with sums (gathered keys put back by
     * block row).
     */
    static final List<Shape> FILTERED_SHAPES = List.of(
            new Shape(List.of("seb", "year"), MEASURES),
            new Shape(List.of("seb"), List.of()),
            new Shape(List.of("seb"), List.of("promoted")),
            new Shape(List.of("employer_id", "seb"), FOLDABLE),
            new Shape(List.of("employer_id", "gender"), MEASURES));

    /**
     * The filter {@code text}, but for {@code employer_id in (...)} the employers the table has
     * (a small table lacks some), or a filter selecting nothing if it has none of them.
     */
    private static Filter parse(String text, Table table) {
        if (!text.startsWith("employer_id in (")) {
            return FilterParser.parse(text, table);
        }
        Column employer = table.column("employer_id");
        List<String> present = Stream.of(text.substring(16, text.length() - 1).split(", "))
                .filter(e -> employer.codeOf(e) >= 0).toList();
        return FilterParser.parse(present.isEmpty() ? "grade > 6" : "employer_id in (" + String.join(", ", present) + ")",
                table);
    }

    @Test
    void userMistakesAreNamed() {
        Table table = RandomTables.employees(9, 10, 8, 0.1, 3);
        assertThrows(LadderException.class, () -> CubeKernel.build(table, Filter.ALL, List.of("bonus"), List.of(), 1));
        assertThrows(LadderException.class, () -> CubeKernel.build(table, Filter.ALL, List.of("nope"), List.of(), 1));
        assertThrows(LadderException.class, () -> CubeKernel.build(table, Filter.ALL, List.of(), List.of("gender"), 1));
        assertThrows(LadderException.class, () -> CubeKernel.build(table, Filter.ALL, List.of("seb", "SEB"), List.of(), 1));
        for (String bad : List.of("grade >= x", "gender = womn", "gender > woman", "grade >=", "(grade = 1",
                "nope = 1", "grade = 1 grade", "gender in (woman", "hourly_pay = 'x'", "grade = 2.5")) {
            LadderException e = assertThrows(LadderException.class, () -> FilterParser.parse(bad, table), bad);
            assertEquals(true, e.getMessage().contains(bad), e.getMessage());
        }
    }

    interface RowPredicate {
        boolean test(Table table, Chunk chunk, int row);
    }

    private static String label(Chunk chunk, Column column, int row) {
        return column.label(chunk.codes(column).get(row));
    }

    /** The global row numbers passing {@code predicate}, evaluated row by row. */
    private static IntPredicate naiveRows(Table table, RowPredicate predicate) {
        List<Boolean> pass = new ArrayList<>();
        for (Chunk chunk : table.chunks()) {
            for (int r = 0; r < chunk.rows(); r++) {
                pass.add(predicate.test(table, chunk, r));
            }
        }
        return pass::get;
    }

    private static DenseCube empty(DenseCube shape) {
        return new DenseCube(shape.dimensions(), shape.measures());
    }

    /** A cube's cells rebuilt row at a time, by labels. */
    record Naive(long[] counts, long[] n, double[] sum, double[] sumsq, int m) {
        void assertMatches(DenseCube cube, String what) {
            assertEquals(counts.length, cube.cells(), what + " cells");
            for (int cell = 0; cell < counts.length; cell++) {
                assertEquals(counts[cell], cube.count(cell), what + " count of cell " + cell);
                for (int j = 0; j < m; j++) {
                    int at = cell * m + j;
                    assertEquals(n[at], cube.valueCount(cell, j), what + " n");
                    assertEquals(sum[at], cube.sum(cell, j), 1e-9 * Math.abs(sum[at]), what + " sum");
                    assertEquals(sumsq[at], cube.sumOfSquares(cell, j), 1e-9 * sumsq[at], what + " sumsq");
                }
            }
        }
    }

    private static Naive naive(Table table, DenseCube shape, IntPredicate rowPasses) {
        int cells = shape.cells();
        int m = shape.measures().size();
        Naive out = new Naive(new long[cells], new long[cells * m], new double[cells * m], new double[cells * m], m);
        List<Map<String, Integer>> positions = new ArrayList<>();
        for (CodeAxis dim : shape.dimensions()) {
            Map<String, Integer> position = new HashMap<>();
            for (int level = 0; level < dim.size(); level++) {
                position.put(dim.levels().get(level), level);
            }
            positions.add(position);
        }
        int global = 0;
        for (Chunk chunk : table.chunks()) {
            for (int r = 0; r < chunk.rows(); r++, global++) {
                if (!rowPasses.test(global)) {
                    continue;
                }
                int[] levels = new int[shape.dimensions().size()];
                for (int d = 0; d < levels.length; d++) {
                    levels[d] = positions.get(d).get(label(chunk, shape.dimensions().get(d).column(), r));
                }
                int cell = shape.cell(levels);
                out.counts[cell]++;
                for (int j = 0; j < m; j++) {
                    Column measure = shape.measures().get(j);
                    double v;
                    if (measure.isDecimal()) {
                        if (chunk.decimals(measure).isNull(r)) {
                            continue;
                        }
                        v = chunk.decimals(measure).get(r);
                    } else {
                        v = Integer.parseInt(label(chunk, measure, r));
                    }
                    out.n[cell * m + j]++;
                    out.sum[cell * m + j] += v;
                    out.sumsq[cell * m + j] += v * v;
                }
            }
        }
        return out;
    }

    static List<List<String>> permutations(List<String> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<String>> out = new ArrayList<>();
        for (String first : items) {
            List<String> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<String> tail : permutations(rest)) {
                List<String> p = new ArrayList<>();
                p.add(first);
                p.addAll(tail);
                out.add(p);
            }
        }
        return out;
    }
}
