package ladder.engine.table;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An append-only dictionary of strings, coded 0, 1, 2, ... in order of first appearance.
 *
 * <p>Strings are held as UTF-8 in one {@link ByteArena} with an offset per code, and looked up
 * through an open-addressing table whose slots hold each code with its string's hash, so a pool of
 * millions of pseudonymous ids costs a few bytes per id rather than a {@code String} object and a
 * map entry each, and a probe compares bytes only when the hashes agree. Readers that already hold
 * a value's UTF-8 bytes intern them directly ({@link #intern(byte[], int, int, int)}) with the
 * hash {@link #hash(byte[], int, int)} computed wherever the bytes were parsed.
 *
 * <p>Only one thread adds. Other threads may check a guessed code against what the adding thread
 * last {@linkplain #publish() published} ({@link #publishedEquals}): arena bytes and offsets of
 * published codes never change once published, so such a check racing with additions never
 * confirms a wrong code.
 */
public final class StringPool {
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);
    /** The lookup table is grown when it is fuller than this. */
    private static final double MAX_LOAD = 0.7;

    private final ByteArena arena;
    private int[] offsets = new int[65];
    private int size;
    /**
     * The lookup table: a slot holds {@code hash << 32 | code + 1}, 0 when empty; dropped by
     * {@link #trim()} and rebuilt on the next lookup.
     */
    private volatile long[] slots = new long[64];
    private volatile Published published = Published.NONE;

    /** The pool as it stood when published: the codes below {@code size}, readable from any thread. */
    private record Published(byte[] arena, int[] offsets, int size) {
        static final Published NONE = new Published(new byte[0], new int[1], 0);
    }

    /** An empty pool. */
    public StringPool() {
        this(new ByteArena(1024));
    }

    private StringPool(ByteArena arena) {
        this.arena = arena;
    }

    public int size() {
        return size;
    }

    /**
     * A pool of the strings whose UTF-8 bytes lie end to end in {@code utf8}, string {@code i}
     * being {@code utf8[offsets[i]..offsets[i + 1])} (the layout of an Arrow string vector), as
     * {@link #trim()} leaves a pool: the lookup table is rebuilt on the first lookup. Takes the arrays.
     */
    public static StringPool restore(byte[] utf8, int[] offsets) {
        if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != utf8.length) {
            throw new IllegalArgumentException("offsets do not span the bytes");
        }
        StringPool pool = new StringPool(ByteArena.holding(utf8));
        pool.offsets = offsets;
        pool.size = offsets.length - 1;
        pool.slots = null;
        return pool;
    }

    /** The UTF-8 bytes of every string, end to end, in code order (a copy). */
    public byte[] utf8() {
        return Arrays.copyOf(arena.bytes(), offsets[size]);
    }

    /** Where each string's bytes start in {@link #utf8()}, then where the last ends: {@code size() + 1} offsets (a copy). */
    public int[] offsets() {
        return Arrays.copyOf(offsets, size + 1);
    }

    /** The code of {@code value}, adding it if new. Not thread-safe: only a builder adds. */
    public int intern(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return intern(bytes, 0, bytes.length, hash(bytes, 0, bytes.length));
    }

    /**
     * The code of the string whose UTF-8 bytes are {@code bytes[from..to)}, adding it if new;
     * {@code hash} must be {@link #hash(byte[], int, int)} of those bytes. Not thread-safe.
     */
    public int intern(byte[] bytes, int from, int to, int hash) {
        long[] table = index();
        int slot = probe(table, bytes, from, to, hash);
        return table[slot] == 0 ? add(bytes, from, to, hash, slot) : codeOf(table[slot]);
    }

    /** The code of {@code value}, or -1 if it is not in the pool. */
    public int find(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        long[] table = index();
        int slot = probe(table, bytes, 0, bytes.length, hash(bytes, 0, bytes.length));
        return table[slot] == 0 ? -1 : codeOf(table[slot]);
    }

    /**
     * Makes every value added so far visible to {@link #publishedEquals} on other threads. Called
     * by the adding thread.
     */
    public void publish() {
        published = new Published(arena.bytes(), offsets, size);
    }

    /**
     * Whether published code {@code code} stands for the string whose UTF-8 bytes are
     * {@code bytes[from..to)}: a reader that can guess a value's code (the one after the last it
     * found, as rows often come in the order of an earlier year's) checks the guess without a
     * lookup. Safe from any thread while one thread adds.
     */
    public boolean publishedEquals(int code, byte[] bytes, int from, int to) {
        Published pool = published;
        return code >= 0 && code < pool.size()
                && Arrays.equals(pool.arena(), pool.offsets()[code], pool.offsets()[code + 1], bytes, from, to);
    }

    /**
     * The code of the string {@code bytes[from..to)}, whose hash is {@code hash}, if it was
     * published, else -1: callable from any thread while the adding thread goes on. The lookup
     * table is read as it stands (each slot atomically), so a string added since may be missed or
     * a slot seen half-moved; but a code is only answered once {@link #publishedEquals} confirms
     * its bytes, so a wrong code never is.
     */
    public int findPublished(byte[] bytes, int from, int to, int hash) {
        long[] table = slots;
        if (table == null) {
            return -1;
        }
        int mask = table.length - 1;
        for (int slot = hash & mask, probes = 0; probes < table.length; slot = (slot + 1) & mask, probes++) {
            long entry = (long) SLOTS.getOpaque(table, slot);
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry >>> 32) == hash && publishedEquals(codeOf(entry), bytes, from, to)) {
                return codeOf(entry);
            }
        }
        return -1;
    }

    public String get(int code) {
        if (code < 0 || code >= size) {
            throw new IndexOutOfBoundsException("code " + code + " of a pool of " + size);
        }
        return new String(arena.bytes(), offsets[code], offsets[code + 1] - offsets[code], StandardCharsets.UTF_8);
    }

    /** Bytes held by the arena, offsets and lookup table. */
    public long bytes() {
        long[] s = slots;
        return arena.bytes().length + 4L * offsets.length + (s == null ? 0 : 8L * s.length);
    }

    /**
     * Releases spare capacity and the lookup table, once no more values will be added: a pool of
     * millions of ids then holds only their bytes and one offset each. A later lookup rebuilds the
     * table.
     */
    public void trim() {
        // The lookup tables go first, so that their memory is free for the copies.
        published = Published.NONE;
        slots = null;
        arena.trim();
        offsets = Arrays.copyOf(offsets, size + 1);
    }

    /**
     * The hash the pool files {@code bytes[from..to)} under: eight bytes at a time, each word
     * multiplied and rotated into the state, then a final avalanche (as in SplitMix64), so that
     * ids differing in their last digit spread over the whole table.
     */
    public static int hash(byte[] bytes, int from, int to) {
        long h = hashStart(to - from);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = hashStep(h, (long) WORDS.get(bytes, i));
        }
        if (i < to) {
            h = hashStep(h, tail(bytes, i, to));
        }
        return hashEnd(h);
    }

    /** {@link #hash}'s state before the words of a text of {@code length} bytes, for a caller that reads them anyway. */
    public static long hashStart(int length) {
        return 0x9E37_79B9_7F4A_7C15L ^ length;
    }

    /** {@link #hash}'s state after {@code word}: the text's next eight bytes, little-endian, or its last, zero above its end. */
    public static long hashStep(long h, long word) {
        return Long.rotateLeft(h ^ word * 0xC2B2_AE3D_27D4_EB4FL, 31) * 0x9E37_79B9_7F4A_7C15L;
    }

    /** {@link #hash} of the state after the text's words. */
    public static int hashEnd(long h) {
        h = (h ^ (h >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return (int) (h ^ (h >>> 31));
    }

    /** The 1 to 7 bytes {@code bytes[i..to)} as a little-endian word, zero above them. */
    public static long tail(byte[] bytes, int i, int to) {
        if (i + 8 <= bytes.length) {
            return (long) WORDS.get(bytes, i) & (-1L >>> (64 - 8 * (to - i)));
        }
        long tail = 0;
        for (int k = 0; i + k < to; k++) {
            tail |= (bytes[i + k] & 0xFFL) << (8 * k);
        }
        return tail;
    }

    private static int codeOf(long entry) {
        return (int) entry - 1;
    }

    private long[] index() {
        long[] s = slots;
        return s != null ? s : rebuildIndex();
    }

    private synchronized long[] rebuildIndex() {
        if (slots == null) {
            int capacity = 64;
            while (size > capacity * MAX_LOAD) {
                capacity *= 2;
            }
            long[] table = new long[capacity];
            for (int code = 0; code < size; code++) {
                place(table, hash(arena.bytes(), offsets[code], offsets[code + 1]), code);
            }
            slots = table;
        }
        return slots;
    }

    private int add(byte[] bytes, int from, int to, int hash, int slot) {
        int end = arena.append(bytes, from, to);
        if (size + 2 > offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        int code = size++;
        offsets[code + 1] = end;
        long[] table = index();
        table[slot] = entry(hash, code);
        if (size > table.length * MAX_LOAD) {
            grow(table);
        }
        return code;
    }

    /**
     * Reads the home slots of the strings whose hashes are {@code hashes[from..to)}, and then the
     * first byte of each string a home slot files under the same hash, so that the cache misses of
     * interning them next come together instead of one by one: in a pool of millions of strings
     * each lookup misses the cache, and each string found misses it again. Returns a value only so
     * that the reads are not optimised away.
     */
    public long touch(int[] hashes, int from, int to) {
        long[] table = index();
        int mask = table.length - 1;
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += table[hashes[i] & mask];
        }
        byte[] bytes = arena.bytes();
        for (int i = from; i < to; i++) {
            long entry = table[hashes[i] & mask];
            if (entry != 0 && (int) (entry >>> 32) == hashes[i]) {
                int start = offsets[codeOf(entry)];
                sum += start < bytes.length ? bytes[start] : 0;
            }
        }
        return sum;
    }

    /** Doubles the lookup table, placing every entry by the hash its slot holds: no string is read. */
    private void grow(long[] table) {
        long[] bigger = new long[table.length * 2];
        for (long entry : table) {
            if (entry != 0) {
                place(bigger, (int) (entry >>> 32), codeOf(entry));
            }
        }
        slots = bigger;
    }

    private static void place(long[] table, int hash, int code) {
        int mask = table.length - 1;
        int slot = hash & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = entry(hash, code);
    }

    private static long entry(int hash, int code) {
        return (long) hash << 32 | (code + 1L);
    }

    /**
     * The slot of {@code table} that holds the string {@code bytes[from..to)} whose hash is
     * {@code hash}, or else the empty slot where it would go.
     */
    private int probe(long[] table, byte[] bytes, int from, int to, int hash) {
        int mask = table.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            long entry = table[slot];
            if (entry == 0 || (int) (entry >>> 32) == hash && equalsAt(codeOf(entry), bytes, from, to)) {
                return slot;
            }
        }
    }

    private boolean equalsAt(int code, byte[] bytes, int from, int to) {
        return Arrays.equals(arena.bytes(), offsets[code], offsets[code + 1], bytes, from, to);
    }
}
