package ladder.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ladder.engine.table.StringPool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The index of (prefix, text) keys agrees with {@link HashMap#putIfAbsent} on random keys, through
 * many resizes and store blocks, with its own hash and with weak ones that make most or all keys'
 * hashes agree, so that only the stored bytes tell them apart.
 */
class TextKeyIndexTest {

    /** Accepted rows' texts read back from a list, as a load reads them back from their files. */
    private static final class ListTexts implements TextKeyIndex.Texts {
        private final List<String> textOfRow;
        /** The rows whose hash was asked for, to show that a folded table is made again from them. */
        final List<Long> hashed = new ArrayList<>();

        ListTexts(List<String> textOfRow) {
            this.textOfRow = textOfRow;
        }

        @Override
        public boolean holds(long row, byte[] text, int from, int to) {
            return textOfRow.get((int) row).equals(new String(text, from, to - from, StandardCharsets.UTF_8));
        }

        @Override
        public int hash(long row) {
            hashed.add(row);
            byte[] bytes = textOfRow.get((int) row).getBytes(StandardCharsets.UTF_8);
            return StringPool.hash(bytes, 0, bytes.length);
        }
    }

    /** 0: the index's hash; 1: only 3 bits of the text's hash; 2: every key the same hash. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void agreesWithHashMap(int weakness) {
        agreesWithHashMap(weakness, false);
    }

    /** The same with no text kept: a row's text is read back (from a list here, from its file in a load) where hashes agree. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void agreesWithHashMapReadingTextsBack(int weakness) {
        agreesWithHashMap(weakness, true);
    }

    private void agreesWithHashMap(int weakness, boolean back) {
        TextKeyIndex.Hash hash = weakness == 0 ? TextKeyIndex.MIXED
                : weakness == 1 ? (prefix, textHash) -> textHash & 7 : (prefix, textHash) -> 42;
        // A weak hash makes every probe walk a cluster (quadratic), so it gets fewer keys than the real one.
        int keys = weakness == 2 ? 3_000 : weakness == 1 ? 20_000 : 200_000;
        Random random = new Random(11 + weakness);
        List<Long> prefixOfRow = new ArrayList<>();
        List<String> textOfRow = new ArrayList<>();
        TextKeyIndex index = back ? new TextKeyIndex(hash, new ListTexts(textOfRow)) : new TextKeyIndex(hash);
        Map<List<Object>, Long> reference = new HashMap<>();
        for (int i = 0; i < keys; i++) {
            // Prefixes enough that their groups' table grows, many repeats; texts of every length, some
            // sharing their first 8 bytes.
            long prefix = (long) random.nextInt(50) << 35 | random.nextInt(4);
            String text = random.nextInt(3) == 0 ? "person-" + random.nextInt(keys / 4) : "p" + random.nextInt(keys);
            byte[] bytes = ("<" + text + ">").getBytes(StandardCharsets.UTF_8);
            int from = 1;
            int to = bytes.length - 1;
            Long earlier = reference.putIfAbsent(List.of(prefix, text), (long) prefixOfRow.size());
            int keyHash = index.hash(prefix, StringPool.hash(bytes, from, to));
            if (i % 1000 == 0) {
                index.touch(new long[] {prefix, prefix + 1}, new int[] {keyHash, keyHash}, 0, 2);
            }
            assertEquals(earlier == null ? -1 : earlier,
                    index.putIfAbsent(prefix, bytes, from, to, keyHash, prefixOfRow.size()), prefix + " " + text);
            if (earlier == null) {
                prefixOfRow.add(prefix);
                textOfRow.add(text);
            }
        }
        assertEquals(reference.size(), index.size());
        if (weakness == 0) {
            assertEquals(true, index.size() > 2 * TextKeyIndex.BLOCK_ROWS, "the test spans several store blocks");
        }
    }

    /**
     * Keys in bursts of one prefix, as files that hold an employer's year together give them, with
     * prefixes met again later (files that do not): the tables folded when their prefix is left and
     * unfolded when it comes back give what a HashMap gives, with the texts kept or read back, under
     * the index's hash and under one that makes most keys' hashes agree.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void foldedTablesAgreeWithHashMap(int variant) {
        boolean back = variant % 2 == 1;
        TextKeyIndex.Hash hash = variant < 2 ? TextKeyIndex.MIXED : (prefix, textHash) -> textHash & 15;
        Random random = new Random(5 + variant);
        List<String> textOfRow = new ArrayList<>();
        // Chunks of 256 slots: tables outgrow them.
        TextKeyIndex index = new TextKeyIndex(hash, back ? new ListTexts(textOfRow) : null, 256);
        Map<List<Object>, Long> reference = new HashMap<>();
        for (int burst = 0; burst < 400; burst++) {
            long prefix = (long) random.nextInt(60) << 32;
            int keys = random.nextInt(3) == 0 ? 1 + random.nextInt(5) : 1 + random.nextInt(600);
            for (int k = 0; k < keys; k++) {
                String text = "p" + random.nextInt(2_000);
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                Long earlier = reference.putIfAbsent(List.of(prefix, text), (long) textOfRow.size());
                int keyHash = index.hash(prefix, StringPool.hash(bytes, 0, bytes.length));
                if (k % 50 == 0) {
                    index.touch(new long[] {prefix, prefix ^ 1L << 32}, new int[] {keyHash, keyHash}, 0, 2);
                }
                assertEquals(earlier == null ? -1 : earlier,
                        index.putIfAbsent(prefix, bytes, 0, bytes.length, keyHash, textOfRow.size()), prefix + " " + text);
                if (earlier == null) {
                    textOfRow.add(text);
                }
            }
        }
        assertEquals(reference.size(), index.size());
    }

    /**
     * Prefixes that come one after another, each once, hold one table between them: each is folded
     * when the next begins. Without folding, the 300 prefixes of 1,000 keys would hold a table of
     * 2,048 slots each.
     */
    @Test
    void prefixesLeftHoldNoTable() {
        TextKeyIndex index = new TextKeyIndex();
        long row = 0;
        for (int prefix = 0; prefix < 300; prefix++) {
            for (int person = 0; person < 1_000; person++) {
                byte[] text = ("p" + person).getBytes(StandardCharsets.UTF_8);
                assertEquals(-1, index.putIfAbsent(prefix, text, 0, text.length,
                        index.hash(prefix, StringPool.hash(text, 0, text.length)), row++));
            }
        }
        assertEquals(2_048, index.slotsHeld());
        byte[] again = "p7".getBytes(StandardCharsets.UTF_8);
        assertEquals(5_007, index.putIfAbsent(5, again, 0, 2, index.hash(5, StringPool.hash(again, 0, 2)), row),
                "a folded prefix's key is found again");
        assertEquals(2_048, index.slotsHeld(), "the prefix met again is unfolded, the one left folded");
    }

    /**
     * A folded prefix keeps nothing of its keys but where their rows start: met again, its table is
     * made again from its rows' texts, read back (one hash a row, the rows of its keys and no other),
     * and its keys are found as before.
     */
    @Test
    void aFoldedTableIsMadeAgainFromItsRowsTexts() {
        List<String> textOfRow = new ArrayList<>();
        ListTexts texts = new ListTexts(textOfRow);
        TextKeyIndex index = new TextKeyIndex(TextKeyIndex.MIXED, texts);
        for (int prefix = 0; prefix < 3; prefix++) {
            for (int person = 0; person < 1_000; person++) {
                byte[] text = ("p" + person).getBytes(StandardCharsets.UTF_8);
                assertEquals(-1, index.putIfAbsent(prefix, text, 0, text.length,
                        index.hash(prefix, StringPool.hash(text, 0, text.length)), textOfRow.size()));
                textOfRow.add("p" + person);
            }
        }
        assertEquals(List.of(), texts.hashed, "no table was made again while each prefix came once");
        byte[] again = "p7".getBytes(StandardCharsets.UTF_8);
        assertEquals(1_007, index.putIfAbsent(1, again, 0, 2, index.hash(1, StringPool.hash(again, 0, 2)), 3_000));
        assertEquals(java.util.stream.LongStream.range(1_000, 2_000).boxed().toList(), texts.hashed);
        byte[] other = "q".getBytes(StandardCharsets.UTF_8);
        assertEquals(-1, index.putIfAbsent(1, other, 0, 1, index.hash(1, StringPool.hash(other, 0, 1)), 3_000));
        textOfRow.add("q");
        byte[] last = "p999".getBytes(StandardCharsets.UTF_8);
        assertEquals(1_999, index.putIfAbsent(1, last, 0, 4, index.hash(1, StringPool.hash(last, 0, 4)), 3_001));
        assertEquals(1_000, texts.hashed.size(), "an unfolded prefix stays: its table is not made again");
    }

    /**
     * After a prefix of many keys, the prefixes of one key that follow take a table of the length
     * their keys need, not the large one's: else each would clear a table of 16,384 slots.
     */
    @Test
    void aSmallPrefixAfterALargeOneTakesASmallTable() {
        TextKeyIndex index = new TextKeyIndex();
        long row = 0;
        for (int person = 0; person < 10_000; person++) {
            byte[] text = ("p" + person).getBytes(StandardCharsets.UTF_8);
            index.putIfAbsent(0, text, 0, text.length, index.hash(0, StringPool.hash(text, 0, text.length)), row++);
        }
        byte[] one = "p".getBytes(StandardCharsets.UTF_8);
        for (long prefix = 1; prefix <= 3; prefix++) {
            assertEquals(-1, index.putIfAbsent(prefix, one, 0, 1, index.hash(prefix, StringPool.hash(one, 0, 1)), row++));
        }
        assertEquals(16, index.slotsHeld(), "the last prefix's table, of the 16 slots its one key needs");
    }

    @Test
    void theSameTextUnderAnotherPrefixIsAnotherKey() {
        List<Long> prefixOfRow = List.of(1L, 2L);
        TextKeyIndex index = new TextKeyIndex((prefix, textHash) -> 0);
        byte[] p = "P1".getBytes(StandardCharsets.UTF_8);
        assertEquals(-1, index.putIfAbsent(1, p, 0, 2, 0, 0));
        assertEquals(-1, index.putIfAbsent(2, p, 0, 2, 0, 1));
        assertEquals(1, index.putIfAbsent(2, p, 0, 2, 0, 2));
        assertEquals(0, index.putIfAbsent(1, p, 0, 2, 0, 2));
        assertEquals(-1, index.putIfAbsent(1, p, 0, 1, 0, 2), "a text that is a prefix of another is another");
    }

    /**
     * A pool of many small files, each announcing its rows: the room made for each must not be a
     * chunk of its own, which the tables cut from it would keep: 3,000 of 16 MB, as the first
     * reservation made, run the test's heap (2 GiB) out of memory.
     */
    @Test
    void manySmallFilesShareTheRoomMadeForThem() {
        TextKeyIndex index = new TextKeyIndex();
        long row = 0;
        for (int file = 0; file < 3_000; file++) {
            for (int person = 0; person < 20; person++) {
                byte[] text = ("p" + person).getBytes(StandardCharsets.UTF_8);
                long prefix = (long) file << 8;
                assertEquals(-1, index.putIfAbsent(prefix, text, 0, text.length,
                        index.hash(prefix, StringPool.hash(text, 0, text.length)), row++));
            }
        }
        assertEquals(60_000, index.size());
    }

    @Test
    void rowsComeInOrder() {
        TextKeyIndex index = new TextKeyIndex();
        assertThrows(IllegalArgumentException.class, () -> index.putIfAbsent(0, new byte[1], 0, 1, 0, 1));
    }
}
