package ladder.engine.table;

import java.util.Arrays;

/**
 * Byte strings stored end to end in one array that doubles when full, so that a dictionary of
 * millions of values holds their bytes in one array rather than an object each. The arena keeps
 * no boundaries: its owner records where each value ends, as {@link #append} returns it.
 */
public final class ByteArena {
    private byte[] bytes;
    private int size;

    /** An empty arena with room for {@code capacity} bytes before it first grows. */
    public ByteArena(int capacity) {
        this.bytes = new byte[capacity];
    }

    /** An arena holding {@code bytes} (taken, not copied), as if appended and trimmed. */
    public static ByteArena holding(byte[] bytes) {
        ByteArena arena = new ByteArena(0);
        arena.bytes = bytes;
        arena.size = bytes.length;
        return arena;
    }

    /** Appends {@code source[from..to)} and returns the offset where those bytes end. */
    public int append(byte[] source, int from, int to) {
        int length = to - from;
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
        }
        System.arraycopy(source, from, bytes, size, length);
        size += length;
        return size;
    }

    /**
     * The array holding the appended bytes from offset 0; its length is the arena's capacity. An
     * append may copy them to a larger array, but never changes a byte appended since the last
     * {@link #clear}, in this array or the new one.
     */
    public byte[] bytes() {
        return bytes;
    }

    /** Empties the arena, keeping its array for the next values. */
    public void clear() {
        size = 0;
    }

    /** Releases the spare capacity, once no more bytes will be appended. */
    public void trim() {
        bytes = Arrays.copyOf(bytes, size);
    }
}
