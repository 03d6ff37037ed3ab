package ladder;

import java.util.List;
import ladder.models.multilevel.MaihdaOnCube;

/**
 * An intersectional MAIHDA: {@code pool.maihda().outcome("promoted").strata("seb", "gender", "ethnicity")}
 * shows the null and main-effects models, the stratum variance, VPC, MOR and PCV, and each
 * stratum's prediction with a caterpillar plot.
 */
public final class MaihdaQuery extends Question<MaihdaOnCube.Fitted> {
    private final Pool pool;
    private final MaihdaOnCube.Question question;
    private final boolean publishable;

    MaihdaQuery(Pool pool, MaihdaOnCube.Question question, boolean publishable) {
        this.pool = pool;
        this.question = question;
        this.publishable = publishable;
    }

    static MaihdaQuery of(Pool pool) {
        return new MaihdaQuery(pool, new MaihdaOnCube.Question("promoted", List.of("seb", "gender", "ethnicity"), 1, 0.95),
                false);
    }

    public MaihdaQuery outcome(String outcome) {
        return new MaihdaQuery(pool, new MaihdaOnCube.Question(outcome, question.strata(), question.points(),
                question.level()), publishable);
    }

    /** The dimensions whose level combinations are the strata. */
    public MaihdaQuery strata(String... dimensions) {
        return new MaihdaQuery(pool, new MaihdaOnCube.Question(question.outcome(), List.of(dimensions), question.points(),
                question.level()), publishable);
    }

    /** Adaptive Gauss-Hermite quadrature with {@code points} points (1: Laplace). */
    public MaihdaQuery nagq(int points) {
        return new MaihdaQuery(pool, new MaihdaOnCube.Question(question.outcome(), question.strata(), points,
                question.level()), publishable);
    }

    /** With strata under 10 withheld, for publication. */
    public MaihdaQuery publishable() {
        return new MaihdaQuery(pool, question, true);
    }

    @Override
    protected MaihdaOnCube.Fitted compute() {
        MaihdaOnCube.Fitted fit = MaihdaOnCube.of(pool.cubes(), question);
        return publishable ? fit.publishable() : fit;
    }
}
