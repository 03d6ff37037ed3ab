package ladder.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The primitive map agrees with {@link HashMap#putIfAbsent} on random keys, through many resizes. */
class LongLongMapTest {

    @Test
    void agreesWithHashMap() {
        Random random = new Random(7);
        LongLongMap map = new LongLongMap();
        Map<Long, Long> reference = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            // Few distinct high bits and many repeats, as packed (employer, year, person) keys have.
            long key = random.nextInt(4) == 0 ? random.nextLong() : (long) random.nextInt(50_000) << 38 | random.nextInt(300);
            long value = 1 + random.nextInt(Integer.MAX_VALUE);
            Long earlier = reference.putIfAbsent(key, value);
            assertEquals(earlier == null ? 0 : earlier, map.putIfAbsent(key, value));
        }
        assertEquals(reference.size(), map.size());
    }

    @Test
    void zeroCannotBeStored() {
        assertThrows(IllegalArgumentException.class, () -> new LongLongMap().putIfAbsent(1, 0));
    }
}
