package ladder.engine.cube;

import java.util.SplittableRandom;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.table.Table;
import ladder.engine.table.TableBuilder;

/** Random employee tables for property tests: every column filled with valid random codes and values. */
final class RandomTables {
    private RandomTables() {
    }

    /**
     * A table of {@code rows} random rows in chunks of {@code chunkRows}; decimals are missing
     * with probability {@code missing} (1 = all missing), employers number {@code employers}
     * (more than 255 forces wider code arrays).
     */
    static Table employees(long seed, int rows, int chunkRows, double missing, int employers) {
        return employees(seed, rows, chunkRows, missing, employers, 500_000);
    }

    /**
     * As above, with {@code hourly_pay} a whole number of pence below {@code payUnits} (so held as
     * hundredths), while {@code bonus} is pence or any double at random (so mostly held as doubles).
     */
    static Table employees(long seed, int rows, int chunkRows, double missing, int employers, int payUnits) {
        return table(rows(seed, rows, missing, employers, payUnits), chunkRows);
    }

    /**
     * Random rows as values per contract column: a String for text, an Integer code for a coded
     * answer (0 = empty), an Integer for a whole number, a Double or null for a decimal.
     */
    static java.util.List<Object[]> rows(long seed, int rows, double missing, int employers, int payUnits) {
        SplittableRandom random = new SplittableRandom(seed);
        java.util.List<Object[]> out = new java.util.ArrayList<>(rows);
        int columns = Schema.EMPLOYEES.fields().size();
        for (int r = 0; r < rows; r++) {
            Object[] row = new Object[columns];
            for (int c = 0; c < columns; c++) {
                Field f = Schema.EMPLOYEES.fields().get(c);
                row[c] = switch (f.kind()) {
                    case TEXT -> {
                        String prefix = f == Field.EMPLOYER_ID ? "E" : f == Field.SECTOR ? "S" : "P";
                        int bound = f == Field.EMPLOYER_ID ? employers : f == Field.SECTOR ? 5 : 1_000_000;
                        yield prefix + random.nextInt(bound);
                    }
                    case CODE -> f.optional() ? random.nextInt(f.codebook().size() + 1)
                            : 1 + random.nextInt(f.codebook().size());
                    case INT -> f == Field.YEAR ? 2020 + random.nextInt(4)
                            : f.min() + random.nextInt(f.max() - f.min() + 1);
                    case DECIMAL -> {
                        if (random.nextDouble() < missing) {
                            yield null;
                        } else if (f == Field.HOURLY_PAY) {
                            yield random.nextInt(1, payUnits) / 100.0;
                        } else if (random.nextBoolean()) {
                            yield random.nextInt(1, 500_000) / 100.0;
                        } else {
                            yield random.nextDouble(0.01, 5000);
                        }
                    }
                };
            }
            out.add(row);
        }
        return out;
    }

    /** The table of {@code rows} (as {@link #rows} makes them) in chunks of {@code chunkRows}. */
    static Table table(java.util.List<Object[]> rows, int chunkRows) {
        TableBuilder b = new TableBuilder(Schema.EMPLOYEES, chunkRows);
        for (Object[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                Field f = Schema.EMPLOYEES.fields().get(c);
                switch (f.kind()) {
                    case TEXT -> b.setCode(c, b.intern(c, (String) row[c]));
                    case CODE -> b.setCode(c, (Integer) row[c]);
                    case INT -> b.setInt(c, (Integer) row[c]);
                    case DECIMAL -> {
                        if (row[c] == null) {
                            b.setMissing(c);
                        } else {
                            b.setDecimal(c, (Double) row[c]);
                        }
                    }
                }
            }
            b.commitRow();
        }
        return b.build();
    }
}
