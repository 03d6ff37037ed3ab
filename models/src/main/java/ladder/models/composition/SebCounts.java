package ladder.models.composition;

import java.util.Locale;
import ladder.engine.contract.Seb;
import ladder.engine.cube.Cube;
import ladder.engine.cube.Dimension;

/**
 * The rows of one cell by derived SEB group, read from a cube whose last dimension is {@code seb}:
 * the cell's groups are the cube's cells {@code base .. base + n - 1}, one per seb level.
 *
 * @param professional rows with SEB professional
 * @param intermediate rows with SEB intermediate
 * @param workingClass rows with SEB working class
 * @param excluded rows whose answer lies outside the three groups
 * @param missing rows with no answer
 */
public record SebCounts(long professional, long intermediate, long workingClass, long excluded, long missing) {

    /** The counts of the cell whose seb levels start at cell {@code base} of {@code cube}. */
    public static SebCounts of(Cube cube, int base) {
        Dimension seb = cube.dimensions().get(cube.dimensions().size() - 1);
        long[] counts = new long[Seb.values().length];
        for (int s = 0; s < seb.size(); s++) {
            // A cube's levels are the Seb level names, which are the constants' names in lower case.
            counts[Seb.valueOf(seb.levels().get(s).toUpperCase(Locale.ROOT)).ordinal()] += cube.count(base + s);
        }
        return new SebCounts(counts[Seb.PROFESSIONAL.ordinal()], counts[Seb.INTERMEDIATE.ordinal()],
                counts[Seb.WORKING_CLASS.ordinal()], counts[Seb.EXCLUDED.ordinal()], counts[Seb.MISSING.ordinal()]);
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
