package ladder.models.disclosure;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The range a reader can narrow a withheld cell to: the minimum and maximum of the cell over all
 * non-negative real values of the withheld cells that satisfy the published relations, by linear
 * programming (Commons Math's {@link SimplexSolver}). This is the audit of R's sdcTable
 * ({@code attack}) and of tau-Argus: a cell whose range has width 0 is disclosed even when
 * elimination alone does not fix it (for example two withheld cells that sum to a published 0).
 *
 * <p>The bounds are those of the linear relaxation; with integer counts the integer range can be
 * narrower in tables of three or more dimensions, which is not checked.
 */
final class IntervalBounds {

    private IntervalBounds() {
    }

    /** {min, max} of withheld variable {@code target}; max is +Infinity when the relations do not bound it. */
    static double[] of(LinearRelations system, boolean[] withheld, int target) {
        int[] column = new int[system.size()];
        int columns = 0;
        for (int v = 0; v < system.size(); v++) {
            column[v] = withheld[v] ? columns++ : -1;
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int[] relation : system.relations) {
            double[] coefficients = new double[columns];
            double known = 0;
            boolean any = false;
            for (int k = 0; k < relation.length; k++) {
                int v = relation[k];
                int sign = LinearRelations.coefficient(k);
                if (column[v] >= 0) {
                    coefficients[column[v]] += sign;
                    any = true;
                } else {
                    known -= sign * (double) system.values[v];
                }
            }
            if (any) {
                constraints.add(new LinearConstraint(coefficients, Relationship.EQ, known));
            }
        }
        double[] objective = new double[columns];
        objective[column[target]] = 1;
        return new double[] {optimum(objective, constraints, GoalType.MINIMIZE),
                optimum(objective, constraints, GoalType.MAXIMIZE)};
    }

    private static double optimum(double[] objective, List<LinearConstraint> constraints, GoalType goal) {
        try {
            return solve(objective, constraints, goal, org.apache.commons.math3.optim.linear.PivotSelectionRule.DANTZIG);
        } catch (org.apache.commons.math3.optim.linear.NoFeasibleSolutionException e) {
            // The published counts are always feasible (the true counts satisfy them): Dantzig's rule
            // can cycle into a wrong verdict of infeasibility on degenerate systems of many small
            // cells, which Bland's rule avoids.
            return solve(objective, constraints, goal, org.apache.commons.math3.optim.linear.PivotSelectionRule.BLAND);
        } catch (UnboundedSolutionException e) {
            return Double.POSITIVE_INFINITY;
        }
    }

    private static double solve(double[] objective, List<LinearConstraint> constraints, GoalType goal,
            org.apache.commons.math3.optim.linear.PivotSelectionRule rule) {
        try {
            PointValuePair solution = new SimplexSolver().optimize(new MaxIter(100_000),
                    new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), goal,
                    new NonNegativeConstraint(true), rule);
            return solution.getValue();
        } catch (UnboundedSolutionException e) {
            return Double.POSITIVE_INFINITY;
        }
    }
}
