package ladder;

import java.util.List;
import ladder.models.contingency.ProgressionOdds;

/**
 * A question about the odds of an outcome by background:
 * {@code pool.odds().outcome("grade>=4").exposure("seb", "working_class").reference("professional").strata("employer_id")}
 * shows the crude and Mantel-Haenszel odds ratios, risk ratios and differences with their
 * intervals and tests, and a forest plot. Each method answers a refined question.
 */
public final class OddsQuery extends Question<ProgressionOdds> {
    private final Pool pool;
    private final ProgressionOdds.Question question;
    private final boolean publishable;

    OddsQuery(Pool pool, ProgressionOdds.Question question, boolean publishable) {
        this.pool = pool;
        this.question = question;
        this.publishable = publishable;
    }

    static OddsQuery of(Pool pool) {
        return new OddsQuery(pool, new ProgressionOdds.Question("promoted", "seb", List.of(), null, List.of(),
                List.of(), 0.95), false);
    }

    /** The outcome: a 0/1 column ({@code "promoted"}) or a condition ({@code "grade>=4"}). Default: promoted. */
    public OddsQuery outcome(String outcome) {
        return with(new ProgressionOdds.Question(outcome, question.exposure(), question.exposureLevels(),
                question.reference(), question.strata(), question.by(), question.level()));
    }

    /** The exposure column and the levels compared with the reference (none: every other level). Default: seb. */
    public OddsQuery exposure(String column, String... levels) {
        return with(new ProgressionOdds.Question(question.outcome(), column, List.of(levels), question.reference(),
                question.strata(), question.by(), question.level()));
    }

    /** The reference level. Default: professional for seb, else the column's first level. */
    public OddsQuery reference(String level) {
        return with(new ProgressionOdds.Question(question.outcome(), question.exposure(), question.exposureLevels(),
                level, question.strata(), question.by(), question.level()));
    }

    /** Pool within strata (Mantel-Haenszel): e.g. {@code strata("employer_id")}. */
    public OddsQuery strata(String... columns) {
        return with(new ProgressionOdds.Question(question.outcome(), question.exposure(), question.exposureLevels(),
                question.reference(), List.of(columns), question.by(), question.level()));
    }

    /** The same analysis for each level of these columns, e.g. {@code by("year")}. */
    public OddsQuery by(String... columns) {
        return with(new ProgressionOdds.Question(question.outcome(), question.exposure(), question.exposureLevels(),
                question.reference(), question.strata(), List.of(columns), question.level()));
    }

    /** Intervals at {@code confidence}, e.g. 0.9. */
    public OddsQuery level(double confidence) {
        return with(new ProgressionOdds.Question(question.outcome(), question.exposure(), question.exposureLevels(),
                question.reference(), question.strata(), question.by(), confidence));
    }

    /** With disclosure control for publication. */
    public OddsQuery publishable() {
        return new OddsQuery(pool, question, true);
    }

    private OddsQuery with(ProgressionOdds.Question q) {
        return new OddsQuery(pool, q, publishable);
    }

    @Override
    protected ProgressionOdds compute() {
        ProgressionOdds odds = ProgressionOdds.of(pool.cubes(), question);
        return publishable ? odds.publishable() : odds;
    }
}
