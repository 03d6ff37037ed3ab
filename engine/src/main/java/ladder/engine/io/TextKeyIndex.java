package ladder.engine.io;

import java.util.Arrays;
import ladder.engine.table.StringPool;

/**
 * The set of keys (a {@code long} prefix, a text) of the rows accepted so far, each mapped to its
 * row, for the duplicate check of a pass that does not store the key's text (a streamed pass that
 * does not read person_id). A {@link KeyIndex} of codes would need every text interned into the
 * table's dictionary only to be coded; this index files a key under a hash of its prefix and of the
 * text's bytes ({@link ladder.engine.table.StringPool#hash}, which the readers have computed
 * already) and keeps each accepted row's text bytes in an append-only store, so that keys whose
 * hashes agree are told apart exactly, by their bytes, never by chance.
 *
 * <p>Keys are filed by prefix (an employer and a year): each prefix has a table of its own, of
 * slots holding {@code hash << 32 | row + 1} (0 marks a slot empty), with open addressing and
 * linear probing, doubled when three quarters full. Files hold an employer's year together (as
 * employers send them, one file a year), so the rows that follow one another probe one small
 * table, which stays in cache, where one table for all keys would take a cache miss a row at a
 * hundred million rows; and a slot need not name its prefix, nor a hash match read one back.
 *
 * <p>A prefix's table is folded when the next row's prefix is another. Until then its keys are
 * the rows that followed its first (the rows are numbered as they are mapped), so folding keeps
 * nothing but that first row and the number of keys: the table is given back for the next prefix
 * to take, at the length the folded one's keys needed. A pool whose files hold an employer's year
 * together so holds one table at a time, where tables of every prefix held 8 bytes a slot at 37 to
 * 75% load (1.3 GB at a hundred million rows, memory the machine must also clear before it is
 * used), and no table but the first grows step by step. A row of a folded prefix unfolds its table
 * again: its keys' hashes are made again from their texts, kept in the store or read back from
 * their files ({@link Texts#hash}), and that prefix stays unfolded from then on. In a pool whose
 * rows mix prefixes, each table is folded once, when it holds a key or a few, and the tables are
 * what they were.
 *
 * <p>A row costs its slot while its prefix's table is held, and 4 bytes of offset and its text's
 * bytes, or nothing where its text can be read back from its file ({@link Texts}).
 * The store holds {@value #BLOCK_ROWS} rows a block, each block's bytes trimmed when it fills.
 */
final class TextKeyIndex {
    /** Rows a block of the text store holds. */
    static final int BLOCK_ROWS = 1 << 16;
    private static final int BLOCK_BITS = Integer.numberOfTrailingZeros(BLOCK_ROWS);
    private static final int FIRST_SLOTS = 16;

    /** Combines a prefix and its text's hash into the index's hash: any function does, a test injects a weak one. */
    interface Hash {
        int of(long prefix, int textHash);
    }

    /** Accepted rows' texts, for an index that keeps no text of its own. */
    interface Texts {
        /** Whether accepted row {@code row}'s text is {@code text[from..to)}. */
        boolean holds(long row, byte[] text, int from, int to);

        /** The {@link StringPool#hash} of accepted row {@code row}'s text, which a folded table is made again from. */
        int hash(long row);
    }

    /**
     * The text's hash (mixed already) with the prefix's, by MurmurHash3's finaliser (see
     * {@link KeyIndex}): a one-to-one function of the text's hash within a prefix, so that two
     * texts of one prefix agree only where their text hashes do (once in 2^32 pairs), where a
     * 64-bit mix cut to 32 bits let them agree by either, twice as often.
     */
    static final Hash MIXED = (prefix, textHash) -> textHash ^ KeyIndex.hash(prefix);

    /**
     * One prefix's keys: unfolded, slots of {@code hash << 32 | row + 1}, {@code slots[base..base + mask]};
     * folded ({@code slots} null), rows {@code firstRow..firstRow + size - 1}.
     */
    private static final class Group {
        final long prefix;
        long[] slots;
        int base;
        int mask;
        int size;
        /** The row of its first key: until it is first left, its keys are the rows that follow. */
        long firstRow;
        /** Never folded again, once unfolded. */
        boolean stays;

        Group(long prefix) {
            this.prefix = prefix;
        }
    }

    /**
     * Longs of a chunk of slots, made as tables need them: made in the young generation, each is
     * copied once to the old, where an array a table would be copied as it grows.
     */
    private static final int CHUNK = 1 << 20;
    /** {@link #CHUNK}, or less for a test of tables that outgrow a chunk. */
    private final int chunkLength;
    /** The chunk tables are cut from, and where its free part starts. */
    private long[] chunk = new long[0];
    private int chunkUsed;
    /** The length of table the keys of the group folded last needed: the next group's first. */
    private int lastFoldedLength = FIRST_SLOTS;
    /** Tables given up by a group that grew or folded, by log2 of their length, for another group to take. */
    private long[][][] freeArrays = new long[31][][];
    private int[][] freeBases = new int[31][];
    private int[] freeCount = new int[31];

    private final Hash hash;
    /** Where rows' texts are read back from, or null where the index keeps them ({@link #store}). */
    private final Texts texts;
    /** The groups by prefix: open addressing over {@link #prefixes}, a null group marking a free slot. */
    private long[] prefixes = new long[64];
    private Group[] groups = new Group[64];
    private int groupCount;
    /** The group last looked up, as the next row's is most often the same. */
    private long lastPrefix;
    private Group last;
    private long size;
    private byte[][] blocks = new byte[16][];
    /** Per block, where each row's text ends in the block's bytes (it starts where the row before ends). */
    private int[][] ends = new int[16][];
    /** Keeps {@link #touch}'s loads from being optimised away. */
    @SuppressWarnings("unused")
    private long touched;

    /** An empty index. */
    TextKeyIndex() {
        this(MIXED);
    }

    /** An empty index hashing keys with {@code hash}. */
    TextKeyIndex(Hash hash) {
        this(hash, null);
    }

    /**
     * An empty index that keeps no text but reads a row's back from {@code texts} when a key's
     * hash agrees with the row's: 12 bytes a row fewer for ids of 8, a read of a file instead of
     * the bytes kept where they agree. The stored hash is all 32 bits and a table's home slot
     * only its low bits, so a key agrees by chance with one of its prefix about once in
     * 2^(32 - log2 of the table's slots) keys: once in 2^18 where an employer's year has ten
     * thousand keys, once in 2^21 where it has a thousand.
     */
    TextKeyIndex(Hash hash, Texts texts) {
        this(hash, texts, CHUNK);
    }

    /** An index whose chunks of slots are {@code chunkLength} long (a power of two, at least {@value #FIRST_SLOTS}). */
    TextKeyIndex(Hash hash, Texts texts, int chunkLength) {
        this.hash = hash;
        this.texts = texts;
        this.chunkLength = chunkLength;
    }

    long size() {
        return size;
    }

    /** The slots of the tables held now (each group's unfolded table), for a test of what folding saves. */
    long slotsHeld() {
        long slots = 0;
        for (Group group : groups) {
            if (group != null && group.slots != null) {
                slots += group.mask + 1;
            }
        }
        return slots;
    }

    /** The index's hash of a key whose text's {@link ladder.engine.table.StringPool#hash} is {@code textHash}. */
    int hash(long prefix, int textHash) {
        return hash.of(prefix, textHash);
    }

    /**
     * Maps the key ({@code prefix}, {@code text[from..to)}) whose index hash is {@code keyHash}
     * ({@link #hash}) to {@code row} unless it is mapped already; returns the earlier row, or -1.
     * Rows are mapped in order: {@code row} must be the number of rows mapped so far.
     */
    long putIfAbsent(long prefix, byte[] text, int from, int to, int keyHash, long row) {
        if (row != size) {
            throw new IllegalArgumentException("row " + row + " is not the next row, " + size);
        }
        if (row > KeyIndex.MAX_ROWS) {
            throw new IllegalArgumentException("row " + row + " is outside 0.." + KeyIndex.MAX_ROWS);
        }
        Group group = last != null && prefix == lastPrefix ? last : switchTo(prefix);
        long[] slots = group.slots;
        int base = group.base;
        int mask = group.mask;
        for (int slot = keyHash & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[base + slot];
            if (entry == 0) {
                slots[base + slot] = (long) keyHash << 32 | (row + 1);
                store(text, from, to);
                size++;
                if (++group.size > (mask + 1) / 4 * 3) {
                    grow(group);
                }
                return -1;
            }
            if ((int) (entry >>> 32) == keyHash) {
                long earlier = (entry & 0xFFFF_FFFFL) - 1;
                if (textEquals(earlier, text, from, to)) {
                    return earlier;
                }
            }
        }
    }

    /**
     * Reads ahead the slots of the keys {@code prefixes[from..to)} with these index hashes, so that
     * the probes that follow find them in cache where the keys' prefixes change from row to row
     * (see {@link KeyIndex#touch}); a prefix not yet met, or folded, has nothing to read.
     */
    void touch(long[] prefixes, int[] keyHashes, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            Group group = prefixes[i] == lastPrefix && last != null ? last : find(prefixes[i]);
            if (group != null && group.slots != null) {
                sum += group.slots[group.base + (keyHashes[i] & group.mask)];
            }
        }
        touched = sum;
    }

    /**
     * The unfolded group of {@code prefix}, which is not the last row's: the last row's group is
     * folded unless it stays, and {@code prefix}'s is made (with a table of the length the group
     * folded last had) or unfolded.
     */
    private Group switchTo(long prefix) {
        if (last != null && !last.stays) {
            fold(last);
        }
        int slot = slotOf(prefix);
        Group group = groups[slot];
        if (group == null) {
            group = groups[slot] = new Group(prefix);
            take(group, lastFoldedLength);
            group.firstRow = size;
            prefixes[slot] = prefix;
            if (++groupCount > groups.length / 4 * 3) {
                growGroups();
            }
        } else if (group.slots == null) {
            unfold(group);
        }
        lastPrefix = prefix;
        last = group;
        return group;
    }

    /** The group of {@code prefix}, or null if it has none. */
    private Group find(long prefix) {
        return groups[slotOf(prefix)];
    }

    /** The slot of {@link #groups} that holds {@code prefix}'s group, or the free one it would take. */
    private int slotOf(long prefix) {
        int mask = groups.length - 1;
        int slot = KeyIndex.hash(prefix) & mask;
        while (groups[slot] != null && prefixes[slot] != prefix) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /**
     * Gives {@code group}'s table up: its keys are the rows from its first. The next group's table is made at the length this one's keys need, not at this one's
     * (which a group of few keys after one of many took), so that the groups that follow a large
     * one do not each clear a large table.
     */
    private void fold(Group group) {
        int length = group.mask + 1;
        giveUp(group.slots, group.base, length);
        lastFoldedLength = lengthFor(group.size);
        group.slots = null;
    }

    /** The length of a table {@code keys} keys fill no more than three quarters of. */
    private static int lengthFor(int keys) {
        int length = FIRST_SLOTS;
        while (keys > length / 4 * 3) {
            length *= 2;
        }
        return length;
    }

    /**
     * Makes {@code group}'s table again, its keys' hashes from their rows' texts; it stays unfolded
     * from now on, as its later keys do not follow its first.
     */
    private void unfold(Group group) {
        take(group, lengthFor(group.size));
        long[] slots = group.slots;
        int base = group.base;
        int mask = group.mask;
        for (int key = 0; key < group.size; key++) {
            long row = group.firstRow + key;
            int keyHash = hash.of(group.prefix, textHash(row));
            int slot = keyHash & mask;
            while (slots[base + slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[base + slot] = (long) keyHash << 32 | (row + 1);
        }
        group.stays = true;
    }

    private void growGroups() {
        long[] oldPrefixes = prefixes;
        Group[] oldGroups = groups;
        prefixes = new long[oldPrefixes.length * 2];
        groups = new Group[oldGroups.length * 2];
        int mask = groups.length - 1;
        for (int k = 0; k < oldGroups.length; k++) {
            if (oldGroups[k] != null) {
                int slot = KeyIndex.hash(oldPrefixes[k]) & mask;
                while (groups[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                groups[slot] = oldGroups[k];
                prefixes[slot] = oldPrefixes[k];
            }
        }
    }

    /** Gives {@code group} an empty table of {@code length} slots (a power of two). */
    private void take(Group group, int length) {
        int log = Integer.numberOfTrailingZeros(length);
        int free = freeCount[log];
        if (free > 0) {
            freeCount[log] = --free;
            group.slots = freeArrays[log][free];
            group.base = freeBases[log][free];
            freeArrays[log][free] = null;
            Arrays.fill(group.slots, group.base, group.base + length, 0L);
        } else if (length > chunkLength) {
            group.slots = new long[length];
            group.base = 0;
        } else {
            if (length > chunk.length - chunkUsed) {
                chunk = new long[chunkLength];
                chunkUsed = 0;
            }
            group.slots = chunk;
            group.base = chunkUsed;
            chunkUsed += length;
        }
        group.mask = length - 1;
    }

    /** Keeps a table given up, for a group that grows to its length. */
    private void giveUp(long[] slots, int base, int length) {
        int log = Integer.numberOfTrailingZeros(length);
        int free = freeCount[log];
        if (freeArrays[log] == null || free == freeArrays[log].length) {
            int more = Math.max(16, 2 * free);
            freeArrays[log] = freeArrays[log] == null ? new long[more][] : Arrays.copyOf(freeArrays[log], more);
            freeBases[log] = freeBases[log] == null ? new int[more] : Arrays.copyOf(freeBases[log], more);
        }
        freeArrays[log][free] = slots;
        freeBases[log][free] = base;
        freeCount[log] = free + 1;
    }

    private void grow(Group group) {
        int length = group.mask + 1;
        if (length == 1 << 30) {
            throw new IllegalStateException("more than " + group.size + " keys of one prefix");
        }
        long[] old = group.slots;
        int oldBase = group.base;
        take(group, length * 2);
        long[] slots = group.slots;
        int base = group.base;
        int mask = group.mask;
        for (int k = oldBase; k < oldBase + length; k++) {
            long entry = old[k];
            if (entry != 0) {
                int slot = (int) (entry >>> 32) & mask;
                while (slots[base + slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[base + slot] = entry;
            }
        }
        giveUp(old, oldBase, length);
    }

    private boolean textEquals(long row, byte[] text, int from, int to) {
        if (texts != null) {
            return texts.holds(row, text, from, to);
        }
        return Arrays.equals(blocks[blockOf(row)], storedStart(row), storedEnd(row), text, from, to);
    }

    /** The {@link StringPool#hash} of row {@code row}'s text, kept or read back. */
    private int textHash(long row) {
        if (texts != null) {
            return texts.hash(row);
        }
        return StringPool.hash(blocks[blockOf(row)], storedStart(row), storedEnd(row));
    }

    private static int blockOf(long row) {
        return (int) (row >>> BLOCK_BITS);
    }

    /** Where row {@code row}'s text starts in its block's bytes: where the row before it ends. */
    private int storedStart(long row) {
        int r = (int) row & (BLOCK_ROWS - 1);
        return r == 0 ? 0 : ends[blockOf(row)][r - 1];
    }

    private int storedEnd(long row) {
        return ends[blockOf(row)][(int) row & (BLOCK_ROWS - 1)];
    }

    private void store(byte[] text, int from, int to) {
        if (texts != null) {
            return;
        }
        // Called before the row is counted: the row being stored is row size.
        int block = (int) (size >>> BLOCK_BITS);
        int r = (int) size & (BLOCK_ROWS - 1);
        if (r == 0) {
            if (block == blocks.length) {
                blocks = Arrays.copyOf(blocks, 2 * block);
                ends = Arrays.copyOf(ends, 2 * block);
            }
            if (block > 0) {
                blocks[block - 1] = Arrays.copyOf(blocks[block - 1], ends[block - 1][BLOCK_ROWS - 1]);
            }
            // Room for the block's rows at its first text's length: ids are of about one length.
            blocks[block] = new byte[(int) Math.min(1 << 24, (long) BLOCK_ROWS * Math.max(4, to - from))];
            ends[block] = new int[BLOCK_ROWS];
        }
        int start = r == 0 ? 0 : ends[block][r - 1];
        int end = start + (to - from);
        if (end < 0) {
            throw new IllegalStateException("more than 2 GiB of key text in " + BLOCK_ROWS + " rows");
        }
        byte[] bytes = blocks[block];
        if (end > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(end, 2L * bytes.length)));
            blocks[block] = bytes;
        }
        System.arraycopy(text, from, bytes, start, to - from);
        ends[block][r] = end;
    }
}
