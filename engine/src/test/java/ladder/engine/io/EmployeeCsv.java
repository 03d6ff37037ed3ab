package ladder.engine.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;

/**
 * Builds CSV files of the {@code employees} table byte by byte for tests, counting the physical
 * line on which each record starts.
 */
public final class EmployeeCsv {
    public static final String HEADER = String.join(",", Schema.EMPLOYEES.fields().stream().map(Field::name).toList());

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final String newline;
    private long nextLine = 1;

    /** A file whose records end with {@code newline}. */
    EmployeeCsv(String newline) {
        this.newline = newline;
    }

    /** The values of a valid record of person {@code person} of employer E1 in 2022, by column name. */
    public static Map<String, String> valid(String person) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("employer_id", "E1");
        row.put("year", "2022");
        row.put("person_id", person);
        row.put("sector", "Financial services");
        row.put("region", "UKI");
        row.put("grade", "3");
        row.put("parental_occupation", "routine");
        row.put("school_type", "state");
        row.put("free_school_meals", "no");
        row.put("parent_degree", "no");
        row.put("gender", "woman");
        row.put("ethnicity", "white");
        row.put("disability", "no");
        row.put("age_band", "25-34");
        row.put("entry_route", "graduate_scheme");
        row.put("hourly_pay", "21.50");
        row.put("bonus", "100");
        row.put("promoted", "0");
        row.put("months_in_grade", "12");
        row.put("training", "1");
        return row;
    }

    /** A valid record of {@code person}, with {@code changes} (column, text as written, ...) applied. */
    public static String row(String person, String... changes) {
        Map<String, String> row = valid(person);
        for (int i = 0; i < changes.length; i += 2) {
            if (row.put(changes[i], changes[i + 1]) == null) {
                throw new IllegalArgumentException("no column " + changes[i]);
            }
        }
        return String.join(",", row.values());
    }

    /** Writes bytes as they are, with no line break. */
    EmployeeCsv bytes(byte[] raw) {
        bytes.writeBytes(raw);
        for (byte b : raw) {
            nextLine += b == '\n' ? 1 : 0;
        }
        return this;
    }

    /** Writes {@code text} as UTF-8 with no line break; line breaks inside it are counted. */
    EmployeeCsv text(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the record {@code text} and a line break; returns the line it starts on. */
    long line(String text) {
        long line = nextLine;
        text(text + newline);
        return line;
    }

    /** Writes the record {@code text} without a line break (the file's last); returns its line. */
    long last(String text) {
        long line = nextLine;
        text(text);
        return line;
    }

    /** Writes pieces of text and raw bytes as one record and a line break; returns the line it starts on. */
    long line(Object... pieces) {
        long line = nextLine;
        for (Object piece : pieces) {
            if (piece instanceof String s) {
                text(s);
            } else {
                bytes((byte[]) piece);
            }
        }
        text(newline);
        return line;
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }

    Path writeTo(Path file) {
        try {
            return Files.write(file, toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the header and valid records of {@code persons}, LF line endings. */
    public static Path validFile(Path file, String... persons) {
        EmployeeCsv csv = new EmployeeCsv("\n");
        csv.line(HEADER);
        for (String person : persons) {
            csv.line(row(person));
        }
        return csv.writeTo(file);
    }

    /** The rejected-rows file's records (header excluded), each as its six fields. */
    public static List<List<String>> readRejects(Path rejects) {
        List<List<String>> out = new ArrayList<>();
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(rejects)) {
            reader.forEach(r -> out.add(r.getFields()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!out.get(0).equals(List.of("file", "line", "column", "value", "rule", "record"))) {
            throw new AssertionError("header of the rejected rows: " + out.get(0));
        }
        return out.subList(1, out.size());
    }
}
