package ladder.reports.cli;

import ladder.engine.cube.CubeSource;
import ladder.models.describe.Description;
import ladder.models.result.Result;
import picocli.CommandLine.Command;

@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Rows, employers and years in the pool, and the response rate to the parental occupation "
                + "question by employer and year. Reads employees or applicants files, whichever the files hold "
                + "(told apart by their columns).")
final class DescribeCommand extends AnalysisCommand {
    @Override
    boolean readsEitherTable() {
        return true;
    }

    @Override
    boolean streams() {
        return true;
    }

    @Override
    Result analyse(CubeSource source) {
        return Description.of(source);
    }
}
