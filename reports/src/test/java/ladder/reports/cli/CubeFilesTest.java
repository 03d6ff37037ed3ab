package ladder.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import ladder.Ladder;
import ladder.Pool;
import ladder.reports.render.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Federated pooling end to end: the sample pool split into one cube file per employer, as each
 * employer would send it; every analysis on the merged cube files prints exactly the numbers of
 * the pooled rows; broken cube files are refused in one line.
 */
class CubeFilesTest {
    private static final Path SAMPLE = Path.of("../datasets/sample");
    private static final String DIMS = "employer_id,year,seb,grade,gender,sector,promoted";

    /** One cube per employer, built from that employer's files only. */
    static List<String> employerCubes(Path dir) throws IOException {
        return employerCubes(dir, DIMS);
    }

    /** One cube per employer over {@code dims}, built from that employer's files only. */
    static List<String> employerCubes(Path dir, String dims) throws IOException {
        return employerCubes(SAMPLE, dir, dims);
    }

    /** One cube per employer of the employees files in {@code data} (named employees-ID-YEAR.csv) over {@code dims}. */
    static List<String> employerCubes(Path data, Path dir, String dims) throws IOException {
        List<String> cubes = new ArrayList<>();
        List<String> employers;
        try (Stream<Path> files = Files.list(data)) {
            employers = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                    .map(n -> n.split("-")[1]).distinct().sorted().toList();
        }
        for (String employer : employers) {
            List<String> args = new ArrayList<>(List.of("cube", "--data"));
            try (Stream<Path> files = Files.list(data)) {
                files.filter(f -> f.getFileName().toString().contains("-" + employer + "-")).sorted()
                        .forEach(f -> args.add(f.toString()));
            }
            Path out = dir.resolve(employer + ".cube.arrow");
            args.addAll(List.of("--dims", dims, "--measures", "hourly_pay,bonus", "--out", out.toString()));
            CommandLineTest.Run r = CommandLineTest.run(args.toArray(String[]::new));
            assertEquals(0, r.status(), r.err());
            assertTrue(r.err().contains("Wrote a cube of"), r.err());
            cubes.add(out.toString());
        }
        return cubes;
    }

    @Test
    void compositionAndDescribeOnEmployersCubesPrintTheNumbersOfThePooledRows(@TempDir Path dir) throws IOException {
        List<String> cubes = employerCubes(dir);
        assertEquals(6, cubes.size());
        for (List<String> analysis : List.of(List.of("describe"), List.of("composition"),
                List.of("composition", "--by", "year"), List.of("composition", "--by", "grade,gender"),
                List.of("composition", "--by", "sector", "--publish"))) {
            for (String format : List.of("table", "csv")) {
                List<String> onData = new ArrayList<>(analysis);
                onData.addAll(List.of("--data", SAMPLE.toString(), "--format", format));
                List<String> onCubes = new ArrayList<>(analysis);
                onCubes.add("--cubes");
                onCubes.addAll(cubes);
                onCubes.addAll(List.of("--format", format));
                CommandLineTest.Run rows = CommandLineTest.run(onData.toArray(String[]::new));
                CommandLineTest.Run merged = CommandLineTest.run(onCubes.toArray(String[]::new));
                assertEquals(0, rows.status(), rows.err());
                assertEquals(0, merged.status(), merged.err());
                assertEquals(rows.out(), merged.out(), String.join(" ", analysis) + " as " + format);
                assertTrue(merged.err().startsWith("Merged 6 cube file(s): 30,000 rows in cells, built from 30,000 rows read"),
                        merged.err());
            }
        }
    }

    @Test
    void theJavaApiRunsOnCubeFilesAsOnRows(@TempDir Path dir) throws IOException {
        List<String> cubes = employerCubes(dir);
        Pool rows = Ladder.load(SAMPLE.toString());
        Pool merged = Ladder.cubes(cubes.toArray(String[]::new));
        assertEquals(Format.JSON.render(rows.composition().by("year", "grade")),
                Format.JSON.render(merged.composition().by("year", "grade")));
        assertEquals(Format.CSV.render(rows.describe()), Format.CSV.render(merged.describe()));
    }

    @Test
    void anAnalysisNeedingADimensionTheCubesLackSaysWhich(@TempDir Path dir) throws IOException {
        List<String> cubes = employerCubes(dir).subList(0, 2);
        List<String> args = new ArrayList<>(List.of("composition", "--by", "region", "--cubes"));
        args.addAll(cubes);
        CommandLineTest.Run r = CommandLineTest.run(args.toArray(String[]::new));
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("ladder: the cubes have no dimension region"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void brokenAndForeignCubeFilesAreRefusedInOneLine(@TempDir Path dir) throws IOException {
        List<String> cubes = employerCubes(dir);
        byte[] good = Files.readAllBytes(Path.of(cubes.get(0)));
        Path truncated = dir.resolve("truncated.arrow");
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length - 100));
        Path corrupted = dir.resolve("corrupted.arrow");
        byte[] flipped = good.clone();
        for (int i = good.length / 2; i < good.length / 2 + 16; i++) {
            flipped[i] ^= (byte) 0xFF;
        }
        Files.write(corrupted, flipped);
        Path foreign = dir.resolve("foreign.arrow");
        Files.copy(SAMPLE.resolve("employees-E001-2022.csv"), foreign);
        Path otherDims = dir.resolve("other.arrow");
        assertEquals(0, CommandLineTest.run("cube", "--data", SAMPLE.toString(), "--dims", "year,seb", "--out",
                otherDims.toString()).status());
        for (Path bad : List.of(truncated, corrupted, foreign, otherDims)) {
            CommandLineTest.Run r = CommandLineTest.run("describe", "--cubes", cubes.get(1), bad.toString());
            assertEquals(2, r.status(), bad + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("ladder: " + bad), r.err());
        }
    }

    /** Mutated cube files (bit flips, truncations, inserted and deleted bytes) end in a result or one line, seeded. */
    @Test
    void mutatedCubeFilesEndInAResultOrOneLine(@TempDir Path dir) throws IOException {
        List<String> cubes = employerCubes(dir);
        byte[] good = Files.readAllBytes(Path.of(cubes.get(0)));
        java.util.SplittableRandom random = new java.util.SplittableRandom(8);
        int refused = 0;
        for (int i = 0; i < Integer.getInteger("ladder.fuzz.cubes", 60); i++) {
            byte[] bytes = good.clone();
            switch (i % 4) {
                case 0 -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
                case 2 -> {
                    int at = random.nextInt(bytes.length);
                    byte[] out = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, out, 0, at);
                    out[at] = (byte) random.nextInt(256);
                    System.arraycopy(bytes, at, out, at + 1, bytes.length - at);
                    bytes = out;
                }
                default -> {
                    int at = random.nextInt(bytes.length);
                    byte[] out = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, out, 0, at);
                    System.arraycopy(bytes, at + 1, out, at, bytes.length - at - 1);
                    bytes = out;
                }
            }
            Path bad = dir.resolve("mutated-" + i + ".arrow");
            Files.write(bad, bytes);
            CommandLineTest.Run r = CommandLineTest.run("describe", "--cubes", bad.toString(), cubes.get(1));
            assertTrue(r.status() == 0 || r.status() == 2, "exit " + r.status() + ": " + r.err());
            assertFalse(r.err().contains("\tat "), r.err());
            if (r.status() == 2) {
                assertEquals(1, r.err().strip().lines().count(), r.err());
                assertTrue(r.err().startsWith("ladder: " + bad), r.err());
                refused++;
            }
        }
        assertTrue(refused > 0);
    }
}
