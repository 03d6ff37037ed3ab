package ladder.engine.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ladder.engine.LadderException;
import ladder.engine.Threads;
import ladder.engine.io.arrow.ArrowIpcReader;
import ladder.engine.io.arrow.ParquetReader;
import ladder.engine.contract.Schema;
import ladder.engine.io.csv.CsvReader;
import ladder.engine.snapshot.Snapshot;
import ladder.engine.table.Table;
import ladder.engine.table.TableBuilder;

/**
 * Loads files of a contract table into one pooled {@link Table}, validating every record
 * ({@link RowValidator}) and accounting for every rejection ({@link RejectsWriter}).
 *
 * <p>A path may name a file or a folder. A folder contributes the files at any depth that some
 * reader handles, in order of their paths, skipping with a warning hidden files, unreadable files,
 * broken links and Ladder's own rejected-rows files (a file whose first line is
 * {@value RejectsWriter#HEADER}: an earlier run's rejects are never read as data); a file named
 * explicitly must exist, be readable and be one a reader handles. Each file is read once whatever
 * paths reach it. {@link InputFiles} says exactly what is read. A file that is refused stops the
 * load with its {@link LadderException}. A path that is a {@linkplain Snapshot snapshot} folder
 * ({@code ladder import}) is read as the table and account it saved, without validating again.
 *
 * <p>The load never writes over what it reads: a rejected-rows file that is one of the files read
 * is refused ({@link OutputFiles#checkNotInput}), and it is written whole or not at all (a failed
 * load leaves the previous one as it was; see {@link RejectsWriter}).
 */
public final class Loader {
    /** The readers, tried in this order; the first that handles a file reads it. */
    public static final List<SourceReader> READERS = List.of(new CsvReader(), new ArrowIpcReader(), new ParquetReader());

    /**
     * A pooled table and the report of its load.
     *
     * @param snapshot the snapshot folder the table was read from, or {@code null} when it was read
     *     and validated from its files
     */
    public record Loaded(Table table, LoadReport report, Path snapshot) {
        public Loaded(Table table, LoadReport report) {
            this(table, report, null);
        }
    }

    private Loader() {}

    /** Loads {@code paths} (files or folders) into one table, keeping only a summary of rejections. */
    public static Loaded load(Schema schema, List<Path> paths) {
        return load(schema, paths, null);
    }

    /**
     * Loads {@code paths} (files or folders) into one table, writing every rejected record to
     * {@code rejectsFile} unless it is {@code null}.
     *
     * @throws LadderException if a path does not exist, a folder holds no readable file, a file is
     *     of no kind a reader handles, the rejects file is one of the files to read, a file is refused,
     *     or the files' rows would not fit in the heap ({@link HeapNeed})
     */
    public static Loaded load(Schema schema, List<Path> paths, Path rejectsFile) {
        return load(schema, paths, rejectsFile, Progress.NONE);
    }

    /** As {@link #load(Schema, List, Path)}, reporting how far it has got to {@code progress}. */
    public static Loaded load(Schema schema, List<Path> paths, Path rejectsFile, Progress progress) {
        Path snapshot = snapshotOf(paths);
        if (snapshot != null) {
            return Snapshot.read(snapshot, schema, Threads.all(), progress);
        }
        InputFiles.Expansion inputs = InputFiles.expand(paths);
        if (rejectsFile != null) {
            OutputFiles.checkNotInput(rejectsFile, inputs.files(), "the rejects file");
        }
        HeapNeed.check(inputs.files(), HeapNeed.LOADED);
        TableBuilder builder = new TableBuilder(schema);
        LoadReport report = readAll(schema, inputs, builder, rejectsFile, progress);
        // Built after readAll has returned, so that its validator's duplicate check (1 GiB at a
        // hundred million rows) can be collected before the dictionaries are trimmed.
        return new Loaded(builder.build(), report);
    }

    /**
     * Reads and validates {@code paths} exactly as {@link #load(Schema, List, Path, Progress)} does,
     * with the same rejected-rows file and report, but keeps no table: the accepted rows are handed
     * to {@code groups} as they are read, {@code groupChunks} chunks of {@code chunkRows} rows at a
     * time (the table's chunks, if {@link TableBuilder#DEFAULT_CHUNK_ROWS}), each as a table of those rows alone
     * (see {@link TableBuilder#streaming}), on the thread that validates. What stays in memory is
     * the duplicate check: its index of keys and each accepted row's key (about 16 to 28 bytes a
     * row; a person {@code columns} does not name is kept as its bytes, not interned: see
     * {@link RowValidator}), and the text columns' dictionaries. The groups hold only
     * {@code columns} and the key's but the person's (all columns if null; see
     * {@link TableBuilder#streaming(Schema, int, int, java.util.Collection, java.util.function.Consumer)}):
     * the other columns' values are checked and not stored. A snapshot is read whole and handed on
     * as one group, of every column.
     */
    public static LoadReport stream(Schema schema, List<Path> paths, Path rejectsFile, Progress progress,
            int chunkRows, int groupChunks, java.util.Collection<String> columns,
            java.util.function.Consumer<Table> groups) {
        Path snapshot = snapshotOf(paths);
        if (snapshot != null) {
            Loaded loaded = Snapshot.read(snapshot, schema, Threads.all(), progress);
            groups.accept(loaded.table());
            return loaded.report();
        }
        InputFiles.Expansion inputs = InputFiles.expand(paths);
        if (rejectsFile != null) {
            OutputFiles.checkNotInput(rejectsFile, inputs.files(), "the rejects file");
        }
        HeapNeed.check(inputs.files(), HeapNeed.STREAMED);
        TableBuilder builder = columns == null ? TableBuilder.streaming(schema, chunkRows, groupChunks, groups)
                : TableBuilder.streaming(schema, chunkRows, groupChunks, columns, groups);
        LoadReport report = readAll(schema, inputs, builder, rejectsFile, progress);
        builder.finish();
        return report;
    }

    /** Reads every file into {@code builder}, validating, and reports what was read, accepted and rejected. */
    private static LoadReport readAll(Schema schema, InputFiles.Expansion inputs, TableBuilder builder,
            Path rejectsFile, Progress progress) {
        List<Path> files = inputs.files();
        List<String> warnings = new ArrayList<>(inputs.warnings());
        long[] sizes = files.stream().mapToLong(Loader::size).toArray();
        progress.expectBytes(java.util.Arrays.stream(sizes).sum());
        try (RejectsWriter rejects = rejectsFile == null ? RejectsWriter.countsOnly() : RejectsWriter.toFile(rejectsFile)) {
            RowValidator validator = new RowValidator(schema, builder, rejects);
            validator.progress(progress);
            if (!files.isEmpty() && files.stream().allMatch(file -> readerOf(file).givesKeysBack())) {
                validator.readKeysBack();
            }
            try {
                for (int f = 0; f < files.size(); f++) {
                    progress.fileStarted(sizes[f]);
                    readerOf(files.get(f)).load(files.get(f), schema, validator, warnings::add);
                    progress.rows(validator.read());
                    progress.fileDone(sizes[f]);
                }
            } finally {
                validator.closeKeyTexts();
            }
            rejects.commit();
            return new LoadReport(files.stream().map(Path::toString).toList(), validator.read(),
                    validator.accepted(), validator.rejected(), rejects.byCategory(), rejects.first(), warnings,
                    rejectsFile);
        }
    }

    /**
     * The snapshot folder {@code paths} name, or {@code null} if they name none; a snapshot named
     * with other paths is refused, since its rows were validated apart from theirs.
     */
    public static Path snapshotOf(List<Path> paths) {
        for (Path p : paths) {
            if (Snapshot.is(p)) {
                if (paths.size() > 1) {
                    throw new LadderException(p + " is a snapshot (ladder import), which is read alone; name it as the"
                            + " only --data, or import it with the other files together");
                }
                return p;
            }
        }
        return null;
    }

    private static long size(Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    static SourceReader readerOf(Path file) {
        return READERS.stream().filter(reader -> reader.handles(file)).findFirst()
                .orElseThrow(() -> new LadderException(file + ": not a kind of file Ladder reads (accepted: "
                        + accepted() + ")"));
    }

    static String accepted() {
        return String.join(", ", READERS.stream().flatMap(reader -> reader.extensions().stream()).toList());
    }
}
