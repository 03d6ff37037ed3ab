package ladder.engine.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import ladder.engine.io.EmployeeCsv;
import ladder.engine.io.LoadOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parallel CSV load against the sequential reader on random files full of what breaks
 * splitting: quoted line breaks and escaped quotes, blank lines, lone CRs, broken records,
 * invalid UTF-8, Unicode whitespace, duplicates, answers in any case, over-long records. For
 * every thread count and tiny blocks, the table (rows, codes, dictionaries, chunks, decimals),
 * the rejected-rows file and the counts must be the same.
 */
class ParallelLoadTest {
    @TempDir
    Path dir;

    private void assertSameAsSequential(Path file, String what) throws IOException {
        LoadOutcome reference = LoadOutcome.of(file, dir, new CsvReader(), false);
        for (int threads = 1; threads <= 4; threads++) {
            for (int block : new int[] {1, 29, 100, 777, 1 << 16}) {
                LoadOutcome.of(file, dir, new CsvReader(threads, block), true)
                        .assertSameAs(reference, what + ", " + threads + " threads, blocks of " + block);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void randomFilesLoadAsTheSequentialReaderReadsThem(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Path file = dir.resolve("random-" + seed + ".csv");
        Files.write(file, RandomCsv.file(random, 40 + random.nextInt(120)));
        assertSameAsSequential(file, "seed " + seed);
    }

    @Test
    void aRecordTooLongForABlockHandsTheRestToTheSequentialReader() throws IOException {
        SplittableRandom random = new SplittableRandom(99);
        StringBuilder text = new StringBuilder(EmployeeCsv.HEADER).append('\n');
        for (int i = 0; i < 30; i++) {
            text.append(EmployeeCsv.row("P" + i)).append('\n');
        }
        text.append(EmployeeCsv.row("LONG", "sector", "\"" + "x\n".repeat(CsvBlock.MAX_RECORD_BYTES) + "\"")).append('\n');
        for (int i = 0; i < 30; i++) {
            text.append(EmployeeCsv.row("Q" + random.nextInt(10), "grade", random.nextBoolean() ? "3" : "9")).append('\n');
        }
        Path file = Files.writeString(dir.resolve("long.csv"), text);
        assertSameAsSequential(file, "long record");
    }

    @Test
    void aQuoteLeftOpenEarlyRunsToTheEndOfTheFile() throws IOException {
        StringBuilder text = new StringBuilder(EmployeeCsv.HEADER).append("\r\n");
        for (int i = 0; i < 20; i++) {
            text.append(EmployeeCsv.row("P" + i)).append("\r\n");
        }
        text.append(EmployeeCsv.row("OPEN", "sector", "\"Retail")).append("\r\n");
        for (int i = 0; i < 20; i++) {
            text.append(EmployeeCsv.row("Q" + i)).append("\r\n");
        }
        Path file = Files.writeString(dir.resolve("open.csv"), text);
        assertSameAsSequential(file, "open quote");
    }

    @Test
    void aHeaderAfterBlankLinesAndALoneCrFile() throws IOException {
        String text = "\n \t\n\u3000\n" + EmployeeCsv.HEADER + "\r" + EmployeeCsv.row("P1") + "\r" + EmployeeCsv.row("P2")
                + "\r\r" + EmployeeCsv.row("P1") + "\r";
        Path file = Files.writeString(dir.resolve("cr.csv"), text);
        assertSameAsSequential(file, "lone CRs");
        LoadOutcome outcome = LoadOutcome.of(file, dir, new CsvReader(2, 10), true);
        assertEquals(2, outcome.report().accepted());
        assertTrue(outcome.rejects().contains("first seen at " + file + " line 5"), outcome.rejects());
    }

    /** Random CSV text of the employees table, with every kind of trouble the reading rules name. */
    static final class RandomCsv {
        private static final String[] NEWLINES = {"\n", "\n", "\n", "\r\n", "\r\n", "\r"};

        static byte[] file(SplittableRandom random, int records) {
            StringBuilder text = new StringBuilder();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (random.nextBoolean()) {
                out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            boolean extra = random.nextInt(4) == 0;
            String newline = NEWLINES[random.nextInt(NEWLINES.length)];
            text.append(EmployeeCsv.HEADER).append(extra ? ",notes" : "").append(newline);
            for (int r = 0; r < records; r++) {
                int kind = random.nextInt(40);
                if (kind == 0) {
                    text.append(random.nextBoolean() ? "" : random.nextBoolean() ? " \t " : "\u3000");
                } else if (kind == 1) {
                    text.append(",".repeat(19 + (extra ? 1 : 0)));
                } else if (kind == 2) {
                    text.append("E1,2022,P").append(random.nextInt(5));
                } else {
                    text.append(record(random)).append(extra ? "," + extra(random) : "");
                }
                if (kind == 3) {
                    flush(text, out);
                    out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
                }
                if (r < records - 1 || random.nextBoolean()) {
                    text.append(random.nextInt(10) == 0 ? NEWLINES[random.nextInt(NEWLINES.length)] : newline);
                }
            }
            flush(text, out);
            return out.toByteArray();
        }

        private static void flush(StringBuilder text, ByteArrayOutputStream out) {
            out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
            text.setLength(0);
        }

        private static String extra(SplittableRandom random) {
            return switch (random.nextInt(5)) {
                case 0 -> "a\u0000b";
                case 1 -> "café";
                case 2 -> "\"x,\ny\"";
                default -> "ok";
            };
        }

        private static String record(SplittableRandom random) {
            String person = "P" + random.nextInt(60);
            Map<String, String> row = EmployeeCsv.valid(person);
            row.put("employer_id", "E" + random.nextInt(3));
            row.put("year", Integer.toString(2021 + random.nextInt(3)));
            row.put("grade", Integer.toString(1 + random.nextInt(6)));
            row.put("hourly_pay", random.nextInt(8) == 0 ? "" : (random.nextInt(4000) + 1) / 100.0 + "");
            row.put("bonus", random.nextInt(5) == 0 ? "" : Integer.toString(random.nextInt(3000)));
            int changes = random.nextInt(4);
            List<String> names = new ArrayList<>(row.keySet());
            for (int i = 0; i < changes; i++) {
                String column = names.get(random.nextInt(names.size()));
                row.put(column, change(random, column, row.get(column)));
            }
            return String.join(",", row.values());
        }

        private static String change(SplittableRandom random, String column, String value) {
            return switch (random.nextInt(22)) {
                case 0 -> "\"" + value + "\"";
                case 1 -> "\"" + value.replace("a", "\"\"") + "\"";
                case 2 -> "\"" + value + "\nmore\r\n\"";
                case 3 -> " " + value.toUpperCase() + " ";
                case 4 -> "\u3000" + value;
                case 5 -> value + "\u2003";
                case 6 -> "";
                case 7 -> "\"" + value + "\"x";
                case 8 -> value + "\u0000";
                case 9 -> "+" + value;
                case 10 -> "-" + value;
                case 11 -> value + "e1";
                case 12 -> "1.5E1";
                case 13 -> "0" + value;
                case 14 -> "Caf\u00e9 \u00fcber";
                case 15 -> "\uFFFD";
                case 16 -> switch (column) {
                    case "region" -> random.nextBoolean() ? "north EAST" : "London";
                    case "school_type" -> "\"Independent or fee-paying school, where I received a means tested bursary"
                            + " covering 90% or more of the total cost of attending throughout my time there\"";
                    case "parental_occupation" -> "Routine, semi-routine manual and service occupations";
                    case "free_school_meals" -> "I DON'T KNOW";
                    default -> value;
                };
                case 17 -> "dont_\u212Anow";
                case 18 -> "12345678901234567890";
                case 19 -> "0.1234567890123456789";
                case 20 -> "\t" + value + "\u001F";
                default -> value;
            };
        }
    }
}
