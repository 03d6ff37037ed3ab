package ladder.reports.report;

import java.util.List;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;

/**
 * A section as published: its anchor and heading, its body as HTML, the tables it shows (each also
 * written as {@code tables/ID-NAME.csv}) and the analyses it rests on (whose inputs and notes the
 * methods appendix lists).
 */
record Part(String id, String title, String html, List<ResultTable> tables, List<Result> analyses) {
    Part {
        tables = List.copyOf(tables);
        analyses = List.copyOf(analyses);
    }

    /** The CSV file name of a table of section {@code id}. */
    static String csvName(String id, ResultTable table) {
        return id + "-" + table.name() + ".csv";
    }
}
