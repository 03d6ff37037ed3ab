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
        int years = cube.dimensions().get(year).levels().size();
        int groups = cube.dimensions().get(seb).levels().size() * years;
        // Per (seb, year): the count at each pay level (levels are in ascending pence).
        long[][] counts = new long[groups][pence.length];
        for (int c = 0; c < cube.size(); c++) {
            counts[cube.level(c, seb) * years + cube.level(c, year)][cube.level(c, pay)] += cube.count(c);
        }
        List<String> sebLevels = cube.dimensions().get(seb).levels();
        List<String> yearLevels = cube.dimensions().get(year).levels();
        Map<String, double[]> quartiles = new HashMap<>();
        for (int g = 0; g < groups; g++) {
            long[] values = new long[pence.length];
            long[] n = new long[pence.length];
            int distinct = 0;
            for (int l = 0; l < pence.length; l++) {
                if (pence[l] >= 0 && counts[g][l] > 0) {
                    values[distinct] = pence[l];
                    n[distinct++] = counts[g][l];
                }
            }
            if (distinct == 0) {
                continue;
            }
            PayHistogram h = PayHistogram.of(Arrays.copyOf(values, distinct), Arrays.copyOf(n, distinct));
            double[] q = new double[PROBABILITIES.length];
            for (int i = 0; i < q.length; i++) {
                q[i] = h.quantile(PROBABILITIES[i], QuantileType.TYPE_7) / 100;
            }
            quartiles.put(sebLevels.get(g / years) + "|" + yearLevels.get(g % years), q);
        }
        return quartiles;
    }
}
