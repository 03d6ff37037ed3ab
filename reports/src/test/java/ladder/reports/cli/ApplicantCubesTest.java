package ladder.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The applications as cube files ({@code --applicant-cubes}, one per employer, built by
 * {@code ladder cube --table applicants}) give the employer comparison, the scorecard and an
 * employer's pack exactly what the applicants files give ({@code --applicants}): the figures read
 * only counts by employer, year, SEB, stage and the SEB questions, which the cubes hold.
 */
class ApplicantCubesTest {
    private static final String SAMPLE = "../datasets/sample";
    private static final String APPLICANTS = "../datasets/sample-applicants";
    @TempDir
    static Path dir;
    private static String cubes;

    @BeforeAll
    static void buildOneCubePerEmployer() throws IOException {
        cubes = String.join(",", employerCubes(dir,
                "employer_id,year,seb,stage_reached,parental_occupation,school_type,free_school_meals,parent_degree"));
    }

    /** One cube file in {@code dir} per employer of the sample applications, over {@code dims}; their paths. */
    static List<String> employerCubes(Path dir, String dims) throws IOException {
        List<String> files = new ArrayList<>();
        for (String employer : List.of("E001", "E002", "E003", "E004", "E005", "E006")) {
            List<String> cube = new ArrayList<>(List.of("cube", "--table", "applicants", "--dims", dims,
                    "--out", dir.resolve(employer + ".cube").toString(), "--data"));
            try (Stream<Path> in = Files.list(Path.of(APPLICANTS))) {
                in.filter(f -> f.getFileName().toString().contains("-" + employer + "-")).sorted()
                        .forEach(f -> cube.add(f.toString()));
            }
            CommandLineTest.Run built = CommandLineTest.run(cube.toArray(String[]::new));
            assertEquals(0, built.status(), built.err());
            files.add(dir.resolve(employer + ".cube").toString());
        }
        return files;
    }

    private static JsonNode tables(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--format", "json"));
        return OddsAgainstRTest.run(all).get("tables");
    }

    @Test
    void theEmployerComparisonIsTheSameFromCubes() throws IOException {
        JsonNode files = tables("employer", "--data", SAMPLE, "--id", "E003", "--applicants", APPLICANTS, "--publish");
        assertEquals(files, tables("employer", "--data", SAMPLE, "--id", "E003", "--applicant-cubes", cubes, "--publish"));
        assertTrue(files.toString().contains("share_working_class_applicants"), "the funnel's figures are in the table");
        // As a shell glob gives them: separated by spaces, as --cubes takes its files.
        List<String> spaced = new ArrayList<>(List.of("employer", "--data", SAMPLE, "--id", "E003", "--publish",
                "--format", "json", "--applicant-cubes"));
        spaced.addAll(List.of(cubes.split(",")));
        assertEquals(files, OddsAgainstRTest.run(spaced).get("tables"));
        assertFalse(files.equals(tables("employer", "--data", SAMPLE, "--id", "E003", "--publish")),
                "without applicants the funnel's figures are absent, so the check can fail");
    }

    @Test
    void theNotebooksEmployerQueryTakesTheCubesToo() {
        ladder.Pool pool = ladder.Ladder.load(SAMPLE);
        assertEquals(pool.employer("E003").applicants(ladder.Ladder.applicants(APPLICANTS)).publishable().result().tables(),
                pool.employer("E003").applicants(ladder.Ladder.cubes(cubes.split(","))).publishable().result().tables());
    }

    @Test
    void theScorecardIsTheSameFromCubes() throws IOException {
        assertEquals(tables("scorecard", "--data", SAMPLE, "--applicants", APPLICANTS),
                tables("scorecard", "--data", SAMPLE, "--applicant-cubes", cubes));
    }

    @Test
    void anEmployersPackIsTheSameFromCubes() throws IOException {
        Path fromFiles = dir.resolve("files"), fromCubes = dir.resolve("cubes");
        CommandLineTest.Run a = CommandLineTest.run("report", "--data", SAMPLE, "--employer", "E003", "--applicants",
                APPLICANTS, "--out", fromFiles.toString());
        assertEquals(0, a.status(), a.err());
        CommandLineTest.Run b = CommandLineTest.run("report", "--data", SAMPLE, "--employer", "E003",
                "--applicant-cubes", cubes, "--out", fromCubes.toString());
        assertEquals(0, b.status(), b.err());
        List<String> names;
        try (Stream<Path> t = Files.list(fromFiles.resolve("tables"))) {
            names = t.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(names.stream().anyMatch(n -> n.contains("-funnel-")), names.toString());
        for (String name : names) {
            // The methods appendix names the inputs, which differ; every other table is the same.
            if (!name.startsWith("methods")) {
                assertEquals(Files.readString(fromFiles.resolve("tables").resolve(name)),
                        Files.readString(fromCubes.resolve("tables").resolve(name)), name);
            }
        }
        assertTrue(b.err().contains("Applicants: "), b.err());
    }

    @Test
    void filesAndCubesTogetherAreRefusedInOneLine() {
        CommandLineTest.Run r = CommandLineTest.run("employer", "--data", SAMPLE, "--id", "E003", "--applicants", APPLICANTS,
                "--applicant-cubes", cubes);
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("ladder: ") && r.err().strip().lines().count() == 1, r.err());
        assertTrue(r.err().contains("--applicants") && r.err().contains("--applicant-cubes"), r.err());
    }

    @Test
    void employeeCubesGivenAsApplicationsAreRefusedInOneLine() throws IOException {
        List<String> employees = CubeFilesTest.employerCubes(Files.createDirectories(dir.resolve("employees")));
        CommandLineTest.Run r = CommandLineTest.run("employer", "--data", SAMPLE, "--id", "E003", "--applicant-cubes",
                String.join(",", employees));
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().startsWith("ladder: ") && r.err().strip().lines().count() == 1, r.err());
        assertTrue(r.err().contains("stage_reached"), r.err());
    }
}
