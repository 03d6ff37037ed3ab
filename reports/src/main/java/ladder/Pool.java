package ladder;

import java.util.List;
import ladder.engine.filter.Filter;
import ladder.engine.filter.FilterParser;
import ladder.engine.io.LoadReport;
import ladder.engine.table.Table;
import ladder.models.describe.Description;
import ladder.reports.LoadSummary;

/**
 * A loaded pool of employee rows, optionally narrowed by a filter. Immutable: {@link #where}
 * answers a new view; the analyses answer result values that render as tables.
 */
public final class Pool {
    private final Table table;
    private final LoadReport report;
    private final String where;
    private final int threads = Runtime.getRuntime().availableProcessors();

    Pool(Table table, LoadReport report, String where) {
        this.table = table;
        this.report = report;
        this.where = where;
    }

    public Table table() {
        return table;
    }

    /** What loading read, accepted and rejected, and why. */
    public LoadSummary validation() {
        return new LoadSummary(report);
    }

    /** The pool narrowed to rows passing {@code filter} (and any filter already applied), e.g. {@code "grade >= 4"}. */
    public Pool where(String filter) {
        FilterParser.parse(filter, table);
        return new Pool(table, report, where.isBlank() ? filter : "(" + where + ") and (" + filter + ")");
    }

    public Description describe() {
        return Description.of(table, filter(), threads);
    }

    /** The class composition of the whole pool; {@link CompositionQuery#by} breaks it down. */
    public CompositionQuery composition() {
        return new CompositionQuery(this, List.of(), 0.95, false);
    }

    Filter filter() {
        return FilterParser.parse(where, table);
    }

    int threads() {
        return threads;
    }

    @Override
    public String toString() {
        return "Pool of " + table.rows() + " rows" + (where.isBlank() ? "" : " where " + where);
    }
}
