package ladder.datasets;

/**
 * Who is where: the employers of a pool, how many rows each has in each year, and which people
 * those rows are, in memory proportional to employers x years (never to rows).
 *
 * <p>Rows are spread over employer-years in proportion to {@code size_j * (1 + growth_j)^t}, rounded
 * on the cumulative sum so that they add up to exactly {@code spec.rows()}. An employer's people are
 * numbered 0, 1, 2, ...; in year {@code t} its staff are the consecutive people
 * {@code [start_t, end_t)}. Each year the {@code max(round(turnover * n_t), n_t - n_(t+1))}
 * longest-serving leave and new people join at the top, so everyone appears in one unbroken run of
 * years and "segment" {@code t} (the people who joined in year {@code t}) is {@code [end_(t-1), end_t)}.
 *
 * <p>The working-class probability of each segment's joiners is chosen so that the expected
 * working-class share of the staff present in year {@code t} is the employer's target for that
 * year (see {@link GeneratorSpec#workingClassTrend()}).
 */
final class PoolLayout {
    private static final double SIZE_LOG_SD = 1.0;
    private static final double EMPLOYER_SHARE_SD = 0.04;
    private static final long EMPLOYER_STREAM = 1;

    private final int years;
    private final Employer[] employers;
    /** Per employer-year, at {@code employer * years + t}. */
    private final long[] rows;
    private final long[] start;
    private final double[] joinerWorkingClass;
    private final int personDigits;

    PoolLayout(GeneratorSpec spec) {
        years = spec.years();
        int cells = Math.multiplyExact(spec.employers(), years);
        employers = new Employer[spec.employers()];
        rows = new long[cells];
        start = new long[cells];
        joinerWorkingClass = new double[cells];

        SplitMix random = new SplitMix();
        long stream = SplitMix.key(spec.seed(), EMPLOYER_STREAM);
        int idDigits = Math.max(3, digits(spec.employers()));
        for (int j = 0; j < employers.length; j++) {
            employers[j] = drawEmployer(spec, j, idDigits, random, SplitMix.key(stream, j));
        }
        allocateRows(spec.rows());
        long largest = 0;
        for (int j = 0; j < employers.length; j++) {
            placePeople(spec, j);
            largest = Math.max(largest, end(j, years - 1));
        }
        personDigits = Math.max(6, digits(largest));
    }

    int employers() {
        return employers.length;
    }

    Employer employer(int j) {
        return employers[j];
    }

    /** Rows of employer {@code j} in year index {@code t} (0 for the first year). */
    long rows(int j, int t) {
        return rows[j * years + t];
    }

    /** The first person of employer {@code j}'s staff in year index {@code t}. */
    long start(int j, int t) {
        return start[j * years + t];
    }

    /** One past the last person of employer {@code j}'s staff in year index {@code t}. */
    long end(int j, int t) {
        return start[j * years + t] + rows[j * years + t];
    }

    /** The working-class probability of the people who joined employer {@code j} in year index {@code t}. */
    double joinerWorkingClass(int j, int t) {
        return joinerWorkingClass[j * years + t];
    }

    /** Digits of the zero-padded person number in {@code person_id}. */
    int personDigits() {
        return personDigits;
    }

    private static Employer drawEmployer(GeneratorSpec spec, int j, int idDigits, SplitMix r, long key) {
        r.restart(key);
        Sector sector = Sector.ofEmployer(j);
        double size = StrictMath.exp(SIZE_LOG_SD * Normal.quantile(r.nextOpenDouble()));
        double growth = -0.03 + 0.11 * r.nextDouble();
        double turnover = 0.10 + 0.08 * r.nextDouble();
        int region = PersonModel.REGION.draw(r.nextDouble());
        double share = clamp(spec.workingClassShare() + sector.workingClassOffset
                + EMPLOYER_SHARE_SD * Normal.quantile(r.nextOpenDouble()), spec);
        double nonResponse = spec.nonResponse() * (0.5 + r.nextDouble());
        double payLevel = 0.9 + 0.2 * r.nextDouble();
        double promotionOdds = StrictMath.exp(PersonModel.PROMOTION_BASE
                + spec.employerPromotionSd() * Normal.quantile(r.nextOpenDouble()));
        String id = "E" + zeroPadded(j + 1, idDigits);
        return new Employer(id, sector, region, share, nonResponse, payLevel, promotionOdds,
                size, growth, turnover);
    }

    /** Splits the rows over employer-years in proportion to their weights, exactly. */
    private void allocateRows(long total) {
        double[] weights = new double[rows.length];
        for (int j = 0; j < employers.length; j++) {
            double weight = employers[j].size();
            for (int t = 0; t < years; t++) {
                weights[j * years + t] = weight;
                weight *= 1 + employers[j].growth();
            }
        }
        System.arraycopy(proportional(total, weights), 0, rows, 0, rows.length);
    }

    /**
     * {@code total} split over cells in proportion to {@code weights}, rounded on the cumulative sum
     * so that the parts add up to exactly {@code total}.
     */
    static long[] proportional(long total, double[] weights) {
        double[] cumulative = new double[weights.length];
        double running = 0;
        for (int c = 0; c < weights.length; c++) {
            running += weights[c];
            cumulative[c] = running;
        }
        long[] parts = new long[weights.length];
        long before = 0;
        for (int c = 0; c < parts.length; c++) {
            long upTo = c == parts.length - 1 ? total : (long) Math.floor(total * (cumulative[c] / running));
            parts[c] = upTo - before;
            before = upTo;
        }
        return parts;
    }

    /** Sets the staff windows of employer {@code j} and the class mix of each year's joiners. */
    private void placePeople(GeneratorSpec spec, int j) {
        Employer employer = employers[j];
        int base = j * years;
        start[base] = 0;
        joinerWorkingClass[base] = target(spec, employer, 0);
        for (int t = 0; t + 1 < years; t++) {
            long n = rows[base + t];
            long next = rows[base + t + 1];
            long leavers = Math.min(n, Math.max(Math.round(employer.turnover() * n), n - next));
            start[base + t + 1] = start[base + t] + leavers;
            long joiners = end(j, t + 1) - end(j, t);
            double wanted = next * target(spec, employer, t + 1);
            double retained = expectedWorkingClass(j, t, end(j, t)) - expectedWorkingClass(j, t, start(j, t + 1));
            joinerWorkingClass[base + t + 1] = joiners == 0
                    ? target(spec, employer, t + 1)
                    : clamp((wanted - retained) / joiners, spec);
        }
    }

    /** The expected number of working-class people among people {@code 0..person-1} who joined by year index {@code t}. */
    private double expectedWorkingClass(int j, int t, long person) {
        double sum = 0;
        long segmentStart = 0;
        for (int y = 0; y <= t && segmentStart < person; y++) {
            long segmentEnd = end(j, y);
            sum += joinerWorkingClass(j, y) * (Math.min(person, segmentEnd) - segmentStart);
            segmentStart = segmentEnd;
        }
        return sum;
    }

    private static double target(GeneratorSpec spec, Employer employer, int t) {
        return clamp(employer.workingClassShare() + spec.workingClassTrend() * t, spec);
    }

    private static double clamp(double share, GeneratorSpec spec) {
        return Math.max(0, Math.min(1 - spec.intermediateShare(), share));
    }

    static int digits(long n) {
        return Long.toString(n).length();
    }

    static String zeroPadded(long n, int width) {
        String digits = Long.toString(n);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }
}
