package ladder.models.composition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ladder.engine.contract.Seb;
import ladder.engine.cube.Cube;

/**
 * The rows of one cell by derived SEB group, read from a cube whose last dimension is {@code seb}.
 *
 * @param professional rows with SEB professional
 * @param intermediate rows with SEB intermediate
 * @param workingClass rows with SEB working class
 * @param excluded rows whose answer lies outside the three groups
 * @param missing rows with no answer
 */
public record SebCounts(long professional, long intermediate, long workingClass, long excluded, long missing) {

    /**
     * The counts of each combination of the other dimensions' levels that has rows, in cube
     * order, from a cube whose last dimension is {@code seb}.
     */
    public static Map<List<String>, SebCounts> byCell(Cube cube) {
        int seb = cube.dimensions().size() - 1;
        if (seb < 0 || !cube.dimensions().get(seb).name().equals("seb")) {
            throw new IllegalArgumentException("the last dimension of the cube must be seb: " + cube);
        }
        Map<List<String>, long[]> counts = new LinkedHashMap<>();
        for (int c = 0; c < cube.size(); c++) {
            List<String> levels = new ArrayList<>(seb);
            for (int d = 0; d < seb; d++) {
                levels.add(cube.label(c, d));
            }
            // A cube's seb levels are the Seb level names, which are the constants' names in lower case.
            int group = Seb.valueOf(cube.label(c, seb).toUpperCase(Locale.ROOT)).ordinal();
            counts.computeIfAbsent(levels, k -> new long[Seb.values().length])[group] += cube.count(c);
        }
        Map<List<String>, SebCounts> out = new LinkedHashMap<>();
        counts.forEach((levels, n) -> out.put(List.copyOf(levels), new SebCounts(n[Seb.PROFESSIONAL.ordinal()],
                n[Seb.INTERMEDIATE.ordinal()], n[Seb.WORKING_CLASS.ordinal()], n[Seb.EXCLUDED.ordinal()],
                n[Seb.MISSING.ordinal()])));
        return out;
    }

    /** Professional + intermediate + working class: the answers in the three groups. */
    public long classifiable() {
        return professional + intermediate + workingClass;
    }

    /** All five counts: the cell's rows. */
    public long total() {
        return classifiable() + excluded + missing;
    }
}
