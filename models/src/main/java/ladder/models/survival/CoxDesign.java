package ladder.models.survival;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import ladder.engine.LadderException;

/**
 * Treatment (dummy) coding of categorical covariates, as R's default contrasts: covariate j with
 * levels L_j (the first the reference) gives |L_j| - 1 columns, named like R's
 * ({@code covariate + level}, e.g. "groupintermediate"). Every cell's covariate pattern is one
 * row of the design; patterns are numbered in order of first appearance.
 */
final class CoxDesign {

    final List<String> covariates;
    final List<List<String>> levels;
    /** Per column: its covariate's position and its level. */
    final List<int[]> columns = new ArrayList<>();
    final List<String> names = new ArrayList<>();
    /** The covariate pattern's rows of the design, by pattern number. */
    final List<double[]> patterns = new ArrayList<>();
    private final Map<List<String>, Integer> patternIndex = new HashMap<>();

    CoxDesign(List<String> covariates, List<List<String>> levels) {
        if (covariates.isEmpty() || covariates.size() != levels.size()) {
            throw new IllegalArgumentException("need one list of levels per covariate, got " + covariates.size()
                    + " covariates and " + levels.size() + " lists");
        }
        this.covariates = List.copyOf(covariates);
        this.levels = levels.stream().map(List::copyOf).toList();
        for (int j = 0; j < covariates.size(); j++) {
            if (this.levels.get(j).size() < 2) {
                throw new LadderException("covariate " + covariates.get(j) + " needs two or more levels, has "
                        + this.levels.get(j));
            }
            for (int l = 1; l < this.levels.get(j).size(); l++) {
                columns.add(new int[] {j, l});
                names.add(covariates.get(j) + this.levels.get(j).get(l));
            }
        }
    }

    int width() {
        return columns.size();
    }

    /** The pattern number of a cell's levels, adding the pattern if new. */
    int pattern(SurvivalCell cell) {
        List<String> key = cell.levels();
        Integer p = patternIndex.get(key);
        if (p != null) {
            return p;
        }
        if (key.size() != covariates.size()) {
            throw new LadderException("a cell has " + key.size() + " covariate levels " + key + " for the "
                    + covariates.size() + " covariates " + covariates);
        }
        double[] x = new double[width()];
        for (int j = 0; j < covariates.size(); j++) {
            int l = levels.get(j).indexOf(key.get(j));
            if (l < 0) {
                throw new LadderException("level " + key.get(j) + " of " + covariates.get(j) + " is not among its levels "
                        + levels.get(j));
            }
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c)[0] == j && columns.get(c)[1] == l) {
                    x[c] = 1;
                }
            }
        }
        patterns.add(x);
        patternIndex.put(key, patterns.size() - 1);
        return patterns.size() - 1;
    }

    /** The columns of covariate j. */
    int[] columnsOf(int j) {
        return IntStream.range(0, width()).filter(c -> columns.get(c)[0] == j).toArray();
    }
}
