package ladder;

import ladder.engine.LadderException;
import ladder.engine.Threads;
import ladder.models.pay.ClassPayGap;
import ladder.models.pay.PayModel;
import ladder.models.pay.QuantileType;

/**
 * A question about the class pay gap: {@code pool.pay().by("year").reference("professional")} shows the mean,
 * median and quartiles of hourly pay and bonus by SEB group, each group's gaps against the reference with their
 * intervals, the pay quarters and charts of them; {@code .adjusted()} adds the adjusted gap and the Oaxaca-Blinder
 * decomposition, which need the rows (a pool of cube files refuses it in one line). Each method answers a refined
 * question.
 */
public final class PayQuery extends Question<ClassPayGap> {
    private final Pool pool;
    private final ClassPayGap.Question question;
    private final boolean adjusted;

    private PayQuery(Pool pool, ClassPayGap.Question question, boolean adjusted) {
        this.pool = pool;
        this.question = question;
        this.adjusted = adjusted;
    }

    static PayQuery of(Pool pool) {
        return new PayQuery(pool, ClassPayGap.Question.defaults(), false);
    }

    /** The reference SEB group. Default: professional. */
    public PayQuery reference(String group) {
        return with(new ClassPayGap.Question(group, question.by(), question.quantileType(), question.replicates(),
                question.seed(), question.level(), question.publishable()));
    }

    /** The same analysis for each level of a column, e.g. {@code by("year")}, "grade", "sector", "employer_id". */
    public PayQuery by(String column) {
        return with(new ClassPayGap.Question(question.reference(), column, question.quantileType(), question.replicates(),
                question.seed(), question.level(), question.publishable()));
    }

    /** R's quantile type (1 to 9) of the quartiles and quarter cutpoints. Default: 7. */
    public PayQuery quantileType(int type) {
        return with(new ClassPayGap.Question(question.reference(), question.by(), QuantileType.of(type),
                question.replicates(), question.seed(), question.level(), question.publishable()));
    }

    /** Bootstrap replicates and seed of the median gap intervals. Default: 999 and 1. */
    public PayQuery bootstrap(int replicates, long seed) {
        return with(new ClassPayGap.Question(question.reference(), question.by(), question.quantileType(), replicates,
                seed, question.level(), question.publishable()));
    }

    /** Intervals at {@code confidence}, e.g. 0.9. */
    public PayQuery level(double confidence) {
        return with(new ClassPayGap.Question(question.reference(), question.by(), question.quantileType(),
                question.replicates(), question.seed(), confidence, question.publishable()));
    }

    /** With disclosure control for publication. */
    public PayQuery publishable() {
        return with(new ClassPayGap.Question(question.reference(), question.by(), question.quantileType(),
                question.replicates(), question.seed(), question.level(), true));
    }

    /** Also the adjusted gap and the Oaxaca-Blinder decomposition, from the rows. */
    public PayQuery adjusted() {
        return new PayQuery(pool, question, true);
    }

    private PayQuery with(ClassPayGap.Question q) {
        return new PayQuery(pool, q, adjusted);
    }

    @Override
    protected ClassPayGap compute() {
        if (adjusted) {
            try {
                pool.table();
            } catch (LadderException e) {
                throw new LadderException("the adjusted gap needs the rows (each person's log pay), which cube files do"
                        + " not hold; load the rows");
            }
        }
        ClassPayGap gaps = ClassPayGap.of(pool.cubes(), question, Threads.all());
        return adjusted ? gaps.withModel(PayModel.of(pool.table(), pool.filter(), question.reference(), question.level(),
                Threads.all())) : gaps;
    }
}
