package ladder.engine.io.parquet;

import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A position in a byte array, bounded by a limit, from which Parquet's primitive encodings are
 * read: little-endian fixed-width numbers, ULEB128 varints and zigzag varints, and bit-packed
 * values (least significant bit first, as both the RLE/bit-packing hybrid and the delta encoding
 * pack them). Reading past the limit is an {@link EOFException}, never an index error.
 */
final class ByteCursor {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    final byte[] bytes;
    int position;
    final int limit;

    ByteCursor(byte[] bytes, int position, int limit) {
        if (position < 0 || limit > bytes.length || position > limit) {
            throw new IllegalArgumentException("range " + position + ".." + limit + " outside " + bytes.length + " bytes");
        }
        this.bytes = bytes;
        this.position = position;
        this.limit = limit;
    }

    int remaining() {
        return limit - position;
    }

    /** Checks that {@code n} more bytes are there. */
    void require(long n) throws EOFException {
        if (n < 0 || n > limit - position) {
            throw new EOFException("a value runs past the end of its page (" + n + " bytes wanted, "
                    + (limit - position) + " left)");
        }
    }

    int readByte() throws EOFException {
        require(1);
        return bytes[position++] & 0xff;
    }

    int readIntLE() throws EOFException {
        require(4);
        int value = (int) INT.get(bytes, position);
        position += 4;
        return value;
    }

    long readLongLE() throws EOFException {
        require(8);
        long value = (long) LONG.get(bytes, position);
        position += 8;
        return value;
    }

    /** The {@code width}-byte little-endian unsigned value at the cursor (width 0 to 4). */
    int readSmallLE(int width) throws EOFException {
        require(width);
        int value = 0;
        for (int k = 0; k < width; k++) {
            value |= (bytes[position + k] & 0xff) << (8 * k);
        }
        position += width;
        return value;
    }

    /** An unsigned LEB128 varint of up to 64 bits. */
    long readUnsignedVarLong() throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("a varint longer than 64 bits");
    }

    /** A varint that must fit a non-negative int, as counts and run headers do. */
    int readUnsignedVarInt() throws IOException {
        long value = readUnsignedVarLong();
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IOException("a count of " + Long.toUnsignedString(value) + " is out of range");
        }
        return (int) value;
    }

    /** A zigzag-encoded varint. */
    long readZigZagVarLong() throws IOException {
        long raw = readUnsignedVarLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    /** The little-endian word of the eight bytes from {@code at}, which must all be there. */
    static long wordAt(byte[] bytes, int at) {
        return (long) LONG.get(bytes, at);
    }

    /**
     * The {@code width}-bit value (0 to 64 bits) starting {@code bit} bits after byte {@code base},
     * bits packed least significant first; bytes at or past {@code limit} read as zero.
     */
    static long bitsAt(byte[] bytes, int base, int limit, long bit, int width) {
        if (width == 0) {
            return 0;
        }
        int at = base + (int) (bit >>> 3);
        int shift = (int) (bit & 7);
        long word;
        if (at + 8 <= limit) {
            word = (long) LONG.get(bytes, at);
        } else {
            word = 0;
            for (int k = 0; k < 8 && at + k < limit; k++) {
                word |= (long) (bytes[at + k] & 0xff) << (8 * k);
            }
        }
        long value = word >>> shift;
        if (width + shift > 64 && at + 8 < limit) {
            value |= (long) (bytes[at + 8] & 0xff) << (64 - shift);
        }
        return width == 64 ? value : value & ((1L << width) - 1);
    }
}
