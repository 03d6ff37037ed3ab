package ladder.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link LocalDictionary#appendInPlace} against {@link LocalDictionary#append} on random values:
 * every code's bytes and hash the same, whether the values stay in one array, move to the arena
 * when one comes from another array, or the dictionary is cleared and used again.
 */
class LocalDictionaryInPlaceTest {
    @Test
    void valuesReferredToInPlaceReadAsCopiedOnes() {
        for (long seed = 1; seed <= 40; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            LocalDictionary inPlace = new LocalDictionary();
            for (int round = 0; round < 3; round++) {
                LocalDictionary copied = new LocalDictionary();
                byte[] first = new byte[2_000];
                random.nextBytes(first);
                byte[] other = new byte[300];
                random.nextBytes(other);
                int values = random.nextInt(600);
                // Where (if anywhere) a value of another array comes: the values so far then move into the arena.
                int switchAt = random.nextBoolean() ? random.nextInt(values + 1) : values;
                for (int k = 0; k < values; k++) {
                    byte[] bytes = k == switchAt ? other : first;
                    int from = random.nextInt(bytes.length - 20);
                    int to = from + random.nextInt(20);
                    int hash = random.nextInt();
                    assertEquals(copied.append(bytes, from, to, hash), inPlace.appendInPlace(bytes, from, to, hash));
                }
                assertEquals(copied.size(), inPlace.size());
                for (int code = 0; code < values; code++) {
                    assertEquals(copied.hash(code), inPlace.hash(code));
                    assertArrayEquals(Arrays.copyOfRange(copied.arena(), copied.from(code), copied.to(code)),
                            Arrays.copyOfRange(inPlace.arena(), inPlace.from(code), inPlace.to(code)),
                            "seed " + seed + ", round " + round + ", code " + code + " of " + values + ", switch at " + switchAt);
                }
                if (values > 0 && switchAt == values) {
                    assertSame(first, inPlace.arena(), "no copy while every value is in the one array");
                }
                inPlace.clear();
            }
        }
    }
}
