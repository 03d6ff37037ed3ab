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

    /** The file name extensions this reader handles, lower case with the dot (e.g. {@code ".csv"}). */
    List<String> extensions();

    /** Whether this reader handles {@code file}: its name ends with one of {@link #extensions()}, case ignored. */
    default boolean handles(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return extensions().stream().anyMatch(name::endsWith);
    }

    void read(Path file, Schema schema, RecordSink sink, Consumer<String> warnings);

    /**
     * Reads one file into {@code validator}'s table, with exactly the outcome of
     * {@link #read(Path, Schema, RecordSink, Consumer) read} into it; readers override it with
     * faster ways to the same result.
     */
    default void load(Path file, Schema schema, RowValidator validator, Consumer<String> warnings) {
        read(file, schema, validator, warnings);
    }

    /**
     * Whether {@link #load} gives the validator a way back to its rows' key texts
     * ({@link RowValidator#keyTexts}) when it {@link RowValidator#readsKeysBack reads them back}.
     */
    default boolean givesKeysBack() {
        return false;
    }
}
