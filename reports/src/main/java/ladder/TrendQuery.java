package ladder;

import java.util.List;
import ladder.models.trend.ShareTrend;

/**
 * A question about a share over time:
 * {@code pool.trend().share("seb", "working_class").over("year").by("sector")} shows the share per
 * period with Wilson intervals, the gap to the national benchmark, year-on-year changes and the
 * trend tests, and a line chart. Each method answers a refined question.
 */
public final class TrendQuery extends Question<ShareTrend> {
    private final Pool pool;
    private final ShareTrend.Question question;
    private final boolean publishable;

    private TrendQuery(Pool pool, ShareTrend.Question question, boolean publishable) {
        this.pool = pool;
        this.question = question;
        this.publishable = publishable;
    }

    static TrendQuery of(Pool pool) {
        return new TrendQuery(pool, new ShareTrend.Question("seb", "working_class", "year", List.of(), 0.95), false);
    }

    /** The share followed: of {@code level} among the answers for {@code column}. Default: seb, working_class. */
    public TrendQuery share(String column, String level) {
        return with(new ShareTrend.Question(column, level, question.over(), question.by(), question.confidence()));
    }

    /** The ordered period column. Default: year. */
    public TrendQuery over(String column) {
        return with(new ShareTrend.Question(question.column(), question.level(), column, question.by(),
                question.confidence()));
    }

    /** A trend for each level of these columns, e.g. {@code by("sector")}. */
    public TrendQuery by(String... columns) {
        return with(new ShareTrend.Question(question.column(), question.level(), question.over(), List.of(columns),
                question.confidence()));
    }

    /** Intervals at {@code confidence}, e.g. 0.9. */
    public TrendQuery level(double confidence) {
        return with(new ShareTrend.Question(question.column(), question.level(), question.over(), question.by(),
                confidence));
    }

    /** With disclosure control for publication. */
    public TrendQuery publishable() {
        return new TrendQuery(pool, question, true);
    }

    private TrendQuery with(ShareTrend.Question q) {
        return new TrendQuery(pool, q, publishable);
    }

    @Override
    protected ShareTrend compute() {
        ShareTrend trend = ShareTrend.of(pool.cubes(), question);
        return publishable ? trend.publishable() : trend;
    }
}
