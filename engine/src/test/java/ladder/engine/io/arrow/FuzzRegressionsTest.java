package ladder.engine.io.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import ladder.engine.io.Loader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that crashed a load when {@link LoadFuzzTest} found them, kept under
 * {@code src/test/resources/ladder/engine/io/fuzz/} and each refused in one line now.
 */
class FuzzRegressionsTest {
    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        try (InputStream in = FuzzRegressionsTest.class.getResourceAsStream("/ladder/engine/io/fuzz/" + name)) {
            return Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    private String refusal(Path file) throws IOException {
        byte[] before = Files.readAllBytes(file);
        LadderException e = assertThrows(LadderException.class, () -> Loader.load(Schema.EMPLOYEES, List.of(file)));
        assertTrue(e.getMessage().indexOf('\n') < 0 && e.getMessage().length() < 1_000, e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        return e.getMessage();
    }

    /**
     * LoadFuzzTest PARQUET seed 1000130 [flip@523]: a bit flip turned a page's type into
     * DATA_PAGE where it has no data page header; Ladder's decoder, on one thread, threw a
     * NullPointerException out of the load.
     */
    @Test
    void aDataPageWithoutItsHeaderIsRefused() throws IOException {
        Path file = resource("data-page-without-header.parquet");
        assertEquals(file + ": not a readable Parquet file (column 'sector' has a data page without a data page header)",
                refusal(file));
    }

    /**
     * LoadFuzzTest PARQUET seed 7001412 [byte@1107, int2@2950, repeat155@1365] (bench/run-fuzz 8000
     * 7000000): a column's logical type became a kind the Thrift library does not know, a union
     * with no field set; Ladder's footer reading threw a NullPointerException out of the load.
     */
    @Test
    void aLogicalTypeOfUnknownKindIsNoCrash() throws IOException {
        Path file = resource("unknown-logical-type.parquet");
        String message = refusal(file);
        // Ladder's decoder leaves the column to Arrow, which reads it as binary: no column the contract takes.
        assertEquals(file + ": refused: column 'bonus' is binary but bonus needs a floating-point, integer or string"
                + " column (float32, float64, int8..int64, uint8..uint64, utf8, large_utf8)", message);
    }
}
