package ladder.engine.io.csv;

import static ladder.engine.io.EmployeeCsv.HEADER;
import static ladder.engine.io.EmployeeCsv.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import ladder.engine.io.EmployeeCsv;
import ladder.engine.io.Loader;
import ladder.engine.io.RecordSink;
import ladder.engine.io.Rejection;
import ladder.engine.io.RowValidator;
import ladder.engine.table.Column;
import ladder.engine.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** File-level rules of reading CSV: refusals of the whole file, the header, line endings. */
class CsvReaderTest {
    @TempDir
    Path dir;

    /** The sink records nothing of a refused file: every refusal happens before the first record. */
    private final List<String> offered = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private final RecordSink sink = new RecordSink() {
        @Override
        public void record(String file, long line, String[] values, String raw) {
            offered.add(line + ": " + String.join("|", values));
        }

        @Override
        public void malformed(String file, long line, String column, String value, String rule, String raw) {
            offered.add(line + ": " + column + " " + rule);
        }
    };

    private void read(Path file) {
        new CsvReader().read(file, Schema.EMPLOYEES, sink, warnings::add);
    }

    private String refusal(Path file) {
        LadderException e = assertThrows(LadderException.class, () -> read(file));
        assertEquals(List.of(), offered, "records offered before the refusal");
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e.getMessage().substring(file.toString().length() + 2);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void handlesCsvByExtensionInAnyCase() {
        CsvReader reader = new CsvReader();
        assertTrue(reader.handles(Path.of("a/b.csv")));
        assertTrue(reader.handles(Path.of("B.CSV")));
        assertEquals(false, reader.handles(Path.of("b.csv.gz")));
        assertEquals(false, reader.handles(Path.of("b.tsv")));
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        assertEquals("the file is empty (0 bytes)", refusal(write("zero.csv", new byte[0])));
        assertEquals("the file is empty (no header row)",
                refusal(write("bom.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})));
        assertEquals("the file is empty (no header row)", refusal(write("blank.csv", "\n\r\n  \n")));
    }

    @Test
    void aHeaderAloneIsAFileOfNoRecords() throws IOException {
        read(write("header.csv", HEADER));
        assertEquals(List.of(), offered);
    }

    @Test
    void refusesMissingColumnsNamingThem() throws IOException {
        String header = HEADER.replace("bonus,", "").replace(",training", "");
        String message = refusal(write("missing.csv", header + "\n"));
        assertTrue(message.startsWith("missing columns bonus, training ("), message);
        String one = refusal(write("one.csv", HEADER.replace("region,", "") + "\n"));
        assertTrue(one.startsWith("missing column region ("), one);
    }

    @Test
    void refusesADuplicatedColumn() throws IOException {
        assertEquals("column 'Year' appears twice (columns 2 and 21)",
                refusal(write("twice.csv", HEADER + ", Year \n")));
    }

    @Test
    void readsPastAnUnknownColumnWithAWarning() throws IOException {
        Path file = write("extra.csv", "notes," + HEADER + "\nhello," + row("P1") + "\n");
        Loader.Loaded loaded = Loader.load(Schema.EMPLOYEES, List.of(file));
        assertEquals(1, loaded.table().rows());
        assertEquals(List.of(file + ": unknown column 'notes' (column 1) is not in the employees contract and is ignored"),
                loaded.report().warnings());
    }

    @Test
    void rejectsARecordWithANulInAnUnknownColumn() throws IOException {
        Path file = write("extra.csv", HEADER + ",notes\n" + row("P1") + ",a\u0000b\n" + row("P2") + ",ok\n");
        Loader.Loaded loaded = Loader.load(Schema.EMPLOYEES, List.of(file));
        assertEquals(1, loaded.report().accepted());
        Rejection rejection = loaded.report().firstRejections().get(0);
        assertEquals("notes", rejection.column());
        assertEquals(2, rejection.line());
        assertEquals(RowValidator.INVALID_TEXT, rejection.rule());
    }

    @ParameterizedTest
    @ValueSource(strings = {";", "\t", "|"})
    void refusesAnotherDelimiter(String delimiter) throws IOException {
        String text = HEADER.replace(",", delimiter) + "\n" + row("P1").replace(",", delimiter) + "\n";
        String shown = delimiter.equals("\t") ? "tabs" : "'" + delimiter + "'";
        assertEquals("columns are delimited by " + shown + ", not commas; save it as comma-separated values",
                refusal(write("other.csv", text)));
    }

    @Test
    void refusesCompressedFiles() throws IOException {
        byte[] csv = (HEADER + "\n" + row("P1") + "\n").getBytes(StandardCharsets.UTF_8);
        Path gzip = dir.resolve("gzip.csv");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write(csv);
        }
        assertEquals("the file is compressed (gzip); decompress it first", refusal(gzip));
        Path zip = dir.resolve("zip.csv");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("data.csv"));
            out.write(csv);
        }
        assertEquals("the file is compressed (zip); extract it first", refusal(zip));
        assertTrue(refusal(write("bz.csv", "BZh91AY&SY")).contains("(bzip2)"));
        assertTrue(refusal(write("xz.csv", new byte[] {(byte) 0xFD, '7', 'z', 'X', 'Z', 0, 0})).contains("(xz)"));
        assertTrue(refusal(write("zst.csv", new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0})).contains("(zstd)"));
    }

    @Test
    void refusesTextThatIsNotUtf8() throws IOException {
        String text = HEADER + "\n" + row("P1") + "\n";
        String bom = "the file is not UTF-8 text: it starts with a UTF-16 byte-order mark; save it as UTF-8";
        assertEquals(bom, refusal(write("utf16.csv", text.getBytes(StandardCharsets.UTF_16))));
        assertEquals(bom, refusal(write("utf16le.csv", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE))));
        String notText = "not UTF-8 text: the header row holds NUL bytes or invalid UTF-8";
        assertEquals(notText, refusal(write("nobom.csv", text.getBytes(StandardCharsets.UTF_16LE))));
        assertEquals(notText, refusal(write("latin1.csv", text.replace("sector", "sécteur")
                .getBytes(Charset.forName("ISO-8859-1")))));
    }

    @Test
    void refusesAMalformedHeader() throws IOException {
        assertEquals("the header row is malformed (text after closing quote)",
                refusal(write("bad.csv", "\"employer_id\"x," + HEADER + "\n")));
    }

    @Test
    void bindsColumnsByNameInAnyOrderAndCase() throws IOException {
        List<String> names = new ArrayList<>(Arrays.asList(HEADER.split(",")));
        List<String> values = new ArrayList<>(Arrays.asList(row("P1", "grade", "5", "region", "UKM").split(",")));
        Collections.reverse(names);
        Collections.reverse(values);
        String header = String.join(",", names.stream().map(n -> " " + n.toUpperCase() + " ").toList());
        Path file = write("shuffled.csv", header + "\n" + String.join(",", values) + "\n");
        Table table = Loader.load(Schema.EMPLOYEES, List.of(file)).table();
        assertEquals(1, table.rows());
        Map<String, String> expected = EmployeeCsv.valid("P1");
        expected.put("grade", "5");
        expected.put("region", "UKM");
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            Column column = table.column(entry.getKey());
            String got = column.isDecimal()
                    ? Double.toString(table.chunks().get(0).decimals(column).get(0))
                    : column.label(table.chunks().get(0).codes(column).get(0));
            String want = column.isDecimal() ? Double.toString(Double.parseDouble(entry.getValue())) : entry.getValue();
            assertEquals(want, got, entry.getKey());
        }
    }

    @Test
    void readsLfAndCrlfAndALastLineWithoutNewline() throws IOException {
        String text = HEADER + "\r\n" + row("P1") + "\n" + row("P2") + "\r\n\r\n" + row("P3");
        read(write("endings.csv", text));
        assertEquals(3, offered.size());
        assertTrue(offered.get(0).startsWith("2: E1|2022|P1|"), offered.get(0));
        assertTrue(offered.get(1).startsWith("3: E1|2022|P2|"), offered.get(1));
        assertTrue(offered.get(2).startsWith("5: E1|2022|P3|"), offered.get(2));
        assertTrue(offered.get(2).endsWith("|12|1"), "the last value has no line break: " + offered.get(2));
    }

    @Test
    void valuesReachTheSinkUntrimmedInContractOrder() throws IOException {
        read(write("spaces.csv", HEADER + "\n" + row("P1", "sector", " Retail ") + "\n"));
        assertEquals("2: " + String.join("|", EmployeeCsv.valid("P1").values()).replace("Financial services", " Retail "),
                offered.get(0));
    }

    @Test
    void refusesAFileThatDoesNotExist() {
        Path file = dir.resolve("nowhere.csv");
        assertEquals("no such file", refusal(file));
    }
}
