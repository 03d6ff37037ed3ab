package ladder.reports.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** Whether long work shows its progress on standard error. */
final class ProgressOptions {
    /** Set by {@code bin/ladder} when standard error is a terminal ({@code [ -t 2 ]}), which Java cannot tell. */
    static final String TERMINAL_PROPERTY = "ladder.stderr.terminal";

    @Option(names = "--quiet", description = "Show no progress on standard error.")
    boolean quiet;

    @Option(names = "--progress",
            description = "Show progress on standard error even when it is not a terminal (a line every second).")
    boolean progress;

    /** The progress line for this run: shown on a terminal after two seconds, at once with --progress, never with --quiet. */
    ProgressLine start(PrintWriter err) {
        boolean terminal = Boolean.getBoolean(TERMINAL_PROPERTY);
        if (quiet || !(terminal || progress)) {
            return ProgressLine.off();
        }
        return ProgressLine.start(err, terminal, progress ? 0 : ProgressLine.QUIET_MILLIS);
    }
}
