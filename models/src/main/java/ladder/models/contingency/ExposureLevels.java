package ladder.models.contingency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.engine.LadderException;

/**
 * Several exposure levels against one reference level at once: from a table of levels by outcome
 * ({@code counts[level] = {events, non-events}}), or by outcome within strata
 * ({@code counts[stratum][level] = {events, non-events}}), each non-reference level's 2x2 table
 * a = its events, b = its non-events, c, d = the reference level's, analysed by
 * {@link TwoByTwoAnalysis} or {@link StratifiedAnalysis}. For the test of any association across
 * all levels at once, see {@link GeneralizedCmh} on the same counts.
 */
public final class ExposureLevels {

    private ExposureLevels() {
    }

    /**
     * Each level of {@code levels} but {@code reference} against it, one table.
     *
     * @param counts counts[level] = {events, non-events}
     * @param levels the levels' names, as sentence subjects ("People from working-class backgrounds")
     * @param reference the position of the reference level
     * @param labels names of the reference group and the outcome (its exposure is replaced by each level's)
     * @return in level order, each non-reference level's name to its analysis
     */
    public static Map<String, TwoByTwoAnalysis> crude(double[][] counts, List<String> levels, int reference,
            Labels labels, double level) {
        checkLevels(counts.length, levels, reference);
        Map<String, TwoByTwoAnalysis> out = new LinkedHashMap<>();
        for (int r = 0; r < levels.size(); r++) {
            if (r != reference) {
                out.put(levels.get(r), TwoByTwoAnalysis.of(table(counts[r], counts[reference]),
                        labels.withExposure(levels.get(r)), level));
            }
        }
        return out;
    }

    /**
     * Each level of {@code levels} but {@code reference} against it within strata.
     *
     * @param counts counts[stratum][level] = {events, non-events}
     * @param strata the strata's names
     * @return in level order, each non-reference level's name to its stratified analysis
     */
    public static Map<String, StratifiedAnalysis> stratified(double[][][] counts, List<String> levels, int reference,
            List<String> strata, Labels labels, double level, OddsRatioInterval stratumMethod) {
        if (counts.length != strata.size()) {
            throw new LadderException(counts.length + " strata but " + strata.size() + " stratum names");
        }
        for (double[][] stratum : counts) {
            checkLevels(stratum.length, levels, reference);
        }
        Map<String, StratifiedAnalysis> out = new LinkedHashMap<>();
        for (int r = 0; r < levels.size(); r++) {
            if (r == reference) {
                continue;
            }
            List<TwoByTwo> tables = new ArrayList<>();
            for (double[][] stratum : counts) {
                tables.add(table(stratum[r], stratum[reference]));
            }
            out.put(levels.get(r), StratifiedAnalysis.of(tables, strata, labels.withExposure(levels.get(r)), level,
                    stratumMethod));
        }
        return out;
    }

    private static TwoByTwo table(double[] exposed, double[] reference) {
        if (exposed.length != 2 || reference.length != 2) {
            throw new LadderException("each level needs 2 counts {events, non-events}");
        }
        return new TwoByTwo(exposed[0], exposed[1], reference[0], reference[1]);
    }

    private static void checkLevels(int rows, List<String> levels, int reference) {
        if (levels.size() < 2) {
            throw new LadderException("need at least 2 exposure levels, given " + levels.size());
        }
        if (rows != levels.size()) {
            throw new LadderException(rows + " rows of counts but " + levels.size() + " level names");
        }
        if (reference < 0 || reference >= levels.size()) {
            throw new LadderException("reference level " + reference + " is not one of the " + levels.size() + " levels");
        }
    }
}
