package ladder.engine.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import ladder.engine.io.FileHash;
import ladder.engine.io.LoadReport;
import ladder.engine.io.Loader;
import ladder.engine.io.OutputFiles;
import ladder.engine.io.Progress;
import ladder.engine.table.Column;
import ladder.engine.table.Table;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * A validated, coded pool saved as a folder ({@code ladder import}), so that every later question
 * loads it at about the speed of the disk instead of reading and validating the inputs again.
 *
 * <p>The folder holds one Arrow IPC file per column ({@link ColumnFile}: the table's chunks as
 * they are in memory, coded columns with their dictionaries) and the {@value #MANIFEST}
 * ({@link Manifest}): the table, its rows, each column's storage, size and CRC-32C, the SHA-256
 * of every input file, and the import's account (read, accepted, rejected and why). Reading
 * ({@link SnapshotReader}) checks every file's size, and each column's checksum as the column is
 * read, and refuses a snapshot that is truncated or corrupted in one line naming the file; it
 * never validates a row again, since every row in it was accepted.
 */
public final class Snapshot {
    /** The file that makes a folder a snapshot. */
    public static final String MANIFEST = "ladder-snapshot.manifest";
    /** The direct memory a write may hold at once: Arrow's buffers of a batch per thread and a dictionary. */
    private static final long MEMORY_LIMIT = Runtime.getRuntime().maxMemory() / 2;

    private Snapshot() {
    }

    /** Whether {@code path} is a snapshot folder: a folder holding a {@value #MANIFEST}. */
    public static boolean is(Path path) {
        return Files.isDirectory(path) && Files.isRegularFile(path.resolve(MANIFEST));
    }

    /**
     * Saves a loaded pool as the snapshot {@code folder}, with the SHA-256 of each file its report
     * names. The folder is written beside under a hidden name and renamed into place when complete,
     * so a failed import leaves an earlier snapshot whole; a folder that exists and is not a
     * snapshot (nor empty) is refused.
     */
    public static void write(Loader.Loaded loaded, Path folder, int threads) {
        Table table = loaded.table();
        LoadReport report = loaded.report();
        if (Files.exists(folder) && !is(folder) && !emptyFolder(folder)) {
            throw new LadderException(folder + " exists and is not a Ladder snapshot; name a new folder for --out");
        }
        List<Manifest.Input> inputs = new ArrayList<>();
        for (String file : report.files()) {
            inputs.add(new Manifest.Input(file, FileHash.sha256(Path.of(file))));
        }
        OutputFiles.writeFolderAtomically(folder, temp -> {
            List<Callable<Manifest.ColumnEntry>> tasks = new ArrayList<>();
            for (Column column : table.columns()) {
                tasks.add(() -> {
                    ColumnFile.Storage storage = ColumnFile.Storage.of(column, table.chunks());
                    String name = column.name() + ".arrow";
                    Path file = temp.resolve(name);
                    long crc;
                    try (BufferAllocator allocator = new RootAllocator(MEMORY_LIMIT)) {
                        crc = ColumnFile.write(file, column, storage, table.chunks(), allocator);
                    }
                    return new Manifest.ColumnEntry(column.name(), storage, column.minCode(), column.maxCode(), name,
                            Files.size(file), crc);
                });
            }
            List<Manifest.ColumnEntry> entries = run(tasks, threads);
            Manifest manifest = new Manifest(table.schema().name(), table.rows(), entries, inputs, report);
            Files.writeString(temp.resolve(MANIFEST), manifest.text(), StandardCharsets.UTF_8);
        });
    }

    /**
     * Reads the snapshot {@code folder} of a table of {@code schema} on {@code threads} threads:
     * the table as it was imported, and the import's account.
     *
     * @throws LadderException in one line naming the file, if the snapshot is of another table,
     *     format or contract version, or any of its files is missing, truncated or corrupted
     */
    public static Loader.Loaded read(Path folder, Schema schema, int threads) {
        return read(folder, schema, threads, Progress.NONE);
    }

    /** As {@link #read(Path, Schema, int)}, reporting the bytes read, file by file, to {@code progress}. */
    public static Loader.Loaded read(Path folder, Schema schema, int threads, Progress progress) {
        return SnapshotReader.open(folder, schema, threads, progress).loaded();
    }

    /** Runs {@code tasks} on {@code threads} threads and answers their results in order; the first failure is rethrown as it was. */
    static <T> List<T> run(List<Callable<T>> tasks, int threads) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())), r -> {
            Thread t = new Thread(r, "ladder-snapshot");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean emptyFolder(Path folder) {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
