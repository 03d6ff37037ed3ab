package ladder.reports.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.engine.io.LoadReport;
import ladder.models.result.Result;
import ladder.reports.CubesSummary;
import ladder.reports.FileDigest;
import ladder.reports.LoadSummary;

/**
 * What a report is made from: the pool's cubes (loaded rows or merged cube files), the account of
 * loading them ({@link ladder.reports.LoadSummary} or {@link ladder.reports.CubesSummary}), the
 * input files with their SHA-256, the command that reproduces the report, and its title.
 */
public record ReportInputs(CubeSource cubes, Result account, List<InputFile> files, String command, String title) {

    /** An input file and the SHA-256 of its bytes. */
    public record InputFile(String path, String sha256) {
    }

    /** A report on loaded rows: the load's account, and each file read with its SHA-256. */
    public static ReportInputs ofRows(CubeSource cubes, LoadReport load, String command, String title) {
        List<InputFile> files = load.files().stream()
                .map(f -> new InputFile(f, FileDigest.sha256(Path.of(f)))).toList();
        return new ReportInputs(cubes, new LoadSummary(load), files, command, title);
    }

    /**
     * A report on merged cube files: each cube file with its SHA-256 ({@code cubeFiles} may be
     * empty when they are not at hand), then the employee files the cubes were built from as the
     * cubes record them.
     */
    public static ReportInputs ofCubes(CubeSource cubes, List<Path> cubeFiles, Cube merged, String command, String title) {
        List<InputFile> files = new ArrayList<>();
        cubeFiles.forEach(f -> files.add(new InputFile(f.toString(), FileDigest.sha256(f))));
        merged.provenance().sources().forEach(s -> files.add(new InputFile("(in a cube) " + s.file(), s.sha256())));
        return new ReportInputs(cubes, new CubesSummary(cubeFiles, merged), files, command, title);
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
    }
}
