package ladder.engine.io.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import ladder.engine.io.arrow.ArrowTables.Column;
import ladder.engine.io.arrow.ArrowTables.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the Arrow IPC reader does: its extensions, and refusing bytes that are not Arrow IPC. */
class ArrowIpcReaderTest {
    @TempDir
    Path dir;

    private final ArrowIpcReader reader = new ArrowIpcReader();
    private final RecordingSink sink = new RecordingSink();

    private void read(Path file) {
        reader.read(file, Schema.EMPLOYEES, sink, warning -> { });
    }

    private void assertUnreadable(Path file) {
        LadderException e = assertThrows(LadderException.class, () -> read(file));
        assertTrue(e.getMessage().startsWith(file + ": not a readable Arrow IPC file ("), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void handlesArrowFeatherAndIpcNamesInAnyCase() {
        for (String name : List.of("a.arrow", "b.FEATHER", "c.Ipc", "dir.arrow/d.arrow")) {
            assertTrue(reader.handles(Path.of(name)), name);
        }
        for (String name : List.of("a.csv", "b.parquet", "arrow", "c.arrows", "d.arrow.gz")) {
            assertFalse(reader.handles(Path.of(name)), name);
        }
        assertEquals(List.of(".arrow", ".feather", ".ipc"), reader.extensions());
    }

    @Test
    void refusesRandomBytesAnEmptyFileAndATextFile() throws IOException {
        Random random = new Random(7);
        for (int size : new int[] {1, 7, 8, 100, 4096}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            assertUnreadable(ArrowTables.writeBytes(dir, "random" + size + ".arrow", bytes));
        }
        assertUnreadable(ArrowTables.writeBytes(dir, "empty.feather", new byte[0]));
        assertUnreadable(ArrowTables.writeBytes(dir, "employees.ipc",
                "employer_id,year,person_id\nE1,2023,p1\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), sink.records);
    }

    @Test
    void refusesAStreamWhoseFirstMessageClaimsMoreBytesThanTheFileHas() throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(0xFFFFFFFF).putInt(Integer.MAX_VALUE);
        Path file = ArrowTables.writeBytes(dir, "huge.arrow", bytes.array());

        LadderException e = assertThrows(LadderException.class, () -> read(file));

        assertTrue(e.getMessage().endsWith("(it starts with neither the Arrow file magic ARROW1 nor an Arrow stream message)"),
                e.getMessage());
    }

    @Test
    void refusesATruncatedFileOrStream() throws IOException {
        for (Format format : List.of(Format.ARROW_FILE, Format.ARROW_STREAM)) {
            Path whole = format.write(dir, "whole-" + format, Employees.typed(Employees.numbered(200)), 50);
            byte[] bytes = Files.readAllBytes(whole);
            Path cut = ArrowTables.writeBytes(dir, "cut-" + format + ".arrow", Arrays.copyOf(bytes, bytes.length * 2 / 3));
            assertUnreadable(cut);
        }
    }

    @Test
    void refusesAFileWithTheMagicAndNothingElse() throws IOException {
        assertUnreadable(ArrowTables.writeBytes(dir, "magic.arrow", "ARROW1\0\0ARROW1".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void refusesAFileThatDoesNotExist() {
        Path file = dir.resolve("nowhere.arrow");

        LadderException e = assertThrows(LadderException.class, () -> read(file));

        assertEquals(file + ": no such file", e.getMessage());
    }
}
