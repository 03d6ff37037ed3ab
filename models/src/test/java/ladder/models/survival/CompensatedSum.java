package ladder.models.survival;

/** A running sum with Neumaier's compensation (Neumaier 1974): good to about 1e-16 over a million terms. */
final class CompensatedSum {
    private double sum;
    private double carry;

    void add(double v) {
        double t = sum + v;
        carry += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
        sum = t;
    }

    double value() {
        return sum + carry;
    }
}
