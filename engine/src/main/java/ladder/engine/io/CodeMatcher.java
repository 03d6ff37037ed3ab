package ladder.engine.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import ladder.engine.contract.Codebook;

/**
 * Finds the code an answer names, straight from its bytes, for one coded column on one reader
 * thread. It is a memo in front of {@link Codebook#indexOf}, which stays the only judge of what an
 * answer means: an ASCII answer not seen before is looked up there once (as text) and, if it names
 * a code, remembered by its lower-cased bytes, so later rows match it without making a string.
 * Answers holding non-ASCII bytes are not matched here (Unicode case rules are the codebook's
 * business): they, and answers that name no code, go the exact text path.
 *
 * <p>The codes spelled exactly as the codebook spells them, what most files hold, are found first
 * through a perfect hash of their length and first eight bytes: one multiplication, one slot, one
 * comparison of words. Other spellings go to the memo, where answers are compared eight bytes at a
 * time: with each remembered answer goes a mask of {@code 0x20} at its letters, and ASCII
 * {@code x} matches letter {@code l} ignoring case exactly when {@code (x | 0x20) == l}, while
 * other bytes must be equal.
 */
final class CodeMatcher {
    /** A codebook's codes and labels, in whatever case, fit comfortably; past this nothing more is remembered. */
    private static final int REMEMBERED = 96;
    private static final int SLOTS = 256;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final long CASE_BITS = 0x2020_2020_2020_2020L;

    private static final int EXACT_SLOTS = 64;

    private final Codebook codebook;
    /** The perfect hash's multiplier: codes land in distinct slots of {@code 2^6} by their top six bits. */
    private final long multiplier;
    /** Per exact slot: the code's length (0 when empty), first word, further words, and codebook index. */
    private final int[] exactLengths = new int[EXACT_SLOTS];
    private final long[] exactFirst = new long[EXACT_SLOTS];
    private final long[][] exactRest = new long[EXACT_SLOTS][];
    private final int[] exactIndices = new int[EXACT_SLOTS];
    /** Per slot: the remembered answer lower-cased, as little-endian words; null when empty. */
    private final long[][] answers = new long[SLOTS][];
    /** Per slot: {@code 0x20} at the answer's letters. */
    private final long[][] letters = new long[SLOTS][];
    private final int[] lengths = new int[SLOTS];
    private final int[] indices = new int[SLOTS];
    private int size;

    CodeMatcher(Codebook codebook) {
        this.codebook = codebook;
        this.multiplier = perfectMultiplier(codebook);
        for (String code : codebook.codes()) {
            byte[] bytes = code.getBytes(StandardCharsets.US_ASCII);
            long first = word(bytes, 0, bytes.length);
            int slot = exactSlot(first, bytes.length, multiplier);
            exactLengths[slot] = bytes.length;
            exactFirst[slot] = first;
            exactRest[slot] = new long[Math.max(0, (bytes.length - 1) >>> 3)];
            for (int k = 0; k < exactRest[slot].length; k++) {
                exactRest[slot][k] = word(bytes, 8 * (k + 1), bytes.length);
            }
            exactIndices[slot] = codebook.indexOf(code);
        }
    }

    /** A multiplier under which the codebook's codes all take different exact slots (found by trying odd numbers). */
    private static long perfectMultiplier(Codebook codebook) {
        long candidate = 0x9E37_79B9_7F4A_7C15L;
        while (true) {
            boolean[] taken = new boolean[EXACT_SLOTS];
            boolean distinct = true;
            for (String code : codebook.codes()) {
                byte[] bytes = code.getBytes(StandardCharsets.US_ASCII);
                int slot = exactSlot(word(bytes, 0, bytes.length), bytes.length, candidate);
                distinct &= !taken[slot];
                taken[slot] = true;
            }
            if (distinct) {
                return candidate;
            }
            candidate = candidate * 0x5851_F42D_4C95_7F2DL + 0x1405_7B7E_F767_814FL | 1;
        }
    }

    private static int exactSlot(long first, int length, long multiplier) {
        return (int) (((first + length) * multiplier) >>> 58);
    }

    /**
     * The codebook index of the answer {@code bytes[from..to)} (trimmed, non-empty), or -1 if it
     * names no code or holds bytes that are not ASCII.
     */
    int match(byte[] bytes, int from, int to) {
        int length = to - from;
        long first = word(bytes, from, to);
        int exact = exactSlot(first, length, multiplier);
        if (exactLengths[exact] == length && exactFirst[exact] == first && restEquals(exact, bytes, from, to)) {
            return exactIndices[exact];
        }
        if ((first & HIGH_BITS) != 0) {
            return -1;
        }
        long mixed = ((first | CASE_BITS) + length) * 0x9E37_79B9_7F4A_7C15L;
        int slot = (int) (mixed >>> 56);
        for (; answers[slot] != null; slot = (slot + 1) & (SLOTS - 1)) {
            if (lengths[slot] == length && matches(slot, bytes, from, to)) {
                return indices[slot];
            }
        }
        return lookUp(bytes, from, to, slot);
    }

    /** Asks the codebook, and remembers an answer that names a code in {@code slot}. */
    private int lookUp(byte[] bytes, int from, int to, int slot) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return -1;
            }
        }
        int index = codebook.indexOf(new String(bytes, from, to - from, StandardCharsets.US_ASCII));
        if (index >= 0 && size < REMEMBERED) {
            int words = (to - from + 7) >>> 3;
            long[] lower = new long[words];
            long[] letter = new long[words];
            for (int k = 0; k < words; k++) {
                long w = word(bytes, from + 8 * k, to);
                for (int b = 0; b < 8; b++) {
                    int c = (int) (w >>> (8 * b)) & 0xFF;
                    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                        letter[k] |= 0x20L << (8 * b);
                    }
                }
                lower[k] = w | letter[k];
            }
            answers[slot] = lower;
            letters[slot] = letter;
            lengths[slot] = to - from;
            indices[slot] = index;
            size++;
        }
        return index;
    }

    private boolean restEquals(int slot, byte[] bytes, int from, int to) {
        long[] rest = exactRest[slot];
        for (int k = 0; k < rest.length; k++) {
            if (word(bytes, from + 8 * (k + 1), to) != rest[k]) {
                return false;
            }
        }
        return true;
    }

    private boolean matches(int slot, byte[] bytes, int from, int to) {
        long[] lower = answers[slot];
        long[] letter = letters[slot];
        for (int k = 0; k < lower.length; k++) {
            if ((word(bytes, from + 8 * k, to) | letter[k]) != lower[k]) {
                return false;
            }
        }
        return true;
    }

    /** Up to eight bytes of {@code bytes[i..to)} as a little-endian word, zero past {@code to}. */
    private static long word(byte[] bytes, int i, int to) {
        int remaining = to - i;
        if (remaining >= 8) {
            return (long) WORDS.get(bytes, i);
        }
        if (i + 8 <= bytes.length) {
            return (long) WORDS.get(bytes, i) & ((1L << (remaining << 3)) - 1);
        }
        long w = 0;
        for (int k = 0; k < remaining; k++) {
            w |= (bytes[i + k] & 0xFFL) << (k << 3);
        }
        return w;
    }
}
