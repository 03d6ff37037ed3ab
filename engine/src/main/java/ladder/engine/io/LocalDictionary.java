package ladder.engine.io;

import java.util.Arrays;
import ladder.engine.table.ByteArena;

/**
 * The values of one text column within one {@link RowBatch}, coded 0, 1, 2, ... in order of first
 * appearance, each kept as its UTF-8 bytes with its {@link ladder.engine.table.StringPool} hash: a
 * reader thread codes values here, and the merge looks each value up in the table's dictionary
 * once per batch instead of once per row. Values are distinct ({@link #intern}) except in a
 * column whose values nearly all are anyway ({@link #append}).
 */
final class LocalDictionary {
    private final ByteArena arena = new ByteArena(1 << 12);
    private int[] offsets = new int[257];
    private int[] hashes = new int[256];
    private int size;
    /** Open addressing: code + 1, 0 when empty. */
    private int[] slots = new int[512];

    int size() {
        return size;
    }

    /** The code of the value {@code bytes[from..to)} whose pool hash is {@code hash}, adding it if new. */
    int intern(byte[] bytes, int from, int to, int hash) {
        int mask = slots.length - 1;
        int slot = hash & mask;
        for (int entry; (entry = slots[slot]) != 0; slot = (slot + 1) & mask) {
            int code = entry - 1;
            if (hashes[code] == hash
                    && Arrays.equals(arena.bytes(), offsets[code], offsets[code + 1], bytes, from, to)) {
                return code;
            }
        }
        return add(bytes, from, to, hash, slot);
    }

    /**
     * Adds the value {@code bytes[from..to)} whose pool hash is {@code hash} without looking for
     * it first, and returns its new code: for a column whose values are nearly all distinct (a
     * person's id), where a lookup would almost never find the value and costs a cache miss in a
     * table of a batch's size. The merge interns each code's value on its own, so a value added
     * twice still gets one table code. A dictionary is either added to this way or by
     * {@link #intern}, never both.
     */
    int append(byte[] bytes, int from, int to, int hash) {
        int end = arena.append(bytes, from, to);
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2 + 1);
        }
        int code = size++;
        offsets[code + 1] = end;
        hashes[code] = hash;
        return code;
    }

    /** The arena holding every value's bytes; value {@code code} is at {@code from(code)..to(code)}. */
    byte[] arena() {
        return arena.bytes();
    }

    int from(int code) {
        return offsets[code];
    }

    int to(int code) {
        return offsets[code + 1];
    }

    int hash(int code) {
        return hashes[code];
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(slots, 0);
        }
        size = 0;
        arena.clear();
    }

    private int add(byte[] bytes, int from, int to, int hash, int slot) {
        int code = append(bytes, from, to, hash);
        slots[slot] = code + 1;
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        return code;
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        int mask = capacity - 1;
        for (int code = 0; code < size; code++) {
            int slot = hashes[code] & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = code + 1;
        }
    }
}
