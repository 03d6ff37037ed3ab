package ladder.reports.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line fuzzed in-process: seeded random combinations of every analysis command's
 * options, with values drawn from valid ones, near misses and junk (unknown columns and levels,
 * broken formulas and filters, bad numbers), on a small pool. Every outcome must be a result
 * (exit 0) or one line on standard error starting {@code ladder: } with exit 2, never a stack trace
 * or exit 3; no input file changes. {@code -Dladder.fuzz.commands=N} runs more cases (default 150,
 * a few seconds).
 */
class CommandFuzzTest {
    private static final String[] COMMANDS = {"describe", "composition", "odds", "model", "trend", "ceiling",
            "intersect", "survival", "pay", "maihda", "routes", "training", "after-training"};
    private static final String[] COLUMNS = {"seb", "gender", "ethnicity", "grade", "year", "employer_id", "sector",
            "promoted", "hourly_pay", "months_in_grade", "shoe_size", "", "seb,seb", "region", "age_band", "disability"};
    private static final String[] OUTCOMES = {"promoted", "grade>=4", "grade>=", "grade", "training", "seb=working_class",
            "bonus>1", "gender = woman", ">=4", "grade >= x"};
    private static final String[] FORMULAS = {"promoted ~ seb", "promoted ~ seb + gender + C(year)", "promoted ~",
            "~ seb", "promoted ~ seb * gender", "grade>=4 ~ seb + hourly_pay", "promoted ~ seb + (gender",
            "promoted ~ sbe", "promoted ~ seb:gender + age_band", "promoted ~ C(seb) - 1"};
    private static final String[] FILTERS = {"grade >= 4", "year = 2023", "seb = working_class", "grade >= high",
            "(grade = 1", "not not not grade = 2", "gender in (woman, man)", "year = 1999", "hourly_pay > 15"};
    private static final String[] NUMBERS = {"0.95", "0.9", "0", "1", "-1", "1.5", "abc", "12", "0.5"};

    @Test
    void everyCombinationEndsInAResultOrOneLine(@TempDir Path dir) throws IOException {
        Path pool = dir.resolve("pool.csv");
        List<String> sample = Files.readAllLines(Path.of("../datasets/sample/employees-E001-2022.csv"));
        Files.write(pool, sample.subList(0, Math.min(sample.size(), 800)));
        byte[] before = Files.readAllBytes(pool);
        int cases = Integer.getInteger("ladder.fuzz.commands", 150);
        SplittableRandom random = new SplittableRandom(20261201);
        int results = 0;
        int refusals = 0;
        for (int i = 0; i < cases; i++) {
            List<String> args = new ArrayList<>();
            String command = pick(random, COMMANDS);
            args.add(command);
            args.add("--data");
            args.add(pool.toString());
            int options = random.nextInt(4);
            for (int o = 0; o < options; o++) {
                addOption(random, command, args);
            }
            if (random.nextInt(5) == 0) {
                args.addAll(List.of("--format", pick(random, new String[] {"json", "csv", "table", "xml"})));
            }
            if (command.equals("model") && !args.contains("--formula")) {
                args.addAll(List.of("--formula", pick(random, FORMULAS)));
            }
            CommandLineTest.Run r = CommandLineTest.run(args.toArray(String[]::new));
            String what = String.join(" ", args) + "\n" + r.err();
            assertTrue(r.status() == 0 || r.status() == 2, "exit " + r.status() + ": " + what);
            assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), what);
            if (r.status() == 2) {
                assertTrue(r.err().lines().anyMatch(l -> l.startsWith("ladder: ")), what);
                assertTrue(r.err().strip().lines().count() <= 2, "one line (after the load's account): " + what);
                refusals++;
            } else {
                results++;
            }
        }
        assertTrue(results > 0 && refusals > 0, results + " results, " + refusals + " refusals");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(pool)), "the input is unchanged");
    }

    private static void addOption(SplittableRandom random, String command, List<String> args) {
        switch (random.nextInt(8)) {
            case 0 -> args.addAll(List.of("--where", pick(random, FILTERS)));
            case 1 -> args.addAll(List.of("--level", pick(random, NUMBERS)));
            case 2 -> args.addAll(List.of("--threads", pick(random, new String[] {"1", "2", "0", "-3", "x"})));
            case 3 -> args.add("--publish");
            case 4 -> args.addAll(List.of("--by", pick(random, COLUMNS)));
            case 5 -> {
                switch (command) {
                    case "odds", "intersect", "maihda", "survival" ->
                            args.addAll(List.of(command.equals("survival") ? "--event" : "--outcome", pick(random, OUTCOMES)));
                    case "model" -> args.addAll(List.of("--formula", pick(random, FORMULAS)));
                    case "trend" -> args.addAll(List.of("--share", pick(random, new String[] {"seb=working_class",
                            "seb=posh", "seb", "gender=woman", "=x"})));
                    case "routes" -> args.addAll(List.of("--outcomes", pick(random, OUTCOMES)));
                    case "after-training" -> args.addAll(random.nextBoolean()
                            ? List.of("--window", pick(random, NUMBERS))
                            : List.of("--cohort", pick(random, new String[] {"training", "apprenticeship", "interns", ""})));
                    default -> args.addAll(List.of("--strata", pick(random, COLUMNS)));
                }
            }
            case 6 -> args.addAll(List.of("--strata", pick(random, COLUMNS)));
            default -> args.addAll(List.of("--" + pick(random, new String[] {"exposure", "reference", "cluster", "time",
                    "ref", "over", "adjust", "nagq", "table"}), pick(random, COLUMNS)));
        }
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
