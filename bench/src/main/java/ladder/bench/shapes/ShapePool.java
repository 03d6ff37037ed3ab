package ladder.bench.shapes;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.table.Chunk;
import ladder.engine.table.Codes;
import ladder.engine.table.Decimals;
import ladder.engine.table.Table;
import ladder.engine.table.TableBuilder;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * A contract-shaped pool for the analysis-shaped cube benchmarks: 1,000 employers of Zipf-like
 * sizes (so {@code employer_id} needs 2-byte codes), ten years, grade, parental occupation (so
 * {@code seb}), gender, ethnicity, age band, hourly pay in pence (3% missing), promotion, disability and
 * months in grade, drawn
 * with a fixed seed, built through {@link TableBuilder} as a load would build it; and the same
 * rows in DuckDB (in-memory, codes as UTINYINT/USMALLINT, pay as DOUBLE), for the peer.
 *
 * <p>Each is made once per JVM and kept ({@link #of}): the benchmarks run unforked, so that ten
 * queries share one 100-million-row pool instead of generating it ten times.
 */
public final class ShapePool {
    public static final long SEED = 20261201L;
    static final int EMPLOYERS = 1000;
    static final Schema SCHEMA = new Schema("shape_pool", List.of(Field.EMPLOYER_ID, Field.YEAR, Field.GRADE,
            Field.PARENTAL_OCCUPATION, Field.GENDER, Field.ETHNICITY, Field.AGE_BAND, Field.HOURLY_PAY, Field.PROMOTED,
            Field.DISABILITY, Field.MONTHS_IN_GRADE),
            List.of(Field.EMPLOYER_ID, Field.YEAR));
    /** The columns DuckDB holds, as Ladder's codes. */
    static final List<String> CODES = List.of("employer_id", "year", "grade", "seb", "gender", "ethnicity", "age_band",
            "promoted", "disability", "months_in_grade");

    private static ShapePool current;

    public final long rows;
    public final Table table;
    public final Connection duck;

    private ShapePool(long rows) throws SQLException {
        this.rows = rows;
        long start = System.nanoTime();
        this.table = generate(rows);
        long generated = System.nanoTime();
        this.duck = duck(table);
        System.out.printf("%n[shape pool] %,d rows: generated in %.1f s (%.1f bytes/row), DuckDB appended in %.1f s%n",
                rows, (generated - start) / 1e9, (double) table.bytes() / rows, (System.nanoTime() - generated) / 1e9);
    }

    /** The pool of {@code rows} rows, made on first use in this JVM. */
    public static synchronized ShapePool of(long rows) throws SQLException {
        if (current == null || current.rows != rows) {
            if (current != null) {
                current.duck.close();
                current = null;
            }
            current = new ShapePool(rows);
        }
        return current;
    }

    /** Runs {@code sql} on DuckDB and reads every value of its answer (so nothing is left lazy); a checksum of them. */
    public long query(String sql) throws SQLException {
        long checksum = 0;
        try (Statement s = duck.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int c = 1; c <= columns; c++) {
                    checksum += (long) rs.getDouble(c);
                }
            }
        }
        return checksum;
    }

    static Table generate(long rows) {
        SplittableRandom random = new SplittableRandom(SEED);
        // Disability and months in grade (for the intersectional and survival benchmarks) come from a stream of
        // their own, so the other columns are the rows the kernel benchmarks measured before these were added.
        SplittableRandom extra = new SplittableRandom(SEED + 1);
        TableBuilder b = new TableBuilder(SCHEMA);
        int[] employerCode = new int[EMPLOYERS];
        double[] cumulative = new double[EMPLOYERS];
        double total = 0;
        for (int e = 0; e < EMPLOYERS; e++) {
            employerCode[e] = b.intern(0, String.format("E%04d", e + 1));
            total += 1.0 / Math.pow(e + 1, 0.8);
            cumulative[e] = total;
        }
        for (int e = 0; e < EMPLOYERS; e++) {
            cumulative[e] /= total;
        }
        for (long r = 0; r < rows; r++) {
            long a = random.nextLong();
            long z = random.nextLong();
            double u = (a >>> 11) * 0x1.0p-53;
            int e = java.util.Arrays.binarySearch(cumulative, u);
            e = Math.min(EMPLOYERS - 1, e < 0 ? -e - 1 : e);
            int occupation = (int) ((z >>> 3 & 0xFFFF) % 9);
            int grade = 1 + Math.min(5, Long.numberOfTrailingZeros((z >>> 20) | (1L << 40)) / 1);
            b.setCode(0, employerCode[e]);
            b.setInt(1, 2015 + (int) ((a & 0xFFFF) % 10));
            b.setInt(2, Math.min(6, grade));
            b.setCode(3, 1 + occupation);
            b.setCode(4, 1 + (int) ((z >>> 30 & 0xFF) % 4));
            b.setCode(5, 1 + (int) ((z >>> 40 & 0xFF) % 6));
            b.setCode(6, 1 + (int) ((a >>> 20 & 0xFF) % 6));
            if ((z >>> 50 & 63) < 2) {
                b.setMissing(7);
            } else {
                b.setDecimal(7, (1050 + 480 * grade + (int) (a >>> 30 & 2047)) / 100.0);
            }
            int perMille = 70 + 25 * grade - (occupation >= 4 && occupation <= 6 ? 25 : 0);
            boolean promoted = (a >>> 40 & 1023) < perMille * 1024 / 1000;
            b.setInt(8, promoted ? 1 : 0);
            long x = extra.nextLong();
            b.setCode(9, 1 + (int) ((x & 0xFF) % 3));
            // Months to promotion, or to year end for those not promoted: longer for the working class.
            int span = promoted ? 48 + (occupation >= 4 && occupation <= 6 ? 24 : 0) : 120;
            b.setInt(10, (int) ((x >>> 8 & 0xFFFF) % span));
            b.commitRow();
        }
        return b.build();
    }

    private static Connection duck(Table table) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = connection.createStatement()) {
            s.execute("SET threads TO 2");
            StringBuilder columns = new StringBuilder();
            for (String c : CODES) {
                columns.append(c).append(c.equals("employer_id") || c.equals("months_in_grade") ? " USMALLINT, " : " UTINYINT, ");
            }
            s.execute("CREATE TABLE pool (" + columns + "hourly_pay DOUBLE)");
        }
        int[] index = CODES.stream().mapToInt(c -> table.column(c).index()).toArray();
        int pay = table.column("hourly_pay").index();
        try (DuckDBAppender appender = ((DuckDBConnection) connection).createAppender(DuckDBConnection.DEFAULT_SCHEMA,
                "pool")) {
            for (Chunk chunk : table.chunks()) {
                Codes[] codes = new Codes[index.length];
                for (int c = 0; c < index.length; c++) {
                    codes[c] = chunk.codes()[index[c]];
                }
                Decimals values = chunk.decimals()[pay];
                for (int r = 0; r < chunk.rows(); r++) {
                    appender.beginRow();
                    for (int c = 0; c < codes.length; c++) {
                        if (CODES.get(c).equals("employer_id") || CODES.get(c).equals("months_in_grade")) {
                            appender.append((short) codes[c].get(r));
                        } else {
                            appender.append((byte) codes[c].get(r));
                        }
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
        return connection;
    }
}
