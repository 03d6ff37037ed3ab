package ladder.engine.io;

import java.util.Arrays;

/**
 * The set of keys (a {@code long} prefix, a text) of the rows accepted so far, each mapped to its
 * row, for the duplicate check of a pass that does not store the key's text (a streamed pass that
 * does not read person_id). A {@link KeyIndex} of codes would need every text interned into the
 * table's dictionary only to be coded; this index files a key under a hash of its prefix and of the
 * text's bytes ({@link ladder.engine.table.StringPool#hash}, which the readers have computed
 * already) and keeps each accepted row's text bytes in an append-only store, so that keys whose
 * hashes agree are told apart exactly, by their bytes, never by chance.
 *
 * <p>A row costs its slot in the index (8 bytes at 37 to 75% load), 4 bytes of offset and its
 * text's bytes; rows' prefixes are read back from where the caller keeps them ({@link KeyIndex.Rows}).
 * The store holds {@value #BLOCK_ROWS} rows a block, each block's bytes trimmed when it fills.
 */
final class TextKeyIndex {
    /** Rows a block of the text store holds. */
    static final int BLOCK_ROWS = 1 << 16;
    private static final int BLOCK_BITS = Integer.numberOfTrailingZeros(BLOCK_ROWS);

    /** Combines a prefix and its text's hash into the index's hash: any function does, a test injects a weak one. */
    interface Hash {
        int of(long prefix, int textHash);
    }

    /** A prefix and a text hash mixed by MurmurHash3's finaliser (see {@link KeyIndex}). */
    static final Hash MIXED = (prefix, textHash) -> KeyIndex.hash(prefix ^ (textHash & 0xFFFF_FFFFL) * 0x9E37_79B9_7F4A_7C15L);

    private final KeyIndex.Rows prefixes;
    private final Hash hash;
    private final KeyIndex index;
    private byte[][] blocks = new byte[16][];
    /** Per block, where each row's text ends in the block's bytes (it starts where the row before ends). */
    private int[][] ends = new int[16][];
    private long stored;
    /** The text being looked up, for {@link #holds}. */
    private byte[] probe;
    private int probeFrom;
    private int probeTo;

    /** An empty index whose rows' prefixes are read from {@code prefixes}. */
    TextKeyIndex(KeyIndex.Rows prefixes) {
        this(prefixes, MIXED);
    }

    /** An empty index hashing keys with {@code hash}. */
    TextKeyIndex(KeyIndex.Rows prefixes, Hash hash) {
        this.prefixes = prefixes;
        this.hash = hash;
        this.index = new KeyIndex(new KeyIndex.Rows() {
            @Override
            public long keyOf(long row) {
                return prefixes.keyOf(row);
            }

            @Override
            public boolean holds(long row, long prefix) {
                return prefixes.keyOf(row) == prefix && textEquals(row);
            }
        });
    }

    int size() {
        return index.size();
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
        if (row != stored) {
            throw new IllegalArgumentException("row " + row + " is not the next row, " + stored);
        }
        probe = text;
        probeFrom = from;
        probeTo = to;
        long earlier = index.putIfAbsent(keyHash, prefix, row);
        probe = null;
        if (earlier < 0) {
            store(text, from, to);
        }
        return earlier;
    }

    /** Reads ahead the index slots of keys with these index hashes (see {@link KeyIndex#touch}). */
    void touch(int[] keyHashes, int from, int to) {
        index.touch(keyHashes, from, to);
    }

    /** Grows the index at once to hold {@code keys} keys (see {@link KeyIndex#reserve}). */
    void reserve(long keys) {
        index.reserve(keys);
    }

    private boolean textEquals(long row) {
        int block = (int) (row >>> BLOCK_BITS);
        int r = (int) row & (BLOCK_ROWS - 1);
        int start = r == 0 ? 0 : ends[block][r - 1];
        return Arrays.equals(blocks[block], start, ends[block][r], probe, probeFrom, probeTo);
    }

    private void store(byte[] text, int from, int to) {
        int block = (int) (stored >>> BLOCK_BITS);
        int r = (int) stored & (BLOCK_ROWS - 1);
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
        stored++;
    }
}
