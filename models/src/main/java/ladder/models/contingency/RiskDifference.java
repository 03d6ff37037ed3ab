package ladder.models.contingency;

/**
 * The risk difference of a 2x2 {@link TwoByTwo} table, a / (a + b) - c / (c + d), with a
 * {@link RiskDifferenceInterval} interval, clipped to [-1, 1] as R's {@code prop.test} clips it
 * ({@code epiR} does not). Undefined (null, with the reason) when no one is at
 * one of the levels; when both risks are 0 or 1 the standard error is 0 and there is no interval.
 */
public final class RiskDifference {

    private RiskDifference() {
    }

    /** The risk difference of {@code table} by {@code method} at confidence {@code level}. */
    public static Estimate of(TwoByTwo table, RiskDifferenceInterval method, double level) {
        double z = Wald.z(level);
        String name = method.label();
        double n1 = table.exposed();
        double n0 = table.reference();
        if (n1 == 0 || n0 == 0) {
            return Estimate.undefined(Measure.RISK_DIFFERENCE, name, level, "no risk difference: no one at the "
                    + (n1 == 0 ? "exposure" : "reference") + " level");
        }
        double p1 = table.a() / n1;
        double p0 = table.c() / n0;
        double difference = p1 - p0;
        // a(n1 - a)/n1^3 as epiR writes it; equal to p1(1 - p1)/n1.
        double se = Math.sqrt(table.a() * (n1 - table.a()) / (n1 * n1 * n1)
                + table.c() * (n0 - table.c()) / (n0 * n0 * n0));
        if (method == RiskDifferenceInterval.WALD) {
            if (se == 0) {
                return new Estimate(Measure.RISK_DIFFERENCE, name, difference, null, null, null, level,
                        "each risk is 0 or 1: the Wald standard error is 0 and there is no interval");
            }
            Estimate wald = Wald.difference(Measure.RISK_DIFFERENCE, name, difference, se, level);
            return new Estimate(Measure.RISK_DIFFERENCE, name, difference, Math.max(wald.lower(), -1),
                    Math.min(wald.upper(), 1), wald.pValue(), level, null);
        }
        double inverseSum = 1 / n1 + 1 / n0;
        double yates = Math.min(0.5, Math.abs(difference) / inverseSum);
        double width = z * se + yates * inverseSum;
        HypothesisTest test = PearsonChiSquare.test(table, true);
        return new Estimate(Measure.RISK_DIFFERENCE, name, difference, Math.max(difference - width, -1),
                Math.min(difference + width, 1), test.pValue(), level,
                test.pValue() == null ? "no p-value: " + test.reason() : null);
    }
}
