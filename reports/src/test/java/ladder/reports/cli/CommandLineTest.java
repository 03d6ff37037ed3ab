package ladder.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ladder.Ladder;
import ladder.models.result.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ladder} command end to end: exit statuses, messages, formats, and the files it writes. */
class CommandLineTest {
    private static final String SAMPLE = "../datasets/sample";
    private static final String APPLICANTS = "../datasets/sample-applicants";
    private static final String HEADER = "employer_id,year,person_id,sector,region,grade,parental_occupation,school_type,"
            + "free_school_meals,parent_degree,gender,ethnicity,disability,age_band,entry_route,hourly_pay,bonus,"
            + "promoted,months_in_grade,training\n";

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    private static void assertNoStackTrace(Run run) {
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        assertTrue(run.err().startsWith("ladder: "), run.err());
    }

    @Test
    void validateCountsRejectsWritesTheRejectsFileAndStrictFails(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("pool.csv");
        Files.writeString(data, HEADER
                + "E1,2024,P1,Legal,UKI,4,routine,state,no,no,woman,white,no,25-34,internal,20.5,0,1,12,1\n"
                + "E1,2024,P2,Legal,UKI,9,routine,state,no,no,woman,white,no,25-34,internal,20.5,0,1,12,1\n"
                + "E1,2024,P1,Legal,UKI,4,routine,state,no,no,woman,white,no,25-34,internal,20.5,0,1,12,1\n",
                StandardCharsets.UTF_8);
        Path rejects = dir.resolve("rejects.csv");
        Run lenient = run("validate", "--data", data.toString(), "--rejects", rejects.toString());
        assertEquals(0, lenient.status(), lenient.err());
        assertTrue(lenient.err().contains("Read 3 rows from 1 file(s): 1 accepted, 2 rejected"), lenient.err());
        List<String> lines = Files.readAllLines(rejects);
        assertEquals(3, lines.size(), "header and two rejected rows: " + lines);
        assertTrue(lines.get(1).contains(",3,grade,9,"), lines.get(1));
        assertTrue(lines.get(2).contains(",4,") && lines.get(2).contains("line 2"), lines.get(2));

        Run strict = run("validate", "--data", data.toString(), "--rejects", rejects.toString(), "--strict");
        assertEquals(1, strict.status());
    }

    /** Every command's help renders as written: no description that picocli cannot format (a bare per cent sign). */
    @Test
    void everyCommandsHelpRendersWithoutAWarning() {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (String command : List.of("validate", "describe", "composition", "odds", "model", "survival", "trend",
                    "ceiling", "intersect", "pay", "maihda", "funnel", "routes", "training", "after-training",
                    "employer", "scorecard", "cube", "generate", "report", "import")) {
                Run help = run(command, "--help");
                assertEquals(0, help.status(), command + ": " + help.err());
                assertTrue(help.out().contains("Usage: ladder " + command), command + ": " + help.out());
            }
        } finally {
            System.setErr(original);
        }
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    /**
     * Only the command named first is built, but the top-level usage still lists every command, and a
     * misspelt one, or none, is one line pointing at the usage.
     */
    @Test
    void theUsageListsEveryCommandAndAMisspeltOneIsOneLine() {
        Run usage = run("--help");
        assertEquals(0, usage.status(), usage.err());
        for (String command : List.of("validate", "describe", "composition", "odds", "model", "survival", "trend",
                "ceiling", "intersect", "pay", "maihda", "funnel", "routes", "training", "after-training",
                "employer", "scorecard", "cube", "generate", "report", "import")) {
            assertTrue(usage.out().contains("\n  " + command + " "), command + ": " + usage.out());
        }
        Run misspelt = run("compositon", "--data", SAMPLE);
        assertEquals(2, misspelt.status(), misspelt.err());
        assertNoStackTrace(misspelt);
        assertEquals("ladder: Unmatched arguments from index 0: 'compositon', '--data', '" + SAMPLE + "' (see: ladder --help)",
                misspelt.err().strip());
        Run none = run();
        assertEquals(2, none.status(), none.err());
        assertTrue(none.err().strip().startsWith("ladder: name a command: validate, describe, composition"), none.err());
    }

    /** An applicants file where employees are read, and the reverse, is named as such in one line. */
    @Test
    void anApplicantsFileWhereEmployeesAreReadIsNamedAsSuch() {
        Run odds = run("odds", "--data", APPLICANTS);
        assertEquals(2, odds.status(), odds.err());
        assertNoStackTrace(odds);
        assertTrue(odds.err().strip().endsWith("applicants-E001-2022.csv: an applicants file (it has applicant_id,"
                + " stage_reached), but employees files are read here"), odds.err());
        assertEquals(1, odds.err().strip().lines().count(), odds.err());
        Run funnel = run("funnel", "--data", SAMPLE);
        assertEquals(2, funnel.status(), funnel.err());
        assertNoStackTrace(funnel);
        assertTrue(funnel.err().contains("employees-E001-2022.csv: an employees file (it has person_id, sector, region,"
                + " ...), but applicants files are read here"), funnel.err());
        Run validate = run("validate", "--data", APPLICANTS, "--table", "employees");
        assertEquals(2, validate.status(), validate.err());
        assertTrue(validate.err().contains("an applicants file"), validate.err());
        for (String command : List.of("validate", "describe")) {
            Run either = run(command, "--data", APPLICANTS);
            assertEquals(0, either.status(), command + " reads whichever table the files hold: " + either.err());
            assertTrue(either.err().contains("Read 9,000 rows from 18 file(s): 9,000 accepted, 0 rejected"), either.err());
        }
    }

    /** A stage outside the five is a located rejection. */
    @Test
    void aStageOutsideTheFiveIsRejectedWhereItIs(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("applicants.csv");
        Files.writeString(data, "employer_id,year,applicant_id,stage_reached,parental_occupation,school_type,"
                + "free_school_meals,parent_degree,gender,ethnicity,disability,age_band\n"
                + "E1,2024,A1,hired,routine,state,no,no,woman,white,no,25-34\n"
                + "E1,2024,A2,rejected,routine,state,no,no,woman,white,no,25-34\n", StandardCharsets.UTF_8);
        Path rejects = dir.resolve("rejects.csv");
        Run r = run("validate", "--data", data.toString(), "--rejects", rejects.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(rejects);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).contains(",3,stage_reached,rejected,") && lines.get(1).contains("unknown code: must be one of"
                + " applied, shortlisted, interviewed, offered, hired"), lines.get(1));
    }

    @Test
    void dataAndUsageMistakesGiveOneMessageAndStatusTwo(@TempDir Path dir) throws IOException {
        Path noHeader = dir.resolve("bad.csv");
        Files.writeString(noHeader, "employer_id;year;person_id\nE1;2024;P1\n");
        for (String[] args : List.of(
                new String[] {"describe", "--data", dir.resolve("absent.csv").toString()},
                new String[] {"describe", "--data", noHeader.toString()},
                new String[] {"composition", "--data", SAMPLE, "--where", "grade >= high"},
                new String[] {"composition", "--data", SAMPLE, "--by", "seb"},
                new String[] {"composition", "--data", SAMPLE, "--threads", "0"},
                new String[] {"composition", "--data", SAMPLE, "--stream", "--load"},
                new String[] {"odds", "--data", SAMPLE, "--exposure", "shoe_size"},
                new String[] {"odds", "--data", SAMPLE, "--exposure", "seb=posh"},
                new String[] {"odds", "--data", SAMPLE, "--exposure", "seb=professional"},
                new String[] {"odds", "--data", SAMPLE, "--outcome", "grade"},
                new String[] {"odds", "--data", SAMPLE, "--outcome", "grade >= tall"},
                new String[] {"odds", "--data", SAMPLE, "--outcome", "gender > woman"},
                new String[] {"odds", "--data", SAMPLE, "--strata", "hourly_pay_band"},
                new String[] {"odds", "--data", SAMPLE, "--strata", "hourly_pay"},
                new String[] {"odds", "--data", SAMPLE, "--outcome", "bonus>100"},
                new String[] {"odds", "--data", SAMPLE, "--where", "year = 1999"},
                new String[] {"odds", "--data", SAMPLE, "--reference", "gender=man"},
                new String[] {"model", "--data", SAMPLE, "--formula", "promoted ~ seb + sbe"},
                new String[] {"model", "--data", SAMPLE, "--formula", "promoted ~ seb +"},
                new String[] {"model", "--data", SAMPLE, "--formula", "grade ~ seb"},
                new String[] {"model", "--data", SAMPLE, "--formula", "promoted ~ seb", "--cluster", "hourly_pay"},
                new String[] {"model", "--data", SAMPLE, "--formula", "promoted ~ seb", "--ref", "seb=posh"},
                new String[] {"model", "--data", SAMPLE, "--formula", "promoted ~ seb", "--covariance", "cr1"},
                new String[] {"model", "--data", SAMPLE, "--formula", "promoted ~ seb", "--where", "year = 1999"},
                new String[] {"survival", "--data", SAMPLE, "--time", "hourly_pay"},
                new String[] {"survival", "--data", SAMPLE, "--time", "seb"},
                new String[] {"survival", "--data", SAMPLE, "--time", "year"},
                new String[] {"survival", "--data", SAMPLE, "--event", "grade"},
                new String[] {"survival", "--data", SAMPLE, "--event", "bonus"},
                new String[] {"survival", "--data", SAMPLE, "--by", "hourly_pay"},
                new String[] {"survival", "--data", SAMPLE, "--by", "seb", "--strata", "shoe_size"},
                new String[] {"survival", "--data", SAMPLE, "--levels", "seb=posh"},
                new String[] {"survival", "--data", SAMPLE, "--levels", "gender=man"},
                new String[] {"survival", "--data", SAMPLE, "--ties", "exact"},
                new String[] {"survival", "--data", SAMPLE, "--times", "700"},
                new String[] {"survival", "--data", SAMPLE, "--by", "seb", "--time", "seb"},
                new String[] {"trend", "--data", SAMPLE, "--share", "shoe_size=large"},
                new String[] {"trend", "--data", SAMPLE, "--share", "seb=posh"},
                new String[] {"trend", "--data", SAMPLE, "--share", "seb"},
                new String[] {"trend", "--data", SAMPLE, "--where", "year = 2023"},
                new String[] {"trend", "--data", SAMPLE, "--by", "hourly_pay"},
                new String[] {"ceiling", "--data", SAMPLE, "--strata", "shoe_size"},
                new String[] {"intersect", "--data", SAMPLE, "--by", "seb,person_id"},
                new String[] {"intersect", "--data", SAMPLE, "--by", "seb", "--outcome", "grade"},
                new String[] {"intersect", "--data", SAMPLE, "--by", "seb", "--adjust", "fdr"},
                new String[] {"pay", "--data", SAMPLE, "--by", "seb"},
                new String[] {"pay", "--data", SAMPLE, "--by", "hourly_pay"},
                new String[] {"pay", "--data", SAMPLE, "--by", "shoe_size"},
                new String[] {"pay", "--data", SAMPLE, "--reference", "posh"},
                new String[] {"pay", "--data", SAMPLE, "--reference", "excluded"},
                new String[] {"pay", "--data", SAMPLE, "--quantile-type", "10"},
                new String[] {"pay", "--data", SAMPLE, "--replicates", "0"},
                new String[] {"pay", "--data", SAMPLE, "--where", "year = 1999"},
                new String[] {"pay", "--data", SAMPLE, "--where", "hourly_pay is missing"},
                new String[] {"pay", "--data", SAMPLE, "--where", "seb = working_class"},
                new String[] {"pay", "--data", SAMPLE, "--where", "seb = professional"},
                new String[] {"routes", "--data", SAMPLE, "--outcomes", "grade>=tall"},
                new String[] {"routes", "--data", SAMPLE, "--strata", "hourly_pay"},
                new String[] {"training", "--data", SAMPLE, "--adjust", "shoe_size"},
                new String[] {"training", "--data", SAMPLE, "--where", "year = 1999"},
                new String[] {"after-training", "--data", SAMPLE, "--window", "0"},
                new String[] {"after-training", "--data", SAMPLE, "--cohort", "interns"},
                new String[] {"after-training", "--data", SAMPLE, "--where", "year = 2024"},
                new String[] {"composition", "--data", SAMPLE, "--table", "shares"},
                new String[] {"composition", "--data", SAMPLE, "--format", "csv", "--table", "nope"},
                new String[] {"composition", "--data", SAMPLE, "--cubes", noHeader.toString()},
                new String[] {"composition", "--cubes", noHeader.toString()},
                new String[] {"composition", "--cubes", dir.resolve("absent.arrow").toString()},
                new String[] {"cube", "--data", SAMPLE, "--dims", "year,shoe_size", "--out", dir.resolve("c.arrow").toString()},
                new String[] {"cube", "--data", SAMPLE, "--dims", "year,year", "--out", dir.resolve("c.arrow").toString()},
                new String[] {"cube", "--data", SAMPLE, "--dims", "year", "--out", SAMPLE + "/inside.arrow"},
                new String[] {"cube", "--data", noHeader.toString(), "--dims", "year", "--out", noHeader.toString()},
                new String[] {"composition", "--data", SAMPLE, "--by", "shoe_size"},
                new String[] {"composition", "--data", SAMPLE, "--format", "xml"},
                new String[] {"generate", "--rows", "10", "--years", "2024-2022", "--out", dir.resolve("g.csv").toString()},
                new String[] {"generate", "--rows", "10", "--table", "staff", "--out", dir.resolve("g.csv").toString()},
                new String[] {"funnel", "--data", APPLICANTS, "--strata", "seb"},
                new String[] {"funnel", "--data", APPLICANTS, "--strata", "shoe_size"},
                new String[] {"funnel", "--data", APPLICANTS, "--level", "95"},
                new String[] {"funnel", "--data", APPLICANTS, "--where", "year = 1999"},
                new String[] {"funnel", "--cubes", noHeader.toString()},
                new String[] {"employer", "--data", SAMPLE, "--id", "E001", "--applicants", dir.resolve("absent").toString()},
                new String[] {"employer", "--data", SAMPLE, "--id", "E001", "--applicants", SAMPLE},
                new String[] {"report", "--data", SAMPLE},
                new String[] {"report", "--data", SAMPLE, "--out", SAMPLE + "/report"},
                new String[] {"report", "--data", SAMPLE, "--where", "grade >= high", "--out", dir.resolve("r").toString()},
                new String[] {"report", "--data", SAMPLE, "--threads", "0", "--out", dir.resolve("r").toString()},
                new String[] {"report", "--cubes", dir.resolve("absent.arrow").toString(), "--out", dir.resolve("r").toString()},
                new String[] {"report", "--out", dir.resolve("r").toString()},
                new String[] {"import", "--data", SAMPLE},
                new String[] {"import", "--data", dir.resolve("absent.csv").toString(), "--out", dir.resolve("p.ladder").toString()},
                new String[] {"import", "--data", noHeader.toString(), "--out", dir.toString()},
                new String[] {"import", "--data", SAMPLE, "--out", dir.resolve("q.ladder").toString(), "--threads", "0"})) {
            Run r = run(args);
            assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
            assertNoStackTrace(r);
        }
        assertEquals(2, run("composition").status(), "missing --data is a usage error");
        assertFalse(Files.exists(dir.resolve("c.arrow")), "a failed cube command writes no file");
        assertFalse(Files.exists(dir.resolve("p.ladder")) || Files.exists(dir.resolve("q.ladder")),
                "a failed import writes no snapshot");
        assertFalse(Files.exists(Path.of(SAMPLE, "inside.arrow")), "no cube is written into an input folder");
        assertFalse(Files.exists(Path.of(SAMPLE, "report")), "no report's tables are written into an input folder");
        assertFalse(Files.exists(dir.resolve("r")), "a failed report writes nothing");
        assertEquals("employer_id;year;person_id\nE1;2024;P1\n", Files.readString(noHeader), "an input is never overwritten");
    }

    @Test
    void aBrokenPipeIsAQuietEndNotABug() {
        assertTrue(Main.brokenPipe(new java.io.UncheckedIOException(new IOException("Broken pipe"))));
        assertFalse(Main.brokenPipe(new IllegalStateException("x")));
    }

    @Test
    void jsonIsValidAndAtFullDoublePrecision() throws IOException {
        Run r = run("composition", "--data", SAMPLE, "--by", "year", "--format", "json", "--where", "grade >= 2");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("composition", doc.get("command").asText());
        assertEquals(30_000, doc.get("load").get("read").asLong());
        JsonNode shares = doc.get("result").get("tables").get(0);
        assertEquals("shares", shares.get("name").asText());
        ResultTable expected = Ladder.load(SAMPLE).where("grade >= 2").composition().by("year").tables().get(0);
        assertEquals(expected.rows().size(), shares.get("rows").size());
        for (int i = 0; i < expected.rows().size(); i++) {
            JsonNode row = shares.get("rows").get(i);
            for (String column : List.of("share", "lower", "upper", "representation_ratio")) {
                double want = (Double) expected.get(i, column);
                assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(row.get(column).asDouble()),
                        "row " + i + " " + column + " must read back bit for bit");
            }
            assertEquals(((Long) expected.get(i, "count")).longValue(), row.get("count").asLong());
        }
    }

    @Test
    void describeReportsEmployersYearsAndResponseRates() throws IOException {
        Run r = run("describe", "--data", SAMPLE, "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode result = new ObjectMapper().readTree(r.out()).get("result");
        assertEquals(30_000, result.get("inputs").get("rows").asLong());
        assertEquals(6, result.get("inputs").get("employers").asLong());
        assertEquals("2022, 2023, 2024", result.get("inputs").get("years").asText());
        JsonNode rows = result.get("tables").get(0).get("rows");
        assertEquals(18, rows.size(), "one row per employer and year");
        long total = 0;
        for (JsonNode row : rows) {
            total += row.get("rows").asLong();
            assertEquals(row.get("classifiable").asDouble() / row.get("rows").asDouble(),
                    row.get("response_rate").asDouble(), 0.0);
        }
        assertEquals(30_000, total);
    }

    @Test
    void csvIsTheMainTableAtFullPrecision() {
        Run r = run("composition", "--data", SAMPLE, "--format", "csv");
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals("seb,count,share,lower,upper,national_share,representation_ratio", lines[0]);
        assertEquals(4, lines.length);
        assertTrue(lines[1].startsWith("professional,"), lines[1]);
    }

    @Test
    void publishedCompositionsWithholdSmallCountsAndWhatWouldRevealThem() throws IOException {
        Run r = run("composition", "--data", SAMPLE, "--by", "employer_id,year,grade", "--publish", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode tables = new ObjectMapper().readTree(r.out()).get("result").get("tables");
        int withheld = 0;
        java.util.Map<String, Integer> hiddenGroups = new java.util.HashMap<>();
        for (JsonNode row : tables.get(0).get("rows")) {
            JsonNode count = row.get("count");
            String cell = row.get("employer_id").asText() + "/" + row.get("year").asText() + "/" + row.get("grade").asText();
            if (count.isNull()) {
                withheld++;
                hiddenGroups.merge(cell, 1, Integer::sum);
                assertTrue(row.get("share").isNull() && row.get("lower").isNull(), "a withheld count's share is withheld");
            } else {
                assertTrue(count.asLong() >= 10, "published count " + count + " in " + cell);
            }
        }
        for (JsonNode row : tables.get(1).get("rows")) {
            String cell = row.get("employer_id").asText() + "/" + row.get("year").asText() + "/" + row.get("grade").asText();
            for (String column : List.of("rows", "classifiable", "excluded", "missing")) {
                assertTrue(row.get(column).isNull() || row.get(column).asLong() >= 10, column + " in " + cell);
            }
            int hidden = hiddenGroups.getOrDefault(cell, 0) + (row.get("classifiable").isNull() ? 1 : 0);
            assertTrue(hidden != 1, "one withheld group count in " + cell + " follows from the classifiable total");
        }
        assertTrue(withheld > 0, "the sample has small cells at this breakdown, so some counts must be withheld");
    }

    @Test
    void generatedPoolsValidateCleanly(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("pool.csv");
        Run g = run("generate", "--rows", "5000", "--employers", "7", "--years", "2021-2023", "--seed", "3",
                "--out", out.toString());
        assertEquals(0, g.status(), g.err());
        Run v = run("validate", "--data", out.toString(), "--format", "json", "--strict");
        assertEquals(0, v.status(), v.err());
        JsonNode inputs = new ObjectMapper().readTree(v.out()).get("inputs");
        assertEquals(5000, inputs.get("read").asLong());
        assertEquals(5000, inputs.get("accepted").asLong());
    }

    @Test
    void applicantsValidateAgainstTheirOwnTable(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("applicants.csv");
        Files.writeString(data, "employer_id,year,applicant_id,stage_reached,parental_occupation,school_type,"
                + "free_school_meals,parent_degree,gender,ethnicity,disability,age_band\n"
                + "E1,2024,A1,interviewed,routine,state,yes,no,woman,black,no,16-24\n"
                + "E1,2024,A2,promoted,routine,state,yes,no,woman,black,no,16-24\n");
        Run r = run("validate", "--table", "applicants", "--data", data.toString(), "--format", "json",
                "--rejects", dir.resolve("r.csv").toString());
        assertEquals(0, r.status(), r.err());
        JsonNode inputs = new ObjectMapper().readTree(r.out()).get("inputs");
        assertEquals(1, inputs.get("accepted").asLong());
        assertEquals(1, inputs.get("rejected").asLong());
    }
}
