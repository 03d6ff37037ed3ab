package ladder.reports.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import ladder.engine.contract.Schema;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.engine.cube.CubeStream;
import ladder.engine.filter.Filter;
import ladder.engine.filter.FilterParser;
import ladder.engine.io.LoadReport;
import ladder.engine.io.Loader;
import ladder.engine.io.Progress;
import ladder.engine.table.Table;
import ladder.engine.table.TableBuilder;

/**
 * The rows of {@code --data} for a one-shot question: the first cube asked for is built while the
 * files are read and validated ({@link Loader#stream}), in memory that follows the cube and the
 * duplicate check rather than the rows, and that pass writes the rejected-rows file and gives the
 * account. A later cube held by one built already is taken from it. A cube it cannot be taken from
 * reads the files again when streaming was asked for ({@code --stream}), and otherwise loads the
 * table; asking for the rows (an analysis of rows) loads the table. A pass or load after the first
 * writes no rejects: the first wrote them, and validation is the same each time.
 */
final class StreamedSource implements CubeSource {
    /** Chunks of rows a group's cube is built from: 16 of 65,536 rows, about 20 MB of table at a time. */
    static final int GROUP_CHUNKS = 16;

    private final Schema schema;
    private final List<Path> paths;
    private final Path rejects;
    private final Progress progress;
    private final String where;
    private final Filter filter;
    private final int threads;
    private final boolean alwaysStream;
    private final List<Cube> built = new ArrayList<>();
    private LoadReport report;
    private Loader.Loaded loaded;
    private CubeSource loadedSource;

    /**
     * The rows of {@code paths} passing {@code where}, rejected rows to {@code rejects} (or the
     * default file, left only if a row is rejected); {@code filter} is {@code where} compiled
     * against any table of the schema. With {@code alwaysStream} a cube not held reads the files
     * again rather than loading them.
     */
    StreamedSource(Schema schema, List<Path> paths, Path rejects, Progress progress, String where, Filter filter,
            int threads, boolean alwaysStream) {
        this.schema = schema;
        this.paths = paths;
        this.rejects = rejects;
        this.progress = progress;
        this.where = where;
        this.filter = filter;
        this.threads = threads;
        this.alwaysStream = alwaysStream;
    }

    @Override
    public Cube cube(List<String> dimensions, List<String> measures) {
        if (loadedSource != null) {
            return loadedSource.cube(dimensions, measures);
        }
        for (Cube cube : built) {
            if (dimensions.stream().allMatch(cube::hasDimension)
                    && measures.stream().allMatch(cube::hasMeasure)) {
                return CubeSource.of(cube).cube(dimensions, measures);
            }
        }
        if (report != null && !alwaysStream) {
            return load().cube(dimensions, measures);
        }
        CubeStream stream = new CubeStream(schema, filter, dimensions, measures, threads);
        pass(stream.columns(), stream);
        Cube cube = stream.cube();
        built.add(cube);
        return cube;
    }

    @Override
    public String filter() {
        return filter.text();
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public Optional<Rows> rows() {
        return load().rows();
    }

    /** What reading the files read, accepted and rejected: from the first pass or load, reading them now if none was made. */
    LoadReport report() {
        if (report == null) {
            pass(List.of(), group -> { });
        }
        return report;
    }

    /** The loaded table, loading it now if it is not. */
    Loader.Loaded loaded() {
        load();
        return loaded;
    }

    /** Reads the files, handing the groups, which read only {@code columns}, to {@code groups}. */
    private void pass(java.util.Collection<String> columns, Consumer<Table> groups) {
        if (report != null) {
            Loader.stream(schema, paths, null, progress, TableBuilder.DEFAULT_CHUNK_ROWS, GROUP_CHUNKS, columns, groups);
            return;
        }
        report = DataOptions.rejecting(rejects, target -> Loader.stream(schema, paths, target, progress,
                TableBuilder.DEFAULT_CHUNK_ROWS, GROUP_CHUNKS, columns, groups), LoadReport::rejected);
    }

    private CubeSource load() {
        if (loadedSource == null) {
            try {
                loaded = report == null ? DataOptions.load(schema, paths, rejects, progress)
                        : new Loader.Loaded(Loader.load(schema, paths, null, progress).table(), report);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            report = loaded.report();
            loadedSource = CubeSource.of(loaded.table(), FilterParser.parse(where, loaded.table()), threads);
        }
        return loadedSource;
    }
}
