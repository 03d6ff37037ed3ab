package ladder.engine.link;

import java.util.Arrays;
import java.util.stream.IntStream;
import ladder.engine.LadderException;
import ladder.engine.contract.Field;
import ladder.engine.table.Chunk;
import ladder.engine.table.Codes;
import ladder.engine.table.Column;
import ladder.engine.table.Table;
import ladder.engine.filter.Filter;

/**
 * Each person followed across years within their employer: the rows passing a filter, sorted by
 * ({@code employer_id}, {@code person_id}, {@code year}), so that a person's years are consecutive
 * entries. The data contract keeps {@code person_id} stable across years within one employer and
 * (employer, year, person) unique, so the sort key names one row.
 *
 * <p>The kernel packs each row into one {@code long}: from the top, the employer's code, the
 * person's code, the year, then the grade, {@code promoted}, {@code training}, {@code entry_route}
 * and the SEB group (11 bits), and sorts the longs ({@link Arrays#parallelSort} on more than one
 * thread). No row is boxed; a row's values are read back from its key. On a pass over the sorted
 * keys it counts the people, the gaps (a missing year between two rows of a person) and the
 * demotions (a later row at a lower grade than the row before it).
 */
public final class PersonLinkage {
    private static final int SEB_BITS = 3;
    private static final int ROUTE_BITS = 3;
    private static final int GRADE_BITS = 3;
    private static final int YEAR_BITS = 7;
    private static final int ROUTE_SHIFT = SEB_BITS;
    private static final int TRAINING_SHIFT = ROUTE_SHIFT + ROUTE_BITS;
    private static final int PROMOTED_SHIFT = TRAINING_SHIFT + 1;
    private static final int GRADE_SHIFT = PROMOTED_SHIFT + 1;
    private static final int YEAR_SHIFT = GRADE_SHIFT + GRADE_BITS;
    private static final int PERSON_SHIFT = YEAR_SHIFT + YEAR_BITS;

    private final long[] keys;
    private final int employerShift;
    private final Column employer;
    private final Column person;
    private final Column route;
    private final long persons;
    private final long gaps;
    private final long personsWithGaps;
    private final long demotions;

    private PersonLinkage(long[] keys, int employerShift, Column employer, Column person, Column route) {
        this.keys = keys;
        this.employerShift = employerShift;
        this.employer = employer;
        this.person = person;
        this.route = route;
        long people = 0, gapCount = 0, gapPeople = 0, down = 0;
        boolean gapped = false;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || !samePerson(i - 1, i)) {
                people++;
                gapped = false;
                continue;
            }
            if (year(i) - year(i - 1) > 1) {
                gapCount++;
                if (!gapped) {
                    gapPeople++;
                    gapped = true;
                }
            }
            if (grade(i) < grade(i - 1)) {
                down++;
            }
        }
        this.persons = people;
        this.gaps = gapCount;
        this.personsWithGaps = gapPeople;
        this.demotions = down;
    }

    /**
     * The rows of {@code table} passing {@code filter}, linked by ({@code employer_id},
     * {@code person_id}) and sorted by year within each person, on {@code threads} threads.
     *
     * @throws LadderException if the table lacks a column the linkage reads, or has more employers
     *     and people than one 64-bit key can number
     */
    public static PersonLinkage link(Table table, Filter filter, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        Column employer = table.column(Field.EMPLOYER_ID.name());
        Column person = table.column(Field.PERSON_ID.name());
        Column year = table.column(Field.YEAR.name());
        Column grade = table.column(Field.GRADE.name());
        Column promoted = table.column(Field.PROMOTED.name());
        Column training = table.column(Field.TRAINING.name());
        Column route = table.column(Field.ENTRY_ROUTE.name());
        Column seb = table.column("seb");
        int personBits = bits(person.cardinality());
        int employerBits = bits(employer.cardinality());
        int employerShift = PERSON_SHIFT + personBits;
        if (employerShift + employerBits > 63) {
            throw new LadderException("too many employers (" + employer.cardinality() + ") and people ("
                    + person.cardinality() + ") to link in one pass; link a subset of employers with --where");
        }
        if (year.cardinality() > 1 << YEAR_BITS || route.cardinality() > 1 << ROUTE_BITS) {
            throw new IllegalStateException("the contract's years or entry routes outgrew the linkage key");
        }
        var chunks = table.chunks();
        long[][] masks = new long[chunks.size()][];
        int[] offsets = new int[chunks.size() + 1];
        for (int c = 0; c < chunks.size(); c++) {
            masks[c] = filter.select(chunks.get(c));
            long passing = 0;
            for (long word : masks[c]) {
                passing += Long.bitCount(word);
            }
            offsets[c + 1] = Math.toIntExact(offsets[c] + passing);
        }
        long[] keys = new long[offsets[chunks.size()]];
        IntStream each = IntStream.range(0, chunks.size());
        (threads > 1 ? each.parallel() : each).forEach(c -> {
            Chunk chunk = chunks.get(c);
            fill(keys, offsets[c], masks[c], chunk.rows(), chunk.codes(employer), chunk.codes(person),
                    chunk.codes(year), chunk.codes(grade), chunk.codes(promoted), chunk.codes(training),
                    chunk.codes(route), chunk.codes(seb), employerShift);
        });
        if (threads > 1) {
            Arrays.parallelSort(keys);
        } else {
            Arrays.sort(keys);
        }
        return new PersonLinkage(keys, employerShift, employer, person, route);
    }

    private static void fill(long[] keys, int at, long[] mask, int rows, Codes employer, Codes person, Codes year,
            Codes grade, Codes promoted, Codes training, Codes route, Codes seb, int employerShift) {
        int i = at;
        for (int r = 0; r < rows; r++) {
            if ((mask[r >>> 6] & (1L << r)) == 0) {
                continue;
            }
            keys[i++] = (long) employer.get(r) << employerShift | (long) person.get(r) << PERSON_SHIFT
                    | (long) year.get(r) << YEAR_SHIFT | (long) grade.get(r) << GRADE_SHIFT
                    | (long) promoted.get(r) << PROMOTED_SHIFT | (long) training.get(r) << TRAINING_SHIFT
                    | (long) route.get(r) << ROUTE_SHIFT | seb.get(r);
        }
    }

    /** Bits that number codes 0..cardinality-1 (at least 1). */
    private static int bits(int cardinality) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, cardinality - 1)));
    }

    /** Person-years linked (rows passing the filter). */
    public int size() {
        return keys.length;
    }

    /** Distinct (employer, person) pairs. */
    public long persons() {
        return persons;
    }

    /** Missing years between two consecutive rows of a person, counted once per such pair of rows. */
    public long gaps() {
        return gaps;
    }

    /** People with at least one gap. */
    public long personsWithGaps() {
        return personsWithGaps;
    }

    /** Consecutive rows of a person whose later row is at a lower grade. */
    public long demotions() {
        return demotions;
    }

    /** Whether entries {@code i} and {@code j} are the same person at the same employer. */
    public boolean samePerson(int i, int j) {
        return keys[i] >>> PERSON_SHIFT == keys[j] >>> PERSON_SHIFT;
    }

    /** The employer's code in the table's {@code employer_id} column. */
    public int employer(int i) {
        return (int) (keys[i] >>> employerShift);
    }

    /** The person's code in the table's {@code person_id} column. */
    public int person(int i) {
        return (int) (keys[i] >>> PERSON_SHIFT & ((1L << (employerShift - PERSON_SHIFT)) - 1));
    }

    /** The reporting year. */
    public int year(int i) {
        return Field.YEAR.min() + (int) (keys[i] >>> YEAR_SHIFT & ((1 << YEAR_BITS) - 1));
    }

    /** The grade, 1..6. */
    public int grade(int i) {
        return Field.GRADE.min() + (int) (keys[i] >>> GRADE_SHIFT & ((1 << GRADE_BITS) - 1));
    }

    /** {@code promoted}, 0 or 1. */
    public int promoted(int i) {
        return (int) (keys[i] >>> PROMOTED_SHIFT & 1);
    }

    /** {@code training}, 0 or 1. */
    public int training(int i) {
        return (int) (keys[i] >>> TRAINING_SHIFT & 1);
    }

    /** The {@code entry_route} code (see {@link #routeCode}). */
    public int route(int i) {
        return (int) (keys[i] >>> ROUTE_SHIFT & ((1 << ROUTE_BITS) - 1));
    }

    /** The SEB group's position in {@link ladder.engine.contract.Seb#LEVELS}. */
    public int seb(int i) {
        return (int) (keys[i] & ((1 << SEB_BITS) - 1));
    }

    public String employerLabel(int code) {
        return employer.label(code);
    }

    public String personLabel(int code) {
        return person.label(code);
    }

    /** The code of an entry route as {@link #route} gives it, e.g. of {@code apprenticeship}. */
    public int routeCode(String level) {
        return route.codeOf(level);
    }

    /** The latest year of any entry; {@link Integer#MIN_VALUE} when there are none. */
    public int lastYear() {
        int last = Integer.MIN_VALUE;
        for (int i = 0; i < keys.length; i++) {
            last = Math.max(last, year(i));
        }
        return last;
    }
}
