package ladder.engine.io.arrow;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import ladder.engine.io.KeyTexts;
import ladder.engine.contract.ValueRules;
import ladder.engine.io.parquet.ColumnValues;
import ladder.engine.io.parquet.LeafColumn;
import ladder.engine.io.parquet.ParquetFile;
import ladder.engine.table.StringPool;

/**
 * A Parquet file's persons read back for the duplicate check ({@link KeyTexts}): the file is
 * opened again when first asked (its footer as the load read it), and the person column of the
 * row group asked for decoded whole, the last {@value #KEPT} kept, and a value compared as the
 * text path reads it, as the rows asked for are most often of the employer and year being read,
 * in the row groups just read. A row is the file's row numbered from 1, as the loader
 * numbers them ({@link ParquetRowGroupLoad}).
 */
final class ParquetKeyTexts implements KeyTexts {
    private static final int KEPT = 4;

    private final SourceFile source;
    private final Path path;
    /** The file as the load read it, and its person column. */
    private final ParquetFile loaded;
    private final LeafColumn leaf;
    private FileChannel channel;
    private ParquetFile file;
    /** Where each row group starts, and the file's rows, as the load read them. */
    private final long[] firstRows;
    private final int batchRows;
    private final int[] groups = new int[KEPT];
    private final ColumnValues[] decoded = new ColumnValues[KEPT];
    private int next;

    /**
     * The persons of column {@code leaf} of {@code path}, read by the load as {@code loaded}, whose row
     * groups start at {@code firstRows} (and it ends at their last), decoded {@code batchRows} at a time.
     */
    ParquetKeyTexts(SourceFile source, Path path, ParquetFile loaded, LeafColumn leaf, long[] firstRows, int batchRows) {
        this.source = source;
        this.path = path;
        this.loaded = loaded;
        this.leaf = leaf;
        this.firstRows = firstRows;
        this.batchRows = batchRows;
        Arrays.fill(groups, -1);
    }

    @Override
    public boolean textEquals(long line, byte[] text, int from, int to) {
        byte[] bytes = bytes(line);
        return bytes != null && Arrays.equals(bytes, 0, bytes.length, text, from, to);
    }

    @Override
    public int hash(long line) {
        byte[] bytes = bytes(line);
        if (bytes == null) {
            throw source.unreadable(new IOException("row " + line + " has no person now: it has changed since it was read"));
        }
        return StringPool.hash(bytes, 0, bytes.length);
    }

    /** The person at {@code line} as the text path reads it (RowValidator#registerKey): decoded, trimmed, encoded again; null if none. */
    private byte[] bytes(long line) {
        try {
            open();
            long row = line - 1;
            int g = groupOf(firstRows, row);
            if (g < 0) {
                throw new IOException("row " + line + " is not in the file's " + firstRows[firstRows.length - 1] + " rows");
            }
            ColumnValues values = group(g);
            int i = (int) (row - firstRows[g]);
            if (values.hasNulls() && values.nulls()[i]) {
                return null;
            }
            return ValueRules.trim(BatchRecords.utf8(values.bytes(i))).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw source.unreadable(e);
        }
    }

    /**
     * The row group holding row {@code row} (from 0) of groups starting at {@code firstRows} (its
     * last entry the rows in all), past groups of no rows, which start where the next one does;
     * -1 if no group holds it.
     */
    static int groupOf(long[] firstRows, long row) {
        int at = Arrays.binarySearch(firstRows, row);
        int g = at >= 0 ? at : -at - 2;
        while (g >= 0 && g + 1 < firstRows.length - 1 && firstRows[g + 1] <= row) {
            g++;
        }
        return g < 0 || g >= firstRows.length - 1 || row >= firstRows[g + 1] ? -1 : g;
    }

    private ColumnValues group(int g) throws IOException {
        for (int k = 0; k < KEPT; k++) {
            if (groups[k] == g) {
                return decoded[k];
            }
        }
        ColumnValues values = ParquetRowGroupLoad.rows(file, g, leaf, 0, (int) (firstRows[g + 1] - firstRows[g]), batchRows);
        groups[next] = g;
        decoded[next] = values;
        next = (next + 1) % KEPT;
        return values;
    }

    /** Opens the file again, its footer as the load read it (a footer of a 100M-row file takes a tenth of a second to read). */
    private void open() throws IOException {
        if (file != null) {
            return;
        }
        channel = source.open(path);
        file = loaded.reopened(channel);
    }

    @Override
    public void close() {
        Arrays.fill(groups, -1);
        Arrays.fill(decoded, null);
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Only read from: nothing is lost.
            }
            channel = null;
            file = null;
        }
    }
}
