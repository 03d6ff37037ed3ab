package ladder.engine.cube;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ladder.engine.filter.Filter;
import ladder.engine.table.Chunk;
import ladder.engine.table.Codes;
import ladder.engine.table.Column;
import ladder.engine.table.Decimals;
import ladder.engine.table.Table;

/**
 * Builds a {@link Cube} from a table: for every row that passes the filter, the row's cell index
 * is {@code sum_d (code_d - base_d) * stride_d}, and the cell's count, and each measure's
 * count, sum and sum of squares, are accumulated.
 *
 * <p>Chunks are split into contiguous runs, one per thread; each thread fills its own cube and the
 * partial cubes are merged in run order, so a result depends only on the data and the thread
 * count (floating-point sums are not associative, so different thread counts can differ in the
 * last bits of a sum; counts never differ).
 */
public final class CubeKernel {

    private CubeKernel() {
    }

    /** The cube of {@code table} over the named dimensions and measures, on every available core. */
    public static Cube build(Table table, Filter filter, List<String> dimensions, List<String> measures) {
        return build(table, filter, dimensions, measures, Runtime.getRuntime().availableProcessors());
    }

    public static Cube build(Table table, Filter filter, List<String> dimensions, List<String> measures, int threads) {
        List<Dimension> dims = new ArrayList<>();
        for (String name : dimensions) {
            dims.add(Dimension.of(table, name));
        }
        List<Column> values = new ArrayList<>();
        for (String name : measures) {
            values.add(table.column(name));
        }
        return build(table, filter, new Cube(dims, values), threads);
    }

    /**
     * Fills {@code empty} (a new cube whose dimensions span every code of their columns in
     * {@code table}) from the table's rows that pass {@code filter}.
     */
    public static Cube build(Table table, Filter filter, Cube empty, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        for (Dimension d : empty.dimensions()) {
            Column c = d.column();
            if (c.minCode() >= 0 && (c.minCode() < d.base() || c.maxCode() >= d.base() + d.size())) {
                throw new IllegalArgumentException("dimension " + d.name() + " spans codes " + d.base() + ".."
                        + (d.base() + d.size() - 1) + " but the table has " + c.minCode() + ".." + c.maxCode());
            }
        }
        List<Chunk> chunks = table.chunks();
        int parts = Math.min(threads, Math.max(1, chunks.size()));
        if (parts == 1) {
            return fill(empty, chunks, filter);
        }
        ExecutorService pool = Executors.newFixedThreadPool(parts, r -> {
            Thread t = new Thread(r, "ladder-cube");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Cube>> partials = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                List<Chunk> run = chunks.subList(p * chunks.size() / parts, (p + 1) * chunks.size() / parts);
                Cube partial = p == 0 ? empty : new Cube(empty.dimensions(), empty.measures());
                partials.add(pool.submit(() -> fill(partial, run, filter)));
            }
            Cube result = partials.get(0).get();
            for (int p = 1; p < parts; p++) {
                result.mergeFrom(partials.get(p).get());
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building a cube", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Cube fill(Cube cube, List<Chunk> chunks, Filter filter) {
        int[] cells = new int[0];
        for (Chunk chunk : chunks) {
            if (cells.length < chunk.rows()) {
                cells = new int[chunk.rows()];
            }
            long[] mask = filter instanceof Filter.All ? null : filter.select(chunk);
            cellIndices(cube, chunk, cells);
            accumulate(cube, chunk, cells, mask);
        }
        return cube;
    }

    /** {@code cells[r]} = the cell index of row {@code r}, one column at a time. */
    static void cellIndices(Cube cube, Chunk chunk, int[] cells) {
        int rows = chunk.rows();
        int offset = 0;
        for (int d = 0; d < cube.dimensions().size(); d++) {
            offset += cube.dimensions().get(d).base() * cube.stride(d);
        }
        java.util.Arrays.fill(cells, 0, rows, -offset);
        for (int d = 0; d < cube.dimensions().size(); d++) {
            int stride = cube.stride(d);
            Codes codes = chunk.codes(cube.dimensions().get(d).column());
            if (codes instanceof Codes.Bytes b) {
                byte[] v = b.values();
                for (int r = 0; r < rows; r++) {
                    cells[r] += (v[r] & 0xFF) * stride;
                }
            } else if (codes instanceof Codes.Shorts s) {
                short[] v = s.values();
                for (int r = 0; r < rows; r++) {
                    cells[r] += (v[r] & 0xFFFF) * stride;
                }
            } else {
                for (int r = 0; r < rows; r++) {
                    cells[r] += codes.get(r) * stride;
                }
            }
        }
    }

    private static void accumulate(Cube cube, Chunk chunk, int[] cells, long[] mask) {
        long[] counts = cube.countArray();
        int rows = chunk.rows();
        if (mask == null) {
            for (int r = 0; r < rows; r++) {
                counts[cells[r]]++;
            }
        } else {
            for (int w = 0; w < mask.length; w++) {
                for (long bits = mask[w]; bits != 0; bits &= bits - 1) {
                    counts[cells[(w << 6) + Long.numberOfTrailingZeros(bits)]]++;
                }
            }
        }
        int m = cube.measures().size();
        for (int j = 0; j < m; j++) {
            Column measure = cube.measures().get(j);
            if (measure.isDecimal()) {
                accumulateDecimals(cube, chunk.decimals(measure), cells, mask, rows, j, m);
            } else {
                accumulateWholeNumbers(cube, chunk.codes(measure), measure.field().min(), cells, mask, rows, j, m);
            }
        }
    }

    private static void accumulateDecimals(Cube cube, Decimals values, int[] cells, long[] mask, int rows, int j, int m) {
        long[] n = cube.valueCountArray();
        double[] sum = cube.sumArray();
        double[] sumsq = cube.sumOfSquaresArray();
        for (int r = 0; r < rows; r++) {
            if ((mask == null || (mask[r >>> 6] & (1L << r)) != 0) && !values.isNull(r)) {
                double v = values.get(r);
                int at = cells[r] * m + j;
                n[at]++;
                sum[at] += v;
                sumsq[at] += v * v;
            }
        }
    }

    private static void accumulateWholeNumbers(Cube cube, Codes codes, int min, int[] cells, long[] mask, int rows,
                                               int j, int m) {
        long[] n = cube.valueCountArray();
        double[] sum = cube.sumArray();
        double[] sumsq = cube.sumOfSquaresArray();
        for (int r = 0; r < rows; r++) {
            if (mask == null || (mask[r >>> 6] & (1L << r)) != 0) {
                double v = codes.get(r) + min;
                int at = cells[r] * m + j;
                n[at]++;
                sum[at] += v;
                sumsq[at] += v * v;
            }
        }
    }
}
