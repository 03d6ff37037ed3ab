package ladder.reports.report;

import java.util.ArrayList;
import java.util.List;
import ladder.models.result.Chart;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.reports.render.Html;

/** Writes one {@link Part}: paragraphs, tables (each also a CSV), charts as inline SVG, in order. */
final class PartWriter {
    private final String id;
    private final String title;
    private final StringBuilder html = new StringBuilder();
    private final List<ResultTable> tables = new ArrayList<>();
    private final List<Result> analyses = new ArrayList<>();
    private int charts;
    private String prefix = "";
    private java.util.function.UnaryOperator<Chart> marks = java.util.function.UnaryOperator.identity();

    PartWriter(String id, String title) {
        this.id = id;
        this.title = title;
    }

    PartWriter heading(String text) {
        html.append("<h3>").append(Html.escape(text)).append("</h3>\n");
        return this;
    }

    PartWriter paragraph(String text) {
        html.append("<p>").append(Html.escape(text)).append("</p>\n");
        return this;
    }

    /** Sentences in words (a result's headlines and notes), as a list. */
    PartWriter words(List<String> sentences) {
        if (!sentences.isEmpty()) {
            html.append("<ul class=\"words\">\n");
            sentences.forEach(s -> html.append("<li>").append(Html.escape(s)).append("</li>\n"));
            html.append("</ul>\n");
        }
        return this;
    }

    /**
     * A result's notes as the report prints them ({@link #published}), as a list.
     *
     * @param complete whether the report printed the result's tables as its own disclosure control made them
     */
    PartWriter notes(Result result, boolean complete) {
        return words(published(result, complete));
    }

    /** Said in place of an analysis's findings that the report's plan leaves out. */
    static final String FINDINGS_WITHHELD = "This analysis's findings in words are left out: the report's disclosure plan"
            + " withholds some of the figures they rest on (the tables show what is published).";

    /**
     * A result's notes as a report publishes them: without those counting the rows left out ({@link
     * Result#LEFT_OUT}: the non-answers by kind, the rows without pay or a time in grade are not all counts of
     * the report's plan; the data section prints the non-answers it publishes), and, when the report's plan
     * withheld more of its tables than the analysis's own control did, without its findings
     * ({@link Result#findings()}), which rest on them.
     */
    static List<String> published(Result result, boolean complete) {
        java.util.Set<String> findings = complete ? java.util.Set.of() : new java.util.HashSet<>(result.findings());
        List<String> notes = new java.util.ArrayList<>(result.notes().stream()
                .filter(n -> !n.startsWith(Result.LEFT_OUT) && !findings.contains(n)).toList());
        if (result.notes().stream().anyMatch(findings::contains)) {
            notes.add(0, FINDINGS_WITHHELD);
        }
        return notes;
    }

    /**
     * Names the tables that follow {@code key-NAME} (e.g. {@code by_year-shares}), for a section
     * that shows two analyses with tables of the same name.
     */
    PartWriter prefix(String key) {
        prefix = key + "-";
        return this;
    }

    /** A table as published, with a link to its CSV. */
    PartWriter table(ResultTable published) {
        ResultTable table = prefix.isEmpty() ? published
                : new ResultTable(prefix + published.name(), published.title(), published.columns(), published.rows());
        tables.add(table);
        html.append("<div class=\"table\">\n");
        Html.table(table, html);
        String csv = Part.csvName(id, table);
        html.append("<p class=\"csv\">Table as CSV: <a href=\"tables/").append(Html.escape(csv)).append("\">tables/")
                .append(Html.escape(csv)).append("</a></p>\n</div>\n");
        return this;
    }

    /** Every chart written after this is drawn as {@code marks} gives it (an employer's pack marks the coalition). */
    PartWriter marks(java.util.function.UnaryOperator<Chart> marks) {
        this.marks = marks;
        return this;
    }

    PartWriter chart(Chart chart) {
        html.append("<figure>").append(Svg.of(marks.apply(chart), id + "-chart-" + ++charts)).append("</figure>\n");
        return this;
    }

    /**
     * The analysis's charts when the report publishes every value they show ({@code complete}: the
     * report's plan withheld nothing more in the tables it is drawn from), else a line saying why it
     * is left out.
     */
    PartWriter charts(List<Chart> charts, boolean complete) {
        for (Chart chart : charts) {
            if (complete) {
                chart(chart);
            } else {
                paragraph("The chart \u201c" + chart.title() + "\u201d is left out: it would show figures that the"
                        + " report's disclosure control withholds.");
            }
        }
        return this;
    }

    /** Inline SVG or other markup drawn by the section itself. */
    PartWriter figure(String markup) {
        html.append("<figure>").append(markup).append("</figure>\n");
        return this;
    }

    /**
     * An analysis as its own disclosure control publishes it: its title, its notes (they open with
     * what it says in words), its charts and its tables.
     */
    PartWriter analysis(Result result) {
        return analysis(result, java.util.function.UnaryOperator.identity());
    }

    /**
     * An analysis with each of its tables as {@code publish} gives it (the report's plan on top of
     * the analysis's own control), its charts only when that withholds nothing more.
     */
    PartWriter analysis(Result result, java.util.function.UnaryOperator<ResultTable> publish) {
        return analysis(result, result.charts(), publish);
    }

    /** An analysis as its own disclosure control publishes it, without its charts (drawn elsewhere). */
    PartWriter tables(Result result) {
        return analysis(result, List.of(), java.util.function.UnaryOperator.identity());
    }

    /**
     * As {@link #analysis(Result, java.util.function.UnaryOperator)}, {@code always} being what {@code publish}
     * withholds whatever the plan (a column the report never prints): its charts and findings are printed when
     * the plan withholds nothing more.
     */
    PartWriter analysis(Result result, java.util.function.UnaryOperator<ResultTable> publish,
            java.util.function.UnaryOperator<ResultTable> always) {
        return analysis(result, result.charts(), publish, always);
    }

    private PartWriter analysis(Result result, List<Chart> charts, java.util.function.UnaryOperator<ResultTable> publish) {
        return analysis(result, charts, publish, java.util.function.UnaryOperator.identity());
    }

    private PartWriter analysis(Result result, List<Chart> charts, java.util.function.UnaryOperator<ResultTable> publish,
            java.util.function.UnaryOperator<ResultTable> always) {
        List<ResultTable> published = result.tables().stream().map(publish).toList();
        boolean complete = published.equals(result.tables().stream().map(always).toList());
        heading(result.title()).rests(result).notes(result, complete).charts(charts, complete);
        published.forEach(this::table);
        return this;
    }

    /** The analysis tried, or under its heading why it is not available. */
    PartWriter analysis(Attempt attempt) {
        return analysis(attempt, java.util.function.UnaryOperator.identity());
    }

    /** The analysis tried with its tables as {@code publish} gives them, or under its heading why it is not available. */
    PartWriter analysis(Attempt attempt, java.util.function.UnaryOperator<ResultTable> publish) {
        return attempt.result() != null ? analysis(attempt.result(), publish)
                : heading(attempt.title()).paragraph("Not available from these inputs: " + attempt.why());
    }

    /** Records an analysis the section rests on, for the methods appendix. */
    PartWriter rests(Result analysis) {
        analyses.add(analysis);
        return this;
    }

    Part part() {
        return new Part(id, title, html.toString(), tables, analyses);
    }
}
