package ladder.engine.io.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import ladder.engine.io.arrow.ArrowTables.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the Parquet reader does: its extension, and refusing bytes that are not Parquet. */
class ParquetReaderTest {
    @TempDir
    Path dir;

    private final ParquetReader reader = new ParquetReader();
    private final RecordingSink sink = new RecordingSink();

    private void assertUnreadable(Path file) {
        LadderException e = assertThrows(LadderException.class,
                () -> reader.read(file, Schema.EMPLOYEES, sink, warning -> { }));
        assertTrue(e.getMessage().startsWith(file + ": not a readable Parquet file ("), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(List.of(), sink.records);
    }

    @Test
    void handlesParquetNamesInAnyCase() {
        assertTrue(reader.handles(Path.of("a.parquet")));
        assertTrue(reader.handles(Path.of("b.PARQUET")));
        assertFalse(reader.handles(Path.of("c.parq")));
        assertFalse(reader.handles(Path.of("d.parquet.csv")));
        assertEquals(List.of(".parquet"), reader.extensions());
    }

    @Test
    void refusesRandomBytesAnEmptyFileAndAnArrowFileNamedParquet() throws IOException {
        byte[] bytes = new byte[4096];
        new Random(11).nextBytes(bytes);
        assertUnreadable(ArrowTables.writeBytes(dir, "random.parquet", bytes));
        assertUnreadable(ArrowTables.writeBytes(dir, "empty.parquet", new byte[0]));
        Path arrow = Format.ARROW_FILE.write(dir, "employees", Employees.typed(Employees.ROWS), 10);
        assertUnreadable(Files.copy(arrow, dir.resolve("employees.parquet")));
    }

    @Test
    void refusesATruncatedFile() throws IOException {
        byte[] bytes = Files.readAllBytes(Format.PARQUET.write(dir, "whole", Employees.typed(Employees.numbered(500)), 100));

        assertUnreadable(ArrowTables.writeBytes(dir, "cut.parquet", Arrays.copyOf(bytes, bytes.length / 2)));
    }

    @Test
    void readsAFileWhosePathNeedsEscapingInAUri() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("pooled data #1 (100%)"));

        Path file = Format.PARQUET.write(sub, "employees 2023", Employees.typed(Employees.ROWS), 10);
        reader.read(file, Schema.EMPLOYEES, sink, warning -> { });

        assertEquals(Employees.ROWS, sink.values());
    }

    @Test
    void refusesAFileThatDoesNotExist() {
        Path file = dir.resolve("nowhere.parquet");

        LadderException e = assertThrows(LadderException.class,
                () -> reader.read(file, Schema.EMPLOYEES, sink, warning -> { }));

        assertEquals(file + ": no such file", e.getMessage());
    }
}
