package ladder.engine.io.parquet;

import java.io.IOException;

/**
 * Parquet's DELTA_BINARY_PACKED encoding of integers: a header (values per block, miniblocks per
 * block, value count, first value), then blocks, each a zigzag minimum delta, one bit width per
 * miniblock, and the miniblocks' deltas less the minimum, bit-packed. Arithmetic wraps, as the
 * writers' does; an INT32 column's values are the low 32 bits.
 */
final class DeltaBinaryPacked {
    private DeltaBinaryPacked() {}

    /** Decodes one run of values from {@code in}, leaving it after the run's last miniblock read. */
    static long[] decode(ByteCursor in) throws IOException {
        int blockSize = in.readUnsignedVarInt();
        int miniblocks = in.readUnsignedVarInt();
        int count = in.readUnsignedVarInt();
        long value = in.readZigZagVarLong();
        if (blockSize <= 0 || blockSize % 128 != 0 || miniblocks <= 0 || blockSize % miniblocks != 0
                || (blockSize / miniblocks) % 32 != 0) {
            throw new IOException("a delta-encoded run with blocks of " + blockSize + " values in "
                    + miniblocks + " miniblocks");
        }
        if (count > 8L * in.remaining() + 1) {
            throw new IOException("a delta-encoded run of " + count + " values in " + in.remaining() + " bytes");
        }
        long[] values = new long[count];
        if (count == 0) {
            return values;
        }
        values[0] = value;
        int perMiniblock = blockSize / miniblocks;
        int n = 1;
        int[] widths = new int[miniblocks];
        while (n < count) {
            long minDelta = in.readZigZagVarLong();
            for (int m = 0; m < miniblocks; m++) {
                widths[m] = in.readByte();
                if (widths[m] > 64) {
                    throw new IOException("a miniblock bit width of " + widths[m]);
                }
            }
            for (int m = 0; m < miniblocks && n < count; m++) {
                int width = widths[m];
                long bytes = (long) perMiniblock * width / 8;
                in.require(Math.min(bytes, (long) (count - n) * width / 8));
                int base = in.position;
                int limit = (int) Math.min(in.limit, base + bytes);
                int take = Math.min(perMiniblock, count - n);
                long bit = 0;
                for (int k = 0; k < take; k++, bit += width) {
                    value += minDelta + ByteCursor.bitsAt(in.bytes, base, limit, bit, width);
                    values[n++] = value;
                }
                in.position = limit;
            }
        }
        return values;
    }
}
