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
    /**
     * Values referred to in place ({@link #appendInPlace}): the array they lie in, and each one's
     * end (its start in {@link #offsets}); null while values are in the arena.
     */
    private byte[] inPlace;
    private int[] ends = new int[0];
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
        growIfFull();
        int code = size++;
        offsets[code + 1] = end;
        hashes[code] = hash;
        return code;
    }

    /**
     * {@link #append}, referring to {@code bytes[from..to)} in place instead of copying it: for
     * values in an array that stays unchanged until the batch is merged, as a Parquet batch's
     * person ids are (1.7 GB of them at a hundred million rows). All of a dictionary's values are
     * in the one array or all in the arena: a value in another array than the first's moves the
     * values so far into the arena, and the rest are copied as {@link #append} copies them.
     */
    int appendInPlace(byte[] bytes, int from, int to, int hash) {
        if (size == 0) {
            inPlace = bytes;
        } else if (inPlace != bytes) {
            if (inPlace != null) {
                intoArena();
            }
            return append(bytes, from, to, hash);
        }
        growIfFull();
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, Math.max(256, size * 2));
        }
        int code = size++;
        offsets[code] = from;
        ends[code] = to;
        hashes[code] = hash;
        return code;
    }

    /** Copies the values referred to in place into the arena, in order, as {@link #append} would have. */
    private void intoArena() {
        byte[] bytes = inPlace;
        int[] starts = Arrays.copyOf(offsets, size);
        inPlace = null;
        // The arena is empty: values go in place only from a dictionary's first.
        offsets[0] = 0;
        for (int code = 0; code < size; code++) {
            offsets[code + 1] = arena.append(bytes, starts[code], ends[code]);
        }
    }

    private void growIfFull() {
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2 + 1);
        }
    }

    /** The array holding every value's bytes; value {@code code} is at {@code from(code)..to(code)}. */
    byte[] arena() {
        return inPlace != null ? inPlace : arena.bytes();
    }

    int from(int code) {
        return offsets[code];
    }

    int to(int code) {
        return inPlace != null ? ends[code] : offsets[code + 1];
    }

    int hash(int code) {
        return hashes[code];
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(slots, 0);
        }
        size = 0;
        inPlace = null;
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
