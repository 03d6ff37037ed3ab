package ladder.bench.cube;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import ladder.engine.cube.DenseCube;
import ladder.engine.cube.CubeKernel;
import ladder.engine.cube.CodeAxis;
import ladder.engine.filter.FilterParser;
import ladder.engine.table.Table;

/**
 * Checks that the kernel benchmarks compare like with like: on a small pool, every
 * {@link CubeQuery} answered by Ladder, DuckDB and Tablesaw gives the same groups, counts and
 * sums (sums of doubles to 1e-9, relative). Exits with status 1 on the first disagreement.
 *
 * <pre>java -cp bench/target/benchmarks.jar ladder.bench.cube.PeerAgreement [rows]</pre>
 */
public final class PeerAgreement {
    private PeerAgreement() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Table table = KernelPool.generate(rows, KernelPool.SEED);
        try (Connection duck = DuckPool.load(table, DuckDbCubes.THREADS)) {
            for (CubeQuery query : CubeQuery.values()) {
                DenseCube cube = CubeKernel.dense(table, FilterParser.parse(query.filter(), table), query.dimensions(),
                        query.measures(), 2);
                int groups = duckGroups(duck, query, table, cube);
                tablesawGroups(TablesawPool.summarize(TablesawPool.of(table, query.dimensions()), query), query, cube);
                System.out.printf("%-14s %,d rows: Ladder, DuckDB and Tablesaw agree on %,d groups%n", query, rows,
                        groups);
            }
        }
    }

    private static int duckGroups(Connection duck, CubeQuery query, Table table, DenseCube cube) throws Exception {
        int dims = query.dimensions().size();
        int groups = 0;
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(query.sql(table))) {
            while (rs.next()) {
                int[] levels = new int[dims];
                for (int d = 0; d < dims; d++) {
                    levels[d] = rs.getInt(d + 1) - cube.dimensions().get(d).base();
                }
                double[] aggregates = new double[rs.getMetaData().getColumnCount() - dims];
                for (int a = 0; a < aggregates.length; a++) {
                    aggregates[a] = rs.getDouble(dims + 1 + a);
                }
                check("DuckDB", query, cube, cube.cell(levels), aggregates);
                groups++;
            }
        }
        return expectGroups("DuckDB", query, cube, groups);
    }

    private static void tablesawGroups(tech.tablesaw.api.Table summary, CubeQuery query, DenseCube cube) {
        int dims = query.dimensions().size();
        int groups = 0;
        for (int row = 0; row < summary.rowCount(); row++) {
            int[] levels = new int[dims];
            for (int d = 0; d < dims; d++) {
                CodeAxis dimension = cube.dimensions().get(d);
                levels[d] = dimension.indexOf(summary.stringColumn(d).get(row));
            }
            double[] aggregates = new double[summary.columnCount() - dims];
            for (int a = 0; a < aggregates.length; a++) {
                aggregates[a] = ((Number) summary.column(dims + a).get(row)).doubleValue();
            }
            check("Tablesaw", query, cube, cube.cell(levels), aggregates);
            groups++;
        }
        expectGroups("Tablesaw", query, cube, groups);
    }

    /** Compares a peer's aggregates for one group (rows, then the measure's, in the query's order) with the cell's. */
    private static void check(String peer, CubeQuery query, DenseCube cube, int cell, double[] aggregates) {
        List<Double> expected = query == CubeQuery.PAY
                ? List.of((double) cube.count(cell), (double) cube.valueCount(cell, 0), cube.sum(cell, 0),
                        cube.sumOfSquares(cell, 0))
                : List.of((double) cube.count(cell), cube.sum(cell, 0));
        for (int a = 0; a < aggregates.length; a++) {
            double want = expected.get(a);
            if (Math.abs(aggregates[a] - want) > 1e-9 * Math.abs(want)) {
                System.err.printf("%s disagrees on %s, cell %d, aggregate %d: %s, Ladder %s%n", peer, query, cell, a,
                        aggregates[a], want);
                System.exit(1);
            }
        }
    }

    private static int expectGroups(String peer, CubeQuery query, DenseCube cube, int groups) {
        int nonEmpty = 0;
        for (int cell = 0; cell < cube.cells(); cell++) {
            nonEmpty += cube.count(cell) > 0 ? 1 : 0;
        }
        if (groups != nonEmpty) {
            System.err.printf("%s returns %d groups for %s; Ladder has %d non-empty cells%n", peer, groups, query,
                    nonEmpty);
            System.exit(1);
        }
        return groups;
    }
}
