package ladder;

import java.util.List;
import ladder.models.trend.ClassCeiling;

/**
 * A question about the class ceiling: {@code pool.ceiling().strata("employer_id")} shows the SEB
 * composition at each grade with representation ratios, the odds of each group reaching a grade
 * or above against professionals (crude and Mantel-Haenszel within strata), and a bar chart.
 */
public final class CeilingQuery extends Question<ClassCeiling> {
    private final Pool pool;
    private final ClassCeiling.Question question;
    private final boolean publishable;

    private CeilingQuery(Pool pool, ClassCeiling.Question question, boolean publishable) {
        this.pool = pool;
        this.question = question;
        this.publishable = publishable;
    }

    static CeilingQuery of(Pool pool) {
        return new CeilingQuery(pool, new ClassCeiling.Question(List.of(), 0.95), false);
    }

    /** Pool the odds ratios within strata (Mantel-Haenszel), e.g. {@code strata("employer_id")}. */
    public CeilingQuery strata(String... columns) {
        return new CeilingQuery(pool, new ClassCeiling.Question(List.of(columns), question.confidence()), publishable);
    }

    /** Intervals at {@code confidence}, e.g. 0.9. */
    public CeilingQuery level(double confidence) {
        return new CeilingQuery(pool, new ClassCeiling.Question(question.strata(), confidence), publishable);
    }

    /** With disclosure control for publication. */
    public CeilingQuery publishable() {
        return new CeilingQuery(pool, question, true);
    }

    @Override
    protected ClassCeiling compute() {
        ClassCeiling ceiling = ClassCeiling.of(pool.cubes(), question);
        return publishable ? ceiling.publishable() : ceiling;
    }
}
