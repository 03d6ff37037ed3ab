package ladder.datasets;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * An output stream that splits what is written to it into LF-ended lines and hands each record's
 * fields to a consumer, so that tests read a generated pool as it is written, without holding it.
 * Fields are split on commas only: the generator writes nothing that needs quoting.
 */
final class CsvLines extends OutputStream {
    private final Consumer<String[]> records;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private String[] header;
    private long count;

    CsvLines(Consumer<String[]> records) {
        this.records = records;
    }

    @Override
    public void write(int b) {
        if (b == '\n') {
            String[] fields = line.toString(StandardCharsets.UTF_8).split(",", -1);
            line.reset();
            if (header == null) {
                header = fields;
            } else {
                count++;
                records.accept(fields);
            }
        } else {
            line.write(b);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    List<String> header() {
        return List.of(header);
    }

    long records() {
        return count;
    }

    /** Bytes written after the last line end (there should be none). */
    int pending() {
        return line.size();
    }
}
