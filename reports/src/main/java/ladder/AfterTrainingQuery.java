package ladder;

import ladder.models.progression.ProgressionAfter;
import ladder.models.progression.ProgressionAfter.Cohort;

/**
 * A question about promotion after training: {@code pool.afterTraining().window(2)} follows each
 * person across years within their employer and shows promotion within the window by SEB, with
 * who left, who was censored and the linkage's gaps and demotions;
 * {@code cohort(Cohort.APPRENTICESHIP)} follows apprentices instead. Needs rows, not cube files.
 */
public final class AfterTrainingQuery extends Question<ProgressionAfter> {
    private final Pool pool;
    private final ProgressionAfter.Question question;
    private final boolean publishable;

    AfterTrainingQuery(Pool pool, ProgressionAfter.Question question, boolean publishable) {
        this.pool = pool;
        this.question = question;
        this.publishable = publishable;
    }

    /** Who is followed: person-years with training (default) or apprentices. */
    public AfterTrainingQuery cohort(Cohort cohort) {
        return with(new ProgressionAfter.Question(cohort, question.window(), question.strata(), question.level()));
    }

    /** Years followed after the year of training (default 2). */
    public AfterTrainingQuery window(int years) {
        return with(new ProgressionAfter.Question(question.cohort(), years, question.strata(), question.level()));
    }

    /** Mantel-Haenszel within employers (default true) or crude only. */
    public AfterTrainingQuery withinEmployers(boolean strata) {
        return with(new ProgressionAfter.Question(question.cohort(), question.window(), strata, question.level()));
    }

    /** Intervals at {@code confidence}, e.g. 0.9. */
    public AfterTrainingQuery level(double confidence) {
        return with(new ProgressionAfter.Question(question.cohort(), question.window(), question.strata(), confidence));
    }

    /** With disclosure control for publication. */
    public AfterTrainingQuery publishable() {
        return new AfterTrainingQuery(pool, question, true);
    }

    private AfterTrainingQuery with(ProgressionAfter.Question q) {
        return new AfterTrainingQuery(pool, q, publishable);
    }

    @Override
    protected ProgressionAfter compute() {
        ProgressionAfter after = ProgressionAfter.of(pool.cubes(), question);
        return publishable ? after.publishable() : after;
    }
}
