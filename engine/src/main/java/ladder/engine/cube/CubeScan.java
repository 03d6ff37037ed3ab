package ladder.engine.cube;

import ladder.engine.table.Chunk;
import ladder.engine.table.Column;
import ladder.engine.table.Decimals;

/**
 * One thread's pass over its run of chunks, a block of {@link CellKeys#BLOCK} rows at a time: the
 * block's keys, by the variant the {@link KernelPlan} picks for the chunk; then its counts; then
 * each measure not folded into the key, summed by the variant its storage calls for (or, where
 * the plan fuses them, keys and counts in one step). Under a filter, a block none of whose rows
 * is selected is skipped, and one of whose rows few are has the keys of those rows only computed. Everything lands in one partial cube, which
 * {@link #finish} completes.
 */
final class CubeScan {
    private final KernelPlan plan;
    private final DenseCube cube;
    private final ByteGroupKeys byteKeys;
    private final ByteGroupCounts byteCounts;
    private final LaneCounts laneCounts;
    private final ColumnKeys columnKeys;
    private final CountHistogram counts;
    /** Per measure not folded: its sums, made when a chunk first needs them. */
    private final ExactSums[] exact;
    private final DoubleSums[] doubles;
    private final int[] keys = new int[CellKeys.BLOCK];
    /** The keys of a block's selected rows, in order, where the plan gathers them. */
    private final int[] gathered = new int[CellKeys.BLOCK];
    /** Whether every measure is folded into the key, so that a block needs nothing but counts. */
    private final boolean countsOnly;

    /**
     * A pass into {@code cube} with the plan's variants; {@code byteKeys}, {@code byteCounts} and
     * {@code laneCounts} are {@code null} where the plan rules them out.
     */
    CubeScan(KernelPlan plan, DenseCube cube, ByteGroupKeys byteKeys, ByteGroupCounts byteCounts, LaneCounts laneCounts,
            ColumnKeys columnKeys) {
        this.plan = plan;
        this.cube = cube;
        this.byteKeys = byteKeys;
        this.byteCounts = byteCounts;
        this.laneCounts = laneCounts;
        this.columnKeys = columnKeys;
        KeyLayout layout = plan.layout();
        this.counts = new CountHistogram(layout, plan.stripes());
        int m = cube.measures().size();
        countsOnly = layout.foldedMeasures().length == m;
        exact = new ExactSums[m];
        doubles = new DoubleSums[m];
    }

    /** Adds the rows of {@code chunk} that pass {@code mask} ({@code null}: every row). */
    void add(Chunk chunk, long[] mask) {
        CellKeys cellKeys = keysFor(chunk);
        boolean fused = plan.fuses(cellKeys);
        boolean lanes = plan.countsInLanes(cellKeys);
        for (int from = 0; from < chunk.rows(); from += CellKeys.BLOCK) {
            int rows = Math.min(CellKeys.BLOCK, chunk.rows() - from);
            if (fused && mask == null) {
                counts.add(byteCounts, chunk, from, rows, null, cube);
                continue;
            }
            int selected = mask == null ? rows : Selection.count(mask, from, rows);
            if (selected == 0) {
                continue;
            }
            if (fused) {
                counts.add(byteCounts, chunk, from, rows, mask, cube);
                continue;
            }
            if (lanes) {
                laneCounts.add(byteKeys.combine(chunk, from, rows)[0], rows, mask, from, cube);
                continue;
            }
            if (plan.gathers(selected, rows)) {
                int n = columnKeys.gather(chunk, from, rows, mask, gathered);
                if (countsOnly) {
                    counts.add(gathered, n, null, 0, cube);
                    continue;
                }
                // Measures read keys by block row: a row not selected gets key 0, valid and weighed 0 or not read.
                java.util.Arrays.fill(keys, 0, rows, 0);
                int[] at = columnKeys.selected();
                for (int j = 0; j < n; j++) {
                    keys[at[j]] = gathered[j];
                }
            } else {
                cellKeys.compute(chunk, from, rows, keys);
            }
            counts.add(keys, rows, mask, from, cube);
            for (int j = 0; j < exact.length; j++) {
                Column measure = cube.measures().get(j);
                if (measure.isDecimal()) {
                    Decimals values = chunk.decimals()[measure.index()];
                    if (KernelPlan.exact(values)) {
                        exact(j).add((Decimals.Hundredths) values, keys, from, rows, mask, cube);
                    } else {
                        doubles(j).add((Decimals.Doubles) values, keys, from, rows, mask);
                    }
                } else if (!plan.layout().isFolded(j)) {
                    exact(j).add(chunk.codes()[measure.index()], measure.field().min(), keys, from, rows, mask,
                            cube);
                }
            }
        }
    }

    /** The variant that computes {@code chunk}'s keys, as the plan chooses. */
    CellKeys keysFor(Chunk chunk) {
        return plan.keysFor(chunk, byteKeys, columnKeys);
    }

    private ExactSums exact(int j) {
        if (exact[j] == null) {
            exact[j] = new ExactSums(plan.layout(), j);
        }
        return exact[j];
    }

    private DoubleSums doubles(int j) {
        if (doubles[j] == null) {
            doubles[j] = new DoubleSums(plan.layout(), j);
        }
        return doubles[j];
    }

    /** The partial cube, with everything added. */
    DenseCube finish() {
        counts.spillInto(cube);
        if (laneCounts != null) {
            laneCounts.spillInto(cube);
        }
        for (int j = 0; j < exact.length; j++) {
            if (exact[j] != null) {
                exact[j].spillInto(cube);
            }
            if (doubles[j] != null) {
                doubles[j].spillInto(cube);
            }
        }
        return cube;
    }
}
