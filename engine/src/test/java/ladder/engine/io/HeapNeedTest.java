package ladder.engine.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ladder.engine.LadderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeapNeedTest {
    @TempDir
    Path dir;

    /** A CSV file of a header and {@code records} records of 50 bytes each. */
    private Path csv(String name, int records) throws IOException {
        StringBuilder text = new StringBuilder("a,b\n");
        String record = "x".repeat(49) + "\n";
        text.append(record.repeat(records));
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void countsTheLinesOfASmallFileAndEstimatesALargeOneFromItsFirstMebibyte() throws IOException {
        assertEquals(1_001, HeapNeed.rows(csv("small.csv", 1_000)));
        // 100,000 records of 50 bytes (5 MB) and a header: the first MiB holds 20,971 whole lines.
        long estimate = HeapNeed.rows(csv("large.csv", 100_000));
        assertTrue(Math.abs(estimate - 100_001) < 10, "estimate " + estimate);
    }

    @Test
    void filesOfOtherFormatsAreNotEstimated() throws IOException {
        assertEquals(0, HeapNeed.rows(Files.write(dir.resolve("pool.parquet"), new byte[100])));
    }

    @Test
    void aPoolThatFitsIsLetThrough() throws IOException {
        Path file = csv("pool.csv", 1_000);
        assertDoesNotThrow(() -> HeapNeed.check(List.of(file), HeapNeed.LOADED, 1_001L * HeapNeed.LOADED));
    }

    /**
     * A command of many cubes keeps a snapshot's columns when every column takes at most half the
     * heap (38 bytes a row: 1,000 rows need 38,000 bytes, so a heap of 76,000 keeps them and one
     * byte less does not); a one-shot question streams whatever the heap.
     */
    @Test
    void columnsAreKeptWhenEveryColumnFitsHalfTheHeap() {
        assertTrue(HeapNeed.keeps(1_000, 76_000));
        assertFalse(HeapNeed.keeps(1_000, 75_999));
        assertEquals(ladder.engine.snapshot.SnapshotSource.Reading.KEEP,
                ladder.engine.snapshot.SnapshotSource.Reading.of(false, 1_000));
        assertEquals(ladder.engine.snapshot.SnapshotSource.Reading.STREAM,
                ladder.engine.snapshot.SnapshotSource.Reading.of(true, 1_000));
        assertEquals(ladder.engine.snapshot.SnapshotSource.Reading.STREAM,
                ladder.engine.snapshot.SnapshotSource.Reading.of(false, Runtime.getRuntime().maxMemory()));
    }

    @Test
    void aPoolThatWillNotFitIsRefusedInOneLineSayingWhatItNeedsAndHowToGiveIt() throws IOException {
        Path file = csv("pool.csv", 100_000);
        LadderException e = assertThrows(LadderException.class,
                () -> HeapNeed.check(List.of(file), HeapNeed.LOADED, 1L << 20));
        // 100,001 rows x 56 bytes = 5.3 MiB; streamed, x 32 bytes = 3.1 MiB.
        assertEquals(file + ": about 100,001 rows, which need about 5 MiB of Java heap to load; this Java has"
                + " 1 MiB: give it more with LADDER_JAVA_OPTS=-Xmx1g; or ask a one-shot question with --stream,"
                + " which needs about 3 MiB (see docs/cli.md)", e.getMessage().replaceAll("100,00[0-9]", "100,001"));
        LadderException streamed = assertThrows(LadderException.class,
                () -> HeapNeed.check(List.of(file, csv("more.csv", 100_000)), HeapNeed.STREAMED, 1L << 20));
        assertTrue(streamed.getMessage().startsWith("2 files: about 200,0"), streamed.getMessage());
        assertTrue(streamed.getMessage().contains("to stream") && !streamed.getMessage().contains("--stream"),
                streamed.getMessage());
    }
}
