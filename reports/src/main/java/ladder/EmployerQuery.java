package ladder;

import ladder.models.benchmark.EmployerComparison;

/**
 * Where one employer stands: {@code pool.employer("E001")} shows each key figure for the employer
 * (composition, the supplementary questions, the class ceiling, progression, the class pay gap,
 * entry routes and training: {@link ladder.models.benchmark.KeyFigure}) beside the coalition, the
 * rest of its sector and the nation, with intervals and the employer's percentile among the
 * coalition's employers; {@code .applicants(Ladder.applicants("datasets/sample-applicants"))} adds the
 * recruitment funnel's figures; {@code .get().table(Topic.PAY)} gives one topic's figures. Each method
 * answers a refined question.
 */
public final class EmployerQuery extends Question<EmployerComparison> {
    private final Pool pool;
    private final String employer;
    private final double level;
    private final boolean publishable;
    private final Pool applicants;

    EmployerQuery(Pool pool, String employer, double level, boolean publishable) {
        this(pool, employer, level, publishable, null);
    }

    private EmployerQuery(Pool pool, String employer, double level, boolean publishable, Pool applicants) {
        this.pool = pool;
        this.employer = employer;
        this.level = level;
        this.publishable = publishable;
        this.applicants = applicants;
    }

    /** Intervals at {@code confidence}, e.g. 0.9. */
    public EmployerQuery level(double confidence) {
        return new EmployerQuery(pool, employer, confidence, publishable, applicants);
    }

    /** With disclosure control for publication. */
    public EmployerQuery publishable() {
        return new EmployerQuery(pool, employer, level, true, applicants);
    }

    /**
     * With the recruitment funnel's figures (the working-class share of applications, the offer rate ratio) from
     * {@code applications}, a pool of applicants ({@link Ladder#applicants}).
     */
    public EmployerQuery applicants(Pool applications) {
        return new EmployerQuery(pool, employer, level, publishable, applications.requireApplications("the funnel's"
                + " figures"));
    }

    @Override
    protected EmployerComparison compute() {
        EmployerComparison c = EmployerComparison.of(pool.cubes(), java.util.Optional.ofNullable(applicants)
                .map(Pool::cubes), employer, level);
        return publishable ? c.publishable() : c;
    }
}
