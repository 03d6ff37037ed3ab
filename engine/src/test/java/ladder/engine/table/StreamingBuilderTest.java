package ladder.engine.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a streaming builder holds once its chunks are handed on: the key's codes of every sealed
 * row where it keeps the person (a duplicate check of codes reads them back through codeAt), and
 * nothing where it does not (a check of persons' bytes never asks).
 */
class StreamingBuilderTest {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void sealedKeysAreHeldOnlyWhereThePersonIs(boolean person) {
        List<Table> handed = new ArrayList<>();
        TableBuilder builder = TableBuilder.streaming(Schema.EMPLOYEES, 100, 2,
                person ? List.of("year", "person_id") : List.of("year"), handed::add);
        Schema schema = Schema.EMPLOYEES;
        int fields = schema.fields().size();
        int employer = schema.indexOf("employer_id");
        int year = schema.indexOf("year");
        int personColumn = schema.indexOf("person_id");
        int rows = 1_000;
        int[][] codes = new int[fields][];
        double[][] decimals = new double[fields][];
        for (int c = 0; c < fields; c++) {
            if (schema.fields().get(c).kind() == Field.Kind.DECIMAL) {
                decimals[c] = new double[rows];
            } else {
                codes[c] = new int[rows];
            }
        }
        int e1 = builder.intern(employer, "E1");
        for (int i = 0; i < rows; i++) {
            codes[employer][i] = e1;
            codes[year][i] = i % 5;
            if (person) {
                codes[personColumn][i] = builder.intern(personColumn, "p" + i);
            }
        }
        builder.appendRows(codes, decimals, 0, rows);
        assertEquals(5, handed.size(), "ten chunks of 100 rows, handed on two at a time");
        if (person) {
            assertEquals(10, builder.heldChunks());
            assertEquals(3, builder.codeAt(year, 123));
            assertEquals(builder.intern(personColumn, "p123"), builder.codeAt(personColumn, 123));
        } else {
            assertEquals(0, builder.heldChunks(), "a stream that keeps no person holds no sealed chunk");
            assertThrows(IllegalStateException.class, () -> builder.codeAt(year, 123));
        }
    }
}
