package ladder.engine.filter;

import java.util.SplittableRandom;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.table.Table;
import ladder.engine.table.TableBuilder;

/** Small random employee tables for the filter's tests: every column holds valid codes and values. */
final class FilterTables {
    private FilterTables() {}

    /** {@code rows} random rows in chunks of 100, a tenth of the decimals missing. */
    static Table employees(long seed, int rows) {
        SplittableRandom random = new SplittableRandom(seed);
        TableBuilder b = new TableBuilder(Schema.EMPLOYEES, 100);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < Schema.EMPLOYEES.fields().size(); c++) {
                Field f = Schema.EMPLOYEES.fields().get(c);
                switch (f.kind()) {
                    case TEXT -> b.setCode(c, b.intern(c, f.name().charAt(0) + Integer.toString(random.nextInt(20))));
                    case CODE -> b.setCode(c, (f.optional() ? 0 : 1) + random.nextInt(f.codebook().size()));
                    case INT -> b.setInt(c, f == Field.YEAR ? 2020 + random.nextInt(4)
                            : f.min() + random.nextInt(Math.min(f.max() - f.min() + 1, 50)));
                    case DECIMAL -> {
                        if (random.nextInt(10) == 0) {
                            b.setMissing(c);
                        } else {
                            b.setDecimal(c, random.nextInt(1, 500_000) / 100.0);
                        }
                    }
                }
            }
            b.commitRow();
        }
        return b.build();
    }
}
