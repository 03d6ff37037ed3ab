package ladder.datasets;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A byte buffer that CSV rows are built in, field by field, and that is written to the output a
 * block at a time: numbers are formatted by hand and nothing is allocated per row.
 *
 * <p>Only for values that need no quoting (ASCII, no comma, quote or line break); the generator
 * writes nothing else.
 */
final class CsvBytes {
    /** The longest row the generator can write is far shorter than this. */
    private static final int MAX_ROW = 1024;
    private static final long[] TENS = tens();

    private final OutputStream out;
    private final byte[] buffer;
    private int position;

    CsvBytes(OutputStream out, int capacity) {
        if (capacity < 2 * MAX_ROW) {
            throw new IllegalArgumentException("buffer capacity " + capacity + " below " + 2 * MAX_ROW);
        }
        this.out = out;
        this.buffer = new byte[capacity];
    }

    void bytes(byte[] value) {
        System.arraycopy(value, 0, buffer, position, value.length);
        position += value.length;
    }

    void comma() {
        buffer[position++] = ',';
    }

    /** A non-negative whole number. */
    void number(long value) {
        padded(value, 1);
    }

    /** A non-negative whole number, with leading zeros to at least {@code width} digits. */
    void padded(long value, int width) {
        int digits = 1;
        while (digits < TENS.length && value >= TENS[digits]) {
            digits++;
        }
        int length = Math.max(width, digits);
        for (int i = position + length - 1; i >= position; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        position += length;
    }

    /** A non-negative amount of money given in pence, as pounds with two decimals. */
    void pounds(long pence) {
        number(pence / 100);
        buffer[position++] = '.';
        padded(pence % 100, 2);
    }

    /** Ends a row, and writes the buffer out if another might not fit. */
    void endRow() throws IOException {
        buffer[position++] = '\n';
        if (position > buffer.length - MAX_ROW) {
            drain();
        }
    }

    /** Writes out what is buffered and flushes the output. */
    void flush() throws IOException {
        drain();
        out.flush();
    }

    private void drain() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
    }

    private static long[] tens() {
        long[] tens = new long[19];
        long power = 1;
        for (int i = 0; i < tens.length; i++) {
            tens[i] = power;
            power *= 10;
        }
        return tens;
    }
}
