package ladder.bench.cube;

import static tech.tablesaw.aggregate.AggregateFunctions.count;
import static tech.tablesaw.aggregate.AggregateFunctions.countWithMissing;
import static tech.tablesaw.aggregate.AggregateFunctions.sum;
import static tech.tablesaw.aggregate.AggregateFunctions.sumOfSquares;

import java.util.ArrayList;
import java.util.List;
import ladder.engine.table.Chunk;
import ladder.engine.table.Decimals;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The kernel pool as a Tablesaw table, and the {@link CubeQuery}s as Tablesaw summaries: the
 * dimensions as string columns of their labels (Tablesaw's dictionary-coded categorical type,
 * which groups several times faster than its numeric columns), {@code promoted} as a short
 * column, {@code hourly_pay} as a double column (missing where missing).
 */
final class TablesawPool {
    private TablesawPool() {
    }

    /** The columns {@code dimensions}, {@code promoted} and {@code hourly_pay} of {@code pool}. */
    static Table of(ladder.engine.table.Table pool, List<String> dimensions) {
        List<Column<?>> columns = new ArrayList<>();
        for (String name : dimensions) {
            columns.add(labels(pool, name));
        }
        columns.add(promoted(pool));
        columns.add(pay(pool));
        return Table.create("pool", columns);
    }

    /** The summary {@code query} asks for: per group, the rows and the sums of the query's measure. */
    static Table summarize(Table table, CubeQuery query) {
        String[] by = query.dimensions().toArray(new String[0]);
        return switch (query) {
            case SIX_DIMS, WITH_EMPLOYER -> table.summarize("promoted", countWithMissing, sum).by(by);
            case FILTERED -> table.where(table.stringColumn("year").isEqualTo("2024")
                            .and(table.stringColumn("grade").isIn("4", "5", "6")))
                    .summarize("promoted", countWithMissing, sum).by(by);
            case PAY -> table.summarize("hourly_pay", countWithMissing, count, sum, sumOfSquares).by(by);
        };
    }

    private static StringColumn labels(ladder.engine.table.Table pool, String name) {
        ladder.engine.table.Column column = pool.column(name);
        String[] values = new String[Math.toIntExact(pool.rows())];
        int at = 0;
        for (Chunk chunk : pool.chunks()) {
            for (int r = 0; r < chunk.rows(); r++) {
                values[at++] = column.label(chunk.codes(column).get(r));
            }
        }
        return StringColumn.create(name, values);
    }

    private static ShortColumn promoted(ladder.engine.table.Table pool) {
        ladder.engine.table.Column column = pool.column("promoted");
        short[] values = new short[Math.toIntExact(pool.rows())];
        int at = 0;
        for (Chunk chunk : pool.chunks()) {
            for (int r = 0; r < chunk.rows(); r++) {
                values[at++] = (short) (chunk.codes(column).get(r) + column.field().min());
            }
        }
        return ShortColumn.create("promoted", values);
    }

    private static DoubleColumn pay(ladder.engine.table.Table pool) {
        ladder.engine.table.Column column = pool.column("hourly_pay");
        double[] values = new double[Math.toIntExact(pool.rows())];
        int at = 0;
        for (Chunk chunk : pool.chunks()) {
            Decimals d = chunk.decimals(column);
            for (int r = 0; r < chunk.rows(); r++) {
                values[at++] = d.isNull(r) ? Double.NaN : d.get(r);
            }
        }
        return DoubleColumn.create("hourly_pay", values);
    }
}
