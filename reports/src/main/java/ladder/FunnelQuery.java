package ladder;

import java.util.List;
import ladder.models.funnel.RecruitmentFunnel;

/**
 * A question about the recruitment funnel of a pool of applications:
 * {@code Ladder.applicants("datasets/sample-applicants").funnel().strata("employer_id", "year").level(0.9)}
 * shows at each stage the SEB composition, the conversion rate, the adverse impact ratio and the
 * odds ratio of progressing (crude and Mantel-Haenszel), against the national 34/24/42, with charts.
 */
public final class FunnelQuery extends Question<RecruitmentFunnel> {
    private final Pool pool;
    private final RecruitmentFunnel.Question question;
    private final boolean publishable;

    FunnelQuery(Pool pool, RecruitmentFunnel.Question question, boolean publishable) {
        this.pool = pool;
        this.question = question;
        this.publishable = publishable;
    }

    /** Mantel-Haenszel within the strata of these columns. Default: employer_id; none for crude only. */
    public FunnelQuery strata(String... columns) {
        return new FunnelQuery(pool, new RecruitmentFunnel.Question(List.of(columns), question.level()), publishable);
    }

    /** Intervals at {@code confidence}, e.g. 0.9. */
    public FunnelQuery level(double confidence) {
        return new FunnelQuery(pool, new RecruitmentFunnel.Question(question.strata(), confidence), publishable);
    }

    /** With disclosure control for publication. */
    public FunnelQuery publishable() {
        return new FunnelQuery(pool, question, true);
    }

    @Override
    protected RecruitmentFunnel compute() {
        RecruitmentFunnel funnel = RecruitmentFunnel.of(pool.cubes(), question);
        return publishable ? funnel.publishable() : funnel;
    }
}
