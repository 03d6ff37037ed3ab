package ladder.engine.io.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ParquetFile#reopened}, how the duplicate check reads a file's persons back without
 * reading its footer again: the same file reads the same values; a file no longer the size it
 * was is refused.
 */
class ParquetFileReopenedTest {
    @TempDir
    Path dir;

    @Test
    void aReopenedFileReadsAsBeforeAndAChangedOneIsRefused() throws Exception {
        Path file = dir.resolve("people.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT 'person-' || i AS person_id FROM range(0, 3000) AS r(i)) TO '" + file
                    + "' (FORMAT parquet, ROW_GROUP_SIZE 1000)");
        }
        ParquetFile loaded;
        try (FileChannel channel = FileChannel.open(file)) {
            loaded = ParquetFile.open(channel);
        }
        try (FileChannel channel = FileChannel.open(file)) {
            ParquetFile again = loaded.reopened(channel);
            int last = again.rowGroups() - 1;
            assertTrue(last > 0, "row groups to choose from");
            int rows = (int) again.rows(last);
            ColumnValues values = new ColumnValues(ValueType.STRING);
            again.reader(last, again.columns().get(0)).read(rows, values);
            assertEquals("person-2999", new String(values.bytes(rows - 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        Files.write(file, new byte[] {1}, StandardOpenOption.APPEND);
        try (FileChannel channel = FileChannel.open(file)) {
            IOException refused = assertThrows(IOException.class, () -> loaded.reopened(channel));
            assertTrue(refused.getMessage().startsWith("it has changed since it was read"), refused.getMessage());
        }
    }
}
