package ladder.engine.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import ladder.engine.table.Chunk;
import ladder.engine.table.Codes;
import ladder.engine.table.Column;
import ladder.engine.table.Decimals;
import ladder.engine.table.StringPool;
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
 * checks every file's size and checksum and refuses a snapshot that is truncated or corrupted in
 * one line naming the file; it never validates a row again, since every row in it was accepted.
 */
public final class Snapshot {
    /** The file that makes a folder a snapshot. */
    public static final String MANIFEST = "ladder-snapshot.manifest";
    /** The direct memory a read may hold at once: Arrow's buffers of a batch per thread and a dictionary. */
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
            List<Manifest.ColumnEntry> entries = run(table.columns(), threads, column -> {
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
        Path manifestFile = folder.resolve(MANIFEST);
        Manifest manifest;
        try {
            manifest = Manifest.parse(Files.readString(manifestFile, StandardCharsets.UTF_8), manifestFile.toString());
        } catch (IOException e) {
            throw Manifest.refused(manifestFile.toString(), "it cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (!manifest.table().equals(schema.name())) {
            throw new LadderException(folder + ": a snapshot of table " + manifest.table() + ", not " + schema.name());
        }
        List<Column> columns = Column.of(schema);
        List<String> names = manifest.columns().stream().map(Manifest.ColumnEntry::name).toList();
        if (!names.equals(columns.stream().map(Column::name).toList())) {
            throw Manifest.refused(manifestFile.toString(), "its columns are not those of table " + schema.name());
        }
        progress.expectBytes(manifest.columns().stream().mapToLong(Manifest.ColumnEntry::bytes).sum());
        List<ColumnFile.Parts> parts;
        try (BufferAllocator allocator = new RootAllocator(MEMORY_LIMIT)) {
            parts = run(columns, threads, column -> {
                Manifest.ColumnEntry entry = manifest.columns().get(column.index());
                Path file = folder.resolve(entry.file());
                String where = file.toString();
                if (!file.getParent().equals(folder) || entry.file().startsWith(".")) {
                    throw Manifest.refused(manifestFile.toString(), "it names a column file outside the folder: " + entry.file());
                }
                if (!Files.isRegularFile(file)) {
                    throw Manifest.refused(where, "the file is missing");
                }
                long size = Files.size(file);
                if (size != entry.bytes()) {
                    throw Manifest.refused(where, size + " bytes where the manifest says " + entry.bytes()
                            + (size < entry.bytes() ? " (truncated)" : " (changed)"));
                }
                // An uncompressed IPC file never needs buffers beyond its own size: a column may take twice its
                // file (and a megabyte), so a corrupted length asks for more and is refused as corrupted.
                long bound = Math.min(MEMORY_LIMIT, 2 * size + (1 << 20));
                try (BufferAllocator child = allocator.newChildAllocator(column.name(), 0, bound)) {
                    ColumnFile.Parts read = ColumnFile.read(file, column, entry.storage(), entry.crc32c(), child, where);
                    progress.fileDone(size);
                    return read;
                } catch (LadderException e) {
                    throw e;
                } catch (org.apache.arrow.memory.OutOfMemoryException e) {
                    if (allocator.getHeadroom() >= bound) {
                        throw Manifest.refused(where, "truncated or corrupted (it claims more data than it holds)");
                    }
                    // Arrow's buffers outgrew their share of memory: the memory message, not "corrupted".
                    throw new OutOfMemoryError(file + ": " + e.getMessage());
                } catch (IOException | RuntimeException e) {
                    throw Manifest.refused(where, "truncated or corrupted (" + e.getClass().getSimpleName() + ")");
                }
            });
        } catch (IOException e) {
            throw Manifest.refused(folder.toString(), "it cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return new Loader.Loaded(assemble(schema, manifest, columns, parts, folder), manifest.report(), folder);
    }

    /** The table of the columns' parts, checked to hold the manifest's rows in chunks of one length across columns. */
    private static Table assemble(Schema schema, Manifest manifest, List<Column> columns, List<ColumnFile.Parts> parts,
            Path folder) {
        int n = columns.size();
        int chunks = size(parts.get(0));
        StringPool[] pools = new StringPool[n];
        int[] min = new int[n];
        int[] max = new int[n];
        List<Chunk> out = new ArrayList<>(chunks);
        for (int k = 0; k < chunks; k++) {
            Codes[] codes = new Codes[n];
            Decimals[] decimals = new Decimals[n];
            int rows = -1;
            for (Column c : columns) {
                ColumnFile.Parts p = parts.get(c.index());
                if (size(p) != chunks) {
                    throw Manifest.refused(folder.resolve(manifest.columns().get(c.index()).file()).toString(),
                            "it holds " + size(p) + " chunks where " + columns.get(0).name() + " holds " + chunks);
                }
                int here = c.isDecimal() ? (decimals[c.index()] = p.decimals().get(k)).size()
                        : (codes[c.index()] = p.codes().get(k)).size();
                if (rows >= 0 && here != rows) {
                    throw Manifest.refused(folder.resolve(manifest.columns().get(c.index()).file()).toString(),
                            "its chunk " + (k + 1) + " holds " + here + " rows where the others hold " + rows);
                }
                rows = here;
            }
            out.add(new Chunk(rows, codes, decimals));
        }
        for (Column c : columns) {
            Manifest.ColumnEntry entry = manifest.columns().get(c.index());
            pools[c.index()] = parts.get(c.index()).pool();
            min[c.index()] = entry.minCode();
            max[c.index()] = entry.maxCode();
        }
        Table table = Table.restore(schema, out, pools, min, max);
        if (table.rows() != manifest.rows() || table.rows() != manifest.report().accepted()) {
            throw Manifest.refused(folder.toString(), "its columns hold " + table.rows() + " rows where the manifest says "
                    + manifest.rows());
        }
        return table;
    }

    private static int size(ColumnFile.Parts parts) {
        return parts.codes().isEmpty() ? parts.decimals().size() : parts.codes().size();
    }

    private interface ColumnTask<T> {
        T run(Column column) throws IOException;
    }

    /** {@code task} of every column, on {@code threads} threads; the first failure is rethrown as it was. */
    private static <T> List<T> run(List<Column> columns, int threads, ColumnTask<T> task) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, columns.size())), r -> {
            Thread t = new Thread(r, "ladder-snapshot");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Column c : columns) {
                futures.add(pool.submit(() -> task.run(c)));
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
