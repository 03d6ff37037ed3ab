package ladder;

import java.util.List;
import java.util.Optional;
import ladder.models.benchmark.Scorecard;

/**
 * The SMC scorecard: {@code pool.scorecard().employer("E001").target("working_class", 0.35)} shows
 * each KPI rated red, amber or green with its rule, and the year the trend reaches the target.
 * Default: every employer, no target. Each method answers a refined question.
 */
public final class ScorecardQuery extends Question<Scorecard> {
    private final Pool pool;
    private final Scorecard.Question question;
    private final boolean publishable;
    private final Pool applicants;

    private ScorecardQuery(Pool pool, Scorecard.Question question, boolean publishable, Pool applicants) {
        this.pool = pool;
        this.question = question;
        this.publishable = publishable;
        this.applicants = applicants;
    }

    static ScorecardQuery of(Pool pool) {
        return new ScorecardQuery(pool, new Scorecard.Question(List.of(), Optional.empty(), 0.95), false, null);
    }

    /** The questions collected from applicants read from this pool of applications ({@link Ladder#applicants}). */
    public ScorecardQuery applicants(Pool applications) {
        return new ScorecardQuery(pool, question, publishable,
                applications.requireApplications("the scorecard's applicants"));
    }

    /** Score these employers only. */
    public ScorecardQuery employer(String... ids) {
        return with(new Scorecard.Question(List.of(ids), question.target(), question.level()));
    }

    /** The employer's target share of a class, e.g. {@code target("working_class", 0.35)}. */
    public ScorecardQuery target(String level, double share) {
        return with(new Scorecard.Question(question.employers(), Optional.of(new Scorecard.Target(level, share)),
                question.level()));
    }

    /** Intervals at {@code confidence}, e.g. 0.9. */
    public ScorecardQuery level(double confidence) {
        return with(new Scorecard.Question(question.employers(), question.target(), confidence));
    }

    /** With disclosure control for publication. */
    public ScorecardQuery publishable() {
        return new ScorecardQuery(pool, question, true, applicants);
    }

    private ScorecardQuery with(Scorecard.Question q) {
        return new ScorecardQuery(pool, q, publishable, applicants);
    }

    @Override
    protected Scorecard compute() {
        Scorecard s = Scorecard.of(pool.cubes(), question,
                applicants == null ? Optional.empty() : Optional.of(applicants.cubes()));
        return publishable ? s.publishable() : s;
    }
}
