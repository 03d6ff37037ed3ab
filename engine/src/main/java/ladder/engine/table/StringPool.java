package ladder.engine.table;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An append-only dictionary of strings, coded 0, 1, 2, ... in order of first appearance.
 *
 * <p>Strings are held as UTF-8 in one byte arena with an offset per code, and looked up through an
 * open-addressing table of codes, so a pool of millions of pseudonymous ids costs a few bytes per
 * id rather than a {@code String} object and a map entry each.
 */
public final class StringPool {
    private byte[] arena = new byte[1024];
    private int arenaSize;
    private int[] offsets = new int[65];
    private int size;
    /** The lookup table; dropped by {@link #trim()} and rebuilt on the next lookup. */
    private volatile int[] slots = emptySlots(64);

    private static int[] emptySlots(int n) {
        int[] s = new int[n];
        Arrays.fill(s, -1);
        return s;
    }

    public int size() {
        return size;
    }

    /** The code of {@code value}, adding it if new. Not thread-safe: only a builder adds. */
    public int intern(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int hash = hash(bytes, 0, bytes.length);
        int[] slots = index();
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int code = slots[slot];
            if (code < 0) {
                return add(bytes, slot);
            }
            if (equalsAt(code, bytes)) {
                return code;
            }
        }
    }

    /** The code of {@code value}, or -1 if it is not in the pool. */
    public int find(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int[] slots = index();
        int mask = slots.length - 1;
        for (int slot = hash(bytes, 0, bytes.length) & mask; ; slot = (slot + 1) & mask) {
            int code = slots[slot];
            if (code < 0) {
                return -1;
            }
            if (equalsAt(code, bytes)) {
                return code;
            }
        }
    }

    public String get(int code) {
        if (code < 0 || code >= size) {
            throw new IndexOutOfBoundsException("code " + code + " of a pool of " + size);
        }
        return new String(arena, offsets[code], offsets[code + 1] - offsets[code], StandardCharsets.UTF_8);
    }

    /** Bytes held by the arena, offsets and lookup table. */
    public long bytes() {
        int[] s = slots;
        return arena.length + 4L * offsets.length + (s == null ? 0 : 4L * s.length);
    }

    /**
     * Releases spare capacity and the lookup table, once no more values will be added: a pool of
     * millions of ids then holds only their bytes and one offset each. A later lookup rebuilds the
     * table.
     */
    public void trim() {
        arena = Arrays.copyOf(arena, arenaSize);
        offsets = Arrays.copyOf(offsets, size + 1);
        slots = null;
    }

    private int[] index() {
        int[] s = slots;
        return s != null ? s : rebuildIndex();
    }

    private synchronized int[] rebuildIndex() {
        if (slots == null) {
            slots = buildSlots(Integer.highestOneBit(Math.max(32, size)) * 4);
        }
        return slots;
    }

    private int add(byte[] bytes, int slot) {
        if (arenaSize + bytes.length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + bytes.length));
        }
        System.arraycopy(bytes, 0, arena, arenaSize, bytes.length);
        arenaSize += bytes.length;
        if (size + 2 > offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        int code = size++;
        offsets[code + 1] = arenaSize;
        int[] slots = index();
        slots[slot] = code;
        if (size * 2 > slots.length) {
            this.slots = buildSlots(slots.length * 2);
        }
        return code;
    }

    private int[] buildSlots(int capacity) {
        int[] table = emptySlots(capacity);
        int mask = capacity - 1;
        for (int code = 0; code < size; code++) {
            int slot = hash(arena, offsets[code], offsets[code + 1]) & mask;
            while (table[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = code;
        }
        return table;
    }

    private boolean equalsAt(int code, byte[] bytes) {
        int from = offsets[code];
        return Arrays.equals(arena, from, offsets[code + 1], bytes, 0, bytes.length);
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = 0x9E3779B9;
        for (int i = from; i < to; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return h ^ (h >>> 15);
    }
}
