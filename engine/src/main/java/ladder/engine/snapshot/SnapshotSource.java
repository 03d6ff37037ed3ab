package ladder.engine.snapshot;

import java.util.List;
import java.util.Optional;
import ladder.engine.LadderException;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeKernel;
import ladder.engine.cube.CubeSource;
import ladder.engine.cube.CubeStream;
import ladder.engine.filter.Filter;
import ladder.engine.filter.FilterParser;
import ladder.engine.table.Table;
import ladder.engine.table.TableBuilder;

/**
 * The rows of a snapshot for a question: each cube is built by the kernel straight from the
 * columns it needs (its dimensions, its measures and the filter's columns), streamed from the
 * snapshot a group of chunks at a time ({@link SnapshotReader#stream}, {@link CubeStream}), so
 * that it holds the cube and one group, never the columns; no row is validated or checked for
 * duplicates again, since the import did both. An analysis of rows ({@link #rows}) reads every
 * column, and the cubes asked for after it are built from them.
 *
 * <p>A filter that names only codes and amounts is compiled against an empty table of the schema,
 * which serves every table of it; one that names a text value ({@code employer_id = 'E1'}) needs
 * the text column's dictionary and is compiled once every column is read.
 */
public final class SnapshotSource implements CubeSource {
    private final SnapshotReader snapshot;
    private final String where;
    private final int threads;
    private final Filter codedFilter;
    private Rows all;

    /** The rows of {@code snapshot} passing {@code where} (null or blank: every row), cubes built on {@code threads} threads. */
    public SnapshotSource(SnapshotReader snapshot, String where, int threads) {
        this.snapshot = snapshot;
        this.where = where;
        this.threads = threads;
        this.codedFilter = coded(snapshot, where);
    }

    public SnapshotReader snapshot() {
        return snapshot;
    }

    @Override
    public Cube cube(List<String> dimensions, List<String> measures) {
        Rows loaded = loadedRows();
        if (codedFilter == null || loaded != null) {
            Rows rows = loaded != null ? loaded : all();
            return CubeKernel.build(rows.table(), rows.filter(), dimensions, measures, threads);
        }
        CubeStream stream = new CubeStream(snapshot.schema(), codedFilter, dimensions, measures, threads);
        snapshot.stream(stream.columns(), stream);
        return stream.cube();
    }

    @Override
    public String filter() {
        return codedFilter != null ? codedFilter.text() : all().filter().text();
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public Optional<Rows> rows() {
        return Optional.of(all());
    }

    private synchronized Rows loadedRows() {
        return all;
    }

    /** Every column, and the filter compiled against them. */
    private synchronized Rows all() {
        if (all == null) {
            Table table = snapshot.loaded().table();
            all = new Rows(table, FilterParser.parse(where, table), threads);
        }
        return all;
    }

    /** {@code where} compiled against an empty table of the snapshot's schema, or {@code null} if it names a text value (or is wrong: parsing it on the whole table says why). */
    private static Filter coded(SnapshotReader snapshot, String where) {
        try {
            return FilterParser.parse(where, new TableBuilder(snapshot.schema()).build());
        } catch (LadderException e) {
            return null;
        }
    }
}
