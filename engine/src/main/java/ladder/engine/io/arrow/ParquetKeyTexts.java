package ladder.engine.io.arrow;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import ladder.engine.io.KeyTexts;
import ladder.engine.contract.ValueRules;
import ladder.engine.io.parquet.ColumnChunkReader;
import ladder.engine.io.parquet.ColumnValues;
import ladder.engine.io.parquet.LeafColumn;
import ladder.engine.io.parquet.ParquetFile;
import ladder.engine.io.parquet.UnsupportedParquet;

/**
 * A Parquet file's persons read back for the duplicate check ({@link KeyTexts}): the file is
 * opened again when first asked, and the person column of the row group asked for decoded whole,
 * the last {@value #KEPT} kept, and a value compared as the text path reads it, as the rows asked for are most often of the employer and year
 * being read, in the row groups just read. A row is the file's row numbered from 1, as the loader
 * numbers them ({@link ParquetRowGroupLoad}).
 */
final class ParquetKeyTexts implements KeyTexts {
    private static final int KEPT = 4;

    private final SourceFile source;
    private final Path path;
    private final String column;
    private FileChannel channel;
    private ParquetFile file;
    private LeafColumn leaf;
    private long[] firstRows;
    private final int[] groups = new int[KEPT];
    private final ColumnValues[] decoded = new ColumnValues[KEPT];
    private int next;

    /** The persons of column {@code column} (its name in the file) of {@code path}. */
    ParquetKeyTexts(SourceFile source, Path path, String column) {
        this.source = source;
        this.path = path;
        this.column = column;
        Arrays.fill(groups, -1);
    }

    @Override
    public boolean textEquals(long line, byte[] text, int from, int to) {
        try {
            open();
            long row = line - 1;
            int at = Arrays.binarySearch(firstRows, row);
            int g = at >= 0 ? at : -at - 2;
            if (g < 0 || g >= file.rowGroups() || row >= firstRows[g + 1]) {
                throw new IOException("row " + line + " is not in the file's " + firstRows[file.rowGroups()] + " rows");
            }
            ColumnValues values = group(g);
            int i = (int) (row - firstRows[g]);
            if (values.hasNulls() && values.nulls()[i]) {
                return false;
            }
            // As the text path reads a value (RowValidator#registerKey): decoded, trimmed, encoded again.
            byte[] bytes = ValueRules.trim(BatchRecords.utf8(values.bytes(i))).getBytes(StandardCharsets.UTF_8);
            return Arrays.equals(bytes, 0, bytes.length, text, from, to);
        } catch (IOException | UnsupportedParquet e) {
            throw source.unreadable(e);
        }
    }

    private ColumnValues group(int g) throws IOException {
        for (int k = 0; k < KEPT; k++) {
            if (groups[k] == g) {
                return decoded[k];
            }
        }
        ColumnChunkReader reader = file.reader(g, leaf);
        ColumnValues values = new ColumnValues(leaf.type());
        reader.read((int) file.rows(g), values);
        groups[next] = g;
        decoded[next] = values;
        next = (next + 1) % KEPT;
        return values;
    }

    private void open() throws IOException, UnsupportedParquet {
        if (file != null) {
            return;
        }
        channel = source.open(path);
        file = ParquetFile.open(channel);
        leaf = file.columns().stream().filter(l -> l.name().equals(column)).findFirst()
                .orElseThrow(() -> new IOException("its column '" + column + "' is gone"));
        firstRows = new long[file.rowGroups() + 1];
        for (int g = 0; g < file.rowGroups(); g++) {
            firstRows[g + 1] = firstRows[g] + file.rows(g);
        }
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
