package ladder.engine.io.parquet;

import java.util.Arrays;

/**
 * One column's values for a run of rows, as {@link ColumnChunkReader} decodes them. A row is null
 * ({@link #nulls()}, read only if {@link #hasNulls()}), or comes from the column chunk's
 * dictionary, given by its index there ({@link #dictionaryIndex()}), or holds its own value: a
 * number in {@link #longs()} or {@link #doubles()}, or a string as the range
 * {@code starts[i]..ends[i]} of {@code data[i]}. The dictionary's values are
 * {@link #dictionaryLongs()}, {@link #dictionaryDoubles()}, or the ranges
 * {@code dictionaryStarts[k]..dictionaryEnds[k]} of {@link #dictionaryData()}, so that a caller
 * can check each dictionary value once. When rows of both kinds are present ({@link #dictionaryRows()} and
 * {@link #plainRows()} both above zero) a row of its own value has index -1; otherwise the
 * arrays of the other kind are not read. The arrays strings lie in are never overwritten, so
 * values stay readable after the reader has moved on. Reused from run to run.
 */
public final class ColumnValues {
    private final ValueType type;
    private int rows;
    private boolean hasNulls;
    private int dictionaryRows;
    private int plainRows;
    private boolean[] nulls = new boolean[0];
    private long[] longs;
    private double[] doubles;
    private byte[][] data;
    /**
     * The bytes of the strings read since the last {@link #reset}, copied out of their pages (which
     * the reader's thread reuses): kept, and grown, from read to read, so that a column of
     * strings makes no garbage a page, where pages kept for their strings were copied by the
     * collector while the batch holding them waited to be merged.
     */
    private byte[] kept = new byte[0];
    private int keptUsed;
    private int[] starts;
    private int[] ends;
    private int[] dictionaryIndex;
    private ColumnChunkReader.Values dictionaryValues;

    public ColumnValues(ValueType type) {
        this.type = type;
    }

    public ValueType type() {
        return type;
    }

    /** The number of rows held. */
    public int rows() {
        return rows;
    }

    /** Whether some row is null; {@link #nulls()} is only read if so. */
    public boolean hasNulls() {
        return hasNulls;
    }

    public boolean[] nulls() {
        return nulls;
    }

    /** How many rows are given by a dictionary index. */
    public int dictionaryRows() {
        return dictionaryRows;
    }

    /** How many rows hold their own value. */
    public int plainRows() {
        return plainRows;
    }

    public long[] longs() {
        return longs;
    }

    public double[] doubles() {
        return doubles;
    }

    public byte[][] data() {
        return data;
    }

    public int[] starts() {
        return starts;
    }

    public int[] ends() {
        return ends;
    }

    /**
     * Per row, the value's index in the dictionary (see the class description for when it is
     * read); a null row's is {@link #dictionarySize()} when no row holds its own value.
     */
    public int[] dictionaryIndex() {
        return dictionaryIndex;
    }

    public long[] dictionaryLongs() {
        return dictionaryValues.longs;
    }

    public double[] dictionaryDoubles() {
        return dictionaryValues.doubles;
    }

    public byte[] dictionaryData() {
        return dictionaryValues.data;
    }

    public int[] dictionaryStarts() {
        return dictionaryValues.starts;
    }

    public int[] dictionaryEnds() {
        return dictionaryValues.ends;
    }

    /** The number of values in the dictionary (0 if there is none). */
    public int dictionarySize() {
        return dictionaryValues == null ? 0 : dictionaryValues.size;
    }

    /** Whether row {@code row}, not null, comes from the dictionary. */
    public boolean fromDictionary(int row) {
        return plainRows == 0 || dictionaryRows > 0 && dictionaryIndex[row] >= 0;
    }

    /** The bytes of row {@code row}'s string, which must not be null. */
    public byte[] bytes(int row) {
        if (fromDictionary(row)) {
            int index = dictionaryIndex[row];
            return Arrays.copyOfRange(dictionaryValues.data, dictionaryValues.starts[index], dictionaryValues.ends[index]);
        }
        return Arrays.copyOfRange(data[row], starts[row], ends[row]);
    }

    /** Row {@code row}'s number, which must not be null, as a long (integers) or its raw bits (floats). */
    public long numberBits(int row) {
        boolean dictionaryRow = fromDictionary(row);
        return switch (type) {
            case LONG, UNSIGNED_LONG -> dictionaryRow ? dictionaryValues.longs[dictionaryIndex[row]] : longs[row];
            case DOUBLE, FLOAT -> Double.doubleToRawLongBits(
                    dictionaryRow ? dictionaryValues.doubles[dictionaryIndex[row]] : doubles[row]);
            case STRING -> throw new IllegalStateException("a string column has no numbers");
        };
    }

    /** Empties this for {@code n} rows, growing its arrays if they are shorter. */
    void reset(int n) {
        rows = n;
        keptUsed = 0;
        hasNulls = false;
        dictionaryRows = 0;
        plainRows = 0;
        if (nulls.length >= n) {
            return;
        }
        nulls = new boolean[n];
        dictionaryIndex = new int[n];
        switch (type) {
            case LONG, UNSIGNED_LONG -> longs = new long[n];
            case DOUBLE, FLOAT -> doubles = new double[n];
            case STRING -> {
                data = new byte[n][];
                starts = new int[n];
                ends = new int[n];
            }
        }
    }

    /**
     * Copies {@code bytes[from..to)} after the strings kept so far and returns where they start in
     * {@link #keptBytes()}, which may be another array than before (earlier strings stay in theirs).
     */
    int keep(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length > kept.length - keptUsed) {
            long grown = Math.max((long) keptUsed + length, 2L * kept.length);
            if (grown > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("more than 2 GB of strings in one batch");
            }
            kept = Arrays.copyOf(kept, (int) Math.max(grown, 1 << 12));
        }
        System.arraycopy(bytes, from, kept, keptUsed, length);
        int at = keptUsed;
        keptUsed += length;
        return at;
    }

    /**
     * The array the batch's latest strings are kept in ({@link #keep}), unchanged until this is
     * read into again: a string in it may be referred to in place until then.
     */
    public byte[] keptBytes() {
        return kept;
    }

    void nulls(boolean present) {
        hasNulls = present;
    }

    void countRows(int fromDictionary, int plain) {
        dictionaryRows += fromDictionary;
        plainRows += plain;
    }

    void dictionary(ColumnChunkReader.Values values) {
        dictionaryValues = values;
    }
}
