package ladder.reports.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import ladder.engine.LadderException;
import ladder.engine.Threads;
import ladder.engine.contract.Schema;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeFile;
import ladder.engine.cube.CubeSource;
import ladder.engine.filter.Filter;
import ladder.engine.filter.FilterParser;
import ladder.engine.io.LoadReport;
import ladder.engine.io.Loader;
import ladder.engine.io.Progress;
import ladder.engine.snapshot.SnapshotReader;
import ladder.engine.snapshot.SnapshotSource;
import ladder.models.result.Result;
import ladder.reports.CubesSummary;
import ladder.reports.LoadSummary;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options every analysis shares: the rows (or cubes) to pool, which rows to keep, where rejected rows go. */
final class DataOptions {
    static final Path DEFAULT_REJECTS = Path.of("ladder-rejects.csv");

    /** Rows or cubes: exactly one. */
    static final class Input {
        @Option(names = "--data", required = true, arity = "1..*", paramLabel = "PATH",
                description = "CSV, Arrow IPC or Parquet files of table employees, or folders of them; all pool into one table."
                        + " Or a snapshot folder written by `ladder import`, read as imported.")
        List<String> data;

        @Option(names = "--cubes", required = true, arity = "1..*", paramLabel = "FILE",
                description = "Cube files written by `ladder cube` (e.g. one per employer), merged in place of rows.")
        List<Path> cubes;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--where", paramLabel = "FILTER",
            description = "Keep only rows that pass, e.g. \"grade>=4 and gender in (woman, man)\" (with --data).")
    String where;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Write rejected rows here (default: ladder-rejects.csv in the working folder, when any row is rejected).")
    String rejects;

    @Option(names = "--strict", description = "Exit with status 1 if any row is rejected.")
    boolean strict;

    @Option(names = "--threads", paramLabel = "N", description = "Cores to use (default: all).")
    Integer threads;

    @Option(names = "--stream", description = "Build the cube while reading, keeping no table (the default of the"
            + " commands that need one cube); a second cube the first does not hold reads the files again.")
    boolean stream;

    @Option(names = "--load", description = "Load the whole table first, then analyse it (the default of the"
            + " commands that read rows or many cubes).")
    boolean load;

    /** Opens {@code --data} elsewhere (a Spark cluster), or {@code null}: loaded in this process. */
    private final RowsOpener opener;

    DataOptions() {
        this(null);
    }

    DataOptions(RowsOpener opener) {
        this.opener = opener;
    }

    int threads() {
        return Threads.of(threads);
    }

    /**
     * The opened input: where the analysis gets its cubes, and the account of what was read. When
     * the rows are streamed the account is known only once the cube is built (or, asked first, it
     * reads the files); {@link #loaded()} then loads the table.
     */
    static final class Opened {
        private final CubeSource source;
        private final Supplier<Result> account;
        private final Supplier<String> line;
        private final LongSupplier rejected;
        private final Supplier<Loader.Loaded> loaded;
        private final Supplier<LoadReport> report;

        Opened(CubeSource source, Result account, String line, long rejected, Loader.Loaded loaded) {
            this(source, () -> account, () -> line, () -> rejected, () -> loaded,
                    () -> loaded == null ? null : loaded.report());
        }

        private Opened(CubeSource source, Supplier<Result> account, Supplier<String> line, LongSupplier rejected,
                Supplier<Loader.Loaded> loaded, Supplier<LoadReport> report) {
            this.source = source;
            this.account = account;
            this.line = line;
            this.rejected = rejected;
            this.loaded = loaded;
            this.report = report;
        }

        /** The streamed rows of {@code rows}: the account and table are asked of it when wanted. */
        static Opened streamed(StreamedSource rows) {
            return new Opened(rows, () -> new LoadSummary(rows.report()), () -> new LoadSummary(rows.report()).line(),
                    () -> rows.report().rejected(), rows::loaded, rows::report);
        }

        CubeSource source() {
            return source;
        }

        /**
         * A snapshot's rows: each cube reads the columns it needs; the account is the import's, and
         * the table (for analyses of rows) is every column, read when asked.
         */
        static Opened snapshot(SnapshotSource rows) {
            SnapshotReader snapshot = rows.snapshot();
            LoadSummary summary = new LoadSummary(snapshot.report());
            return new Opened(rows, () -> summary, () -> DataOptions.line(summary, snapshot.folder(), snapshot.rows()),
                    () -> snapshot.report().rejected(),
                    () -> new Loader.Loaded(rows.rows().orElseThrow().table(), snapshot.report(), snapshot.folder()),
                    snapshot::report);
        }

        /** Whether the rows are read as the analysis asks for its cube, rather than already loaded. */
        boolean streamed() {
            return source instanceof StreamedSource || source instanceof SnapshotSource;
        }

        Result account() {
            return account.get();
        }

        String line() {
            return line.get();
        }

        long rejected() {
            return rejected.getAsLong();
        }

        /** The loaded table and its report, or {@code null} for cube files and rows read elsewhere. */
        Loader.Loaded loaded() {
            return loaded.get();
        }

        /**
         * The account of the rows' load, as {@link #loaded()} gives it but reading no column of a
         * snapshot (its import's account); {@code null} for cube files and rows read elsewhere.
         */
        LoadReport report() {
            return report.get();
        }
    }

    /**
     * Loads the rows of {@code table} (validating them, rejects to the rejects file; a snapshot as
     * imported) or reads and merges the cubes, reporting to {@code progress}.
     */
    Opened open(Schema table, Progress progress) throws IOException {
        return open(table, progress, false);
    }

    /**
     * Opens the input as {@link #open(Schema, Progress)} does, streaming the rows
     * ({@link StreamedSource}) when the command asks for it ({@code streams}: it needs one cube)
     * or {@code --stream} does, unless {@code --load} does not; a filter on text values (which are
     * known only once read, even with {@code --stream}) is loaded. A snapshot is read column by
     * column as the cubes need them ({@link SnapshotSource}), or whole with {@code --load}: streamed
     * for each cube when the command needs one cube or {@code --stream} is given, and otherwise (the
     * report, an employer's comparison, the scorecard: many cubes, or rows) each column read once
     * and kept if every column of the pool fits half the heap, streamed again for each cube if not
     * ({@link SnapshotSource.Reading#of}).
     */
    Opened open(Schema table, Progress progress, boolean streams) throws IOException {
        if (stream && load) {
            throw new LadderException("--stream and --load: give one of them");
        }
        int cores = threads();
        if (input.cubes != null) {
            if (where != null && !where.isBlank()) {
                throw new LadderException("--where filters rows, and cube files hold none; build the cubes with"
                        + " `ladder cube --where ...` instead");
            }
            Cube merged = CubeFile.merge(input.cubes);
            CubesSummary summary = new CubesSummary(input.cubes, merged);
            return new Opened(CubeSource.of(merged), summary, summary.line(), merged.provenance().rejected(), null);
        }
        if (opener != null) {
            if (table != Schema.EMPLOYEES) {
                throw new LadderException("this job reads employees tables on the cluster; run this command on "
                        + table.name() + " files with ladder on one machine");
            }
            RowsOpener.Opening opening = opener.open(input.data, where == null ? "" : where, rejects);
            LoadSummary summary = new LoadSummary(opening.report());
            return new Opened(opening.source(), summary, summary.line(), opening.report().rejected(), null);
        }
        List<Path> paths = input.data.stream().map(Path::of).toList();
        Path rejectsFile = rejects == null ? null : Path.of(rejects);
        Path snapshot = Loader.snapshotOf(paths);
        if (snapshot != null && !load) {
            refuseRejects(snapshot, rejectsFile);
            SnapshotReader reader = SnapshotReader.open(snapshot, table, cores, progress);
            return Opened.snapshot(new SnapshotSource(reader, where, cores,
                    SnapshotSource.Reading.of(stream || streams, reader.rows())));
        }
        if ((stream || streams && !load) && snapshot == null) {
            Filter filter = streamable(table);
            if (filter != null) {
                ladder.engine.io.InputFiles.expand(paths);
                return Opened.streamed(new StreamedSource(table, paths, rejectsFile, progress, where, filter, cores,
                        stream));
            }
        }
        Loader.Loaded loaded = load(table, paths, rejectsFile, progress);
        LoadSummary summary = new LoadSummary(loaded.report());
        Filter filter = FilterParser.parse(where, loaded.table());
        return new Opened(CubeSource.of(loaded.table(), filter, cores), summary, line(loaded),
                loaded.report().rejected(), loaded);
    }

    /**
     * {@code --where} compiled against an empty table of {@code schema}, which serves every table of
     * it; {@code null} if it cannot be (it names a text value, or is wrong: loading says which).
     */
    private Filter streamable(Schema schema) {
        try {
            return FilterParser.parse(where, new ladder.engine.table.TableBuilder(schema).build());
        } catch (LadderException e) {
            return null;
        }
    }

    /** The account of a load in one line (and its warnings): what was read, or the snapshot and what its import read. */
    static String line(Loader.Loaded loaded) {
        return line(new LoadSummary(loaded.report()), loaded.snapshot(), loaded.table().rows());
    }

    private static String line(LoadSummary summary, Path snapshot, long rows) {
        return snapshot == null ? summary.line()
                : String.format("Snapshot %s: %,d rows; imported: %s", snapshot, rows, summary.line());
    }

    /** Loads {@code paths} as {@link #load(Schema, List, Path, Path, Progress)} does, by default rejecting to {@link #DEFAULT_REJECTS}. */
    static Loader.Loaded load(Schema schema, List<Path> paths, Path rejects, Progress progress) throws IOException {
        return load(schema, paths, rejects, DEFAULT_REJECTS, progress);
    }

    /**
     * Loads {@code paths}; rejected rows go to {@code rejects}, or when it is null to
     * {@code byDefault}, which is left behind only if a row was rejected. A snapshot is
     * read as imported, and writes no rejects file ({@code --rejects} with one is refused).
     */
    static Loader.Loaded load(Schema schema, List<Path> paths, Path rejects, Path byDefault, Progress progress)
            throws IOException {
        Path snapshot = Loader.snapshotOf(paths);
        if (snapshot != null) {
            refuseRejects(snapshot, rejects);
            return Loader.load(schema, paths, null, progress);
        }
        return rejecting(rejects, byDefault, target -> Loader.load(schema, paths, target, progress),
                loaded -> loaded.report().rejected());
    }

    private static void refuseRejects(Path snapshot, Path rejects) {
        if (rejects != null) {
            throw new LadderException("--rejects: " + snapshot + " is a snapshot, whose rows were validated when"
                    + " it was imported (its rejected rows went to the rejects file of ladder import)");
        }
    }

    /** Runs {@code read} with the rejects file {@code rejects}, by default {@link #DEFAULT_REJECTS}, left only if a row was rejected. */
    static <T> T rejecting(Path rejects, Function<Path, T> read, ToLongFunction<T> rejected) {
        try {
            return rejecting(rejects, DEFAULT_REJECTS, read, rejected);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs {@code read} with the rejects file {@code rejects}, or when it is null {@code byDefault}, left only if a row was rejected. */
    private static <T> T rejecting(Path rejects, Path byDefault, Function<Path, T> read, ToLongFunction<T> rejected)
            throws IOException {
        Path target = rejects == null ? byDefault : rejects;
        T done = read.apply(target);
        if (rejects == null && rejected.applyAsLong(done) == 0) {
            Files.deleteIfExists(target);
        }
        return done;
    }
}
