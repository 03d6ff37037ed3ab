package ladder.reports.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import ladder.engine.cube.CubeFile;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;

/**
 * The methods appendix: each analysis with the options it ran with (its inputs) and its notes
 * (methods and their sources), the disclosure rule applied, the software version, the SHA-256 of
 * each input file and the command that reproduces the report.
 */
final class MethodsAppendix {
    static final String ID = "methods";

    private MethodsAppendix() {
    }

    static Part of(List<Part> parts, ReportInputs inputs, Disclosure disclosure) {
        PartWriter out = new PartWriter(ID, "Methods appendix");
        out.heading("Reproducing this report");
        out.paragraph("Made by ladder " + CubeFile.LADDER_VERSION + " (data contract version " + CubeFile.CONTRACT_VERSION
                + ") on Java " + Runtime.version() + ". The same inputs and this command give the same report:");
        out.figure("<pre class=\"command\">" + ladder.reports.render.Html.escape(inputs.command()) + "</pre>");
        ResultTable.Builder files = ResultTable.builder("inputs", "Input files and the SHA-256 of their bytes")
                .column("file", Kind.LABEL, "an input file as given")
                .column("sha256", Kind.LABEL, "SHA-256 of the file's bytes");
        inputs.files().forEach(f -> files.row(f.path(), f.sha256()));
        out.table(files.build());
        out.heading("Disclosure control").paragraph(disclosure.rule());
        out.heading("Analyses, their options and methods");
        Set<Result> seen = new LinkedHashSet<>();
        for (Part p : parts) {
            seen.addAll(p.analyses());
        }
        for (Result r : seen) {
            List<String> lines = new ArrayList<>();
            r.inputs().forEach((k, v) -> lines.add(k + ": " + v));
            out.heading(r.title()).paragraph("Options and inputs:").words(lines).paragraph("Methods and notes:")
                    .words(r.notes());
        }
        return out.part();
    }
}
