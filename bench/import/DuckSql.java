import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;

/**
 * The DuckDB peer of bench/run-import as a process of its own: opens DATABASE (":memory:" for
 * none), sets 2 threads, runs each SQL statement given, and prints the last one's rows as
 * tab-separated text. Compiled once by the script; DuckDB's JDBC driver (2.0.0.1) runs the
 * statements natively, in this process, so /usr/bin/time measures all of DuckDB's memory.
 */
public final class DuckSql {
    public static void main(String[] args) throws Exception {
        String url = args[0].equals(":memory:") ? "jdbc:duckdb:" : "jdbc:duckdb:" + args[0];
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("SET threads = 2");
            for (int i = 1; i < args.length; i++) {
                if (s.execute(args[i]) && i == args.length - 1) {
                    try (ResultSet rs = s.getResultSet()) {
                        ResultSetMetaData meta = rs.getMetaData();
                        while (rs.next()) {
                            StringBuilder row = new StringBuilder();
                            for (int col = 1; col <= meta.getColumnCount(); col++) {
                                row.append(col > 1 ? "\t" : "").append(rs.getString(col));
                            }
                            System.out.println(row);
                        }
                    }
                }
            }
        }
    }
}
