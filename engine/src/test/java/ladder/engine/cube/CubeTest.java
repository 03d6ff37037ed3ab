package ladder.engine.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import ladder.engine.LadderException;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.filter.Filter;
import ladder.engine.filter.FilterParser;
import ladder.engine.table.Table;
import org.junit.jupiter.api.Test;

/**
 * The cube as a value: for random tables split at random into 1 to 16 parts (by rows, by
 * employer, by file), the merge of the parts' cubes in any order equals the cube of the whole;
 * levels that differ between parts align by label; the dense and sparse kernels give the same
 * cube; labelled access agrees with a naive count over the rows.
 */
class CubeTest {
    private static final List<String> DIMS = List.of("employer_id", "year", "seb", "gender", "grade");
    private static final List<String> MEASURES = List.of("hourly_pay", "promoted", "bonus", "months_in_grade");
    private static final int EMPLOYER = Schema.EMPLOYEES.fields().indexOf(Field.EMPLOYER_ID);

    @Test
    void theMergeOfThePartsEqualsTheWholeForEverySplitAndOrder() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 24; trial++) {
            int rows = random.nextInt(0, 3000);
            List<Object[]> all = RandomTables.rows(100 + trial, rows, 0.15, 1 + random.nextInt(40), 50_000);
            int parts = 1 + random.nextInt(16);
            String how = List.of("rows", "employer", "file").get(trial % 3);
            List<List<Object[]>> split = split(all, parts, how, random);
            Cube whole = CubeKernel.build(RandomTables.table(all, 64 + random.nextInt(512)), Filter.ALL, DIMS, MEASURES,
                    1 + random.nextInt(3));
            List<Cube> cubes = new ArrayList<>();
            for (List<Object[]> part : split) {
                cubes.add(CubeKernel.build(RandomTables.table(part, 128), Filter.ALL, DIMS, MEASURES, 1));
            }
            Collections.shuffle(cubes, new java.util.Random(trial));
            Cube merged = cubes.get(0);
            for (int i = 1; i < cubes.size(); i++) {
                merged = merged.merge(cubes.get(i));
            }
            assertSameCube(whole, merged, "trial " + trial + ": " + rows + " rows in " + parts + " parts by " + how);
        }
    }

    private static List<List<Object[]>> split(List<Object[]> rows, int parts, String how, SplittableRandom random) {
        List<List<Object[]>> out = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            out.add(new ArrayList<>());
        }
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            int p = switch (how) {
                case "rows" -> random.nextInt(parts);
                case "employer" -> Math.floorMod(row[EMPLOYER].hashCode(), parts);
                default -> (int) ((long) r * parts / Math.max(1, rows.size()));
            };
            out.get(p).add(row);
        }
        return out;
    }

    /** Counts, value counts and sums held in units exactly; sums of doubles to rounding (their order differs). */
    static void assertSameCube(Cube expected, Cube actual, String what) {
        assertEquals(expected.dimensions(), actual.dimensions(), what);
        assertEquals(expected.measures(), actual.measures(), what);
        assertEquals(expected.size(), actual.size(), what);
        for (int c = 0; c < expected.size(); c++) {
            assertEquals(expected.count(c), actual.count(c), what);
            for (int d = 0; d < expected.dimensions().size(); d++) {
                assertEquals(expected.level(c, d), actual.level(c, d), what);
            }
            for (int j = 0; j < expected.measures().size(); j++) {
                assertEquals(expected.valueCount(c, j), actual.valueCount(c, j), what);
                if (expected.looseSum(c, j) == 0 && actual.looseSum(c, j) == 0) {
                    assertEquals(expected.unitSum(c, j), actual.unitSum(c, j), what);
                    assertEquals(expected.unitSumOfSquares(c, j), actual.unitSumOfSquares(c, j), what);
                } else {
                    // A chunk holds doubles when any of its values is not whole pence, so where a
                    // measure's values went to doubles depends on how the rows were chunked.
                    assertEquals(expected.sum(c, j), actual.sum(c, j), 1e-9 * Math.abs(expected.sum(c, j)), what);
                }
            }
        }
    }

    @Test
    void theDenseAndSparseKernelsGiveTheSameCube() {
        for (int seed = 0; seed < 6; seed++) {
            Table table = RandomTables.employees(seed, 2000 + 700 * seed, 256, 0.2, 1 + 90 * seed);
            for (int threads = 1; threads <= 3; threads++) {
                Filter filter = seed % 2 == 0 ? Filter.ALL : FilterParser.parse("grade >= 3", table);
                Cube dense = CubeKernel.labelled(CubeKernel.dense(table, filter, DIMS, MEASURES, threads), filter);
                Cube sparse = new SparseKernel(table, filter, DIMS, MEASURES).build(threads);
                assertSameCube(dense, sparse, "seed " + seed + ", " + threads + " threads");
            }
        }
    }

    /**
     * Levels the dense axis does not span (codes below or above those with rows), a missing code
     * listed last though its code is 0, and employers interned out of label order: the dense
     * kernel's labelling still equals the sparse kernel's cube and a naive count.
     */
    @Test
    void theDenseLabellingWalksLevelsInLabelOrderWhateverTheCodes() {
        SplittableRandom random = new SplittableRandom(3);
        int occupation = Schema.EMPLOYEES.fields().indexOf(Field.PARENTAL_OCCUPATION);
        int gender = Schema.EMPLOYEES.fields().indexOf(Field.GENDER);
        List<Object[]> rows = RandomTables.rows(21, 3000, 0.1, 30, 50_000);
        for (Object[] r : rows) {
            r[occupation] = random.nextInt(4) == 0 ? 0 : 3 + random.nextInt(3);
            r[gender] = 2 + random.nextInt(2);
        }
        Table table = RandomTables.table(rows, 256);
        List<String> dims = List.of("gender", "employer_id", "parental_occupation", "year");
        for (int threads = 1; threads <= 2; threads++) {
            Cube dense = CubeKernel.labelled(CubeKernel.dense(table, Filter.ALL, dims, MEASURES, threads), Filter.ALL);
            assertSameCube(new SparseKernel(table, Filter.ALL, dims, MEASURES).build(threads), dense, threads + " threads");
            Map<List<String>, Long> naive = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
            for (Object[] r : rows) {
                naive.merge(List.of(table.column("gender").label((Integer) r[gender]), (String) r[EMPLOYER]), 1L, Long::sum);
            }
            Cube two = dense.marginalise("gender", "employer_id");
            for (Map.Entry<List<String>, Long> e : naive.entrySet()) {
                assertEquals(e.getValue(), two.count(Map.of("gender", e.getKey().get(0), "employer_id", e.getKey().get(1))));
            }
        }
    }

    @Test
    void manyDimensionsTakeMemoryThatFollowsTheCellsNotTheirProduct() {
        Table table = RandomTables.employees(3, 20_000, 4096, 0.1, 900);
        List<String> eleven = List.of("employer_id", "year", "sector", "region", "grade", "seb", "gender", "ethnicity",
                "disability", "age_band", "entry_route");
        assertTrue(!CubeKernel.denseFits(table, eleven, 0), "the product of 11 dimensions is past the dense limit");
        Cube cube = CubeKernel.build(table, Filter.ALL, eleven, List.of(), 2);
        assertEquals(table.rows(), cube.total());
        assertTrue(cube.size() <= table.rows());
        assertEquals(cube.marginalise("seb", "gender"),
                CubeKernel.build(table, Filter.ALL, List.of("seb", "gender"), List.of(), 1));
    }

    @Test
    void levelsThatDifferBetweenPartsAlignByLabel() {
        Table a = one("E9", 2021);
        Table b = one("E10", 2020);
        Cube ca = CubeKernel.build(a, Filter.ALL, List.of("employer_id", "year", "gender"), List.of(), 1);
        Cube cb = CubeKernel.build(b, Filter.ALL, List.of("employer_id", "year", "gender"), List.of(), 1);
        Cube merged = ca.merge(cb);
        assertEquals(List.of("E10", "E9"), merged.dimensions().get(0).levels());
        assertEquals(List.of("2020", "2021"), merged.dimensions().get(1).levels());
        assertEquals(List.of("woman", "man", "other", "prefer_not_to_say"), merged.dimensions().get(2).levels());
        assertEquals(1, merged.count(Map.of("employer_id", "E9", "year", "2021")));
        assertEquals(0, merged.count(Map.of("employer_id", "E9", "year", "2020")));
        assertEquals(merged, cb.merge(ca));
    }

    private static Table one(String employer, int year) {
        List<Object[]> rows = RandomTables.rows(1, 1, 0, 1, 1000);
        rows.get(0)[EMPLOYER] = employer;
        rows.get(0)[Schema.EMPLOYEES.fields().indexOf(Field.YEAR)] = year;
        return RandomTables.table(rows, 8);
    }

    @Test
    void mergeRefusesCubesThatDoNotAddUpNamingTheDifference() {
        Table t = RandomTables.employees(5, 300, 64, 0.1, 4);
        Cube bySeb = CubeKernel.build(t, Filter.ALL, List.of("seb"), List.of(), 1);
        Cube byGender = CubeKernel.build(t, Filter.ALL, List.of("gender"), List.of(), 1);
        Cube withPay = CubeKernel.build(t, Filter.ALL, List.of("seb"), List.of("hourly_pay"), 1);
        Cube senior = CubeKernel.build(t, FilterParser.parse("grade >= 4", t), List.of("seb"), List.of(), 1);
        assertTrue(assertThrows(LadderException.class, () -> bySeb.merge(byGender)).getMessage().contains("gender"));
        assertTrue(assertThrows(LadderException.class, () -> bySeb.merge(withPay)).getMessage().contains("hourly_pay"));
        assertTrue(assertThrows(LadderException.class, () -> bySeb.merge(senior)).getMessage().contains("grade >= 4"));
    }

    @Test
    void sumsHeldInPenceStayExactThroughManyMerges() {
        Table t = RandomTables.employees(6, 1000, 64, 0.0, 4, 10_000);
        Cube one = CubeKernel.build(t, Filter.ALL, List.of("seb"), List.of("hourly_pay"), 1);
        Cube sum = one;
        for (int i = 1; i < 1000; i++) {
            sum = sum.merge(one);
        }
        for (int c = 0; c < one.size(); c++) {
            assertEquals(one.unitSum(c, 0) * 1000, sum.unitSum(c, 0));
            assertEquals(one.count(c) * 1000, sum.count(c));
        }
    }

    @Test
    void labelledAccessAgreesWithANaiveCount() {
        List<Object[]> rows = RandomTables.rows(7, 4000, 0.1, 6, 50_000);
        Table table = RandomTables.table(rows, 300);
        Cube cube = CubeKernel.build(table, Filter.ALL, List.of("employer_id", "grade", "promoted", "year"), List.of(), 2);
        int grade = Schema.EMPLOYEES.fields().indexOf(Field.GRADE);
        int promoted = Schema.EMPLOYEES.fields().indexOf(Field.PROMOTED);
        // a stratified 2x2: grade >= 4 by promoted, per employer
        Cube senior = cube.indicator("grade", "senior", g -> Integer.parseInt(g) >= 4);
        StratifiedTable st = senior.stratified("senior", "promoted", List.of("employer_id"));
        Map<String, double[][]> naive = new TreeMap<>();
        for (Object[] r : rows) {
            double[][] t = naive.computeIfAbsent((String) r[EMPLOYER], k -> new double[2][2]);
            t[(Integer) r[grade] >= 4 ? 1 : 0][(Integer) r[promoted]]++;
        }
        assertEquals(new ArrayList<>(naive.keySet()), st.strata().stream().map(s -> s.get(0)).toList());
        for (int k = 0; k < st.strata().size(); k++) {
            assertTrue(java.util.Arrays.deepEquals(naive.get(st.strata().get(k).get(0)), st.tables().get(k)));
        }
        CountTable gradeByPromoted = cube.table("grade", "promoted");
        double[][] expected = new double[6][2];
        for (Object[] r : rows) {
            expected[(Integer) r[grade] - 1][(Integer) r[promoted]]++;
        }
        assertTrue(java.util.Arrays.deepEquals(expected, gradeByPromoted.counts()));
        Map<String, String> groups = new java.util.LinkedHashMap<>();
        for (String g : List.of("1", "2", "3")) {
            groups.put(g, "junior");
        }
        for (String g : List.of("4", "5", "6")) {
            groups.put(g, "senior");
        }
        Cube collapsed = cube.collapse("grade", "level", groups);
        assertEquals(List.of("junior", "senior"), collapsed.dimensions().get(1).levels());
        assertEquals(expected[3][1] + expected[4][1] + expected[5][1],
                collapsed.count(Map.of("level", "senior", "promoted", "1")));
        Cube reordered = cube.reorder("grade", List.of("6", "5", "4", "3", "2", "1"));
        assertEquals(cube.count(Map.of("grade", "2")), reordered.count(Map.of("grade", "2")));
        assertEquals("6", reordered.label(0, 1));
        assertTrue(java.util.Arrays.deepEquals(
                CubeKernel.build(table, FilterParser.parse("grade != 5", table), List.of("year", "promoted"), List.of(), 1)
                        .table("year", "promoted").counts(),
                cube.where("grade", g -> !g.equals("5")).table("year", "promoted").counts()));
        assertTrue(java.util.Arrays.deepEquals(
                CubeKernel.build(table, FilterParser.parse("grade = 3", table), List.of("year", "promoted"), List.of(), 1)
                        .table("year", "promoted").counts(),
                cube.slice("grade", "3").table("year", "promoted").counts()));
        assertThrows(LadderException.class, () -> cube.slice("grade", "9"));
        assertThrows(LadderException.class, () -> cube.marginalise("seb"));
        assertThrows(LadderException.class, () -> cube.reorder("grade", List.of("1")));
    }

    @Test
    void cellsGivenInCubeOrderOrShuffledWithRepeatsBuildTheSameCubeAsANaiveSum() {
        SplittableRandom random = new SplittableRandom(5);
        List<Dimension> dims = List.of(new Dimension("a", List.of("x", "y", "z")), new Dimension("b", List.of("1", "2")),
                new Dimension("c", List.of("p", "q", "r", "s")));
        List<Cube.Measure> measures = List.of(new Cube.Measure("pay", 100));
        for (int trial = 0; trial < 20; trial++) {
            // A naive cube: per cell of the product, the count and the measure's five numbers, some cells empty.
            long[][] naive = new long[24][6];
            List<int[]> pieces = new ArrayList<>();
            for (int cell = 0; cell < 24; cell++) {
                if (random.nextInt(3) == 0) {
                    continue;
                }
                for (int piece = 0, count = 1 + random.nextInt(3); piece < count; piece++) {
                    int[] numbers = {cell, random.nextInt(0, 5), random.nextInt(5), random.nextInt(900), random.nextInt(9000),
                            random.nextInt(7), random.nextInt(40)};
                    pieces.add(numbers);
                    for (int v = 0; v < 6; v++) {
                        naive[cell][v] += numbers[v + 1];
                    }
                }
            }
            Cube.Cells ordered = new Cube.Cells(3, 1, 0);
            for (int cell = 0; cell < 24; cell++) {
                if (naive[cell][0] > 0) {
                    add(ordered, cell, naive[cell]);
                }
            }
            Collections.shuffle(pieces, new java.util.Random(trial));
            Cube.Cells shuffled = new Cube.Cells(3, 1, pieces.size());
            for (int[] numbers : pieces) {
                add(shuffled, numbers[0], java.util.Arrays.copyOfRange(numbers, 1, 7));
            }
            Cube fast = ordered.build(dims, measures, "", Cube.Provenance.NONE);
            Cube sorted = shuffled.build(dims, measures, "", Cube.Provenance.NONE);
            assertEquals(sorted, fast, "trial " + trial);
            int c = 0;
            for (int cell = 0; cell < 24; cell++) {
                if (naive[cell][0] == 0) {
                    continue;
                }
                assertEquals(List.of(cell / 8, cell / 4 % 2, cell % 4), List.of(fast.level(c, 0), fast.level(c, 1),
                        fast.level(c, 2)), "trial " + trial);
                assertEquals(naive[cell][0], fast.count(c));
                assertEquals(naive[cell][1], fast.valueCount(c, 0));
                assertEquals(naive[cell][2], fast.unitSum(c, 0));
                assertEquals(naive[cell][3], fast.unitSumOfSquares(c, 0));
                assertEquals(naive[cell][4], fast.looseSum(c, 0));
                assertEquals(naive[cell][5], fast.looseSumOfSquares(c, 0));
                c++;
            }
            assertEquals(c, fast.size());
        }
        Cube.Cells once = new Cube.Cells(1, 0, 1);
        once.build(List.of(new Dimension("a", List.of("x"))), List.of(), "", Cube.Provenance.NONE);
        assertThrows(IllegalStateException.class, () -> once.add(new int[] {0}, 1));
        Cube.Cells outside = new Cube.Cells(1, 0, 1);
        outside.add(new int[] {1}, 1);
        assertThrows(IndexOutOfBoundsException.class,
                () -> outside.build(List.of(new Dimension("a", List.of("x"))), List.of(), "", Cube.Provenance.NONE));
    }

    private static void add(Cube.Cells cells, int cell, long[] numbers) {
        add(cells, cell, java.util.Arrays.stream(numbers).mapToInt(Math::toIntExact).toArray());
    }

    private static void add(Cube.Cells cells, int cell, int[] numbers) {
        int c = cells.add(new int[] {cell / 8, cell / 4 % 2, cell % 4}, numbers[0]);
        cells.measure(c, 0, numbers[1], numbers[2], numbers[3], numbers[4], numbers[5]);
    }

    @Test
    void anIndicatorOfALevelAlreadyZeroOrOneOnlyRenamesTheDimension() {
        List<Object[]> rows = RandomTables.rows(9, 3000, 0.1, 5, 50_000);
        Table table = RandomTables.table(rows, 300);
        Cube cube = CubeKernel.build(table, Filter.ALL, List.of("grade", "promoted", "year"), List.of("hourly_pay"), 1);
        Cube same = cube.indicator("promoted", "outcome", "1"::equals);
        Cube swapped = cube.indicator("promoted", "outcome", "0"::equals);
        assertEquals(List.of("grade", "outcome", "year"), same.dimensions().stream().map(Dimension::name).toList());
        for (String level : List.of("0", "1")) {
            String other = level.equals("0") ? "1" : "0";
            assertEquals(cube.count(Map.of("promoted", level)), same.count(Map.of("outcome", level)));
            assertEquals(cube.count(Map.of("promoted", level)), swapped.count(Map.of("outcome", other)));
        }
        assertEquals(cube.size(), same.size());
        for (int c = 0; c < cube.size(); c++) {
            assertEquals(cube.sum(c, 0), same.sum(c, 0));
            assertEquals(cube.level(c, 1), same.level(c, 1));
        }
    }

    @Test
    void payInPenceIsAnExactHistogramDimension() {
        List<Object[]> rows = RandomTables.rows(8, 3000, 0.1, 3, 3000);
        Table table = RandomTables.table(rows, 256);
        Cube hist = CubeKernel.build(table, Filter.ALL, List.of("seb", "hourly_pay"), List.of(), 2);
        int pay = Schema.EMPLOYEES.fields().indexOf(Field.HOURLY_PAY);
        TreeMap<Long, Long> naive = new TreeMap<>();
        long missing = 0;
        for (Object[] r : rows) {
            if (r[pay] == null) {
                missing++;
            } else {
                naive.merge(Math.round((Double) r[pay] * 100), 1L, Long::sum);
            }
        }
        Cube margin = hist.marginalise("hourly_pay");
        List<String> levels = margin.dimensions().get(0).levels();
        assertEquals(naive.size() + (missing > 0 ? 1 : 0), levels.size());
        int i = 0;
        for (Map.Entry<Long, Long> e : naive.entrySet()) {
            assertEquals(java.math.BigDecimal.valueOf(e.getKey(), 2).toPlainString(), levels.get(i));
            assertEquals(e.getValue(), margin.count(i));
            i++;
        }
        if (missing > 0) {
            assertEquals(SparseKernel.MISSING, levels.get(i));
            assertEquals(missing, margin.count(i));
        }
    }

    @Test
    void anEmptyTableGivesAnEmptyCube() {
        Table empty = RandomTables.employees(1, 0, 64, 0.1, 5);
        Cube cube = CubeKernel.build(empty, Filter.ALL, List.of("seb", "employer_id", "hourly_pay"), List.of("bonus"), 2);
        assertEquals(0, cube.size());
        assertEquals(0, cube.total());
        assertEquals(5, cube.dimensions().get(0).size());
        assertEquals(0, cube.dimensions().get(1).size());
        assertEquals(0, cube.table("seb", "employer_id").total());
    }
}
