package ladder.bench.linkage;

import java.util.List;
import java.util.SplittableRandom;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.table.Table;
import ladder.engine.table.TableBuilder;

/**
 * A pool shaped like the generator's for the linkage benchmark: 1,000 employers of Zipf-like
 * sizes over three years (2022-2024); each year 15% of an employer's staff (the longest-serving)
 * leave and joiners take new person numbers, so a person appears in one run of consecutive years
 * and {@code person_id} ({@code E0001-P0000123}) is stable within the employer, as in
 * {@code ladder.datasets.PoolGenerator}. Rows come employer by employer, year by year, as the
 * generator writes them. Grade, promotion (grade rises the year after), training, entry route and
 * parental occupation are drawn with a fixed seed; built through {@link TableBuilder} as a load
 * builds it.
 */
public final class LinkagePool {
    public static final long SEED = 20261202L;
    static final int EMPLOYERS = 1000;
    static final int FIRST_YEAR = 2022;
    static final int YEARS = 3;
    static final double TURNOVER = 0.15;
    static final Schema SCHEMA = new Schema("linkage_pool", List.of(Field.EMPLOYER_ID, Field.PERSON_ID, Field.YEAR,
            Field.GRADE, Field.PARENTAL_OCCUPATION, Field.ENTRY_ROUTE, Field.PROMOTED, Field.TRAINING),
            List.of(Field.EMPLOYER_ID, Field.YEAR, Field.PERSON_ID));

    private LinkagePool() {
    }

    /** A seeded draw for employer {@code e}, person {@code p} and year index {@code y} (-1: the person's traits). */
    private static long mix(int e, long p, int y) {
        return new SplittableRandom(SEED ^ (e * 0x9E3779B97F4A7C15L) ^ (p * 0xC2B2AE3D27D4EB4FL) ^ (y + 1L) << 56).nextLong();
    }

    /** Promoted in the year of {@code draw}: one in eight. */
    private static int promoted(long draw) {
        return (draw & 7) == 0 ? 1 : 0;
    }

    /** About {@code rows} rows (exactly, up to rounding of the employers' sizes). */
    public static Table generate(long rows) {
        TableBuilder b = new TableBuilder(SCHEMA);
        double[] weight = new double[EMPLOYERS];
        double total = 0;
        for (int e = 0; e < EMPLOYERS; e++) {
            weight[e] = 1.0 / Math.pow(e + 1, 0.8);
            total += weight[e];
        }
        int routes = Field.ENTRY_ROUTE.codebook().size();
        int occupations = Field.PARENTAL_OCCUPATION.codebook().size();
        for (int e = 0; e < EMPLOYERS; e++) {
            int employer = b.intern(0, String.format("E%04d", e + 1));
            long staff = Math.max(1, Math.round(rows * weight[e] / total / YEARS));
            String prefix = String.format("E%04d-P", e + 1);
            for (int t = 0; t < YEARS; t++) {
                long first = Math.round(t * TURNOVER * staff);
                for (long p = first; p < first + staff; p++) {
                    long traits = mix(e, p, -1);
                    int joined = 0;
                    while (p >= Math.round(joined * TURNOVER * staff) + staff) {
                        joined++;
                    }
                    int grade = 1 + (int) ((traits >>> 8 & 0xFF) % 6);
                    for (int y = joined; y < t; y++) {
                        grade = Math.min(6, grade + promoted(mix(e, p, y)));
                    }
                    long year = mix(e, p, t);
                    b.setCode(0, employer);
                    b.setCode(1, b.intern(1, prefix + String.format("%07d", p + 1)));
                    b.setInt(2, FIRST_YEAR + t);
                    b.setInt(3, grade);
                    b.setCode(4, (int) ((traits >>> 20 & 0xFFFF) % (occupations + 1)));
                    b.setCode(5, 1 + (int) ((traits >>> 40 & 0xFF) % routes));
                    b.setInt(6, grade < 6 ? promoted(year) : 0);
                    b.setInt(7, (year >>> 8 & 1) == 0 ? 1 : 0);
                    b.commitRow();
                }
            }
        }
        return b.build();
    }
}
