package ladder.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import ladder.reports.cli.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis commands with {@code --stream} (the cube built while reading) and {@code --load}
 * (the table loaded first) on a pool with broken rows and repeated keys: the same standard output,
 * the same account on standard error, and byte for byte the same rejected-rows file.
 */
class StreamingCommandTest {
    private static final String HEADER = "employer_id,year,person_id,sector,region,grade,parental_occupation,school_type,"
            + "free_school_meals,parent_degree,gender,ethnicity,disability,age_band,entry_route,hourly_pay,bonus,"
            + "promoted,months_in_grade,training\n";
    private static final List<List<String>> COMMANDS = List.of(
            List.of("composition", "--by", "year"),
            List.of("composition", "--by", "year,sector", "--where", "grade >= 3"),
            List.of("describe"),
            List.of("odds", "--outcome", "grade>=4", "--strata", "employer_id"),
            List.of("intersect", "--by", "gender"),
            List.of("trend"),
            List.of("model", "--formula", "promoted ~ seb + gender + C(year)", "--cluster", "employer_id"),
            List.of("survival", "--by", "seb"),
            List.of("training"));

    @Test
    void streamingAndLoadingPrintTheSameAndRejectTheSameRows(@TempDir Path dir) throws IOException {
        Path data = pool(dir, new SplittableRandom(7));
        for (List<String> command : COMMANDS) {
            Run streamed = run(command, data, dir.resolve("streamed.csv"), "--stream");
            Run loaded = run(command, data, dir.resolve("loaded.csv"), "--load");
            assertEquals(0, loaded.status(), command + ": " + loaded.err());
            assertEquals(loaded.out(), streamed.out(), command.toString());
            assertEquals(loaded.err().replace("loaded.csv", "streamed.csv"), streamed.err(), command.toString());
            assertTrue(streamed.err().contains("rejected rows with their reasons"), streamed.err());
            assertEquals(Files.readString(dir.resolve("loaded.csv")), Files.readString(dir.resolve("streamed.csv")),
                    command.toString());
        }
    }

    private static Run run(List<String> command, Path data, Path rejects, String mode) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--data", data.toString(), "--rejects", rejects.toString(), "--threads", "2", mode));
        return CommandLineTest.run(args.toArray(String[]::new));
    }

    @Test
    void aFilterOnTextValuesLoadsEvenWithStreamAndStreamWithLoadIsRefused(@TempDir Path dir) throws IOException {
        Path data = pool(dir, new SplittableRandom(8));
        List<String> command = List.of("composition", "--by", "year", "--where", "employer_id in (E1, E3)");
        Run streamed = run(command, data, dir.resolve("streamed.csv"), "--stream");
        Run loaded = run(command, data, dir.resolve("loaded.csv"), "--load");
        assertEquals(0, streamed.status(), streamed.err());
        assertEquals(loaded.out(), streamed.out());
        Run both = CommandLineTest.run("composition", "--data", data.toString(), "--stream", "--load");
        assertEquals(2, both.status());
        assertEquals("ladder: --stream and --load: give one of them", both.err().strip());
    }

    /** 3,000 rows of 12 employers in shuffled order, about one in eight broken or a repeat. */
    static Path pool(Path dir, SplittableRandom random) throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        String[] occupations = {"professional", "manager", "routine", "technical_craft", "clerical", "small_business",
            "long_term_unemployed", "other", "prefer_not_to_say", ""};
        String[] genders = {"woman", "man", "other", "prefer_not_to_say"};
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String employer = "E" + (1 + random.nextInt(12));
            String row = employer + "," + (2021 + random.nextInt(3)) + ",P" + random.nextInt(2000) + ","
                    + (random.nextBoolean() ? "Legal" : "Retail") + ",UKI," + (1 + random.nextInt(6)) + ","
                    + occupations[random.nextInt(occupations.length)] + ",state,no,no,"
                    + genders[random.nextInt(genders.length)] + ",white,no,25-34,internal,"
                    + (10 + random.nextInt(30)) + "." + (10 + random.nextInt(90)) + ",0," + random.nextInt(2) + ","
                    + random.nextInt(60) + "," + random.nextInt(2);
            int broken = random.nextInt(40);
            if (broken == 0) {
                row = row.replace(",UKI,", ",London,");
            } else if (broken == 1) {
                row = row.substring(0, row.length() / 2);
            } else if (broken == 2 && !rows.isEmpty()) {
                row = rows.get(random.nextInt(rows.size()));
            }
            rows.add(row);
            text.append(row).append('\n');
        }
        Path file = dir.resolve("pool.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
