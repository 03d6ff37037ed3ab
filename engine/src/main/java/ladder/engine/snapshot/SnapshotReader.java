package ladder.engine.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import ladder.engine.io.LoadReport;
import ladder.engine.io.Loader;
import ladder.engine.io.Progress;
import ladder.engine.table.Chunk;
import ladder.engine.table.Codes;
import ladder.engine.table.Column;
import ladder.engine.table.Decimals;
import ladder.engine.table.StringPool;
import ladder.engine.table.Table;

/**
 * A snapshot opened for reading, whose columns are read when a question needs them, each once:
 * a question of year and SEB reads {@code year.arrow} and {@code seb.arrow} and nothing else, so
 * it costs what those columns' bytes cost, whatever else the pool holds.
 *
 * <p>What is checked when: opening checks the manifest (its own SHA-256, format and contract
 * versions, table, columns) and that every column file it names is there with the size it
 * gives, so a truncated, missing or extended file is refused before any is read; reading a column
 * checks its file's structure and the CRC-32C of its content against the manifest, so a column
 * corrupted in place is refused when it is read, and one never read costs nothing. Every refusal
 * is one line naming the file.
 */
public final class SnapshotReader {
    private final Path folder;
    private final Schema schema;
    private final Manifest manifest;
    private final List<Column> columns;
    private final int threads;
    private final Progress progress;
    private final ColumnFile.Parts[] read;
    /** The columns whose files were read, whole, streamed or their dictionary alone, in the order first read. */
    private final java.util.Set<String> opened = new java.util.LinkedHashSet<>();
    /** How many times each column's file was read whole or streamed, by name. */
    private final java.util.Map<String, Integer> reads = new java.util.LinkedHashMap<>();

    private SnapshotReader(Path folder, Schema schema, Manifest manifest, int threads, Progress progress) {
        this.folder = folder;
        this.schema = schema;
        this.manifest = manifest;
        this.columns = Column.of(schema);
        this.threads = Math.max(1, threads);
        this.progress = progress;
        this.read = new ColumnFile.Parts[columns.size()];
    }

    /**
     * Opens the snapshot {@code folder} of a table of {@code schema}, to read its columns on
     * {@code threads} threads, reporting the bytes read to {@code progress}.
     *
     * @throws LadderException in one line naming the file, if the snapshot is of another table,
     *     format or contract version, its manifest is damaged, or a column file is missing or not
     *     of the size the manifest gives
     */
    public static SnapshotReader open(Path folder, Schema schema, int threads, Progress progress) {
        Path manifestFile = folder.resolve(Snapshot.MANIFEST);
        Manifest manifest;
        try {
            manifest = Manifest.parse(Files.readString(manifestFile, StandardCharsets.UTF_8), manifestFile.toString());
        } catch (IOException e) {
            throw Manifest.refused(manifestFile.toString(), "it cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (!manifest.table().equals(schema.name())) {
            throw new LadderException(folder + ": a snapshot of table " + manifest.table() + ", not " + schema.name());
        }
        List<String> names = manifest.columns().stream().map(Manifest.ColumnEntry::name).toList();
        if (!names.equals(Column.of(schema).stream().map(Column::name).toList())) {
            throw Manifest.refused(manifestFile.toString(), "its columns are not those of table " + schema.name());
        }
        for (Manifest.ColumnEntry entry : manifest.columns()) {
            Path file = folder.resolve(entry.file());
            if (!file.getParent().equals(folder) || entry.file().startsWith(".")) {
                throw Manifest.refused(manifestFile.toString(), "it names a column file outside the folder: " + entry.file());
            }
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                throw Manifest.refused(file.toString(), Files.exists(file) ? "it cannot be read" : "the file is missing");
            }
            if (size != entry.bytes() || !Files.isRegularFile(file)) {
                throw Manifest.refused(file.toString(), !Files.isRegularFile(file) ? "the file is missing"
                        : size + " bytes where the manifest says " + entry.bytes()
                                + (size < entry.bytes() ? " (truncated)" : " (changed)"));
            }
        }
        return new SnapshotReader(folder, schema, manifest, threads, progress);
    }

    public Path folder() {
        return folder;
    }

    public Schema schema() {
        return schema;
    }

    /** The account of the import that made the snapshot: read, accepted, rejected and why. */
    public LoadReport report() {
        return manifest.report();
    }

    /** The rows of the table, as the manifest gives them. */
    public long rows() {
        return manifest.rows();
    }

    /** The whole table and the import's account, as {@link Snapshot#read} gives them. */
    public Loader.Loaded loaded() {
        return new Loader.Loaded(table(columns.stream().map(Column::name).toList()), report(), folder);
    }

    /**
     * The names of the columns whose files have been read so far (whole, streamed, or a text
     * column's dictionary alone), in the order first read: what the questions asked cost.
     */
    public synchronized List<String> columnsRead() {
        return List.copyOf(opened);
    }

    /**
     * How many times each column's file has been read so far, whole or streamed (a dictionary read
     * alone is not counted), by name: a command of many cubes whose columns are kept reads
     * each once.
     */
    public synchronized java.util.Map<String, Integer> columnReads() {
        return java.util.Map.copyOf(reads);
    }

    private synchronized void counted(List<Column> read) {
        read.forEach(c -> reads.merge(c.name(), 1, Integer::sum));
    }

    /**
     * A table of no rows in which the text columns named in {@code names} hold their dictionaries,
     * read from their files (the other names are ignored), as a filter naming their values is
     * compiled against: their codes are those of every chunk. A dictionary read alone is not
     * checked against its column's checksum, which covers the whole file; reading the column checks it.
     */
    public Table dictionaries(Collection<String> names) {
        ColumnFile.Parts[] parts = new ColumnFile.Parts[columns.size()];
        for (Column c : named(names)) {
            if (c.pool() != null) {
                parts[c.index()] = new ColumnFile.Parts(List.of(), List.of(), reader(c).start());
            }
        }
        return assemble(parts);
    }

    /**
     * The table holding at least the columns named in {@code names} (and any read before), read
     * now if they were not; names of no column are left for the table to refuse when asked. The
     * other columns are empty and their chunks' arrays null. With no column named and none read
     * before, the smallest is read, for the rows.
     */
    public synchronized Table table(Collection<String> names) {
        List<Column> named = named(names);
        if (named.isEmpty() && java.util.Arrays.stream(read).allMatch(java.util.Objects::isNull)) {
            named = List.of(smallest());
        }
        List<Column> wanted = named.stream().filter(c -> read[c.index()] == null).toList();
        if (!wanted.isEmpty()) {
            readColumns(wanted);
        }
        return assemble(read);
    }

    /**
     * Hands the columns named in {@code names} to {@code groups} a group of chunks at a time
     * ({@value ColumnReader#GROUP} chunks of 65,536 rows, as {@link Loader#stream} hands them), each as
     * a table holding those columns alone, read from the files whatever was read before: a cube
     * is built in memory that follows the group, and each group's arrays go once its cube is built
     * (kept, a pool's columns would be copied by every young collection). Each column's checksum is
     * checked after its last group: a stream whose column is refused ends in the refusal, so
     * whatever was built from it must be dropped. With no column named, the smallest is read, for
     * the rows.
     */
    public void stream(Collection<String> names, java.util.function.Consumer<Table> groups) {
        List<Column> wanted = new ArrayList<>(named(names));
        if (wanted.isEmpty()) {
            wanted.add(smallest());
        }
        counted(wanted);
        progress.expectBytes(Math.max(0, progress.totalBytes()) + wanted.stream().mapToLong(c -> entry(c).bytes()).sum());
        List<ColumnReader> readers = new ArrayList<>();
        for (Column c : wanted) {
            readers.add(reader(c));
        }
        for (int i = 0; i < wanted.size(); i++) {
            ColumnReader reader = readers.get(i);
            if (reader.chunks() != readers.get(0).chunks()) {
                throw Manifest.refused(folder.resolve(entry(wanted.get(i)).file()).toString(), "it holds "
                        + reader.chunks() + " chunks where " + wanted.get(0).name() + " holds " + readers.get(0).chunks());
            }
            reader.start();
        }
        int count = readers.get(0).groups();
        for (int g = 0; g < Math.max(1, count); g++) {
            ColumnFile.Parts[] parts = new ColumnFile.Parts[columns.size()];
            for (int i = 0; i < wanted.size(); i++) {
                parts[wanted.get(i).index()] = count == 0 ? readers.get(i).parts() : readers.get(i).group(g);
            }
            groups.accept(assemble(parts));
        }
        for (int i = 0; i < wanted.size(); i++) {
            readers.get(i).verify();
            progress.fileDone(entry(wanted.get(i)).bytes());
        }
    }

    /** The columns named in {@code names} (case-insensitive), each once, in the order named; names of no column are left out. */
    private List<Column> named(Collection<String> names) {
        List<Column> out = new ArrayList<>();
        for (String name : names) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            columns.stream().filter(c -> c.name().equals(n) && !out.contains(c)).forEach(out::add);
        }
        return out;
    }

    /** The column of the fewest bytes, read when a question needs the rows and no column's values. */
    private Column smallest() {
        return columns.stream().min(java.util.Comparator.comparingLong(c -> entry(c).bytes())).orElseThrow();
    }

    private ColumnReader reader(Column c) {
        synchronized (this) {
            opened.add(c.name());
        }
        Path file = folder.resolve(entry(c).file());
        try {
            return ColumnReader.open(file, c, entry(c).storage(), entry(c).crc32c(), manifest.rows(), file.toString());
        } catch (IOException e) {
            throw Manifest.refused(file.toString(), "it cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Reads the {@code wanted} columns: each file's chunks copied by several tasks and checksummed by one, on {@link #threads} threads. */
    private void readColumns(List<Column> wanted) {
        counted(wanted);
        long bytes = wanted.stream().mapToLong(c -> entry(c).bytes()).sum();
        progress.expectBytes(Math.max(0, progress.totalBytes()) + bytes);
        List<ColumnReader> readers = new ArrayList<>();
        List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>();
        for (Column c : wanted) {
            ColumnReader reader = reader(c);
            readers.add(reader);
            tasks.addAll(reader.tasks());
        }
        try {
            Snapshot.run(tasks, threads);
        } catch (IOException e) {
            throw new IllegalStateException("the copying tasks read mapped memory only", e);
        }
        for (int i = 0; i < wanted.size(); i++) {
            Column c = wanted.get(i);
            read[c.index()] = readers.get(i).parts();
            progress.fileDone(entry(c).bytes());
        }
    }

    private Manifest.ColumnEntry entry(Column c) {
        return manifest.columns().get(c.index());
    }

    /** The table of the columns whose {@code read} parts are given; every column's rows were checked against the manifest's as it was read. */
    private Table assemble(ColumnFile.Parts[] read) {
        int n = columns.size();
        BitSet held = new BitSet(n);
        int chunks = 0;
        Column first = null;
        for (Column c : columns) {
            if (read[c.index()] != null) {
                held.set(c.index());
                first = first == null ? c : first;
                chunks = size(read[first.index()]);
            }
        }
        StringPool[] pools = new StringPool[n];
        int[] min = new int[n];
        int[] max = new int[n];
        List<Chunk> out = new ArrayList<>(chunks);
        for (int k = 0; k < chunks; k++) {
            Codes[] codes = new Codes[n];
            Decimals[] decimals = new Decimals[n];
            int rows = -1;
            for (Column c : columns) {
                ColumnFile.Parts p = read[c.index()];
                if (p == null) {
                    continue;
                }
                if (size(p) != chunks) {
                    throw Manifest.refused(folder.resolve(entry(c).file()).toString(),
                            "it holds " + size(p) + " chunks where " + first.name() + " holds " + chunks);
                }
                int here = c.isDecimal() ? (decimals[c.index()] = p.decimals().get(k)).size()
                        : (codes[c.index()] = p.codes().get(k)).size();
                if (rows >= 0 && here != rows) {
                    throw Manifest.refused(folder.resolve(entry(c).file()).toString(),
                            "its chunk " + (k + 1) + " holds " + here + " rows where " + first.name() + "'s holds " + rows);
                }
                rows = here;
            }
            out.add(new Chunk(rows, codes, decimals));
        }
        for (Column c : columns) {
            pools[c.index()] = read[c.index()] == null ? null : read[c.index()].pool();
            min[c.index()] = entry(c).minCode();
            max[c.index()] = entry(c).maxCode();
        }
        return Table.restore(schema, out, pools, min, max, held);
    }

    private static int size(ColumnFile.Parts parts) {
        return parts.codes().isEmpty() ? parts.decimals().size() : parts.codes().size();
    }
}
