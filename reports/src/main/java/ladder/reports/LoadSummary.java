package ladder.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.engine.io.LoadReport;
import ladder.engine.io.Rejection;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;

/** A load's account of what was read, accepted and rejected, as a result people and software can read. */
public record LoadSummary(LoadReport report) implements Result {

    @Override
    public String title() {
        return "Validation of " + report.files().size() + (report.files().size() == 1 ? " file" : " files");
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("files", report.files());
        inputs.put("read", report.read());
        inputs.put("accepted", report.accepted());
        inputs.put("rejected", report.rejected());
        inputs.put("rejects_file", report.rejectsFile() == null ? null : report.rejectsFile().toString());
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        ResultTable.Builder byRule = ResultTable.builder("rejected_by_rule", "Rejected rows by rule")
                .column("rule", Kind.LABEL, "the first rule the row broke")
                .column("rows", Kind.COUNT, "rows rejected");
        report.rejectedByRule().forEach((rule, n) -> byRule.row(rule, n));
        ResultTable.Builder first = ResultTable.builder("rejections", "First rejected rows")
                .column("file", Kind.LABEL, "file the row came from")
                .column("line", Kind.COUNT, "physical line number (header = 1)")
                .column("column", Kind.LABEL, "column(s) at fault")
                .column("value", Kind.LABEL, "the value(s) found")
                .column("rule", Kind.LABEL, "the rule broken");
        for (Rejection r : report.firstRejections()) {
            first.row(r.file(), r.line(), r.column(), r.value(), r.rule());
        }
        return List.of(byRule.build(), first.build());
    }

    @Override
    public List<String> notes() {
        return report.warnings();
    }

    /** One line for people: what was read, kept and rejected, and where the rejected rows are. */
    public String line() {
        StringBuilder s = new StringBuilder(String.format("Read %,d rows from %d file(s): %,d accepted, %,d rejected",
                report.read(), report.files().size(), report.accepted(), report.rejected()));
        if (report.rejected() > 0 && report.rejectsFile() != null) {
            s.append(" (rejected rows with their reasons: ").append(report.rejectsFile()).append(')');
        }
        for (String w : report.warnings()) {
            s.append("\nWarning: ").append(w);
        }
        return s.toString();
    }
}
