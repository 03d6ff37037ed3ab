package ladder.engine.io.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The row group a row read back is in, empty row groups (legal in Parquet) among them. */
class ParquetKeyTextsTest {

    @Test
    void aRowIsInTheGroupThatHoldsItPastEmptyGroups() {
        // Groups of 100, 0, 0, 50 and 0 rows.
        long[] firstRows = {0, 100, 100, 100, 150, 150};
        assertEquals(0, ParquetKeyTexts.groupOf(firstRows, 0));
        assertEquals(0, ParquetKeyTexts.groupOf(firstRows, 99));
        assertEquals(3, ParquetKeyTexts.groupOf(firstRows, 100), "not an empty group starting at 100");
        assertEquals(3, ParquetKeyTexts.groupOf(firstRows, 149));
        assertEquals(-1, ParquetKeyTexts.groupOf(firstRows, 150));
        assertEquals(-1, ParquetKeyTexts.groupOf(firstRows, -1));
        assertEquals(-1, ParquetKeyTexts.groupOf(new long[] {0}, 0), "a file of no row groups");
    }
}
