package ladder.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ladder report --cubes} on the sample's employer cubes: the numbers of the pooled rows, and a line for what the cubes cannot give. */
class ReportOnCubesTest {

    @Test
    void theReportOnEmployersCubesHasTheRowsNumbersAndSaysWhatItCannotGive(@TempDir Path dir) throws IOException {
        List<String> cubes = CubeFilesTest.employerCubes(dir);
        List<String> args = new ArrayList<>(List.of("report", "--cubes"));
        args.addAll(cubes);
        args.addAll(List.of("--out", dir.resolve("from-cubes").toString()));
        CommandLineTest.Run fromCubes = CommandLineTest.run(args.toArray(String[]::new));
        assertEquals(0, fromCubes.status(), fromCubes.err());
        CommandLineTest.Run fromRows = CommandLineTest.run("report", "--data", "../datasets/sample", "--out",
                dir.resolve("from-rows").toString());
        assertEquals(0, fromRows.status(), fromRows.err());
        for (String table : List.of("data-response", "composition-by_year-shares", "composition-trend-periods",
                "ceiling-composition", "ceiling-ceiling", "progression-promotion-estimates", "progression-senior-strata")) {
            assertEquals(read(dir.resolve("from-rows/tables/" + table + ".csv")),
                    read(dir.resolve("from-cubes/tables/" + table + ".csv")), table);
        }
        String html = read(dir.resolve("from-cubes/index.html"));
        // The cubes are over employer_id, year, seb, grade, gender, sector and promoted: no region.
        assertTrue(html.matches("(?s).*<section id=\"regions\">\\s*<h2>Regions</h2>\\s*<p>Not available from these"
                + " inputs: [^<]*region.*"), "the regions section does not say why it is missing");
        // No ethnicity either: the intersection table is not in the plan and the section says so.
        assertTrue(html.matches("(?s).*<section id=\"intersections\">\\s*<h2>Intersections</h2>\\s*<p>Not available"
                + " from these inputs: the pool has no seb x gender x ethnicity x promoted cube.*"),
                "the intersections section does not say why it is missing");
        assertTrue(html.contains("(in a cube) employees-E001-2022.csv"), "the appendix does not list the cubes' sources");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
