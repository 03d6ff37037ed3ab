package ladder.engine.io;

import java.util.Arrays;

/**
 * Where each accepted row came from (file and physical line), for naming the first occurrence of
 * a duplicate. In a file a row's line is usually its row number plus a constant that changes only
 * after a rejected record, a blank line or a quoted line break; so only those breakpoints are kept,
 * and a row's origin is found by binary search: a few bytes per file instead of 8 a row.
 */
final class RowLines {
    private long[] rows = new long[16];
    private long[] offsets = new long[16];
    private int[] files = new int[16];
    private int size;

    /** Records that accepted row {@code row} (rows come in increasing order) is at {@code line} of file {@code file}. */
    void add(long row, int file, long line) {
        long offset = line - row;
        if (size > 0 && files[size - 1] == file && offsets[size - 1] == offset) {
            return;
        }
        if (size == rows.length) {
            rows = Arrays.copyOf(rows, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2);
            files = Arrays.copyOf(files, size * 2);
        }
        rows[size] = row;
        offsets[size] = offset;
        files[size] = file;
        size++;
    }

    /** The file (as numbered by the caller) of accepted row {@code row}. */
    int file(long row) {
        return files[breakpoint(row)];
    }

    /** The physical line of accepted row {@code row}. */
    long line(long row) {
        return row + offsets[breakpoint(row)];
    }

    private int breakpoint(long row) {
        int at = Arrays.binarySearch(rows, 0, size, row);
        int index = at >= 0 ? at : -at - 2;
        if (index < 0) {
            throw new IllegalArgumentException("row " + row + " was never added");
        }
        return index;
    }
}
