package ladder.engine.io;

/**
 * The set of keys of the rows accepted so far, each mapped to its row, for the duplicate check:
 * 8 bytes a slot, half of what a map from key to row would take, because a slot holds only the
 * row and 32 bits of the key's hash; the key itself is read back from the row when the hash bits
 * agree. At a hundred million rows that is 1 GiB instead of 2.
 *
 * <p>Open addressing with linear probing; a key's home slot is the top bits of its hash, so a
 * slot's hash bits are enough to move it when the table doubles, without reading any row. A slot
 * holds {@code hash << 32 | row + 1}; 0 marks it empty.
 */
final class KeyIndex {
    private static final double MAX_LOAD = 0.75;
    private static final int MAX_CAPACITY = 1 << 30;
    /** Rows are held as 32-bit unsigned numbers plus one. */
    static final long MAX_ROWS = 0xFFFF_FFFEL;

    /** Reads the key of a row already in the index. */
    interface Rows {
        long keyOf(long row);

        /** Whether row {@code row}'s key is {@code key}: for keys that are more than their {@code long}, more than that it agrees. */
        default boolean holds(long row, long key) {
            return keyOf(row) == key;
        }
    }

    private final Rows rows;
    private long[] slots = new long[1 << 10];
    private int shift = 32 - 10;
    private int size;
    /** Keeps {@link #touch}'s loads from being optimised away. */
    @SuppressWarnings("unused")
    private long touched;

    /** An empty index whose rows' keys are read from {@code rows}. */
    KeyIndex(Rows rows) {
        this.rows = rows;
    }

    int size() {
        return size;
    }

    /** Maps {@code key} to {@code row} unless it is mapped already; returns the earlier row, or -1. */
    long putIfAbsent(long key, long row) {
        return putIfAbsent(hash(key), key, row);
    }

    /**
     * Maps {@code key}, whose 32-bit hash is {@code hash}, to {@code row} unless it is mapped
     * already ({@link Rows#holds}); returns the earlier row, or -1.
     */
    long putIfAbsent(int hash, long key, long row) {
        if (row < 0 || row > MAX_ROWS) {
            throw new IllegalArgumentException("row " + row + " is outside 0.." + MAX_ROWS);
        }
        int mask = slots.length - 1;
        for (int slot = hash >>> shift; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == 0) {
                slots[slot] = (long) hash << 32 | (row + 1);
                if (++size > slots.length * MAX_LOAD) {
                    grow();
                }
                return -1;
            }
            if ((int) (entry >>> 32) == hash) {
                long earlier = (entry & 0xFFFF_FFFFL) - 1;
                if (rows.holds(earlier, key)) {
                    return earlier;
                }
            }
        }
    }

    /**
     * Reads the home slot of each of {@code keys[from..to)}, so that the probes that follow find
     * them in cache: these loads do not depend on each other and overlap, where probes one after
     * another would wait for each miss in turn.
     */
    void touch(long[] keys, int from, int to) {
        long[] table = slots;
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += table[hash(keys[i]) >>> shift];
        }
        touched = sum;
    }

    /** As {@link #touch(long[], int, int)}, for keys given by their hashes. */
    void touch(int[] hashes, int from, int to) {
        long[] table = slots;
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += table[hashes[i] >>> shift];
        }
        touched = sum;
    }

    /** Grows the table at once to hold {@code keys} keys, if it would have to grow for them. */
    void reserve(long keys) {
        long capacity = slots.length;
        while (keys > capacity * MAX_LOAD && capacity < MAX_CAPACITY) {
            capacity *= 2;
        }
        if (size == 0 && slots.length < capacity) {
            // Nothing to move: the table is made at its size at once, not doubled into it step by step.
            slots = new long[(int) capacity];
            shift = 32 - Integer.numberOfTrailingZeros((int) capacity);
            return;
        }
        while (slots.length < capacity) {
            grow();
        }
    }

    private void grow() {
        if (slots.length == MAX_CAPACITY) {
            throw new IllegalStateException("more than " + size + " keys");
        }
        long[] old = slots;
        slots = new long[old.length * 2];
        shift--;
        int mask = slots.length - 1;
        for (long entry : old) {
            if (entry != 0) {
                int slot = (int) (entry >>> 32) >>> shift;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = entry;
            }
        }
    }

    /** The top 32 bits of MurmurHash3's 64-bit finaliser, so that packed keys spread evenly. */
    static int hash(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe1b85ca3L;
        h ^= h >>> 33;
        return (int) (h >>> 32);
    }
}
