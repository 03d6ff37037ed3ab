package ladder.reports.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import ladder.engine.contract.Schema;
import ladder.engine.cube.CubeSource;
import ladder.engine.io.WrongTableException;
import ladder.models.result.Result;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A subcommand that opens the input (rows or cube files), runs one analysis on its cubes and
 * prints the result ({@link OutputOptions}). Adding an analysis is one subclass with its options
 * and {@link #analyse}, listed in {@link Main}.
 */
abstract class AnalysisCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    /** The contract table the command reads: employees, unless it says otherwise. */
    Schema table() {
        return Schema.EMPLOYEES;
    }

    /** Whether the command reads applicants files as well as employees files, as whichever the files hold. */
    boolean readsEitherTable() {
        return false;
    }

    /**
     * Whether the analysis needs only one cube of the rows (no rows, no second cube the first does
     * not hold), so that by default the cube is built while the files are read rather than after
     * loading the table ({@code --stream}, {@code --load}).
     */
    boolean streams() {
        return false;
    }

    /** The analysis of the rows or cubes {@code source} stands for. */
    abstract Result analyse(CubeSource source);

    /** The analysis of the opened input; an analysis that also reads rows (when there are rows) overrides this. */
    Result analyse(DataOptions.Opened in) {
        return analyse(in.source());
    }

    @Mixin
    ProgressOptions progress;

    @Override
    public Integer call() throws IOException {
        output.check();
        DataOptions.Opened in;
        Result result;
        try (ProgressLine line = progress.start(spec.commandLine().getErr())) {
            try {
                in = data.open(table(), line.progress(), streams());
                if (!in.streamed()) {
                    line.phase("analysing");
                }
                result = analyse(in);
            } catch (WrongTableException e) {
                // Streamed rows meet the other table's files only when the analysis reads them.
                if (!readsEitherTable()) {
                    throw e;
                }
                in = data.open(e.held(), line.progress(), streams());
                result = analyse(in);
            }
        }
        output.print(spec, in, result);
        return data.strict && in.rejected() > 0 ? Main.EXIT_REJECTED : 0;
    }
}
