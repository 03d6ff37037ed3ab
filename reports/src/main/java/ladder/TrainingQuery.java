package ladder;

import java.util.List;
import ladder.models.progression.TrainingTakeUp;

/**
 * A question about training take-up: {@code pool.training()} shows the share trained by SEB,
 * crude, within employers (Mantel-Haenszel), adjusted (logistic model, CR1 errors by employer)
 * and by grade.
 */
public final class TrainingQuery extends Question<TrainingTakeUp> {
    private final Pool pool;
    private final TrainingTakeUp.Question question;
    private final boolean publishable;

    TrainingQuery(Pool pool, TrainingTakeUp.Question question, boolean publishable) {
        this.pool = pool;
        this.question = question;
        this.publishable = publishable;
    }

    /** The model's terms besides seb, e.g. {@code adjust("gender", "C(grade)")}. */
    public TrainingQuery adjust(String... terms) {
        return with(new TrainingTakeUp.Question(question.strata(), List.of(terms), question.cluster(), question.level()));
    }

    /** The Mantel-Haenszel strata (default employer_id). */
    public TrainingQuery strata(String... columns) {
        return with(new TrainingTakeUp.Question(List.of(columns), question.adjust(), question.cluster(), question.level()));
    }

    /** The clusters of the CR1 errors (default employer_id); {@code null} for model-based errors. */
    public TrainingQuery cluster(String column) {
        return with(new TrainingTakeUp.Question(question.strata(), question.adjust(), column, question.level()));
    }

    /** Intervals at {@code confidence}, e.g. 0.9. */
    public TrainingQuery level(double confidence) {
        return with(new TrainingTakeUp.Question(question.strata(), question.adjust(), question.cluster(), confidence));
    }

    /** With disclosure control for publication. */
    public TrainingQuery publishable() {
        return new TrainingQuery(pool, question, true);
    }

    private TrainingQuery with(TrainingTakeUp.Question q) {
        return new TrainingQuery(pool, q, publishable);
    }

    @Override
    protected TrainingTakeUp compute() {
        TrainingTakeUp training = TrainingTakeUp.of(pool.cubes(), question);
        return publishable ? training.publishable() : training;
    }
}
