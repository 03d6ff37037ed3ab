package ladder.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.table.Chunk;
import ladder.engine.table.Codes;
import ladder.engine.table.Column;
import ladder.engine.table.Decimals;
import ladder.engine.table.Table;
import ladder.engine.table.TableBuilder;

/**
 * What loading one file produced (the table, the counts, the rejected-rows file's text), for
 * checking that a fast way of loading ends exactly where the reference way does.
 */
public record LoadOutcome(Table table, LoadReport report, String rejects) {

    /**
     * Loads {@code file} alone into a table of chunks of 7 rows (so that chunks are many), through
     * {@link SourceReader#load} if {@code fast}, else record by record through
     * {@link SourceReader#read}; the rejected rows go to a new file in {@code dir}.
     */
    public static LoadOutcome of(Path file, Path dir, SourceReader reader, boolean fast) throws IOException {
        TableBuilder builder = new TableBuilder(Schema.EMPLOYEES, 7);
        Path rejectsFile = Files.createTempFile(dir, "rejects", ".csv");
        List<String> warnings = new ArrayList<>();
        LoadReport report;
        try (RejectsWriter rejects = RejectsWriter.toFile(rejectsFile)) {
            RowValidator validator = new RowValidator(Schema.EMPLOYEES, builder, rejects);
            if (fast) {
                reader.load(file, Schema.EMPLOYEES, validator, warnings::add);
            } else {
                reader.read(file, Schema.EMPLOYEES, validator, warnings::add);
            }
            rejects.commit();
            report = new LoadReport(List.of(file.toString()), validator.read(), validator.accepted(),
                    validator.rejected(), rejects.byCategory(), rejects.first(), warnings, rejectsFile);
        }
        return new LoadOutcome(builder.build(), report, Files.readString(rejectsFile));
    }

    /** Asserts that this outcome is {@code expected}'s: counts, rejections, warnings and table, value for value. */
    public void assertSameAs(LoadOutcome expected, String where) {
        assertEquals(expected.rejects(), rejects(), where);
        assertEquals(expected.report().read(), report().read(), where);
        assertEquals(expected.report().accepted(), report().accepted(), where);
        assertEquals(expected.report().rejectedByRule(), report().rejectedByRule(), where);
        assertEquals(expected.report().warnings(), report().warnings(), where);
        assertSameTable(expected.table(), table(), where);
    }

    /** Two tables are the same: columns, dictionaries in code order, code ranges, chunks and every value. */
    public static void assertSameTable(Table expected, Table actual, String where) {
        assertEquals(expected.rows(), actual.rows(), where);
        assertEquals(expected.chunks().size(), actual.chunks().size(), where);
        for (int c = 0; c < expected.columns().size(); c++) {
            Column e = expected.columns().get(c);
            Column a = actual.columns().get(c);
            String column = where + ", column " + e.name();
            assertEquals(e.minCode(), a.minCode(), column);
            assertEquals(e.maxCode(), a.maxCode(), column);
            if (e.field() != null && e.field().kind() == Field.Kind.TEXT) {
                assertEquals(e.labels(0, e.cardinality() - 1), a.labels(0, a.cardinality() - 1), column);
            }
        }
        for (int k = 0; k < expected.chunks().size(); k++) {
            Chunk e = expected.chunks().get(k);
            Chunk a = actual.chunks().get(k);
            assertEquals(e.rows(), a.rows(), where);
            for (int c = 0; c < expected.columns().size(); c++) {
                assertSameColumn(e, a, c, where + ", chunk " + k + ", column " + expected.columns().get(c).name());
            }
        }
    }

    /** Column {@code c} of chunk {@code a} holds the codes or values (and nulls) of {@code e}'s, in the same form. */
    public static void assertSameColumn(Chunk e, Chunk a, int c, String column) {
        Codes ec = e.codes()[c];
        Codes ac = a.codes()[c];
        if (ec != null) {
            assertEquals(ec.getClass(), ac.getClass(), column);
            for (int r = 0; r < ec.size(); r++) {
                assertEquals(ec.get(r), ac.get(r), column);
            }
        } else {
            Decimals ed = e.decimals()[c];
            Decimals ad = a.decimals()[c];
            assertEquals(ed.getClass(), ad.getClass(), column);
            assertArrayEquals(ed.nulls(), ad.nulls(), column);
            for (int r = 0; r < ed.size(); r++) {
                assertEquals(Double.doubleToRawLongBits(ed.get(r)), Double.doubleToRawLongBits(ad.get(r)), column);
            }
        }
    }
}
