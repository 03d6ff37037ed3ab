package ladder.engine.table;

/**
 * One chunk's codes of a coded column, held in the narrowest primitive array that fits the
 * chunk's largest code. Codes are non-negative; what they mean is the {@link Column}'s business.
 */
public sealed interface Codes permits Codes.Bytes, Codes.Shorts, Codes.Ints {

    int size();

    /** The code at {@code row}. */
    int get(int row);

    /** Bytes of primitive storage held. */
    long bytes();

    /** Codes below 256, stored as unsigned bytes. */
    record Bytes(byte[] values) implements Codes {
        public int size() { return values.length; }
        public int get(int row) { return values[row] & 0xFF; }
        public long bytes() { return values.length; }
    }

    /** Codes below 65536, stored as unsigned shorts. */
    record Shorts(short[] values) implements Codes {
        public int size() { return values.length; }
        public int get(int row) { return values[row] & 0xFFFF; }
        public long bytes() { return 2L * values.length; }
    }

    record Ints(int[] values) implements Codes {
        public int size() { return values.length; }
        public int get(int row) { return values[row]; }
        public long bytes() { return 4L * values.length; }
    }

    /**
     * The first {@code n} codes of {@code buffer}, none above {@code max}, copied into the
     * narrowest array that holds them.
     */
    static Codes narrowest(int[] buffer, int n, int max) {
        if (max < 1 << 8) {
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                out[i] = (byte) buffer[i];
            }
            return new Bytes(out);
        }
        if (max < 1 << 16) {
            short[] out = new short[n];
            for (int i = 0; i < n; i++) {
                out[i] = (short) buffer[i];
            }
            return new Shorts(out);
        }
        return new Ints(java.util.Arrays.copyOf(buffer, n));
    }
}
