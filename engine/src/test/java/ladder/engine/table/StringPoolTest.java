package ladder.engine.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The string pool against a HashMap on random strings, through growth and trimming. */
class StringPoolTest {

    @Test
    void agreesWithAMapThroughGrowthAndTrim() {
        StringPool pool = new StringPool();
        Map<String, Integer> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 20_000; i++) {
                String s = random.nextInt(4) == 0 ? "" : "P" + random.nextInt(30_000) + (random.nextBoolean() ? "é" : "");
                Integer expected = reference.computeIfAbsent(s, k -> reference.size());
                assertEquals(expected, pool.intern(s));
            }
            pool.trim();
            long trimmed = pool.bytes();
            for (Map.Entry<String, Integer> e : reference.entrySet()) {
                assertEquals(e.getValue(), pool.find(e.getKey()));
                assertEquals(e.getKey(), pool.get(e.getValue()));
            }
            assertEquals(-1, pool.find("absent"));
            assertTrue(pool.bytes() > trimmed, "a lookup after trim rebuilds the index");
        }
        assertEquals(reference.size(), pool.size());
        assertThrows(IndexOutOfBoundsException.class, () -> pool.get(pool.size()));
    }
}
