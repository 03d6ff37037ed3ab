package ladder.engine.io.parquet;

import java.util.Arrays;

/**
 * One column's values for a run of rows, as {@link ColumnChunkReader} decodes them: per row,
 * whether it is null and its value, a number in {@link #longs()} or {@link #doubles()}, or a
 * string. A string from the column chunk's dictionary is given by its index there
 * ({@link #dictionaryIndex()}), the dictionary's values being the ranges
 * {@code dictionaryStarts[k]..dictionaryEnds[k]} of {@link #dictionaryData()}, and the
 * {@link #dictionary()} serial telling dictionaries apart, so that a caller can check each
 * dictionary value once; any other string (index -1) is the range {@code starts[i]..ends[i]} of
 * {@code data[i]}. The arrays strings lie in are never overwritten, so values stay readable
 * after the reader has moved on. Reused from run to run.
 */
public final class ColumnValues {
    private final ValueType type;
    private int rows;
    private boolean[] nulls = new boolean[0];
    private long[] longs;
    private double[] doubles;
    private byte[][] data;
    private int[] starts;
    private int[] ends;
    private int[] dictionaryIndex;
    private long dictionary;
    private byte[] dictionaryData;
    private int[] dictionaryStarts;
    private int[] dictionaryEnds;

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

    public boolean[] nulls() {
        return nulls;
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

    /** Per row, the string's index in the dictionary, or -1 if it was not dictionary-encoded. */
    public int[] dictionaryIndex() {
        return dictionaryIndex;
    }

    /** Which dictionary the indices refer to: a number that differs between every dictionary a reader loads. */
    public long dictionary() {
        return dictionary;
    }

    public byte[] dictionaryData() {
        return dictionaryData;
    }

    public int[] dictionaryStarts() {
        return dictionaryStarts;
    }

    public int[] dictionaryEnds() {
        return dictionaryEnds;
    }

    /** The bytes of row {@code row}'s string, which must not be null. */
    public byte[] bytes(int row) {
        int index = dictionaryIndex[row];
        return index < 0 ? Arrays.copyOfRange(data[row], starts[row], ends[row])
                : Arrays.copyOfRange(dictionaryData, dictionaryStarts[index], dictionaryEnds[index]);
    }

    /** Empties this for {@code n} rows, growing its arrays if they are shorter. */
    void reset(int n) {
        rows = n;
        if (nulls.length >= n) {
            return;
        }
        nulls = new boolean[n];
        switch (type) {
            case LONG, UNSIGNED_LONG -> longs = new long[n];
            case DOUBLE, FLOAT -> doubles = new double[n];
            case STRING -> {
                data = new byte[n][];
                starts = new int[n];
                ends = new int[n];
                dictionaryIndex = new int[n];
            }
        }
    }

    void dictionary(long serial, byte[] data, int[] starts, int[] ends) {
        dictionary = serial;
        dictionaryData = data;
        dictionaryStarts = starts;
        dictionaryEnds = ends;
    }
}
