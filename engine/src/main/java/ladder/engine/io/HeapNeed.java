package ladder.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import ladder.engine.LadderException;
import ladder.engine.io.csv.CsvReader;

/**
 * Whether reading some files will fit in this Java's heap, said before the reading starts, so that
 * a pool too large for the machine ends with one line saying how much it needs and how to give
 * it, instead of an out-of-memory failure minutes later.
 *
 * <p>The rows of a CSV file are estimated from the bytes per record of its first mebibyte (a
 * quoted newline counts as a record, so the estimate errs high by a little). Arrow and Parquet
 * files are compressed and columnar; their rows are not estimated, and their loads are left to
 * the out-of-memory line.
 */
public final class HeapNeed {
    /**
     * Heap a row needs while the table is loaded whole: the table's columns (35 bytes a row at 100
     * million rows), and until the load ends the duplicate check's index and key columns (16 to 28
     * bytes a row) and the text dictionaries. The peak measured at 100 million rows was 6.26 GiB
     * (bench/RESULTS.md, "Ingest"); 56 bytes a row is what must be live at once.
     */
    public static final int LOADED = 56;

    /** Heap a row needs while a one-shot question streams: the duplicate check and the text dictionaries. */
    public static final int STREAMED = 32;

    /**
     * Heap a row needs once every column of a pool is read and kept (a snapshot's, or a loaded
     * table once its load is done): 38.0 bytes a row on the live heap at 10 and 100 million rows
     * (bench/RESULTS.md, "Memory held per row").
     */
    public static final int KEPT = 38;

    private static final int SAMPLE = 1 << 20;

    private HeapNeed() {}

    /** Whether every column of {@code rows} rows can be kept in this Java's heap, as {@link #keeps(long, long)} judges. */
    public static boolean keeps(long rows) {
        return keeps(rows, Runtime.getRuntime().maxMemory());
    }

    /**
     * Whether every column of {@code rows} rows, kept ({@value #KEPT} bytes a row), takes at most
     * half of {@code heap}: the other half is left for what is built from them (cubes, a linkage's
     * sorted keys of 8 bytes a row, a model's design).
     */
    static boolean keeps(long rows, long heap) {
        return rows * KEPT <= heap / 2;
    }

    /** Refuses {@code files} if their rows need more than this Java's heap at {@code bytesPerRow}. */
    static void check(List<Path> files, int bytesPerRow) {
        check(files, bytesPerRow, Runtime.getRuntime().maxMemory());
    }

    /**
     * Refuses {@code files} if their estimated rows need more than {@code heap} bytes at {@code
     * bytesPerRow} bytes a row, saying how many rows, how much heap, and how to give more.
     */
    static void check(List<Path> files, int bytesPerRow, long heap) {
        long rows = 0;
        for (Path file : files) {
            rows += rows(file);
        }
        long need = rows * bytesPerRow;
        if (need <= heap) {
            return;
        }
        String what = files.size() == 1 ? files.get(0).toString() : files.size() + " files";
        long gib = (long) Math.ceil(need * 1.25 / (1L << 30));
        String alternative = bytesPerRow == LOADED
                ? "; or ask a one-shot question with --stream, which needs about "
                        + gib(rows * (long) STREAMED) + " (see docs/cli.md)"
                : "";
        throw new LadderException(String.format(Locale.ROOT,
                "%s: about %,d rows, which need about %s of Java heap %s; this Java has %s: give it more with"
                        + " LADDER_JAVA_OPTS=-Xmx%dg%s",
                what, rows, gib(need), bytesPerRow == LOADED ? "to load" : "to stream", gib(heap), gib, alternative));
    }

    /** The estimated records of {@code file} if it is CSV, otherwise 0 (not estimated). */
    static long rows(Path file) {
        if (!(Loader.readerOf(file) instanceof CsvReader)) {
            return 0;
        }
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            byte[] sample = in.readNBytes((int) Math.min(size, SAMPLE));
            long lines = 0;
            for (byte b : sample) {
                if (b == '\n') {
                    lines++;
                }
            }
            if (sample.length == size || lines == 0) {
                return lines;
            }
            return Math.round((double) size * lines / sample.length);
        } catch (IOException e) {
            return 0; // the reader says what is wrong with the file, in its own words
        }
    }

    private static String gib(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MiB", Math.max(1, Math.round(bytes / (double) (1L << 20))));
    }
}
