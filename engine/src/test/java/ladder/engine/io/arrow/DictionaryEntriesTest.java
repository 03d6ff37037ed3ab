package ladder.engine.io.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.io.LoadOutcome;
import ladder.engine.io.csv.CsvReader;
import ladder.engine.io.parquet.ColumnValues;
import ladder.engine.io.parquet.LeafColumn;
import ladder.engine.io.parquet.ParquetFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Parquet file whose dictionaries hold an invalid code, a code's label, a padded code, nulls of
 * an optional and of a required column, and a year out of range: the fast load, which checks each
 * dictionary entry once and gives its rows the entry's verdict, rejects the same rows with the
 * same messages and row numbers, and stores the same codes, as offering every row as text (the
 * row path), and rejects as many rows for the same rules as the same data read from CSV.
 */
class DictionaryEntriesTest {
    @TempDir
    Path dir;

    private static final String[] SCHOOLS = {"state", "A state-run or state-funded school", "  independent ", "not a code", null};
    private static final String[] YEARS = {"2023", "2024", "2200", "2023"};
    private static final String[] SECTORS = {"Retail", " Legal", null, "Retail"};

    @Test
    void dictionaryEntriesGiveTheRowPathsVerdicts() throws IOException {
        List<List<String>> rows = Employees.numbered(400);
        int school = Schema.EMPLOYEES.indexOf(Field.SCHOOL_TYPE.name());
        int year = Schema.EMPLOYEES.indexOf(Field.YEAR.name());
        int sector = Schema.EMPLOYEES.indexOf("sector");
        for (int r = 0; r < rows.size(); r++) {
            rows.get(r).set(school, SCHOOLS[r % SCHOOLS.length]);
            rows.get(r).set(year, YEARS[r % 7 % YEARS.length]);
            rows.get(r).set(sector, SECTORS[r % 11 % SECTORS.length]);
        }
        Path parquet = dir.resolve("pool.parquet");
        ArrowTables.writeParquet(parquet, Employees.typed(rows), 1000);
        assertDictionaryEncoded(parquet, "school_type", "year", "sector");

        for (int batchRows : new int[] {7, 64, 65_536}) {
            LoadOutcome text = LoadOutcome.of(parquet, dir, new ParquetReader(batchRows, 1), false);
            LoadOutcome fast = LoadOutcome.of(parquet, dir, new ParquetReader(batchRows, 2), true);
            fast.assertSameAs(text, batchRows + " rows a batch");
            assertTrue(fast.rejects().contains("not a code"), fast.rejects());
            assertTrue(fast.rejects().contains("2200"), fast.rejects());
        }

        LoadOutcome fast = LoadOutcome.of(parquet, dir, new ParquetReader(), true);
        Path csv = ArrowTables.writeBytes(dir, "pool.csv", csv(rows));
        LoadOutcome fromCsv = LoadOutcome.of(csv, dir, new CsvReader(), true);
        assertEquals(fromCsv.report().accepted(), fast.report().accepted());
        assertEquals(fromCsv.report().rejectedByRule(), fast.report().rejectedByRule());
        LoadOutcome.assertSameTable(fromCsv.table(), fast.table(), "Parquet against CSV");
    }

    private static void assertDictionaryEncoded(Path parquet, String... columns) throws IOException {
        try (FileChannel channel = FileChannel.open(parquet)) {
            ParquetFile file = ParquetFile.open(channel);
            for (String name : columns) {
                LeafColumn leaf = file.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
                ColumnValues values = new ColumnValues(leaf.type());
                file.reader(0, leaf).read((int) file.rows(0), values);
                assertEquals(file.rows(0), values.dictionaryRows() + (values.hasNulls() ? count(values.nulls(), values.rows()) : 0), name);
            }
        } catch (ladder.engine.io.parquet.UnsupportedParquet e) {
            throw new AssertionError(e);
        }
    }

    private static long count(boolean[] flags, int n) {
        long k = 0;
        for (int i = 0; i < n; i++) {
            k += flags[i] ? 1 : 0;
        }
        return k;
    }

    private static byte[] csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder(String.join(",", Schema.EMPLOYEES.fields().stream().map(Field::name).toList())).append('\n');
        for (List<String> row : rows) {
            out.append(String.join(",", row.stream().map(v -> v == null ? "" : v.contains(",") ? '"' + v + '"' : v).toList())).append('\n');
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
