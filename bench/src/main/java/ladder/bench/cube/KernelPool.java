package ladder.bench.cube;

import java.util.List;
import java.util.SplittableRandom;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.table.Table;
import ladder.engine.table.TableBuilder;

/**
 * The pool the kernel benchmarks aggregate: a seeded, in-memory table of the columns the cubes
 * use, built through {@link TableBuilder} as a loaded pool would be (no CSV in between).
 *
 * <p>The shares are skewed as real pools are: 40 employers of Zipf-like sizes; years 2021 to 2024
 * growing (22, 24, 26, 28%); SEB 34% professional, 24% intermediate, 42% working class (from
 * parental occupation); grades 1 to 6 falling (35, 25, 17, 12, 7, 4%); disability yes 8%, no 85%,
 * prefer not to say 7%; age bands 12, 28, 25, 20, 13, 2%; entry routes 20, 10, 45, 15, 10%;
 * hourly pay in pence (so held as hundredths), rising with grade, 3% missing; promoted about 10%,
 * more often at higher grades and less often for working-class employees.
 */
public final class KernelPool {
    /** The seed of every benchmark's pool. */
    public static final long SEED = 20240601L;

    /** The columns of {@link Schema#EMPLOYEES} that the cubes use; {@code seb} is derived. */
    public static final Schema SCHEMA = new Schema("kernel_pool", List.of(Field.EMPLOYER_ID, Field.YEAR, Field.GRADE,
            Field.PARENTAL_OCCUPATION, Field.DISABILITY, Field.AGE_BAND, Field.ENTRY_ROUTE, Field.HOURLY_PAY,
            Field.PROMOTED), List.of(Field.EMPLOYER_ID, Field.YEAR));

    private static final int EMPLOYERS = 40;

    private KernelPool() {
    }

    /** A pool of {@code rows} rows drawn with {@code seed}: the same rows for the same arguments. */
    public static Table generate(long rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TableBuilder b = new TableBuilder(SCHEMA);
        int[] employerCode = new int[EMPLOYERS];
        int[] employerWeights = new int[EMPLOYERS];
        for (int e = 0; e < EMPLOYERS; e++) {
            employerCode[e] = b.intern(0, String.format("E%02d", e + 1));
            employerWeights[e] = 1000 / (e + 1) + 5;
        }
        byte[] employer = shares(employerWeights);
        byte[] year = shares(22, 24, 26, 28);
        // professional, manager | small_business, clerical | technical_craft, routine, long_term_unemployed
        byte[] occupation = shares(17, 17, 12, 12, 14, 14, 14);
        byte[] grade = shares(35, 25, 17, 12, 7, 4);
        byte[] disability = shares(8, 85, 7);
        byte[] ageBand = shares(12, 28, 25, 20, 13, 2);
        byte[] entryRoute = shares(20, 10, 45, 15, 10);
        for (long r = 0; r < rows; r++) {
            long a = random.nextLong();
            long z = random.nextLong();
            int g = grade[draw(a, 0)];
            int o = occupation[draw(a, 10)];
            b.setCode(0, employerCode[employer[draw(a, 20)]]);
            b.setInt(1, 2021 + year[draw(a, 30)]);
            b.setInt(2, 1 + g);
            b.setCode(3, 1 + o);
            b.setCode(4, 1 + disability[draw(a, 40)]);
            b.setCode(5, 1 + ageBand[draw(a, 50)]);
            b.setCode(6, 1 + entryRoute[draw(z, 0)]);
            if (draw(z, 10) < 31) {
                b.setMissing(7);
            } else {
                b.setDecimal(7, (1050 + 480 * g + (int) (z >>> 20 & 2047)) / 100.0);
            }
            int promotedPerMille = 70 + 25 * g - (o >= 4 ? 25 : 0);
            b.setInt(8, draw(z, 32) < promotedPerMille * 1024 / 1000 ? 1 : 0);
            b.commitRow();
        }
        return b.build();
    }

    /** Ten random bits of {@code bits} from bit {@code at}: an index into a table of {@link #shares}. */
    private static int draw(long bits, int at) {
        return (int) (bits >>> at & 1023);
    }

    /** A table of 1024 levels in which level {@code i} fills a share {@code weights[i] / sum} of the slots. */
    private static byte[] shares(int... weights) {
        long total = 0;
        for (int w : weights) {
            total += w;
        }
        byte[] table = new byte[1024];
        int at = 0;
        long sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            int end = (int) Math.round(sum * 1024.0 / total);
            while (at < end) {
                table[at++] = (byte) i;
            }
        }
        return table;
    }
}
