package ladder.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import ladder.reports.report.HandPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An employer's pack from merged cube files (one per employer, built from its own files) has the
 * same comparison tables as the pack from the rows, on the hand-computed pool
 * ({@code EmployerPackByHandTest}): the standing table and each section's.
 */
class EmployerPackOnCubesTest {

    private static List<String> comparisons(Path pack) throws IOException {
        try (Stream<Path> files = Files.list(pack.resolve("tables"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.contains("comparison")).sorted().toList();
        }
    }

    @Test
    void thePackOnCubesHasTheComparisonsOfThePackOnRows(@TempDir Path dir) throws IOException {
        Path data = HandPool.write(dir.resolve("data"), HandPool.POOL);
        List<String> cubes = new ArrayList<>(List.of("report", "--cubes"));
        cubes.addAll(CubeFilesTest.employerCubes(data, dir, "year," + BenchmarkAgainstRTest.EMPLOYER_DIMS));
        cubes.addAll(List.of("--employer", "E1", "--out", dir.resolve("on-cubes").toString()));
        CommandLineTest.Run merged = CommandLineTest.run(cubes.toArray(String[]::new));
        assertEquals(0, merged.status(), merged.err());
        CommandLineTest.Run rows = CommandLineTest.run("report", "--data", data.toString(), "--employer", "E1", "--out",
                dir.resolve("on-rows").toString());
        assertEquals(0, rows.status(), rows.err());
        List<String> tables = comparisons(dir.resolve("on-rows"));
        assertEquals(8, tables.size(), "the standing table and seven sections': " + tables);
        assertEquals(tables, comparisons(dir.resolve("on-cubes")));
        for (String t : tables) {
            String onRows = Files.readString(dir.resolve("on-rows/tables").resolve(t), StandardCharsets.UTF_8);
            assertEquals(onRows, Files.readString(dir.resolve("on-cubes/tables").resolve(t), StandardCharsets.UTF_8), t);
            assertTrue(onRows.lines().count() > 2, t);
        }
    }

    @Test
    void cubesWithoutTheCompositionsDimensionsAreOneLine(@TempDir Path dir) throws IOException {
        Path data = HandPool.write(dir.resolve("data"), HandPool.POOL);
        List<String> args = new ArrayList<>(List.of("employer", "--id", "E1", "--cubes"));
        args.addAll(CubeFilesTest.employerCubes(data, dir, "employer_id,sector,year"));
        CommandLineTest.Run r = CommandLineTest.run(args.toArray(String[]::new));
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().strip().startsWith("ladder: the cubes have no dimension seb, grade, promoted"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
