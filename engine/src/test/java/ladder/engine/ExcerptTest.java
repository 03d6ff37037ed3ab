package ladder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Quoting what the user typed in one bounded line. */
class ExcerptTest {
    @Test
    void cutsLongTextAndEscapesLineBreaksAndControls() {
        assertEquals("short", Excerpt.of("short", 10));
        assertEquals("abcde...", Excerpt.of("abcdefghij", 5));
        assertEquals("a\\nb\\r\\tc\\u0000\\u2028\\u007f", Excerpt.of("a\nb\r\tc\u0000\u2028\u007f", 20));
        // a surrogate pair is never split
        assertEquals("ab...", Excerpt.of("ab\uD83D\uDE00cd", 3));
    }

    @Test
    void quotesAroundAPositionWithCutMarkers() {
        String text = "0123456789abcdefghij";
        assertEquals("...789abc...", Excerpt.around(text, 10, 3));
        assertEquals("01234...", Excerpt.around(text, 2, 3));
        assertEquals("...ghij", Excerpt.around(text, 20, 4));
        assertEquals(text, Excerpt.around(text, 10, 10));
    }

    @Test
    void namesTheFirstFewOfAList() {
        assertEquals("a, b", Excerpt.firstFew(List.of("a", "b"), 3));
        assertEquals("a, b, c and 2 more", Excerpt.firstFew(List.of("a", "b", "c", "d", "e"), 3));
    }
}
