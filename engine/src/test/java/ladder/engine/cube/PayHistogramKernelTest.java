package ladder.engine.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ladder.engine.filter.Filter;
import ladder.engine.filter.FilterParser;
import ladder.engine.table.Chunk;
import ladder.engine.table.Column;
import ladder.engine.table.Decimals;
import ladder.engine.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pay histograms (a dimension of pay in pence) against a naive row-at-a-time count, on random
 * tables whose spans of possible keys make {@link SparseKernel} count densely or fall back to its
 * hash table: every order of the dimensions, one to four threads, with and without filters.
 */
class PayHistogramKernelTest {

    /** A table, and whether a histogram by seb x year x pay is counted densely on it. */
    static Stream<Arguments> tables() {
        return Stream.of(
                // No pay, or one value of each: a handful of possible keys, counted densely.
                Arguments.of("empty", RandomTables.employees(1, 0, 64, 0.1, 5, 3000), true),
                Arguments.of("one row", RandomTables.employees(2, 1, 64, 0.1, 5, 3000), true),
                Arguments.of("all pay missing", RandomTables.employees(3, 5000, 64, 1.0, 5, 3000), true),
                Arguments.of("chunk of one", RandomTables.employees(4, 37, 1, 0.2, 5, 30), true),
                Arguments.of("many chunks, narrow pay", RandomTables.employees(5, 20_000, 333, 0.2, 12, 3000), true),
                // 20 (seb, year) groups by 100,000 pence: over DENSE_KEYS, so hashed.
                Arguments.of("wide pay", RandomTables.employees(6, 5000, 1000, 0.1, 5, 100_000), false),
                // Few rows for the span: over KEYS_PER_ROW keys a row, so hashed.
                Arguments.of("few rows for the span", RandomTables.employees(7, 300, 64, 0.1, 5, 3000), false));
    }

    static final List<List<String>> DIMENSION_SETS = List.of(
            List.of("hourly_pay"),
            List.of("seb", "year", "hourly_pay"),
            List.of("employer_id", "hourly_pay"));

    static final List<String> FILTERS = List.of("", "grade >= 4", "hourly_pay > 15", "hourly_pay is missing");

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void countsMatchTheNaiveLoopForEveryOrderFilterAndThreadCount(String name, Table table, boolean dense) {
        assertEquals(dense, new SparseKernel(table, Filter.ALL, List.of("seb", "year", "hourly_pay"), List.of()).dense(),
                "dense counting of seb x year x pay on " + name);
        for (List<String> dims : DIMENSION_SETS) {
            for (List<String> order : CubeKernelTest.permutations(dims)) {
                for (String where : FILTERS) {
                    Filter filter = where.isEmpty() ? Filter.ALL : FilterParser.parse(where, table);
                    Map<List<String>, Long> expected = naive(table, order, where);
                    for (int threads = 1; threads <= 4; threads++) {
                        String what = name + " " + order + " where " + where + " threads=" + threads;
                        Cube cube = CubeKernel.build(table, filter, order, List.of(), threads);
                        assertEquals(expected, counts(cube), what);
                        assertPayLevelsAscendThenMissing(cube, what);
                    }
                }
            }
        }
    }

    @Test
    void theDenseAndHashedCountsGiveEqualCubesThatMergeByLabel() {
        // The same rows counted densely (a table of 20,000 rows) and hashed (two tables too small
        // for their span), merged: the same cube, as labels align.
        List<Object[]> rows = RandomTables.rows(9, 20_000, 0.1, 5, 3000);
        List<String> dims = List.of("seb", "year", "hourly_pay");
        Table whole = RandomTables.table(rows, 512);
        assertEquals(true, new SparseKernel(whole, Filter.ALL, dims, List.of()).dense());
        Cube merged = null;
        for (int from = 0; from < rows.size(); from += 250) {
            Table part = RandomTables.table(rows.subList(from, from + 250), 512);
            assertEquals(false, new SparseKernel(part, Filter.ALL, dims, List.of()).dense());
            Cube cube = CubeKernel.build(part, Filter.ALL, dims, List.of(), 2);
            merged = merged == null ? cube : merged.merge(cube);
        }
        assertEquals(CubeKernel.build(whole, Filter.ALL, dims, List.of(), 2), merged);
    }

    /** Rows per cell, by the cell's labels, counted row by row. */
    private static Map<List<String>, Long> naive(Table table, List<String> dims, String where) {
        Column grade = table.column("grade");
        Column pay = table.column("hourly_pay");
        Map<List<String>, Long> counts = new HashMap<>();
        for (Chunk chunk : table.chunks()) {
            Decimals pence = chunk.decimals(pay);
            for (int r = 0; r < chunk.rows(); r++) {
                boolean selected = switch (where) {
                    case "" -> true;
                    case "grade >= 4" -> Integer.parseInt(grade.label(chunk.codes(grade).get(r))) >= 4;
                    case "hourly_pay > 15" -> !pence.isNull(r) && pence.get(r) > 15;
                    case "hourly_pay is missing" -> pence.isNull(r);
                    default -> throw new IllegalArgumentException(where);
                };
                if (!selected) {
                    continue;
                }
                List<String> labels = new ArrayList<>();
                for (String d : dims) {
                    Column c = table.column(d);
                    if (c.isDecimal()) {
                        Decimals.Hundredths h = (Decimals.Hundredths) chunk.decimals(c);
                        labels.add(h.isNull(r) ? SparseKernel.MISSING : BigDecimal.valueOf(h.units()[r], 2).toPlainString());
                    } else {
                        labels.add(c.label(chunk.codes(c).get(r)));
                    }
                }
                counts.merge(labels, 1L, Long::sum);
            }
        }
        return counts;
    }

    private static Map<List<String>, Long> counts(Cube cube) {
        Map<List<String>, Long> counts = new HashMap<>();
        for (int c = 0; c < cube.size(); c++) {
            List<String> labels = new ArrayList<>();
            for (int d = 0; d < cube.dimensions().size(); d++) {
                labels.add(cube.label(c, d));
            }
            counts.merge(labels, cube.count(c), Long::sum);
        }
        return counts;
    }

    private static void assertPayLevelsAscendThenMissing(Cube cube, String what) {
        List<String> levels = cube.dimensions().get(cube.dimension("hourly_pay")).levels();
        for (int i = 1; i < levels.size(); i++) {
            if (!levels.get(i).equals(SparseKernel.MISSING)) {
                assertEquals(-1, new BigDecimal(levels.get(i - 1)).compareTo(new BigDecimal(levels.get(i))), what);
            } else {
                assertEquals(levels.size() - 1, i, what);
            }
        }
    }
}
