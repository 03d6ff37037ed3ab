package ladder.engine.cube;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ladder.engine.filter.Filter;
import ladder.engine.table.Chunk;
import ladder.engine.table.Column;
import ladder.engine.table.Table;

/**
 * Builds a {@link DenseCube} from a table: for every row that passes the filter, the row's cell index
 * is {@code sum_d (code_d - base_d) * stride_d}, and the cell's count, and each measure's
 * count, sum and sum of squares, are accumulated.
 *
 * <p>Chunks are split into contiguous runs, one per thread; each thread fills its own cube and the
 * partial cubes are merged in run order, so a result depends only on the data and the thread
 * count (floating-point sums are not associative, so different thread counts can differ in the
 * last bits of a sum; counts never differ). How a thread fills its cube, of the variants that
 * compute the same cube, is chosen by {@link KernelPlan}.
 */
public final class CubeKernel {
    /** The threads that fill partial cubes: made on demand, kept a minute when idle, never blocking the JVM's exit. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ladder-cube");
        t.setDaemon(true);
        return t;
    });

    private CubeKernel() {
    }

    /**
     * The most bytes a dense partial cube may take before the sparse kernel is used instead: a
     * dense cube holds every cell of the product of the level counts, 8 bytes for its count and 40
     * per measure.
     */
    static final long DENSE_BYTES = 128L << 20;

    /**
     * The cube of the rows of {@code table} passing {@code filter}, over the named dimensions
     * (coded columns, or a decimal held in pence as an exact histogram) and measures (numeric
     * columns), on {@code threads} threads. Small cubes of coded columns are filled by the dense
     * kernel's fast paths; others by the {@link SparseKernel}, in memory that follows the
     * non-empty cells. Either way the same cube.
     */
    public static Cube build(Table table, Filter filter, List<String> dimensions, List<String> measures, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        checkNames(table, dimensions, measures);
        if (denseFits(table, dimensions, measures.size())) {
            return labelled(dense(table, filter, dimensions, measures, threads), filter);
        }
        return new SparseKernel(table, filter, dimensions, measures, threads).build(threads);
    }

    private static void checkNames(Table table, List<String> dimensions, List<String> measures) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String name : dimensions) {
            Column c = table.column(name);
            if (!seen.add(c.name())) {
                throw new ladder.engine.LadderException("dimension " + c.name() + " is named twice");
            }
        }
        for (String name : measures) {
            Column c = table.column(name);
            if (c.field() == null || !(c.isDecimal() || c.isWholeNumber())) {
                throw new ladder.engine.LadderException(c.name() + " is not numeric and cannot be summed");
            }
        }
    }

    /** Whether the dense kernel can hold the cube: every dimension coded and the cells within {@link #DENSE_BYTES}. */
    static boolean denseFits(Table table, List<String> dimensions, int measures) {
        long cells = 1;
        for (String name : dimensions) {
            Column c = table.column(name);
            if (c.isDecimal()) {
                return false;
            }
            cells *= c.minCode() < 0 ? 1 : c.maxCode() - c.minCode() + 1;
            if (cells * (8 + 40L * measures) > DENSE_BYTES) {
                return false;
            }
        }
        return true;
    }

    /** The labelled value of a dense cube built under {@code filter}. */
    static Cube labelled(DenseCube dense, Filter filter) {
        List<CodeAxis> axes = dense.dimensions();
        int dims = axes.size();
        // A pass over the dense cells in code order, levels kept by counting (no division per cell): the codes each
        // dimension has rows at, which its labels need. A dimension's level is marked present when it changes, if a
        // non-empty cell came since the last change.
        int[] sizes = new int[dims];
        int[] bases = new int[dims];
        boolean[][] present = new boolean[dims][];
        for (int d = 0; d < dims; d++) {
            sizes[d] = axes.get(d).size();
            bases[d] = axes.get(d).base();
            present[d] = new boolean[bases[d] + sizes[d]];
        }
        int n = 0;
        int[] level = new int[dims];
        int[] mark = new int[dims];
        for (int cell = 0; cell < dense.cells(); cell++) {
            if (dense.count(cell) != 0) {
                n++;
            }
            for (int d = dims - 1; d >= 0; d--) {
                if (n > mark[d]) {
                    present[d][bases[d] + level[d]] = true;
                    mark[d] = n;
                }
                if (++level[d] < sizes[d]) {
                    break;
                }
                level[d] = 0;
            }
        }
        AxisLabels[] labels = new AxisLabels[dims];
        List<Dimension> dimensions = new ArrayList<>();
        // Per dimension, its level positions whose codes the dense axis spans, and each one's offset in the dense cube.
        int[][] positions = new int[dims][];
        int[][] offsets = new int[dims][];
        for (int d = dims - 1, stride = 1; d >= 0; stride *= sizes[d], d--) {
            labels[d] = new AxisLabels(axes.get(d).column(), present[d]);
            dimensions.add(0, labels[d].dimension());
            int levels = labels[d].dimension().size();
            positions[d] = new int[levels];
            offsets[d] = new int[levels];
            int spanned = 0;
            for (int p = 0; p < levels; p++) {
                int at = labels[d].code(p) - axes.get(d).base();
                if (at >= 0 && at < sizes[d]) {
                    positions[d][spanned] = p;
                    offsets[d][spanned++] = at * stride;
                }
            }
            positions[d] = java.util.Arrays.copyOf(positions[d], spanned);
            offsets[d] = java.util.Arrays.copyOf(offsets[d], spanned);
        }
        // A second pass, in cube order (each dimension's levels in label order, the last fastest), so the cells need
        // no sort whatever order the codes are in.
        int m = dense.measures().size();
        Cube.Cells cells = new Cube.Cells(dims, m, n);
        int[] index = new int[dims];
        int[] at = new int[dims];
        long combinations = 1;
        int cell = 0;
        for (int d = 0; d < dims; d++) {
            combinations *= offsets[d].length;
            cell += combinations == 0 ? 0 : offsets[d][0];
        }
        for (long k = 0; k < combinations; k++) {
            if (dense.count(cell) != 0) {
                for (int d = 0; d < dims; d++) {
                    at[d] = positions[d][index[d]];
                }
                int c = cells.add(at, dense.count(cell));
                for (int j = 0; j < m; j++) {
                    cells.measure(c, j, dense.valueCount(cell, j), dense.unitSum(cell, j), dense.unitSumOfSquares(cell, j),
                            dense.looseSum(cell, j), dense.looseSumOfSquares(cell, j));
                }
            }
            for (int d = dims - 1; d >= 0; d--) {
                int[] o = offsets[d];
                cell -= o[index[d]];
                if (++index[d] < o.length) {
                    cell += o[index[d]];
                    break;
                }
                index[d] = 0;
                cell += o[0];
            }
        }
        if (cells.size() != n) {
            throw new IllegalStateException(n + " non-empty cells, " + cells.size() + " of them at labelled levels");
        }
        return cells.build(dimensions, measures(dense.measures().toArray(Column[]::new)), filter.text(), Cube.Provenance.NONE);
    }

    /** The cube's measures for columns {@code columns}: decimals are held in hundredths, whole numbers in ones. */
    static List<Cube.Measure> measures(Column[] columns) {
        List<Cube.Measure> out = new ArrayList<>();
        for (Column c : columns) {
            out.add(new Cube.Measure(c.name(), c.isDecimal() ? 100 : 1));
        }
        return out;
    }

    /** Runs {@code tasks}, the first on the calling thread and the rest on pool threads; answers their results in order. */
    static <T> List<T> runAll(List<java.util.concurrent.Callable<T>> tasks) {
        List<Future<T>> futures = new ArrayList<>();
        try {
            for (int i = 1; i < tasks.size(); i++) {
                futures.add(THREADS.submit(tasks.get(i)));
            }
            List<T> results = new ArrayList<>();
            results.add(tasks.get(0).call());
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building a cube", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
    }

    /** The kernel's dense cube (every cell of the product of the code ranges), as the fast paths fill it. */
    public static DenseCube dense(Table table, Filter filter, List<String> dimensions, List<String> measures, int threads) {
        List<CodeAxis> dims = new ArrayList<>();
        for (String name : dimensions) {
            dims.add(CodeAxis.of(table, name));
        }
        List<Column> values = new ArrayList<>();
        for (String name : measures) {
            values.add(table.column(name));
        }
        return dense(table, filter, new DenseCube(dims, values), threads);
    }

    /**
     * Fills {@code empty} (a new cube whose dimensions span every code of their columns in
     * {@code table}) from the table's rows that pass {@code filter}.
     */
    public static DenseCube dense(Table table, Filter filter, DenseCube empty, int threads) {
        return dense(table, filter, empty, threads, KernelPlan.Options.AUTO);
    }

    /** As {@link #dense(Table, Filter, DenseCube, int)}, with the variants narrowed by {@code options}. */
    static DenseCube dense(Table table, Filter filter, DenseCube empty, int threads, KernelPlan.Options options) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        for (CodeAxis d : empty.dimensions()) {
            Column c = d.column();
            if (c.minCode() >= 0 && (c.minCode() < d.base() || c.maxCode() >= d.base() + d.size())) {
                throw new IllegalArgumentException("dimension " + d.name() + " spans codes " + d.base() + ".."
                        + (d.base() + d.size() - 1) + " but the table has " + c.minCode() + ".." + c.maxCode());
            }
        }
        KernelPlan plan = KernelPlan.choose(empty, options);
        List<Chunk> chunks = table.chunks();
        int parts = Math.min(threads, Math.max(1, chunks.size()));
        // The first run is filled on the calling thread, the others on pool threads.
        List<Future<DenseCube>> partials = new ArrayList<>();
        try {
            for (int p = 1; p < parts; p++) {
                List<Chunk> run = chunks.subList(p * chunks.size() / parts, (p + 1) * chunks.size() / parts);
                DenseCube partial = new DenseCube(empty.dimensions(), empty.measures());
                partials.add(THREADS.submit(() -> fill(plan.scan(partial), run, filter)));
            }
            DenseCube result = fill(plan.scan(empty), chunks.subList(0, chunks.size() / parts), filter);
            for (Future<DenseCube> partial : partials) {
                result.mergeFrom(partial.get());
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building a cube", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            partials.forEach(f -> f.cancel(true));
        }
    }

    private static DenseCube fill(CubeScan scan, List<Chunk> chunks, Filter filter) {
        for (Chunk chunk : chunks) {
            scan.add(chunk, filter instanceof Filter.All ? null : filter.select(chunk));
        }
        return scan.finish();
    }
}
