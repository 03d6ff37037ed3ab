package ladder;

import java.util.List;
import ladder.models.progression.EntryRoutes;

/**
 * A question about entry routes: {@code pool.routes()} shows the SEB composition of each entry
 * route against the workforce and the nation, and promotion and reaching grade 4 or above by
 * route and SEB with odds ratios, crude and Mantel-Haenszel within employers.
 */
public final class RoutesQuery extends Question<EntryRoutes> {
    private final Pool pool;
    private final EntryRoutes.Question question;
    private final boolean publishable;

    RoutesQuery(Pool pool, EntryRoutes.Question question, boolean publishable) {
        this.pool = pool;
        this.question = question;
        this.publishable = publishable;
    }

    /** The outcomes of progression, e.g. {@code outcomes("promoted", "grade>=5")}. */
    public RoutesQuery outcomes(String... outcomes) {
        return new RoutesQuery(pool, new EntryRoutes.Question(List.of(outcomes), question.strata(), question.level()),
                publishable);
    }

    /** The Mantel-Haenszel strata (default employer_id; none: no arguments). */
    public RoutesQuery strata(String... columns) {
        return new RoutesQuery(pool, new EntryRoutes.Question(question.outcomes(), List.of(columns), question.level()),
                publishable);
    }

    /** Intervals at {@code confidence}, e.g. 0.9. */
    public RoutesQuery level(double confidence) {
        return new RoutesQuery(pool, new EntryRoutes.Question(question.outcomes(), question.strata(), confidence),
                publishable);
    }

    /** With disclosure control for publication. */
    public RoutesQuery publishable() {
        return new RoutesQuery(pool, question, true);
    }

    @Override
    protected EntryRoutes compute() {
        EntryRoutes routes = EntryRoutes.of(pool.cubes(), question);
        return publishable ? routes.publishable() : routes;
    }
}
