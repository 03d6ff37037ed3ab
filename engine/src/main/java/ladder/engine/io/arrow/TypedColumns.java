package ladder.engine.io.arrow;

import java.nio.ByteOrder;
import ladder.engine.io.ColumnDecoder;
import ladder.engine.io.ColumnarRows;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.ArrowBufPointer;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VariableWidthFieldVector;

/**
 * Puts a batch's typed Arrow vectors into {@link ColumnarRows} value by value through a
 * {@link ColumnDecoder}, without making a string: integers and floats as numbers, strings as their UTF-8 bytes (each column's data buffer
 * copied into an array once per batch). Whatever the typed path would have to render as
 * {@link BatchRecords} does to judge it (a float32, an unsigned 64-bit value past the signed
 * range, a dictionary of anything but strings, an offset outside its buffer) marks the row slow,
 * so that it is offered as text exactly as {@link BatchRecords#emit} offers it. One instance per
 * thread.
 */
final class TypedColumns {
    /** Past this a string column's data is not copied, and its rows go the text path. */
    private static final long MAX_COPIED = Integer.MAX_VALUE - 16;
    private static final byte[] EMPTY = new byte[0];

    /** One array per bound column, reused from batch to batch, for that column's string bytes. */
    private final byte[][] copies;
    private final ArrowBufPointer pointer = new ArrowBufPointer();
    /** A plain utf8 vector's offsets and validity bits, copied once per batch. */
    private int[] offsets = new int[0];
    private byte[] validity = new byte[0];
    private final ColumnDecoder decoder;

    /** A filler of up to {@code columns} bound columns, checking values with {@code decoder}. */
    TypedColumns(int columns, ColumnDecoder decoder) {
        copies = new byte[columns][];
        this.decoder = decoder;
    }

    /** Forgets the last batch's values: call before filling the columns of another batch. */
    void nextBatch() {
        decoder.forgetLastValues();
    }

    /**
     * Puts the first {@code rows} values of {@code vector}, bound column {@code bound} holding
     * schema column {@code column}, into {@code batch}; {@code dictionary} holds the values of a
     * dictionary-encoded column, whose {@code vector} then holds indices.
     */
    void fill(ColumnarRows batch, int bound, int column, FieldVector vector, FieldVector dictionary, int rows) {
        if (dictionary != null) {
            if (dictionary instanceof VariableWidthFieldVector strings && vector instanceof BaseIntVector indices) {
                strings(batch, bound, column, strings, indices, rows);
            } else {
                slow(batch, rows);
            }
        } else if (vector instanceof Float8Vector v) {
            for (int i = 0; i < rows; i++) {
                check(batch, i, v.isNull(i) ? empty(batch, i, column) : decoder.putDouble(batch, i, column, v.get(i)));
            }
        } else if (vector instanceof Float4Vector v) {
            for (int i = 0; i < rows; i++) {
                check(batch, i, v.isNull(i) ? empty(batch, i, column)
                        : decoder.putDouble(batch, i, column, BatchRecords.float32Value(v.get(i))));
            }
        } else if (vector instanceof UInt8Vector v) {
            for (int i = 0; i < rows; i++) {
                check(batch, i, v.isNull(i) ? empty(batch, i, column) : v.get(i) >= 0 && decoder.putLong(batch, i, column, v.get(i)));
            }
        } else if (vector instanceof BaseIntVector v) {
            for (int i = 0; i < rows; i++) {
                check(batch, i, v.isNull(i) ? empty(batch, i, column) : decoder.putLong(batch, i, column, v.getValueAsLong(i)));
            }
        } else if (vector instanceof VariableWidthFieldVector v) {
            strings(batch, bound, column, v, null, rows);
        } else {
            slow(batch, rows);
        }
    }

    /** Strings, through {@code indices} into {@code values} if dictionary-encoded. */
    private void strings(ColumnarRows batch, int bound, int column, VariableWidthFieldVector values,
            BaseIntVector indices, int rows) {
        ArrowBuf data = values.getDataBuffer();
        long capacity = data == null ? 0 : data.capacity();
        if (capacity > MAX_COPIED) {
            slow(batch, rows);
            return;
        }
        byte[] bytes = copies[bound];
        if (bytes == null || bytes.length < capacity + 8) {
            bytes = new byte[(int) Math.max(capacity + 8, bytes == null ? 0 : 2L * Math.min(bytes.length, MAX_COPIED / 2))];
            copies[bound] = bytes;
        }
        if (capacity > 0) {
            data.getBytes(0, bytes, 0, (int) capacity);
        }
        if (indices == null && values instanceof VarCharVector plain && plainStrings(batch, column, plain, bytes, capacity, rows)) {
            return;
        }
        int count = values.getValueCount();
        for (int i = 0; i < rows; i++) {
            int index = i;
            if (indices != null) {
                if (indices.isNull(i)) {
                    check(batch, i, empty(batch, i, column));
                    continue;
                }
                long at = indices.getValueAsLong(i);
                if (at < 0 || at >= count) {
                    batch.markSlowRow(i);
                    continue;
                }
                index = (int) at;
            }
            if (values.isNull(index)) {
                check(batch, i, empty(batch, i, column));
                continue;
            }
            values.getDataPointer(index, pointer);
            long offset = pointer.getOffset();
            long length = pointer.getLength();
            boolean inside = offset >= 0 && length >= 0 && length <= capacity - offset;
            check(batch, i, inside && decoder.putText(batch, i, column, bytes, (int) offset, (int) (offset + length)));
        }
    }

    /**
     * Strings of a plain utf8 vector whose data is in {@code bytes}, reading its offsets and
     * validity bits from one copy of each buffer rather than through the vector row by row; false,
     * having done nothing, if those buffers are shorter than {@code rows} need (then the vector is
     * read row by row, which reports them).
     */
    private boolean plainStrings(ColumnarRows batch, int column, VarCharVector values, byte[] bytes, long capacity,
            int rows) {
        ArrowBuf offsetBuffer = values.getOffsetBuffer();
        ArrowBuf validityBuffer = values.getValidityBuffer();
        int offsetBytes = 4 * (rows + 1);
        int validityBytes = (rows + 7) / 8;
        if (offsetBuffer.capacity() < offsetBytes || validityBuffer.capacity() < validityBytes) {
            return false;
        }
        if (offsets.length < rows + 1) {
            offsets = new int[Math.max(rows + 1, 2 * offsets.length)];
            validity = new byte[offsets.length / 8 + 1];
        }
        offsetBuffer.nioBuffer(0, offsetBytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(offsets, 0, rows + 1);
        validityBuffer.getBytes(0, validity, 0, validityBytes);
        for (int i = 0; i < rows; i++) {
            if ((validity[i >>> 3] >>> (i & 7) & 1) == 0) {
                check(batch, i, empty(batch, i, column));
                continue;
            }
            int from = offsets[i];
            int to = offsets[i + 1];
            boolean inside = from >= 0 && from <= to && to <= capacity;
            check(batch, i, inside && decoder.putText(batch, i, column, bytes, from, to));
        }
        return true;
    }

    /** A null, which the text path reads as an empty value. */
    private boolean empty(ColumnarRows batch, int row, int column) {
        return decoder.putText(batch, row, column, EMPTY, 0, 0);
    }

    private static void check(ColumnarRows batch, int row, boolean taken) {
        if (!taken) {
            batch.markSlowRow(row);
        }
    }

    private static void slow(ColumnarRows batch, int rows) {
        for (int i = 0; i < rows; i++) {
            batch.markSlowRow(i);
        }
    }
}
