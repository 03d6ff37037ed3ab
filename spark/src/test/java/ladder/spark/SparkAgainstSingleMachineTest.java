package ladder.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import ladder.engine.contract.Schema;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeKernel;
import ladder.engine.filter.Filter;
import ladder.engine.io.Loader;
import ladder.reports.cli.Main;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job against the single-machine command on the sample pool (datasets/sample): every
 * number of the JSON output of several analyses must be the same, to the last digit, for 1, 2, 7
 * and 64 partitions under {@code local[2]}. One Spark session serves the class.
 */
class SparkAgainstSingleMachineTest {
    private static final String SAMPLE = "../datasets/sample";
    private static final int[] PARTITIONS = {1, 2, 7, 64};
    private static SparkSession spark;

    @TempDir
    static Path temp;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("ladder-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** The command's standard output, asserting exit status 0. */
    private static String single(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, status, err.toString());
        return out.toString();
    }

    private static String onSpark(int partitions, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] job = Stream.concat(Stream.of("--partitions", Integer.toString(partitions)), Stream.of(args))
                .toArray(String[]::new);
        int status = LadderSparkJob.run(spark, job, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, status, err.toString());
        return out.toString();
    }

    private static void sameOnEveryPartitioning(String... args) {
        String expected = single(args);
        for (int n : PARTITIONS) {
            assertEquals(expected, onSpark(n, args), "on " + n + " partitions: " + String.join(" ", args));
        }
    }

    @Test
    void compositionByYear() {
        sameOnEveryPartitioning("composition", "--data", SAMPLE, "--by", "year,grade", "--format", "json",
                "--rejects", temp.resolve("r").toString());
    }

    @Test
    void oddsWithinEmployers() {
        sameOnEveryPartitioning("odds", "--data", SAMPLE, "--outcome", "grade>=4", "--strata", "employer_id",
                "--by", "year", "--format", "json", "--rejects", temp.resolve("r").toString());
    }

    @Test
    void payGap() {
        sameOnEveryPartitioning("pay", "--data", SAMPLE, "--where", "year >= 2023", "--format", "json",
                "--rejects", temp.resolve("r").toString());
    }

    /**
     * A pool with rows that break the contract and keys repeated across files, so across
     * partitions: read, accepted and rejected, the rejections' file, line, column, value and rule,
     * and the analysis are those of the single-machine run.
     */
    @Test
    void rejectionsAndRepeatsAcrossPartitions() throws IOException {
        Path pool = Files.createDirectories(temp.resolve("pool"));
        List<String> lines = Files.readAllLines(Path.of(SAMPLE, "employees-E001-2022.csv"));
        Files.write(pool.resolve("a.csv"), lines);
        List<String> again = new ArrayList<>(lines.subList(0, 4));
        again.add(lines.get(5).replaceFirst(",2022,", ",1900,"));
        again.add(lines.get(6).replace("woman", "female").replace(",man,", ",male,"));
        Files.write(pool.resolve("b.csv"), again);
        Files.write(pool.resolve("c.csv"), lines.subList(0, 3));
        Path singleRejects = temp.resolve("single-rejects.csv");
        String expected = single("composition", "--data", pool.toString(), "--by", "year", "--format", "json",
                "--rejects", singleRejects.toString());
        assertTrue(expected.contains("\"rejected\": 7,"), expected);
        List<String> wanted = Files.readAllLines(singleRejects).stream().skip(1).sorted().toList();
        for (int n : new int[] {1, 3}) {
            Path rejects = temp.resolve("spark-rejects-" + n);
            String got = onSpark(n, "composition", "--data", pool.toString(), "--by", "year", "--format", "json",
                    "--rejects", rejects.toString());
            assertEquals(withoutRejectsFile(expected), withoutRejectsFile(got), "on " + n + " partitions");
            List<String> written = spark.read().option("header", "true").csv(rejects.toString()).collectAsList()
                    .stream().map(r -> r.getString(0) + "," + r.getString(1)).sorted().toList();
            assertEquals(wanted.stream().map(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1))).toList(),
                    written, "rejected rows' file and line on " + n + " partitions");
        }
    }

    /** The JSON without the line naming the rejects file (a CSV file on one machine, a folder on Spark). */
    private static String withoutRejectsFile(String json) {
        return json.lines().filter(l -> !l.contains("rejects_file")).collect(java.util.stream.Collectors.joining("\n"));
    }

    /** {@code LadderSpark.cube} of a Spark dataset equals the kernel's cube of the same rows on one machine. */
    @Test
    void cubeOfADataset() {
        Loader.Loaded loaded = Loader.load(Schema.EMPLOYEES, List.of(Path.of(SAMPLE)));
        List<String> dims = List.of("employer_id", "year", "seb", "grade", "gender");
        List<String> measures = List.of("hourly_pay", "bonus");
        Cube expected = CubeKernel.build(loaded.table(), Filter.ALL, dims, measures, 2);
        var rows = spark.read().option("header", "true").csv(SAMPLE).cache();
        for (int n : PARTITIONS) {
            Cube got = LadderSpark.cube(rows.repartition(n), dims, measures, "");
            assertEquals(expected.withProvenance(Cube.Provenance.NONE), got.withProvenance(Cube.Provenance.NONE),
                    "on " + n + " partitions");
            assertEquals(30_000, got.provenance().accepted());
        }
    }
}
