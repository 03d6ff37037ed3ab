package ladder.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolGeneratorTest {
    private static final List<Field> FIELDS = Schema.EMPLOYEES.fields();
    private static final GeneratorSpec SMALL = GeneratorSpec.defaults(40_000, 7, 2021, 2024, 7);

    @Test
    void theSameSpecWritesTheSameBytes() throws IOException {
        byte[] first = bytes(SMALL);
        assertArrayEquals(first, bytes(SMALL));
        ByteArrayOutputStream viaInstance = new ByteArrayOutputStream();
        new PoolGenerator(SMALL).writeAll(viaInstance);
        assertArrayEquals(first, viaInstance.toByteArray());
    }

    @Test
    void anotherSeedWritesOtherRows() throws IOException {
        byte[] first = bytes(SMALL);
        byte[] second = bytes(SMALL.withSeed(8));
        assertFalse(Arrays.equals(first, second));
        String[] a = new String(first, StandardCharsets.US_ASCII).split("\n");
        String[] b = new String(second, StandardCharsets.US_ASCII).split("\n");
        int same = 0;
        for (int i = 1; i < Math.min(a.length, b.length); i++) {
            same += a[i].equals(b[i]) ? 1 : 0;
        }
        assertTrue(same < a.length / 100, same + " identical rows out of " + a.length);
    }

    @Test
    void writesExactlyTheRowsAsked() throws IOException {
        long[][] shapes = {{0, 3, 3}, {1, 1, 1}, {5, 4, 3}, {12_345, 9, 4}, {100_003, 1, 1}, {7, 20, 11}};
        for (long[] shape : shapes) {
            GeneratorSpec spec = GeneratorSpec.defaults(shape[0], (int) shape[1], 2000, 2000 + (int) shape[2] - 1, 3);
            CsvLines lines = new CsvLines(fields -> assertEquals(FIELDS.size(), fields.length));
            assertEquals(shape[0], PoolGenerator.write(spec, lines), Arrays.toString(shape));
            assertEquals(shape[0], lines.records(), Arrays.toString(shape));
            assertEquals(0, lines.pending(), "the last row ends with a line feed");
            long sum = 0;
            PoolGenerator generator = new PoolGenerator(spec);
            for (int j = 0; j < generator.employers(); j++) {
                for (int year = spec.firstYear(); year <= spec.lastYear(); year++) {
                    sum += generator.rows(j, year);
                }
            }
            assertEquals(shape[0], sum);
        }
    }

    @Test
    void headerIsTheContractColumnsInOrder() throws IOException {
        CsvLines lines = new CsvLines(fields -> { });
        PoolGenerator.write(SMALL, lines);
        assertEquals(FIELDS.stream().map(Field::name).toList(), lines.header());
    }

    @Test
    void everyValueFollowsTheContract() throws IOException {
        GeneratorSpec spec = GeneratorSpec.defaults(200_000, 30, 2019, 2024, 11);
        Map<String, Set<String>> seen = new HashMap<>();
        CsvLines lines = new CsvLines(fields -> {
            for (int c = 0; c < FIELDS.size(); c++) {
                Field field = FIELDS.get(c);
                String value = fields[c];
                String problem = problem(field, value);
                if (problem != null) {
                    fail(field.name() + " = '" + value + "': " + problem + " in " + String.join(",", fields));
                }
                seen.computeIfAbsent(field.name(), k -> new HashSet<>()).add(value);
            }
        });
        assertEquals(200_000, PoolGenerator.write(spec, lines));
        for (Field field : FIELDS) {
            if (field.kind() == Field.Kind.CODE) {
                for (String code : field.codebook().codes()) {
                    assertTrue(seen.get(field.name()).contains(code), field.name() + " never takes " + code);
                }
                assertEquals(field.optional(), seen.get(field.name()).contains(""),
                        field.name() + " has empties exactly when optional");
            }
        }
        for (String column : List.of("hourly_pay", "bonus")) {
            assertTrue(seen.get(column).contains(""), column + " is sometimes empty");
        }
        assertTrue(seen.get("bonus").contains("0.00"), "bonus is often 0");
        assertEquals(Set.of("0", "1"), seen.get("promoted"));
        assertEquals(Set.of("0", "1"), seen.get("training"));
        assertEquals(Set.of("1", "2", "3", "4", "5", "6"), seen.get("grade"));
    }

    @Test
    void employerYearPersonIsUnique() throws IOException {
        Set<String> keys = new HashSet<>();
        GeneratorSpec spec = GeneratorSpec.defaults(150_000, 25, 2018, 2024, 5);
        CsvLines lines = new CsvLines(fields -> assertTrue(keys.add(fields[0] + "|" + fields[1] + "|" + fields[2]),
                "duplicate key " + fields[0] + " " + fields[1] + " " + fields[2]));
        PoolGenerator.write(spec, lines);
        assertEquals(150_000, keys.size());
    }

    @Test
    void employerYearFilesAreTheRowsOfThePool() throws IOException {
        PoolGenerator generator = new PoolGenerator(SMALL);
        ByteArrayOutputStream pool = new ByteArrayOutputStream();
        generator.writeAll(pool);
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        String header = null;
        for (int j = 0; j < generator.employers(); j++) {
            for (int year = SMALL.firstYear(); year <= SMALL.lastYear(); year++) {
                ByteArrayOutputStream cell = new ByteArrayOutputStream();
                long written = generator.writeEmployerYear(j, year, cell);
                String text = cell.toString(StandardCharsets.US_ASCII);
                int headerEnd = text.indexOf('\n') + 1;
                header = text.substring(0, headerEnd);
                assertEquals(written, text.substring(headerEnd).lines().count());
                assertEquals(generator.rows(j, year), written);
                rows.writeBytes(text.substring(headerEnd).getBytes(StandardCharsets.US_ASCII));
            }
        }
        assertEquals(pool.toString(StandardCharsets.US_ASCII), header + rows.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void writesToAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pool.csv");
        Files.writeString(file, "old contents that must go\n".repeat(100_000));
        assertEquals(SMALL.rows(), PoolGenerator.write(SMALL, file));
        assertArrayEquals(bytes(SMALL), Files.readAllBytes(file));
    }

    /** Two million rows through a stream that keeps nothing: memory must not grow with rows. */
    @Test
    void streamsMillionsOfRowsInConstantMemory() throws IOException {
        long[] bytes = {0};
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
            }
        };
        assertEquals(2_000_000, PoolGenerator.write(GeneratorSpec.defaults(2_000_000, 50, 2022, 2024, 1), counting));
        assertTrue(bytes[0] > 2_000_000L * 80, "about 120 bytes a row, wrote " + bytes[0]);
    }

    /** A person is one record per year over a run of years, with fixed traits and a grade history that adds up. */
    @Test
    void peopleRecurConsistentlyAcrossYears() throws IOException {
        GeneratorSpec spec = GeneratorSpec.defaults(120_000, 12, 2018, 2024, 21);
        List<String> fixed = List.of("sector", "region", "parental_occupation", "school_type", "free_school_meals",
                "parent_degree", "gender", "ethnicity", "disability", "entry_route");
        int year = Schema.EMPLOYEES.indexOf("year");
        int grade = Schema.EMPLOYEES.indexOf("grade");
        int promoted = Schema.EMPLOYEES.indexOf("promoted");
        int months = Schema.EMPLOYEES.indexOf("months_in_grade");
        int age = Schema.EMPLOYEES.indexOf("age_band");
        List<String> ages = Field.AGE_BAND.codebook().codes();
        Map<String, String[]> last = new HashMap<>();
        long[] recurring = {0};
        CsvLines lines = new CsvLines(row -> {
            String person = row[Schema.EMPLOYEES.indexOf("person_id")];
            assertTrue(person.startsWith(row[0] + "-P"), person);
            String[] before = last.put(person, row);
            if (before == null) {
                return;
            }
            recurring[0]++;
            assertEquals(Integer.parseInt(before[year]) + 1, Integer.parseInt(row[year]), person + " skips a year");
            for (String column : fixed) {
                int c = Schema.EMPLOYEES.indexOf(column);
                assertEquals(before[c], row[c], person + " changes " + column);
            }
            assertEquals(Integer.parseInt(before[grade]) + Integer.parseInt(before[promoted]),
                    Integer.parseInt(row[grade]), person + ": grade is last year's plus last year's promotion");
            assertTrue(ages.indexOf(row[age]) >= ages.indexOf(before[age]), person + " gets younger");
            if (before[promoted].equals("0") && row[promoted].equals("0")) {
                assertEquals(Math.min(600, Integer.parseInt(before[months]) + 12), Integer.parseInt(row[months]),
                        person + ": twelve more months in grade");
            }
        });
        PoolGenerator.write(spec, lines);
        assertTrue(recurring[0] > spec.rows() * 0.7, "most rows are people seen the year before: " + recurring[0]);
        assertTrue(last.size() > spec.rows() / spec.years() * 1.3, "people leave and join: " + last.size());
    }

    @Test
    void refusesAnImpossibleSpec() {
        assertThrows(IllegalArgumentException.class, () -> GeneratorSpec.defaults(10, 0, 2022, 2024, 1));
        assertThrows(IllegalArgumentException.class, () -> GeneratorSpec.defaults(-1, 3, 2022, 2024, 1));
        assertThrows(IllegalArgumentException.class, () -> GeneratorSpec.defaults(10, 3, 2024, 2022, 1));
        assertThrows(IllegalArgumentException.class, () -> GeneratorSpec.defaults(10, 3, 1989, 2022, 1));
        PoolGenerator generator = new PoolGenerator(SMALL);
        OutputStream sink = OutputStream.nullOutputStream();
        assertThrows(IllegalArgumentException.class, () -> generator.writeEmployerYear(7, 2022, sink));
        assertThrows(IllegalArgumentException.class, () -> generator.writeEmployerYear(0, 2025, sink));
    }

    /** Why {@code value} breaks {@code field}'s rule, or null if it does not. */
    private static String problem(Field field, String value) {
        if (!value.equals(value.strip())) {
            return "surrounding whitespace";
        }
        switch (field.kind()) {
            case TEXT:
                return value.isEmpty() ? "empty" : null;
            case CODE:
                if (value.isEmpty()) {
                    return field.optional() ? null : "empty";
                }
                return field.codebook().indexOf(value) >= 0 && field.codebook().codes().contains(value)
                        ? null : "not a code";
            case INT:
                if (!value.matches("-?[0-9]+")) {
                    return "not an integer";
                }
                long n = Long.parseLong(value);
                return n >= field.min() && n <= field.max() ? null : "out of range";
            case DECIMAL:
                if (value.isEmpty()) {
                    return field.optional() ? null : "empty";
                }
                if (!value.matches("[0-9]+\\.[0-9]{2}")) {
                    return "not pounds with two decimals";
                }
                double x = Double.parseDouble(value);
                return (field.min() == 1 ? x > 0 : x >= 0) ? null : "out of range";
            default:
                return "unknown kind";
        }
    }

    private static byte[] bytes(GeneratorSpec spec) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(spec.rows(), PoolGenerator.write(spec, out));
        return out.toByteArray();
    }
}
