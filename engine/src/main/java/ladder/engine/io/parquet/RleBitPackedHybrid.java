package ladder.engine.io.parquet;

import java.io.IOException;
import java.util.Arrays;

/**
 * Parquet's RLE/bit-packing hybrid encoding, which holds definition levels and dictionary indices:
 * a sequence of runs, each headed by a varint whose low bit says whether {@code header >>> 1}
 * repeats of one value follow (stored in {@code ceil(width / 8)} bytes) or {@code header >>> 1}
 * groups of eight values bit-packed at {@code width} bits each.
 */
final class RleBitPackedHybrid {
    private RleBitPackedHybrid() {}

    /**
     * Decodes {@code count} values of {@code width} bits (0 to 32) from {@code in} into
     * {@code out[0..count)}, leaving the cursor after the last run read. Values past
     * {@code count} in the last bit-packed run (its padding) are read past.
     */
    static void decode(ByteCursor in, int width, int count, int[] out) throws IOException {
        if (width < 0 || width > 32) {
            throw new IOException("a bit width of " + width + " (at most 32 allowed here)");
        }
        int n = 0;
        while (n < count) {
            int header = in.readUnsignedVarInt();
            int length = header >>> 1;
            if (length == 0) {
                throw new IOException("an empty run");
            }
            if ((header & 1) == 0) {
                int value = in.readSmallLE((width + 7) >>> 3);
                int end = (int) Math.min(count, (long) n + length);
                Arrays.fill(out, n, end, value);
                n = end;
            } else {
                long bytes = (long) length * width;
                // Writers may end the last run early; what is missing reads as zero and is padding.
                int available = (int) Math.min(bytes, in.remaining());
                int values = (int) Math.min(count - n, 8L * length);
                if ((long) values * width > 8L * available) {
                    throw new IOException("a bit-packed run of " + values + " values runs past the end of its page");
                }
                int base = in.position;
                int limit = base + available;
                unpack(in.bytes, base, limit, width, values, out, n);
                n += values;
                in.position = limit;
            }
        }
    }

    /**
     * Unpacks {@code count} values of {@code width} bits from {@code bytes[base..limit)} into
     * {@code out} from {@code at}: eight at a time from one little-endian word where a group of
     * eight fits one (width up to 8, as dictionary indices of coded columns are); else, for widths
     * up to 32 (the indices of larger dictionaries: pay, months), each from the word at its first
     * byte, which holds all its bits (at most 7 + 32 of them); the last few, whose word would run
     * past the page, one by one.
     */
    private static void unpack(byte[] bytes, int base, int limit, int width, int count, int[] out, int at) {
        int k = 0;
        long mask = (1L << width) - 1;
        if (width <= 8) {
            for (int group = base; k + 8 <= count && group + 8 <= limit; k += 8, group += width) {
                long word = ByteCursor.wordAt(bytes, group);
                for (int j = 0; j < 8; j++) {
                    out[at + k + j] = (int) (word >>> (j * width) & mask);
                }
            }
        } else {
            for (long bit = 0; k < count && base + (int) (bit >>> 3) + 8 <= limit; k++, bit += width) {
                long word = ByteCursor.wordAt(bytes, base + (int) (bit >>> 3));
                out[at + k] = (int) (word >>> (bit & 7) & mask);
            }
        }
        for (long bit = (long) k * width; k < count; k++, bit += width) {
            out[at + k] = (int) ByteCursor.bitsAt(bytes, base, limit, bit, width);
        }
    }
}
