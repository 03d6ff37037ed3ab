package ladder.reports.report;

import ladder.engine.Threads;
import ladder.models.pay.ClassPayGap;

/**
 * The class pay gap ({@link ClassPayGap}) as gender pay gap reporting: mean and median hourly pay
 * and bonus by SEB group, the gaps against professional with intervals, pay quarters; for
 * publication (figures on fewer than 10 people, dominated means and thin quantiles withheld).
 */
final class PaySection implements Section {
    private final ClassPayGap gap;

    PaySection(ReportInputs inputs) {
        ClassPayGap.Question defaults = ClassPayGap.Question.defaults();
        gap = ClassPayGap.of(inputs.cubes(), new ClassPayGap.Question(defaults.reference(), defaults.by(),
                defaults.quantileType(), defaults.replicates(), defaults.seed(), defaults.level(), true), Threads.all());
    }

    @Override
    public void publish(Disclosure disclosure, PartWriter out) {
        out.analysis(gap);
    }
}
