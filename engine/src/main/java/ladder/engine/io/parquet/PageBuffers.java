package ladder.engine.io.parquet;

/**
 * Arrays one thread reuses from column chunk to column chunk of one column, so that reading a
 * file does not allocate (and the operating system fault in) a new array for every chunk and page
 * read: the chunk's bytes, a page's bytes once decompressed, and a page's decoded levels, indices
 * and values, all of which are copied out before the next page is read (a page's strings into the
 * {@link ColumnValues} read into). What outlives the page (a dictionary) is never put here.
 */
public final class PageBuffers {
    private byte[] chunk = new byte[0];
    private byte[] page = new byte[0];
    private int[] levels = new int[0];
    private int[] indices = new int[0];
    private int[] starts = new int[0];
    private int[] ends = new int[0];
    private long[] longs = new long[0];
    private double[] doubles = new double[0];

    byte[] chunk(int n) {
        return chunk.length >= n ? chunk : (chunk = new byte[grown(chunk.length, n)]);
    }

    byte[] page(int n) {
        return page.length >= n ? page : (page = new byte[grown(page.length, n)]);
    }

    int[] levels(int n) {
        return levels.length >= n ? levels : (levels = new int[grown(levels.length, n)]);
    }

    int[] indices(int n) {
        return indices.length >= n ? indices : (indices = new int[grown(indices.length, n)]);
    }

    int[] starts(int n) {
        return starts.length >= n ? starts : (starts = new int[grown(starts.length, n)]);
    }

    int[] ends(int n) {
        return ends.length >= n ? ends : (ends = new int[grown(ends.length, n)]);
    }

    long[] longs(int n) {
        return longs.length >= n ? longs : (longs = new long[grown(longs.length, n)]);
    }

    double[] doubles(int n) {
        return doubles.length >= n ? doubles : (doubles = new double[grown(doubles.length, n)]);
    }

    private static int grown(int length, int n) {
        return (int) Math.max(n, Math.min(Integer.MAX_VALUE - 16, length + (long) length / 2));
    }
}
