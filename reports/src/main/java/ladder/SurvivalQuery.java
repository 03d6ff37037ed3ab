package ladder;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.models.survival.Ties;
import ladder.models.survival.TimeToPromotion;
import ladder.models.survival.TimeToPromotion.Question;

/**
 * A question about time to promotion by background:
 * {@code pool.survival().by("seb").strata("employer_id").cluster("employer_id").times(12, 24, 60)}
 * shows each group's Kaplan-Meier curve and median, the numbers at risk, the log-rank test and a
 * Cox model, and a chart of the curves. Each method answers a refined question.
 */
public final class SurvivalQuery extends ladder.Question<TimeToPromotion> {
    private final Pool pool;
    private final Question q;
    private final boolean publishable;

    SurvivalQuery(Pool pool, Question question, boolean publishable) {
        this.pool = pool;
        this.q = question;
        this.publishable = publishable;
    }

    /** The whole-months column. Default: months_in_grade. */
    public SurvivalQuery time(String column) {
        return with(new Question(column, q.event(), q.by(), q.levels(), q.strata(), q.cluster(), q.ties(), q.times(),
                q.level()));
    }

    /** The 0/1 event column. Default: promoted. */
    public SurvivalQuery event(String column) {
        return with(new Question(q.time(), column, q.by(), q.levels(), q.strata(), q.cluster(), q.ties(), q.times(),
                q.level()));
    }

    /** The columns whose groups to compare, e.g. {@code by("seb", "gender")}. Default: seb. */
    public SurvivalQuery by(String... columns) {
        return with(new Question(q.time(), q.event(), List.of(columns), q.levels(), q.strata(), q.cluster(), q.ties(),
                q.times(), q.level()));
    }

    /** The levels of a group column to compare, the reference first, e.g. {@code levels("seb", "working_class", "professional")}. */
    public SurvivalQuery levels(String column, String... levels) {
        Map<String, List<String>> named = new LinkedHashMap<>(q.levels());
        named.put(column, List.of(levels));
        return with(new Question(q.time(), q.event(), q.by(), named, q.strata(), q.cluster(), q.ties(), q.times(),
                q.level()));
    }

    /** Stratify the log-rank test and the Cox baseline, e.g. {@code strata("employer_id")}. */
    public SurvivalQuery strata(String... columns) {
        return with(new Question(q.time(), q.event(), q.by(), q.levels(), List.of(columns), q.cluster(), q.ties(),
                q.times(), q.level()));
    }

    /** Cluster-robust standard errors of the Cox model, e.g. {@code cluster("employer_id")}. */
    public SurvivalQuery cluster(String... columns) {
        return with(new Question(q.time(), q.event(), q.by(), q.levels(), q.strata(), List.of(columns), q.ties(),
                q.times(), q.level()));
    }

    /** Efron (default) or Breslow ties in the Cox model. */
    public SurvivalQuery ties(Ties ties) {
        return with(new Question(q.time(), q.event(), q.by(), q.levels(), q.strata(), q.cluster(), ties, q.times(),
                q.level()));
    }

    /** The months at which survival and the numbers at risk are shown. */
    public SurvivalQuery times(int... months) {
        return with(new Question(q.time(), q.event(), q.by(), q.levels(), q.strata(), q.cluster(), q.ties(),
                Arrays.stream(months).boxed().toList(), q.level()));
    }

    /** Intervals at {@code confidence}, e.g. 0.9. */
    public SurvivalQuery level(double confidence) {
        return with(new Question(q.time(), q.event(), q.by(), q.levels(), q.strata(), q.cluster(), q.ties(), q.times(),
                confidence));
    }

    /** With disclosure control for publication. */
    public SurvivalQuery publishable() {
        return new SurvivalQuery(pool, q, true);
    }

    private SurvivalQuery with(Question question) {
        return new SurvivalQuery(pool, question, publishable);
    }

    @Override
    protected TimeToPromotion compute() {
        TimeToPromotion result = TimeToPromotion.of(pool.cubes(), q);
        return publishable ? result.publishable() : result;
    }
}
