package ladder.engine.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import ladder.engine.LadderException;
import ladder.engine.table.Chunk;
import ladder.engine.table.Column;
import ladder.engine.table.Table;
import org.junit.jupiter.api.Test;

/**
 * Filters as a hostile but realistic user writes them (generated, pasted, thousands of terms):
 * each is parsed and evaluated or refused with one short line, never a stack overflow or a
 * message of a hundred kilobytes.
 */
class FilterLimitsTest {
    private static final Table TABLE = FilterTables.employees(5, 1_000);

    /** Asserts {@code e} is one line of less than 1,000 characters, and returns its message. */
    static String oneLine(LadderException e) {
        String message = e.getMessage();
        assertTrue(message.indexOf('\n') < 0 && message.indexOf('\r') < 0, message);
        assertTrue(message.length() < 1_000, () -> message.length() + " characters: " + message.substring(0, 200));
        return message;
    }

    private static LadderException refused(String filter) {
        return assertThrows(LadderException.class, () -> FilterParser.parse(filter, TABLE));
    }

    /** The rows the filter selects, across all chunks, as one mask per chunk. */
    private static List<long[]> select(String filter) {
        Filter parsed = FilterParser.parse(filter, TABLE);
        List<long[]> masks = new ArrayList<>();
        for (Chunk chunk : TABLE.chunks()) {
            masks.add(parsed.select(chunk));
        }
        return masks;
    }

    /** The masks of the rows whose grade passes {@code grade}. */
    private static List<long[]> rowsWhereGrade(IntPredicate grade) {
        Column column = TABLE.column("grade");
        List<long[]> masks = new ArrayList<>();
        for (Chunk chunk : TABLE.chunks()) {
            long[] mask = Filter.words(chunk.rows());
            for (int r = 0; r < chunk.rows(); r++) {
                if (grade.test(Integer.parseInt(column.label(chunk.codes(column).get(r))))) {
                    mask[r >>> 6] |= 1L << r;
                }
            }
            masks.add(mask);
        }
        return masks;
    }

    private static void assertSameRows(List<long[]> expected, List<long[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int c = 0; c < expected.size(); c++) {
            assertArrayEquals(expected.get(c), actual.get(c), "chunk " + c);
        }
    }

    @Test
    void parenthesesFourThousandDeepAreRefusedInOneLine() {
        String deep = "(".repeat(4_000) + "grade = 1" + ")".repeat(4_000);
        String message = oneLine(refused(deep));
        assertTrue(message.contains("nest more than " + FilterParser.MAX_DEPTH + " deep"), message);
        assertTrue(message.contains("at position " + (FilterParser.MAX_DEPTH + 1) + " "), message);

        String allowed = "(".repeat(FilterParser.MAX_DEPTH) + "grade = 1" + ")".repeat(FilterParser.MAX_DEPTH);
        assertSameRows(rowsWhereGrade(g -> g == 1), select(allowed));
    }

    @Test
    void twentyFiveThousandNotsAreRefusedInOneLine() {
        String message = oneLine(refused("not ".repeat(25_000) + "grade = 1"));
        assertTrue(message.contains("nest more than " + FilterParser.MAX_DEPTH + " deep"), message);

        assertSameRows(rowsWhereGrade(g -> g == 1), select("not ".repeat(FilterParser.MAX_DEPTH) + "grade = 1"));
        assertSameRows(rowsWhereGrade(g -> g != 1), select("not ".repeat(FilterParser.MAX_DEPTH - 1) + "grade = 1"));
    }

    @Test
    void anEightThousandTermOrChainIsEvaluatedInALoop() {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < 8_000; i++) {
            terms.add("grade = " + (i % 3 + 1));
        }
        Filter parsed = FilterParser.parse(String.join(" or ", terms), TABLE);
        assertEquals(8_000, ((Filter.Or) parsed).terms().size());
        assertSameRows(rowsWhereGrade(g -> g <= 3), select(String.join(" or ", terms)));

        List<String> ands = new ArrayList<>();
        for (int i = 0; i < 8_000; i++) {
            ands.add("grade " + (i % 2 == 0 ? "<= 4" : ">= 2"));
        }
        assertSameRows(rowsWhereGrade(g -> g >= 2 && g <= 4), select(String.join(" and ", ands)));
        // and binds tighter than or, however long the chains
        assertSameRows(rowsWhereGrade(g -> g == 1 || g == 5),
                select("grade = 1 or " + String.join(" and ", ands) + " and grade = 6 or grade = 5"));
    }

    @Test
    void aTwelveThousandValueListWorksAndItsMistakeIsQuotedBriefly() {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 12_000; i++) {
            values.append(i == 0 ? "" : ", ").append(i % 2 + 2);
        }
        assertSameRows(rowsWhereGrade(g -> g == 2 || g == 3), select("grade in (" + values + ")"));

        String message = oneLine(refused("grade in (" + values + ", nine, " + values + ")"));
        assertTrue(message.contains("'nine' is not a value of grade"), message);
        assertTrue(message.startsWith("filter '...2, 3, ") && message.contains(", 3, nine, 2, "), message);
        assertTrue(message.contains(", 3, ...' at position "), message);
    }

    @Test
    void aMessageQuotesLineBreaksAsEscapesAndCutsLongWords() {
        String message = oneLine(refused("grade = 1 and\ngender = \"" + "x".repeat(5_000) + "\""));
        assertTrue(message.contains("and\\ngender"), message);
        assertTrue(message.contains("'" + "x".repeat(40) + "...' is not a value of gender"), message);

        message = oneLine(refused("grade = 1 and (" + "x".repeat(3_000)));
        assertTrue(message.contains("no column '" + "x".repeat(40) + "...'"), message);
        message = oneLine(refused("grade in (1, 2" + ", 3".repeat(3_000)));
        assertTrue(message.endsWith("expected ')' at the end"), message);
        message = oneLine(refused("gender = 'woman" + " x".repeat(3_000)));
        assertTrue(message.endsWith("the quote is never closed"), message);
    }
}
