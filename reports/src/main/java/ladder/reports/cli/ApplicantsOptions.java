package ladder.reports.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeFile;
import ladder.engine.cube.CubeSource;
import ladder.engine.filter.Filter;
import ladder.engine.io.Loader;
import ladder.reports.CubesSummary;
import ladder.reports.LoadSummary;
import ladder.reports.report.ReportInputs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where the applications come from, for the commands that read them beside the employees
 * ({@code employer}, {@code scorecard}, {@code report}): applicants files, validated against the
 * contract's applicants table, or cube files of them ({@code ladder cube --table applicants}),
 * merged, for a coalition whose employers send cubes instead of records; at most one of the two.
 */
final class ApplicantsOptions {
    static final String REJECTS = "ladder-applicants-rejects.csv";

    static final class Input {
        @Option(names = "--applicants", required = true, arity = "1..*", split = ",", paramLabel = "PATH",
                description = "Applicants files or folders (rejected applications go to " + REJECTS + ").")
        List<Path> files;

        @Option(names = "--applicant-cubes", required = true, arity = "1..*", split = ",", paramLabel = "FILE",
                description = "Or cube files of applications, written by `ladder cube --table applicants --dims "
                        + "employer_id,year,seb,stage_reached,...` (with the SEB questions' columns for the scorecard), merged.")
        List<Path> cubes;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Input input;

    /**
     * The applications read: from files ({@code loaded}) or merged cube files ({@code merged}, read
     * from {@code cubeFiles}), the other null.
     */
    record Opened(CubeSource source, Loader.Loaded loaded, List<Path> cubeFiles, Cube merged) {
        /** The line that accounts for them, as the employees' line does. */
        String line() {
            return loaded != null ? new LoadSummary(loaded.report()).line() : new CubesSummary(cubeFiles, merged).line();
        }

        /** Each input file with its SHA-256, for a report's methods appendix. */
        List<ReportInputs.InputFile> files() {
            return loaded != null ? ReportInputs.files(loaded.report()) : ReportInputs.files(cubeFiles, merged);
        }
    }

    /** The applications given, read on {@code threads} threads; empty when none are given. */
    Optional<Opened> open(int threads) {
        if (input == null) {
            return Optional.empty();
        }
        if (input.cubes != null) {
            Cube merged = CubeFile.merge(input.cubes);
            // Only the applicants table has stage_reached: without it the cubes are of employees.
            if (!merged.hasDimension("stage_reached")) {
                throw new LadderException("--applicant-cubes: the cubes have no dimension stage_reached, so they are not"
                        + " of applications (build them with ladder cube --table applicants --dims"
                        + " employer_id,year,seb,stage_reached,...)");
            }
            return Optional.of(new Opened(CubeSource.of(merged), null, input.cubes, merged));
        }
        Loader.Loaded loaded = load(input.files);
        return Optional.of(new Opened(CubeSource.of(loaded.table(), Filter.ALL, threads), loaded, null, null));
    }

    /** Loads the applicants files given with --applicants; rejected applications go to {@value #REJECTS}. */
    private static Loader.Loaded load(List<Path> paths) {
        try {
            return DataOptions.load(Schema.APPLICANTS, paths, null, Path.of(REJECTS),
                    ladder.engine.io.Progress.NONE);
        } catch (IOException e) {
            throw new LadderException("--applicants: " + e.getMessage());
        }
    }

    /** {@link #open}'s source alone. */
    Optional<CubeSource> source(int threads) {
        return open(threads).map(Opened::source);
    }
}
