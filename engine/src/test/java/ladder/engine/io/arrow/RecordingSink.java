package ladder.engine.io.arrow;

import java.util.ArrayList;
import java.util.List;
import ladder.engine.io.RecordSink;

/** A sink that keeps every call it receives, in order, without validating anything. */
final class RecordingSink implements RecordSink {

    record Record(String file, long line, List<String> values) {}

    record Malformed(String file, long line, String column, String value, String rule) {}

    final List<Record> records = new ArrayList<>();
    final List<Malformed> malformed = new ArrayList<>();

    @Override
    public void record(String file, long line, String[] values, String raw) {
        records.add(new Record(file, line, java.util.Arrays.asList(values.clone())));
    }

    @Override
    public void malformed(String file, long line, String column, String value, String rule, String raw) {
        malformed.add(new Malformed(file, line, column, value, rule));
    }

    /** The values of every record, in the order received. */
    List<List<String>> values() {
        return records.stream().map(Record::values).toList();
    }

    /** The line (row) numbers of every record, in the order received. */
    List<Long> lines() {
        return records.stream().map(Record::line).toList();
    }
}
