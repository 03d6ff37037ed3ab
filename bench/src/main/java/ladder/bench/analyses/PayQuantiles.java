package ladder.bench.analyses;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeKernel;
import ladder.engine.filter.Filter;
import ladder.engine.table.Table;
import ladder.models.pay.PayHistogram;
import ladder.models.pay.QuantileType;

/**
 * Exact quartile cut-points (R's type 7, as DuckDB's {@code quantile_cont}) of hourly pay by seb x
 * year, Ladder's way: the cube over (seb, year, hourly_pay), whose pay levels are exact pence (an
 * exact histogram per cell), then each (seb, year) histogram's order statistics.
 */
final class PayQuantiles {
    static final double[] PROBABILITIES = {0.25, 0.5, 0.75};

    private PayQuantiles() {
    }

    /** The quartiles by "seb|year" labels, for each (seb, year) where someone has pay. */
    static Map<String, double[]> of(Table table, int threads) {
        Cube cube = CubeKernel.build(table, Filter.ALL, List.of("seb", "year", "hourly_pay"), List.of(), threads);
        int seb = cube.dimension("seb");
        int year = cube.dimension("year");
        int pay = cube.dimension("hourly_pay");
        long[] pence = PayHistogram.pence(cube.dimensions().get(pay).levels());
        // The cells are in row-major order, pay varying fastest, so each (seb, year)'s histogram is one run
        // of cells in ascending pence (its missing pay, -1, last).
        Map<String, double[]> quartiles = new HashMap<>();
        long[] values = new long[pence.length];
        long[] counts = new long[pence.length];
        for (int c = 0; c < cube.size();) {
            int group = c;
            int distinct = 0;
            for (; c < cube.size() && cube.level(c, seb) == cube.level(group, seb)
                    && cube.level(c, year) == cube.level(group, year); c++) {
                if (pence[cube.level(c, pay)] >= 0) {
                    values[distinct] = pence[cube.level(c, pay)];
                    counts[distinct++] = cube.count(c);
                }
            }
            if (distinct == 0) {
                continue;
            }
            PayHistogram h = PayHistogram.of(Arrays.copyOf(values, distinct), Arrays.copyOf(counts, distinct));
            double[] q = new double[PROBABILITIES.length];
            for (int i = 0; i < q.length; i++) {
                q[i] = h.quantile(PROBABILITIES[i], QuantileType.TYPE_7) / 100;
            }
            quartiles.put(cube.label(group, seb) + "|" + cube.label(group, year), q);
        }
        return quartiles;
    }
}
