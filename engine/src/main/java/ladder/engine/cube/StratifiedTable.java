package ladder.engine.cube;

import java.util.List;

/**
 * An R x C x K table: one {@link CountTable} over the same rows and columns per stratum, a
 * stratum being one non-empty combination of the levels of the strata dimensions, as a
 * Mantel-Haenszel analysis reads it.
 *
 * @param strataDimensions the dimensions whose level combinations are the strata (may be empty: one stratum)
 * @param strata each stratum's levels on those dimensions, in cube order
 * @param tables each stratum's R x C counts
 */
public record StratifiedTable(List<String> strataDimensions, List<List<String>> strata, String rowDimension,
        List<String> rowLevels, String columnDimension, List<String> columnLevels, List<double[][]> tables) {

    public StratifiedTable {
        strataDimensions = List.copyOf(strataDimensions);
        strata = strata.stream().map(List::copyOf).toList();
        rowLevels = List.copyOf(rowLevels);
        columnLevels = List.copyOf(columnLevels);
        tables = List.copyOf(tables);
        if (strata.size() != tables.size()) {
            throw new IllegalArgumentException(strata.size() + " strata for " + tables.size() + " tables");
        }
    }

    /** Stratum {@code k} as a table of its own. */
    public CountTable stratum(int k) {
        return new CountTable(rowLevels, columnLevels, tables.get(k));
    }

    /** Stratum {@code k}'s label: its levels joined with " / ". */
    public String label(int k) {
        return String.join(" / ", strata.get(k));
    }
}
