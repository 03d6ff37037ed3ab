package ladder.models.survival;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ladder.engine.LadderException;

/**
 * The cells of a Cox model arranged for the partial likelihood: one block per stratum and
 * distinct month, holding the counts of each (covariate pattern, cluster) promoted and censored
 * then. Blocks are in stratum order and, within a stratum, by descending time, so that a sweep
 * adds each block's people to the risk set before the earlier times that include them.
 */
final class RiskSets {

    /** One stratum's month: entries of (pattern, cluster, d, c), and the total promoted D. */
    record Block(int stratum, int time, int[] pattern, int[] cluster, double[] events, double[] censored,
            double deaths) {
    }

    final CoxDesign design;
    /** The design rows of the patterns, centred on the mean over people (R centres too, for stability). */
    final double[][] x;
    final List<Block> blocks;
    final List<String> clusterNames;
    final double people;
    final double deaths;

    RiskSets(CoxDesign design, List<SurvivalCell> cells, boolean stratified, boolean clustered) {
        this.design = design;
        Map<String, Integer> strata = new LinkedHashMap<>();
        Map<String, Integer> clusters = new LinkedHashMap<>();
        // (stratum, time) -> (pattern, cluster) -> {d, c}
        TreeMap<long[], Map<Long, double[]>> byBlock = new TreeMap<>(
                Comparator.<long[]>comparingLong(k -> k[0]).thenComparingLong(k -> -k[1]));
        for (SurvivalCell cell : cells) {
            if (cell.people() == 0) {
                continue;
            }
            if (stratified && cell.stratum() == null) {
                throw new LadderException("a stratified Cox model needs a stratum for every cell; one at month "
                        + cell.time() + " has none");
            }
            if (clustered && cell.cluster() == null) {
                throw new LadderException("cluster-robust standard errors need a cluster for every cell; one at month "
                        + cell.time() + " has none");
            }
            int s = strata.computeIfAbsent(stratified ? cell.stratum() : "", k -> strata.size());
            int g = clustered ? clusters.computeIfAbsent(cell.cluster(), k -> clusters.size()) : 0;
            int p = design.pattern(cell);
            double[] counts = byBlock.computeIfAbsent(new long[] {s, cell.time()}, k -> new LinkedHashMap<>())
                    .computeIfAbsent(((long) p << 32) | g, k -> new double[2]);
            counts[0] += cell.events();
            counts[1] += cell.censored();
        }
        if (byBlock.isEmpty()) {
            throw new LadderException("no people to fit a Cox model to: every cell is empty");
        }
        int width = design.width();
        double[] mean = new double[width];
        double people = 0;
        double deaths = 0;
        List<Block> blocks = new ArrayList<>(byBlock.size());
        for (var entry : byBlock.entrySet()) {
            Map<Long, double[]> counts = entry.getValue();
            int n = counts.size();
            int[] pattern = new int[n];
            int[] cluster = new int[n];
            double[] d = new double[n];
            double[] c = new double[n];
            double blockDeaths = 0;
            int i = 0;
            for (var e : counts.entrySet()) {
                pattern[i] = (int) (e.getKey() >>> 32);
                cluster[i] = (int) (e.getKey() & 0xffffffffL);
                d[i] = e.getValue()[0];
                c[i] = e.getValue()[1];
                blockDeaths += d[i];
                double[] row = design.patterns.get(pattern[i]);
                for (int j = 0; j < width; j++) {
                    mean[j] += (d[i] + c[i]) * row[j];
                }
                people += d[i] + c[i];
                i++;
            }
            deaths += blockDeaths;
            blocks.add(new Block((int) entry.getKey()[0], (int) entry.getKey()[1], pattern, cluster, d, c, blockDeaths));
        }
        this.x = new double[design.patterns.size()][width];
        for (int p = 0; p < x.length; p++) {
            for (int j = 0; j < width; j++) {
                x[p][j] = design.patterns.get(p)[j] - mean[j] / people;
            }
        }
        this.blocks = List.copyOf(blocks);
        this.clusterNames = List.copyOf(clusters.keySet());
        this.people = people;
        this.deaths = deaths;
    }

    /** The linear predictor of each pattern. */
    double[] eta(double[] beta) {
        double[] eta = new double[x.length];
        for (int p = 0; p < x.length; p++) {
            for (int j = 0; j < beta.length; j++) {
                eta[p] += beta[j] * x[p][j];
            }
        }
        return eta;
    }
}
