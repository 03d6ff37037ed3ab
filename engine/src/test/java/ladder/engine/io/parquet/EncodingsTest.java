package ladder.engine.io.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The primitive encodings against the worked examples of the Parquet format specification
 * (apache/parquet-format, Encodings.md: "Run Length Encoding / Bit-Packing Hybrid" and "Delta
 * Encoding"), and against a plain bit-by-bit packer on random values.
 */
class EncodingsTest {
    /** Encodings.md: the values 0 to 7 bit-packed at width 3 are 10001000 11000110 11111010. */
    @Test
    void bitPackedRunOfTheSpecification() throws IOException {
        byte[] bytes = {0x03, (byte) 0b10001000, (byte) 0b11000110, (byte) 0b11111010};
        int[] out = new int[8];
        ByteCursor in = new ByteCursor(bytes, 0, bytes.length);
        RleBitPackedHybrid.decode(in, 3, 8, out);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, out);
        assertEquals(bytes.length, in.position);
    }

    /** A repeated run (header count << 1, the value in ceil(width / 8) bytes) then a bit-packed one, cut at the count asked for. */
    @Test
    void repeatedThenBitPackedRuns() throws IOException {
        byte[] bytes = {(byte) 0xC8, 0x01, 0x05, 0x03, (byte) 0b10001000, (byte) 0b11000110, (byte) 0b11111010};
        int[] out = new int[105];
        RleBitPackedHybrid.decode(new ByteCursor(bytes, 0, bytes.length), 3, 105, out);
        for (int k = 0; k < 100; k++) {
            assertEquals(5, out[k]);
        }
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, java.util.Arrays.copyOfRange(out, 100, 105));
    }

    @Test
    void randomBitPackedRunsAtEveryWidth() throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        for (int width = 0; width <= 32; width++) {
            int groups = 1 + random.nextInt(20);
            int[] values = new int[groups * 8];
            for (int k = 0; k < values.length; k++) {
                values[k] = width == 0 ? 0 : (int) (random.nextLong() & ((1L << width) - 1));
            }
            byte[] packed = pack(values, width);
            byte[] bytes = new byte[packed.length + 1];
            bytes[0] = (byte) (groups << 1 | 1);
            System.arraycopy(packed, 0, bytes, 1, packed.length);
            int[] out = new int[values.length];
            RleBitPackedHybrid.decode(new ByteCursor(bytes, 0, bytes.length), width, values.length, out);
            assertArrayEquals(values, out, "width " + width);
        }
    }

    @Test
    void aRunPastTheEndOrEmptyIsAnError() {
        byte[] truncated = {(byte) 0xC8};
        assertThrows(EOFException.class,
                () -> RleBitPackedHybrid.decode(new ByteCursor(truncated, 0, 1), 3, 10, new int[10]));
        byte[] empty = {0x00, 0x00};
        assertThrows(IOException.class, () -> RleBitPackedHybrid.decode(new ByteCursor(empty, 0, 2), 3, 10, new int[10]));
        byte[] shortPacked = {0x05, 0x01};
        assertThrows(IOException.class, () -> RleBitPackedHybrid.decode(new ByteCursor(shortPacked, 0, 2), 8, 16, new int[16]));
    }

    /** Encodings.md, delta example 1: 1, 2, 3, 4, 5 are deltas of 1, a minimum delta of 1 and bit width 0. */
    @Test
    void deltaExampleOne() throws IOException {
        byte[] bytes = {(byte) 0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00};
        ByteCursor in = new ByteCursor(bytes, 0, bytes.length);
        assertArrayEquals(new long[] {1, 2, 3, 4, 5}, DeltaBinaryPacked.decode(in));
        assertEquals(bytes.length, in.position);
    }

    /** Encodings.md, delta example 2: 7, 5, 3, 1, 2, 3, 4, 5: minimum delta -2, the rest 0,0,0,3,3,3,3 at 2 bits. */
    @Test
    void deltaExampleTwo() throws IOException {
        byte[] bytes = new byte[5 + 1 + 4 + 8];
        byte[] head = {(byte) 0x80, 0x01, 0x04, 0x08, 0x0E, 0x03, 0x02, 0x00, 0x00, 0x00, (byte) 0xC0, 0x3F};
        System.arraycopy(head, 0, bytes, 0, head.length);
        ByteCursor in = new ByteCursor(bytes, 0, bytes.length);
        assertArrayEquals(new long[] {7, 5, 3, 1, 2, 3, 4, 5}, DeltaBinaryPacked.decode(in));
        assertEquals(bytes.length, in.position);
    }

    /** Random runs of 64-bit values, packed here bit by bit, wrapping deltas included. */
    @Test
    void randomDeltaRuns() throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            int count = random.nextInt(1, 700);
            long[] values = new long[count];
            long spread = trial % 3 == 0 ? Long.MAX_VALUE : 1L << random.nextInt(1, 40);
            for (int k = 0; k < count; k++) {
                values[k] = trial % 3 == 0 ? random.nextLong() : random.nextLong(spread) - spread / 2;
            }
            byte[] bytes = deltaEncode(values, 128, 4);
            ByteCursor in = new ByteCursor(bytes, 0, bytes.length);
            assertArrayEquals(values, DeltaBinaryPacked.decode(in), "trial " + trial);
            assertEquals(bytes.length, in.position, "trial " + trial);
        }
    }

    /** A reference DELTA_BINARY_PACKED writer, as Encodings.md describes it. */
    private static byte[] deltaEncode(long[] values, int blockSize, int miniblocks) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        varint(out, blockSize);
        varint(out, miniblocks);
        varint(out, values.length);
        varint(out, zigzag(values[0]));
        int perMiniblock = blockSize / miniblocks;
        for (int start = 1; start < values.length; start += blockSize) {
            int n = Math.min(blockSize, values.length - start);
            long[] deltas = new long[n];
            long min = Long.MAX_VALUE;
            for (int k = 0; k < n; k++) {
                deltas[k] = values[start + k] - values[start + k - 1];
                min = Math.min(min, deltas[k]);
            }
            varint(out, zigzag(min));
            int used = (n + perMiniblock - 1) / perMiniblock;
            int[] widths = new int[miniblocks];
            for (int m = 0; m < used; m++) {
                long max = 0;
                for (int k = m * perMiniblock; k < Math.min(n, (m + 1) * perMiniblock); k++) {
                    max |= deltas[k] - min;
                }
                widths[m] = 64 - Long.numberOfLeadingZeros(max);
                out.write(widths[m]);
            }
            for (int m = used; m < miniblocks; m++) {
                out.write(0);
            }
            for (int m = 0; m < used; m++) {
                long[] relative = new long[perMiniblock];
                for (int k = 0; k < perMiniblock && m * perMiniblock + k < n; k++) {
                    relative[k] = deltas[m * perMiniblock + k] - min;
                }
                out.writeBytes(packLongs(relative, widths[m]));
            }
        }
        return out.toByteArray();
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static void varint(java.io.ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static byte[] pack(int[] values, int width) {
        long[] longs = new long[values.length];
        for (int k = 0; k < values.length; k++) {
            longs[k] = values[k] & 0xffffffffL;
        }
        return packLongs(longs, width);
    }

    /** Packs values least significant bit first, bit by bit. */
    private static byte[] packLongs(long[] values, int width) {
        byte[] bytes = new byte[(values.length * width + 7) / 8];
        long bit = 0;
        for (long value : values) {
            for (int b = 0; b < width; b++, bit++) {
                if ((value >>> b & 1) != 0) {
                    bytes[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
                }
            }
        }
        return bytes;
    }
}
