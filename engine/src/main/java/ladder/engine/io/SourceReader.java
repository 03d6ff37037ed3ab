package ladder.engine.io;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import ladder.engine.contract.Schema;

/**
 * Reads one file of a contract table and hands its records to a {@link RecordSink}.
 *
 * <p>A file that cannot be read as the table at all (empty, not UTF-8, compressed, a missing or
 * duplicated column, the wrong delimiter) is refused with a {@link ladder.engine.LadderException}
 * whose message names the file and the reason; nothing of it is loaded. Warnings (an unknown
 * extra column, read past) go to {@code warnings}.
 */
public interface SourceReader {

    /** Whether this reader handles {@code file} (by its name's extension). */
    boolean handles(Path file);

    /** The file name extensions this reader handles (e.g. {@code ".csv"}), for a message listing what is accepted. */
    default List<String> extensions() {
        return List.of();
    }

    void read(Path file, Schema schema, RecordSink sink, Consumer<String> warnings);
}
