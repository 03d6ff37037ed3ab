package ladder.models.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The redundancy-removal pass after secondary suppression: each secondary suppression is
 * tentatively published and stays published when every cell still withheld is still protected as
 * {@link SuppressionAudit#sound()} defines it (not determined by exact elimination, linear-programming
 * range at least the minimum width); otherwise it is withheld again. Primary suppressions are never
 * published. This is the clean-up that follows a heuristic pattern (Kelly, Golden and Assad, "Cell
 * suppression: disclosure protection for sensitive tabular data", Networks 22, 1992, whose
 * heuristic ends with it; Hundepool et al., <i>Statistical Disclosure Control</i>, Wiley, 2012,
 * chapter 4 on secondary cell suppression): a greedy method such as the hypercube (GHMITER in
 * tau-Argus) withholds cells that later choices make unnecessary, and each secondary is re-checked
 * in turn and published when not needed.
 *
 * <p>Order: the largest count first (the most informative to publish), ties by the first table
 * and cell the count is published at, so the result is deterministic. A published count stays
 * published, so the pattern only shrinks.
 *
 * <p>Cost: publishing a cell changes only the linked group of withheld cells it belonged to (the
 * audit solves each group on its own, {@link SuppressionPlan#audit()}), so only the groups of the
 * withheld cells that share a relation with it are checked again. A relation left with a single
 * withheld cell gives it away (its value is the margin less the published parts), which rules the
 * release out at once. A cell on a {@link Hypercube} witness of withheld cells alone is protected
 * (the witness proves it, as in the plan), with no linear programme; only the others take their
 * range, which stops at the first cell found too narrow, and at most {@link #PROGRAMMES} releases
 * are decided that way (the rest of the pass is witnesses only). Exact elimination is not repeated: a cell
 * that the relations fix has a range of width 0, so a range at least {@code minimumWidth} wide (by
 * a witness or by linear programming) proves it is not determined.
 */
final class SecondaryRelease {
    /**
     * The most secondaries whose release takes a linear programme (largest first, as they come);
     * after them a secondary is published only when the witnesses alone prove every cell still
     * protected. Each programme is solved afresh in exact arithmetic over the whole linked group of
     * withheld cells, about 0.15 s on a report's plan of some 300 withheld counts (sample pool,
     * 2 busy cores), so the bound keeps the pass to about 2 s and the result does not depend on
     * the machine's speed, as a time limit would make it.
     */
    static final int PROGRAMMES = 10;

    private SecondaryRelease() {
    }

    /** Publishes each redundant secondary of {@code reasons} (set to null there); returns how many. */
    static int release(LinearRelations system, Reason[] reasons, double minimumWidth) {
        boolean[] withheld = new boolean[reasons.length];
        List<Integer> secondaries = new ArrayList<>();
        for (int v = 0; v < reasons.length; v++) {
            withheld[v] = reasons[v] != null;
            if (reasons[v] == Reason.SECONDARY) {
                secondaries.add(v);
            }
        }
        // Variables are numbered by the first table and cell they are published at.
        secondaries.sort(Comparator.comparingLong((Integer v) -> -system.values[v]).thenComparingInt(v -> v));
        Hypercube search = new Hypercube(system);
        int released = 0;
        int[] programmes = {0};
        for (int s : secondaries) {
            withheld[s] = false;
            if (stillProtected(system, search, withheld, s, minimumWidth, programmes)) {
                reasons[s] = null;
                released++;
            } else {
                withheld[s] = true;
            }
        }
        return released;
    }

    /**
     * Whether every withheld cell linked to {@code s} (now published) is still protected: a cell
     * on a {@link Hypercube} witness of withheld cells alone is; the rest are checked by their
     * linear-programming range over their group.
     */
    private static boolean stillProtected(LinearRelations system, Hypercube search, boolean[] withheld, int s,
            double minimumWidth, int[] programmes) {
        boolean[] around = new boolean[withheld.length];
        for (int r : system.relationsOf.get(s)) {
            int unknown = 0;
            for (int w : system.relations.get(r)) {
                if (withheld[w]) {
                    unknown++;
                    around[w] = true;
                }
            }
            if (unknown == 1) {
                return false;
            }
        }
        // The cells beside s first: a release that fails, fails there most often, before the others are looked at.
        boolean[] proven = new boolean[withheld.length];
        for (boolean[] group : SuppressionPlan.groups(system, around, withheld)) {
            List<Integer> order = new ArrayList<>();
            for (int pass = 0; pass < 2; pass++) {
                for (int x = 0; x < group.length; x++) {
                    if (group[x] && around[x] == (pass == 0)) {
                        order.add(x);
                    }
                }
            }
            IntervalBounds.Ranges ranges = null;
            for (int x : order) {
                if (proven[x]) {
                    continue;
                }
                Hypercube.Witness w = search.free(x, withheld, minimumWidth);
                if (w != null && search.balances(w)) {
                    for (int v : w.variables()) {
                        proven[v] = true;
                    }
                    continue;
                }
                if (ranges == null) {
                    if (programmes[0] == PROGRAMMES) {
                        return false;
                    }
                    programmes[0]++;
                    ranges = new IntervalBounds.Ranges(system, group);
                }
                if (ranges.width(x) < minimumWidth - 1e-7) {
                    return false;
                }
            }
        }
        return true;
    }
}
