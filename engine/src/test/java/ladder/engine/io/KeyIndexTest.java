package ladder.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The key index agrees with {@link HashMap#putIfAbsent} on random keys, through many resizes. */
class KeyIndexTest {

    @Test
    void agreesWithHashMap() {
        Random random = new Random(7);
        long[] keyOfRow = new long[200_000];
        KeyIndex index = new KeyIndex(row -> keyOfRow[(int) row]);
        Map<Long, Long> reference = new HashMap<>();
        long rows = 0;
        for (int i = 0; i < 200_000; i++) {
            // Few distinct high bits and many repeats, as packed (employer, year, person) keys have.
            long key = random.nextInt(4) == 0 ? random.nextLong() : (long) random.nextInt(50_000) << 38 | random.nextInt(300);
            Long earlier = reference.putIfAbsent(key, rows);
            assertEquals(earlier == null ? -1 : earlier, index.putIfAbsent(key, rows));
            if (earlier == null) {
                keyOfRow[(int) rows++] = key;
            }
        }
        assertEquals(reference.size(), index.size());
    }

    @Test
    void keysWhoseHashBitsAgreeAreToldApartByTheirRows() {
        long[] keyOfRow = new long[3];
        KeyIndex index = new KeyIndex(row -> keyOfRow[(int) row]);
        // Keys differing only in bits the hash's top half ignores would collide; any two keys do here through keyOf.
        keyOfRow[0] = 1;
        keyOfRow[1] = 2;
        assertEquals(-1, index.putIfAbsent(1, 0));
        assertEquals(-1, index.putIfAbsent(2, 1));
        assertEquals(0, index.putIfAbsent(1, 2));
        assertEquals(1, index.putIfAbsent(2, 2));
    }

    @Test
    void rowsMustFitIn32Bits() {
        assertThrows(IllegalArgumentException.class, () -> new KeyIndex(row -> 0).putIfAbsent(1, KeyIndex.MAX_ROWS + 1));
    }
}
