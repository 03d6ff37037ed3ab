package ladder.reports.report;

import ladder.engine.Threads;
import ladder.engine.cube.CubeSource;
import ladder.models.pay.ClassPayGap;

/**
 * The class pay gap ({@link ClassPayGap}) as gender pay gap reporting: mean and median hourly pay
 * and bonus by SEB group, the gaps against professional with intervals, pay quarters; for
 * publication (figures on fewer than 10 people, dominated means and thin quantiles withheld).
 */
final class PaySection implements Section {
    private final ClassPayGap gap;

    /**
     * In an employer's pack the gap reads the employer's pay off the pool's cube the comparison with the
     * pool built (employer x sector x seb x hourly pay), rather than scanning the rows again for it.
     */
    PaySection(ReportInputs inputs) {
        ClassPayGap.Question defaults = ClassPayGap.Question.defaults();
        CubeSource cubes = inputs.employer().isPresent() && inputs.pool() instanceof SharedCubes pool
                ? pool.slice("employer_id", inputs.employer().get()) : inputs.cubes();
        gap = ClassPayGap.of(cubes, new ClassPayGap.Question(defaults.reference(), defaults.by(),
                defaults.quantileType(), defaults.replicates(), defaults.seed(), defaults.level(), true), Threads.all());
    }

    @Override
    public void publish(Disclosure disclosure, PartWriter out) {
        out.analysis(gap);
    }
}
