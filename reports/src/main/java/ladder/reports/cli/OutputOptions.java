package ladder.reports.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.engine.LadderException;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.reports.render.Format;
import ladder.reports.render.Json;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * How an analysis prints: the format, and for CSV which table (one CSV holds one table) or a
 * folder to write every table to. The input's account goes to standard error for people (table,
 * csv) and into the document for software (json), so standard output holds only the result.
 */
final class OutputOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (for people), json or csv (full double precision, for software). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--table", paramLabel = "NAME",
            description = "With --format csv: the table to print (default: the main one; the others are named on standard error).")
    String table;

    @Option(names = "--out", paramLabel = "DIR",
            description = "With --format csv: write every table to DIR/NAME.csv instead of printing one.")
    Path out;

    private Format chosen;

    /** Checks the options before any work: a bad one is one line, not a long wait and then a line. */
    void check() {
        chosen = Main.format(format);
        if ((table != null || out != null) && chosen != Format.CSV) {
            throw new LadderException((table != null ? "--table" : "--out") + " goes with --format csv");
        }
        if (table != null && out != null) {
            throw new LadderException("--table prints one table and --out writes them all; give one of them");
        }
    }

    void print(CommandSpec spec, DataOptions.Opened in, Result result) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ResultTable named = table == null ? null : named(result.tables());
        if (chosen == Format.JSON) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", spec.name());
            doc.put("load", in.account().inputs());
            doc.put("result", Format.document(result));
            stdout.print(Json.write(doc));
        } else {
            stderr.println(in.line());
            if (chosen == Format.CSV) {
                csv(result, named, stdout, stderr);
            } else {
                stdout.print(chosen.render(result));
            }
        }
        stdout.flush();
        stderr.flush();
    }

    private ResultTable named(List<ResultTable> tables) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(table.strip())).findFirst()
                .orElseThrow(() -> new LadderException("no table '" + table.strip() + "' in this result; its tables are "
                        + String.join(", ", tables.stream().map(ResultTable::name).toList())));
    }

    private void csv(Result result, ResultTable named, PrintWriter stdout, PrintWriter stderr) throws IOException {
        List<ResultTable> tables = result.tables();
        if (out != null) {
            Files.createDirectories(out);
            List<String> written = new ArrayList<>();
            for (ResultTable t : tables) {
                Path file = out.resolve(t.name() + ".csv");
                ladder.engine.io.OutputFiles.writeAtomically(file,
                        temp -> Files.writeString(temp, Format.csv(t), StandardCharsets.UTF_8));
                written.add(file.getFileName().toString());
            }
            stderr.println("Wrote " + written.size() + " table(s) to " + out + ": " + String.join(", ", written));
            return;
        }
        ResultTable shown = named != null ? named : tables.get(0);
        if (named == null && tables.size() > 1) {
            stderr.println("CSV holds the table '" + shown.name() + "'; the result also has "
                    + String.join(", ", tables.stream().skip(1).map(t -> "'" + t.name() + "'").toList())
                    + ": name one with --table NAME, or write them all with --out DIR");
        }
        stdout.print(Format.csv(shown));
    }
}
