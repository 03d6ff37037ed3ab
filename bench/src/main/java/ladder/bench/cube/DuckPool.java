package ladder.bench.cube;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import ladder.engine.table.Chunk;
import ladder.engine.table.Codes;
import ladder.engine.table.Decimals;
import ladder.engine.table.Table;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The kernel pool in an in-memory DuckDB database, as table {@code pool}: the codes of
 * {@link #CODES} as UTINYINT and {@code hourly_pay} as DOUBLE (NULL where missing), appended row
 * by row through the DuckDB appender.
 */
final class DuckPool {
    static final List<String> CODES = List.of("year", "seb", "grade", "disability", "age_band", "entry_route",
            "employer_id", "promoted");

    private DuckPool() {
    }

    /** A new in-memory database holding {@code table} as {@code pool}, running queries on {@code threads} threads. */
    static Connection load(Table table, int threads) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = connection.createStatement()) {
            s.execute("SET threads TO " + threads);
            s.execute("CREATE TABLE pool (" + String.join(" UTINYINT, ", CODES) + " UTINYINT, hourly_pay DOUBLE)");
        }
        append(table, (DuckDBConnection) connection);
        return connection;
    }

    private static void append(Table table, DuckDBConnection connection) throws SQLException {
        int pay = table.column("hourly_pay").index();
        int[] columns = CODES.stream().mapToInt(name -> table.column(name).index()).toArray();
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "pool")) {
            for (Chunk chunk : table.chunks()) {
                byte[][] codes = new byte[columns.length][];
                for (int c = 0; c < columns.length; c++) {
                    codes[c] = ((Codes.Bytes) chunk.codes()[columns[c]]).values();
                }
                Decimals values = chunk.decimals()[pay];
                for (int r = 0; r < chunk.rows(); r++) {
                    appender.beginRow();
                    for (byte[] column : codes) {
                        appender.append(column[r]);
                    }
                    if (values.isNull(r)) {
                        appender.appendNull();
                    } else {
                        appender.append(values.get(r));
                    }
                    appender.endRow();
                }
            }
        }
    }
}
