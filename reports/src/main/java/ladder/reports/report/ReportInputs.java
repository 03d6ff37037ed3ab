package ladder.reports.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.engine.io.LoadReport;
import ladder.models.result.Result;
import ladder.reports.CubesSummary;
import ladder.engine.io.FileHash;
import ladder.reports.LoadSummary;

/**
 * What a report is made from: the cubes its sections read (the pool's, or one employer's for an
 * employer's pack), the account of loading them ({@link ladder.reports.LoadSummary} or
 * {@link ladder.reports.CubesSummary}), the input files with their SHA-256, the command that
 * reproduces the report, its title, the whole pool's cubes (which an employer's pack compares it
 * with), the applicants' cubes when applicants files are given (one employer's in its pack), the whole
 * pool's applicants (which the pack compares its own with), and the employer of a pack.
 */
public record ReportInputs(CubeSource cubes, Result account, List<InputFile> files, String command, String title,
        CubeSource pool, Optional<CubeSource> applicants, Optional<CubeSource> poolApplicants,
        Optional<String> employer) {

    /** An input file and the SHA-256 of its bytes. */
    public record InputFile(String path, String sha256) {
    }

    /** A report on loaded rows: the load's account, and each file read with its SHA-256. */
    public static ReportInputs ofRows(CubeSource cubes, LoadReport load, String command, String title) {
        return new ReportInputs(cubes, new LoadSummary(load), files(load), command, title, cubes, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** Each file a load read, with its SHA-256. */
    public static List<InputFile> files(LoadReport load) {
        return load.files().stream().map(f -> new InputFile(f, FileHash.sha256(Path.of(f)))).toList();
    }

    /**
     * A report on merged cube files: each cube file with its SHA-256 ({@code cubeFiles} may be
     * empty when they are not at hand), then the employee files the cubes were built from as the
     * cubes record them.
     */
    public static ReportInputs ofCubes(CubeSource cubes, List<Path> cubeFiles, Cube merged, String command, String title) {
        return new ReportInputs(cubes, new CubesSummary(cubeFiles, merged), files(cubeFiles, merged), command, title,
                cubes, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Each cube file with its SHA-256, then the files the cubes were built from as the cubes record them. */
    public static List<InputFile> files(List<Path> cubeFiles, Cube merged) {
        List<InputFile> files = new ArrayList<>();
        cubeFiles.forEach(f -> files.add(new InputFile(f.toString(), FileHash.sha256(f))));
        merged.provenance().sources().forEach(s -> files.add(new InputFile("(in a cube) " + s.file(), s.sha256())));
        return files;
    }

    /** These inputs with the applicants' cubes (the recruitment funnel and the scorecard's applicants), and their files. */
    public ReportInputs withApplicants(CubeSource applications, List<InputFile> applicantFiles) {
        List<InputFile> all = new ArrayList<>(files);
        all.addAll(applicantFiles);
        return new ReportInputs(cubes, account, all, command, title, pool, Optional.of(applications),
                Optional.of(applications), employer);
    }

    /**
     * These inputs as employer {@code id}'s pack: its sections read the employer's rows (or cubes),
     * and its applicants', compared with the whole pool; a one-line error naming a few known ids for
     * an unknown one.
     */
    public ReportInputs forEmployer(String id) {
        String known = ladder.models.benchmark.EmployerIds.require(pool.cube(List.of("employer_id"), List.of()), id);
        return new ReportInputs(pool.where("employer_id", known), account, files, command, title, pool,
                applicants.map(a -> a.where("employer_id", known)), poolApplicants, Optional.of(known));
    }

    /** {@code word} as a POSIX shell reads it back, for the reproducing command: quoted unless it is plain. */
    public static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_./=:,@+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    public ReportInputs {
        Objects.requireNonNull(cubes);
        Objects.requireNonNull(account);
        files = List.copyOf(files);
        Objects.requireNonNull(command);
        Objects.requireNonNull(title);
        Objects.requireNonNull(pool);
        Objects.requireNonNull(applicants);
        Objects.requireNonNull(poolApplicants);
        Objects.requireNonNull(employer);
    }
}
