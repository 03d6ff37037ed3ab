package ladder.engine.snapshot;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ladder.engine.LadderException;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeKernel;
import ladder.engine.cube.CubeSource;
import ladder.engine.cube.CubeStream;
import ladder.engine.filter.Filter;
import ladder.engine.filter.FilterParser;
import ladder.engine.io.HeapNeed;
import ladder.engine.table.Table;
import ladder.engine.table.TableBuilder;

/**
 * The rows of a snapshot for questions: each cube is built by the kernel from the columns it
 * needs (its dimensions, its measures and the filter's columns) and no others; no row is validated
 * or checked for duplicates again, since the import did both. How the columns are read is the
 * source's {@link Reading}: streamed from the files for each cube (a command's one question), or
 * read once and kept (a notebook's many, a report's). An analysis of rows reads the columns it
 * names ({@link #rows(Collection)}), or every column ({@link #rows()}), after which the cubes are
 * built from them. A source narrowed to an employer ({@link #where}) is a source of the same
 * snapshot, reading as this one does.
 *
 * <p>The filter is compiled when the source is made, against a table of no rows in which the text
 * columns it names hold their dictionaries ({@link SnapshotReader#dictionaries}): a text value
 * ({@code employer_id = 'E1'}) has the code it has in every chunk, so a filter on one reads no
 * column more than a filter on codes does.
 */
public final class SnapshotSource implements CubeSource {
    /** How a source reads the columns of its cubes. */
    public enum Reading {
        /**
         * Each cube streams its columns from the files a group of chunks at a time
         * ({@link SnapshotReader#stream}, {@link CubeStream}), holding the cube and one group,
         * never the columns: a command's question, in memory that follows the cube.
         */
        STREAM,
        /**
         * Each cube reads the columns it needs that were not read before, once, and keeps them
         * ({@link SnapshotReader#table}): later questions of the same columns read nothing.
         */
        KEEP;

        /**
         * How a command reads a snapshot of {@code rows} rows: a one-shot question ({@code oneShot}:
         * it needs one cube) streams, so that its memory follows the cube, not the pool; a command
         * of many cubes or of rows (the report, an employer's comparison or pack, the scorecard)
         * keeps the columns it reads when every column of the pool would fit
         * ({@link HeapNeed#keeps}), so that each column is read from the files once, and streams
         * them again for each cube when they would not, rather than run out of memory.
         */
        public static Reading of(boolean oneShot, long rows) {
            return !oneShot && HeapNeed.keeps(rows) ? KEEP : STREAM;
        }
    }

    private final SnapshotReader snapshot;
    private final String where;
    private final int threads;
    private final Reading reading;
    private final Filter filter;
    private Rows all;

    /**
     * The rows of {@code snapshot} passing {@code where} (null or blank: every row), cubes built on
     * {@code threads} threads from columns read as {@code reading} says.
     *
     * @throws LadderException at once, before any column is read but the dictionaries the filter
     *     names, if {@code where} is wrong (in the words a loaded table gives)
     */
    public SnapshotSource(SnapshotReader snapshot, String where, int threads, Reading reading) {
        this.snapshot = snapshot;
        this.where = where;
        this.threads = threads;
        this.reading = reading;
        this.filter = compile(snapshot, where);
    }

    public SnapshotReader snapshot() {
        return snapshot;
    }

    @Override
    public Cube cube(List<String> dimensions, List<String> measures) {
        Rows loaded = loadedRows();
        if (loaded != null) {
            return CubeKernel.build(loaded.table(), loaded.filter(), dimensions, measures, threads);
        }
        CubeStream stream = new CubeStream(snapshot.schema(), filter, dimensions, measures, threads);
        if (reading == Reading.KEEP) {
            stream.accept(snapshot.table(stream.columns()));
        } else {
            snapshot.stream(stream.columns(), stream);
        }
        return stream.cube();
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
        return Optional.of(all());
    }

    /**
     * The rows holding {@code columns} and the filter's, read now if they were not (and kept, as
     * {@link Reading#KEEP} keeps them, whatever this source's reading), under the filter compiled
     * against the dictionaries; once every column was read ({@link #rows()}), those rows.
     */
    @Override
    public Optional<Rows> rows(Collection<String> columns) {
        Rows loaded = loadedRows();
        if (loaded != null) {
            return Optional.of(loaded);
        }
        Set<String> names = new LinkedHashSet<>(columns);
        filter.columns().forEach(c -> names.add(c.name()));
        return Optional.of(new Rows(snapshot.table(names), filter, threads));
    }

    /**
     * The rows of the same snapshot passing this source's filter and {@code dimension = 'level'}
     * (an employer's pack), read as this source reads and on as many threads: their cubes read
     * the columns they need and no others, the filter compiled against the dictionaries as the
     * constructor compiles it. Once this source's rows were read whole, those rows are narrowed
     * ({@link CubeSource#where}).
     *
     * @throws LadderException for a level with a quote, as every source refuses it
     */
    @Override
    public CubeSource where(String dimension, String level) {
        if (loadedRows() != null) {
            return CubeSource.super.where(dimension, level);
        }
        return new SnapshotSource(snapshot, CubeSource.whereText(filter.text(), dimension, level), threads, reading);
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

    /**
     * {@code where} compiled against the dictionaries of the text columns it names. A dictionary
     * read alone is not yet checked against its column's checksum, so a mistake found against one
     * is reported only once the column is read whole and found intact: a damaged column is refused
     * as such, not taken for a value the data lack.
     */
    private static Filter compile(SnapshotReader snapshot, String where) {
        Table schema = new TableBuilder(snapshot.schema()).build();
        List<String> text = FilterParser.words(where).stream()
                .filter(w -> schema.hasColumn(w) && schema.column(w).pool() != null).toList();
        try {
            return FilterParser.parse(where, text.isEmpty() ? schema : snapshot.dictionaries(text));
        } catch (LadderException e) {
            if (text.isEmpty()) {
                throw e;
            }
            return FilterParser.parse(where, snapshot.table(text));
        }
    }
}
