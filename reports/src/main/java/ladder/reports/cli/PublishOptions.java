package ladder.reports.cli;

import picocli.CommandLine.Option;

/** The options every estimating command shares: the confidence level and disclosure control for publication. */
final class PublishOptions {
    @Option(names = "--level", paramLabel = "P", defaultValue = "0.95",
            description = "Confidence level of the intervals. Default: ${DEFAULT-VALUE}.")
    double level;

    @Option(names = "--publish", description = "Apply disclosure control for publication: counts under 10 withheld, "
            + "with what would reveal them, each marked with its reason.")
    boolean publish;

    /** The confidence level, checked. */
    double level() {
        Main.checkLevel(level);
        return level;
    }
}
