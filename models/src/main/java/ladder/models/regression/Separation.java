package ladder.models.regression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Konis' linear-programming check for complete or quasi-complete separation (Konis, K. (2007),
 * "Linear programming algorithms for detecting separated data in binary logistic regression
 * models", DPhil thesis, Oxford; R package {@code safeBinaryRegression}; also
 * {@code detectseparation}). The maximum likelihood estimate exists unless some direction b &ne; 0
 * has x<sub>i</sub>'b &ge; 0 for every pattern whose people all had the event, x<sub>i</sub>'b &le; 0 for
 * every pattern where none did, and x<sub>i</sub>'b = 0 for patterns with both; the LP
 * <pre>
 *   maximise &Sigma;<sub>i pure</sub> s<sub>i</sub> x<sub>i</sub>'b   subject to those constraints and -1 &le; b<sub>j</sub> &le; 1
 * </pre>
 * (s<sub>i</sub> = +1 for all events, -1 for none) has optimum 0 exactly when no such direction
 * exists. Its solution's non-zero components name the coefficients that diverge (towards
 * +&infin; where b<sub>j</sub> &gt; 0). Rows with the same design are merged first; with more than
 * {@value #MAX_PATTERNS} distinct designs the LP is not run, and an LP that the simplex (Bland's
 * rule, which cannot cycle but may be slow on degenerate problems) does not finish in 100,000
 * iterations leaves the design unchecked too, as the fit then says.
 */
final class Separation {

    static final int MAX_PATTERNS = 1000;
    private static final double TOLERANCE = 1e-7;

    /** The outcome: whether it was checked, and the diverging direction (empty when none). */
    record Check(boolean checked, double[] direction) {
        boolean separated() {
            return direction.length > 0;
        }

        /** The direction's component for column j: &gt; 0 towards +infinity, &lt; 0 towards -infinity, 0 not diverging. */
        double diverging(int j) {
            return direction.length == 0 ? 0 : direction[j];
        }
    }

    private record Pattern(double[] x) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Pattern other && Arrays.equals(x, other.x);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(x);
        }
    }

    private Separation() {
    }

    /** Checks the design's kept columns ({@code kept[j]} false for aliased ones). */
    static Check check(Design design, boolean[] kept) {
        BinomialData data = design.data();
        int p = design.columns();
        int q = 0;
        for (boolean k : kept) {
            q += k ? 1 : 0;
        }
        Map<Pattern, double[]> patterns = new HashMap<>();
        double[] x = new double[p];
        double[] reduced = new double[q];
        for (int r = 0; r < data.rows(); r++) {
            double n = data.trials(r);
            if (n == 0) {
                continue;
            }
            design.row(r, x);
            for (int j = 0, c = 0; j < p; j++) {
                if (kept[j]) {
                    reduced[c++] = x[j];
                }
            }
            double[] sums = patterns.get(new Pattern(reduced));
            if (sums == null) {
                sums = new double[2];
                patterns.put(new Pattern(reduced.clone()), sums);
            }
            sums[0] += data.events(r);
            sums[1] += n;
            if (patterns.size() > MAX_PATTERNS) {
                return new Check(false, new double[0]);
            }
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        double[] objective = new double[q];
        for (Map.Entry<Pattern, double[]> e : patterns.entrySet()) {
            double[] xi = e.getKey().x();
            double y = e.getValue()[0];
            double n = e.getValue()[1];
            if (y == n) {
                constraints.add(new LinearConstraint(xi, Relationship.GEQ, 0));
                add(objective, xi, 1);
            } else if (y == 0) {
                constraints.add(new LinearConstraint(xi, Relationship.LEQ, 0));
                add(objective, xi, -1);
            } else {
                constraints.add(new LinearConstraint(xi, Relationship.EQ, 0));
            }
        }
        for (int j = 0; j < q; j++) {
            double[] unit = new double[q];
            unit[j] = 1;
            constraints.add(new LinearConstraint(unit, Relationship.LEQ, 1));
            constraints.add(new LinearConstraint(unit, Relationship.GEQ, -1));
        }
        PointValuePair optimum;
        try {
            optimum = new SimplexSolver().optimize(new MaxIter(100_000),
                    new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), GoalType.MAXIMIZE,
                    new NonNegativeConstraint(false), PivotSelectionRule.BLAND);
        } catch (org.apache.commons.math3.exception.TooManyIterationsException e) {
            return new Check(false, new double[0]);
        }
        if (optimum.getValue() <= TOLERANCE) {
            return new Check(true, new double[0]);
        }
        double[] direction = new double[p];
        double[] b = optimum.getPoint();
        for (int j = 0, c = 0; j < p; j++) {
            if (kept[j]) {
                direction[j] = Math.abs(b[c]) > TOLERANCE ? b[c] : 0;
                c++;
            }
        }
        return new Check(true, direction);
    }

    private static void add(double[] target, double[] x, double sign) {
        for (int j = 0; j < x.length; j++) {
            target[j] += sign * x[j];
        }
    }
}
