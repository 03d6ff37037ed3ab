package ladder.reports.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import ladder.datasets.ApplicantGenerator;
import ladder.datasets.ApplicantSpec;
import ladder.datasets.GeneratorSpec;
import ladder.datasets.PoolGenerator;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic pooled-employer CSV with known true effects (see docs/cli.md), streaming, "
                + "so any number of rows fits in constant memory: employee records, or with --table applicants "
                + "applications with known effects of background at each recruitment stage.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--rows", required = true, paramLabel = "N", description = "Person-year rows to write.")
    long rows;

    @Option(names = "--employers", defaultValue = "40", paramLabel = "E", description = "Employers. Default: ${DEFAULT-VALUE}.")
    int employers;

    @Option(names = "--years", defaultValue = "2022-2024", paramLabel = "FIRST-LAST",
            description = "Reporting years. Default: ${DEFAULT-VALUE}.")
    String years;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--table", defaultValue = "employees", paramLabel = "TABLE",
            description = "Contract table to write: employees (person-year rows) or applicants (one row per application). "
                    + "Default: ${DEFAULT-VALUE}.")
    String table;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String[] span = years.strip().split("-");
        int first;
        int last;
        try {
            first = Integer.parseInt(span[0].strip());
            last = span.length == 1 ? first : Integer.parseInt(span[1].strip());
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new LadderException("--years must be a year or FIRST-LAST, e.g. 2022-2024; got '" + years + "'");
        }
        if (span.length > 2 || first > last || first < 1990 || last > 2100) {
            throw new LadderException("--years must be FIRST-LAST within 1990-2100, e.g. 2022-2024; got '" + years + "'");
        }
        if (rows < 0 || employers < 1) {
            throw new LadderException("--rows must be 0 or more and --employers at least 1");
        }
        long written = Main.table(table) == Schema.APPLICANTS
                ? ApplicantGenerator.write(ApplicantSpec.defaults(rows, employers, first, last, seed), out)
                : PoolGenerator.write(GeneratorSpec.defaults(rows, employers, first, last, seed), out);
        spec.commandLine().getErr().printf("Wrote %,d rows to %s%n", written, out);
        return 0;
    }
}
