package ladder.engine.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ladder.engine.LadderException;
import ladder.engine.table.Table;
import org.junit.jupiter.api.Test;

/** Filters that crashed the parser when {@link FilterFuzzTest} found them, each refused in one line now. */
class FilterRegressionsTest {
    private static final Table TABLE = FilterTables.employees(5, 100);

    private static String refusal(String filter) {
        return FilterLimitsTest.oneLine(assertThrows(LadderException.class, () -> FilterParser.parse(filter, TABLE)));
    }

    /**
     * FilterFuzzTest mutated filters, seed 5004158 (bench/run-fuzz 12000 5000000): a list of
     * values for a decimal column threw an IllegalStateException ("hourly_pay is not coded").
     */
    @Test
    void aListOfValuesForADecimalIsRefused() {
        assertEquals("filter 'hourly_pay in (3, 4)' at position 12 ('in'): hourly_pay is a decimal, not coded:"
                + " compare it with =, !=, <, <=, > or >=, joined by 'or' for several values", refusal("hourly_pay in (3, 4)"));
        assertEquals("filter 'bonus not in (1)' at position 11 ('in'): bonus is a decimal, not coded:"
                + " compare it with =, !=, <, <=, > or >=, joined by 'or' for several values", refusal("bonus not in (1)"));
    }
}
