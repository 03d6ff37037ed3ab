package ladder;

import java.util.List;
import ladder.models.intersect.IntersectionalBreakdown;
import ladder.models.intersect.PAdjust;

/**
 * A question about a rate across intersecting groups:
 * {@code pool.intersect().outcome("promoted").by("seb", "gender", "ethnicity")} shows each cell's
 * rate with its Wilson interval and tests against the rest of the pool, p-values adjusted across
 * cells, and a ranked dot plot.
 */
public final class IntersectQuery extends Question<IntersectionalBreakdown> {
    private final Pool pool;
    private final IntersectionalBreakdown.Question question;
    private final boolean publishable;

    private IntersectQuery(Pool pool, IntersectionalBreakdown.Question question, boolean publishable) {
        this.pool = pool;
        this.question = question;
        this.publishable = publishable;
    }

    static IntersectQuery of(Pool pool) {
        return new IntersectQuery(pool, new IntersectionalBreakdown.Question("promoted", List.of("seb", "gender"),
                PAdjust.BH, 0.95), false);
    }

    /** The outcome: a 0/1 column ({@code "promoted"}) or a condition ({@code "grade>=4"}). Default: promoted. */
    public IntersectQuery outcome(String outcome) {
        return with(new IntersectionalBreakdown.Question(outcome, question.by(), question.adjustment(),
                question.confidence()));
    }

    /** The columns whose level combinations are the cells. Default: seb, gender. */
    public IntersectQuery by(String... columns) {
        return with(new IntersectionalBreakdown.Question(question.outcome(), List.of(columns), question.adjustment(),
                question.confidence()));
    }

    /** How p-values are adjusted across cells. Default: {@link PAdjust#BH}. */
    public IntersectQuery adjust(PAdjust adjustment) {
        return with(new IntersectionalBreakdown.Question(question.outcome(), question.by(), adjustment,
                question.confidence()));
    }

    /** Intervals at {@code confidence}, e.g. 0.9. */
    public IntersectQuery level(double confidence) {
        return with(new IntersectionalBreakdown.Question(question.outcome(), question.by(), question.adjustment(),
                confidence));
    }

    /** With disclosure control for publication. */
    public IntersectQuery publishable() {
        return new IntersectQuery(pool, question, true);
    }

    private IntersectQuery with(IntersectionalBreakdown.Question q) {
        return new IntersectQuery(pool, q, publishable);
    }

    @Override
    protected IntersectionalBreakdown compute() {
        IntersectionalBreakdown breakdown = IntersectionalBreakdown.of(pool.cubes(), question);
        return publishable ? breakdown.publishable() : breakdown;
    }
}
