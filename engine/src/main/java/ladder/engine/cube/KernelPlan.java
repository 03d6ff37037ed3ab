package ladder.engine.cube;

import java.util.ArrayList;
import java.util.List;
import ladder.engine.table.Chunk;
import ladder.engine.table.Column;
import ladder.engine.table.Decimals;

/**
 * The one place where the cube kernel's variants are chosen. For a cube:
 *
 * <ul>
 *   <li><b>which measures fold into the key</b> ({@link FoldedMeasures}): whole-number measures, in
 *       order, while the product of their level counts stays at most {@link #FOLD_LEVELS} and their
 *       values within {@link FoldedMeasures#MAX_VALUE}; the others are summed per key;</li>
 *   <li><b>how many stripes the count histogram has</b> ({@link CountHistogram}): 4 when the
 *       striped histogram fits in {@link #STRIPED_BYTES}, else 1;</li>
 *   <li><b>how each chunk's keys are computed</b>: {@link ByteGroupKeys} when every key column of the
 *       chunk is held as bytes, but for at most one axis of more than 256 levels held as shorts,
 *       and the others make at most {@link ByteGroupKeys#MAX_GROUPS} groups, {@link ColumnKeys}
 *       otherwise;</li>
 *   <li><b>whether a filtered block's keys are computed for its selected rows only</b>
 *       ({@link ColumnKeys#computeSelected}): when at most {@link #GATHER_SHARE} of its rows are
 *       selected (reading a few rows' codes costs more per row than reading all, but beats
 *       reading all when few are needed);</li>
 *   <li><b>whether keys are counted in registers</b> ({@link LaneCounts}): when there are at most
 *       {@link LaneCounts#MAX_KEYS} keys and every measure is folded, for a chunk read by
 *       {@link ByteGroupKeys}, filtered or not (and then not by {@link ByteGroupCounts});</li>
 *   <li><b>whether keys are counted as they are computed</b> ({@link ByteGroupCounts}): for a
 *       chunk read by {@link ByteGroupKeys}, filtered or not (a filtered block's selected rows read
 *       at their positions, its other rows not), when the axes make at most two groups of bytes
 *       (and a wide axis or none), every measure is folded and the histogram has one stripe;</li>
 *   <li><b>how each chunk's measure values are summed</b>, by their storage: whole numbers and
 *       {@link Decimals.Hundredths} by {@link ExactSums}, {@link Decimals.Doubles} by
 *       {@link DoubleSums}.</li>
 * </ul>
 *
 * {@link Options} narrow the choice, so that tests run every variant on the same tables.
 */
final class KernelPlan {
    /** The most keys per cell that folding may make. */
    static final int FOLD_LEVELS = 8;
    /** The most bytes a striped count histogram may take: a share of a core's first-level cache. */
    static final int STRIPED_BYTES = 16 * 1024;
    /** The largest share of a block's rows selected for which only their keys are computed. */
    static final double GATHER_SHARE = 0.25;

    /**
     * What the plan may choose: {@code byteGroups} allows {@link ByteGroupKeys}, with groups of at
     * most {@code groupLimit} (2 to 256) keys; {@code fuse} allows {@link ByteGroupCounts};
     * {@code lanes} allows {@link LaneCounts};
     * {@code fold} allows folding measures; {@code stripes} fixes the stripes (1, 2 or 4), or 0
     * lets the plan choose; a filtered block's keys are computed for its selected rows only when
     * at most {@code gatherShare} (0 to 1) of them are selected.
     */
    record Options(boolean byteGroups, int groupLimit, boolean fuse, boolean lanes, boolean fold, int stripes,
            double gatherShare) {
        /** Every variant allowed, chosen by the rules above. */
        static final Options AUTO = new Options(true, 256, true, true, true, 0, GATHER_SHARE);

        Options {
            if (!(gatherShare >= 0 && gatherShare <= 1)) {
                throw new IllegalArgumentException("gatherShare must be 0 to 1: " + gatherShare);
            }
            if (groupLimit < 2 || groupLimit > 256) {
                throw new IllegalArgumentException("groupLimit must be 2 to 256: " + groupLimit);
            }
            if (stripes != 0 && stripes != 1 && stripes != 2 && stripes != 4) {
                throw new IllegalArgumentException("stripes must be 0, 1, 2 or 4: " + stripes);
            }
        }
    }

    private final KeyLayout layout;
    private final int stripes;
    /** The axes' groups for {@link ByteGroupKeys}, or {@code null} where that variant is ruled out. */
    private final int[][] byteGroups;
    private final boolean fused;
    private final boolean lanes;
    private final double gatherShare;

    private KernelPlan(DenseCube cube, Options options) {
        this.layout = new KeyLayout(cube, options.fold() ? foldable(cube) : new int[0]);
        this.stripes = options.stripes() != 0 ? options.stripes()
                : (long) layout.keys() * 4 * Integer.BYTES <= STRIPED_BYTES ? 4 : 1;
        int[][] groups = ByteGroupKeys.groups(layout, options.groupLimit());
        this.byteGroups = options.byteGroups() && ByteGroupKeys.fits(layout, groups) ? groups : null;
        int narrow = byteGroups != null ? new ByteGroupKeys(layout, groups).groups() : 0;
        this.lanes = byteGroups != null && options.lanes() && layout.keys() <= LaneCounts.MAX_KEYS
                && layout.foldedMeasures().length == cube.measures().size();
        this.fused = byteGroups != null && options.fuse() && narrow <= 2 && stripes == 1 && !lanes
                && layout.foldedMeasures().length == cube.measures().size();
        this.gatherShare = options.gatherShare();
    }

    /** The plan for filling {@code cube}. */
    static KernelPlan choose(DenseCube cube, Options options) {
        return new KernelPlan(cube, options);
    }

    private static int[] foldable(DenseCube cube) {
        List<Integer> fold = new ArrayList<>();
        long levels = 1;
        for (int m = 0; m < cube.measures().size(); m++) {
            Column measure = cube.measures().get(m);
            if (!measure.isWholeNumber() || measure.minCode() < 0) {
                continue;
            }
            int size = measure.maxCode() - measure.minCode() + 1;
            long largest = Math.max(Math.abs((long) measure.minCode() + measure.field().min()),
                    Math.abs((long) measure.maxCode() + measure.field().min()));
            if (levels * size <= FOLD_LEVELS && largest <= FoldedMeasures.MAX_VALUE
                    && (long) cube.cells() * levels * size <= Integer.MAX_VALUE) {
                fold.add(m);
                levels *= size;
            }
        }
        return fold.stream().mapToInt(Integer::intValue).toArray();
    }

    KeyLayout layout() {
        return layout;
    }

    int stripes() {
        return stripes;
    }

    /** A new pass of one thread, adding into {@code partial}. */
    CubeScan scan(DenseCube partial) {
        ByteGroupKeys bytes = byteGroups != null ? new ByteGroupKeys(layout, byteGroups) : null;
        return new CubeScan(this, partial, bytes, fused ? new ByteGroupCounts(bytes) : null,
                lanes ? new LaneCounts(layout) : null, new ColumnKeys(layout));
    }

    /** Whether the rows of a chunk whose keys {@code keys} computes are counted by {@link LaneCounts}. */
    boolean countsInLanes(CellKeys keys) {
        return lanes && keys instanceof ByteGroupKeys;
    }

    /** The keys of {@code chunk}: {@code bytes} (may be {@code null}) if it can read them, else {@code columns}. */
    CellKeys keysFor(Chunk chunk, ByteGroupKeys bytes, ColumnKeys columns) {
        return bytes != null && bytes.readable(chunk) ? bytes : columns;
    }

    /** Whether the rows of a chunk whose keys {@code keys} computes are counted by {@link ByteGroupCounts}. */
    boolean fuses(CellKeys keys) {
        return fused && keys instanceof ByteGroupKeys;
    }

    /** Whether a filtered block of {@code rows} rows, {@code selected} of them selected, has its selected rows' keys computed alone. */
    boolean gathers(int selected, int rows) {
        return selected < rows && selected <= gatherShare * rows;
    }

    /** Whether the values of a decimal measure in one chunk are summed exactly ({@link ExactSums}). */
    static boolean exact(Decimals values) {
        return values instanceof Decimals.Hundredths;
    }
}
