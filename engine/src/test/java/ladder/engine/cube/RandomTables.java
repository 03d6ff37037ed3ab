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
        SplittableRandom random = new SplittableRandom(seed);
        TableBuilder b = new TableBuilder(Schema.EMPLOYEES, chunkRows);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < Schema.EMPLOYEES.fields().size(); c++) {
                Field f = Schema.EMPLOYEES.fields().get(c);
                switch (f.kind()) {
                    case TEXT -> {
                        String prefix = f == Field.EMPLOYER_ID ? "E" : f == Field.SECTOR ? "S" : "P";
                        int bound = f == Field.EMPLOYER_ID ? employers : f == Field.SECTOR ? 5 : 1_000_000;
                        b.setCode(c, b.intern(c, prefix + random.nextInt(bound)));
                    }
                    case CODE -> b.setCode(c, f.optional() ? random.nextInt(f.codebook().size() + 1)
                            : 1 + random.nextInt(f.codebook().size()));
                    case INT -> b.setInt(c, f == Field.YEAR ? 2020 + random.nextInt(4)
                            : f.min() + random.nextInt(f.max() - f.min() + 1));
                    case DECIMAL -> {
                        if (random.nextDouble() < missing) {
                            b.setMissing(c);
                        } else if (f == Field.HOURLY_PAY) {
                            b.setDecimal(c, random.nextInt(1, payUnits) / 100.0);
                        } else if (random.nextBoolean()) {
                            b.setDecimal(c, random.nextInt(1, 500_000) / 100.0);
                        } else {
                            b.setDecimal(c, random.nextDouble(0.01, 5000));
                        }
                    }
                }
            }
            b.commitRow();
        }
        return b.build();
    }
}
