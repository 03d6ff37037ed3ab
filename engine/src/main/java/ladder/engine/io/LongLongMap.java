package ladder.engine.io;

/**
 * A map from {@code long} keys to non-zero {@code long} values, held in two primitive arrays with
 * open addressing and linear probing, so that a hundred million keys cost 16 bytes a slot rather
 * than a boxed entry each. A value of 0 marks an empty slot, which is why values must not be 0.
 */
final class LongLongMap {
    private static final double MAX_LOAD = 0.75;
    private static final int MAX_CAPACITY = 1 << 30;

    private long[] keys = new long[1 << 10];
    private long[] values = new long[1 << 10];
    private int size;

    int size() {
        return size;
    }

    /** Maps {@code key} to {@code value} unless it is mapped already; returns the earlier value, or 0. */
    long putIfAbsent(long key, long value) {
        if (value == 0) {
            throw new IllegalArgumentException("0 marks an empty slot and cannot be stored");
        }
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        for (; values[slot] != 0; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return values[slot];
            }
        }
        keys[slot] = key;
        values[slot] = value;
        if (++size > keys.length * MAX_LOAD) {
            grow();
        }
        return 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        if (oldKeys.length == MAX_CAPACITY) {
            throw new IllegalStateException("more than " + size + " keys");
        }
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != 0) {
                int slot = slot(oldKeys[i], mask);
                while (values[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    /** The home slot of {@code key}: MurmurHash3's 64-bit finaliser, so packed keys spread evenly. */
    private static int slot(long key, int mask) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe1b85ca3L;
        h ^= h >>> 33;
        return (int) h & mask;
    }
}
