package ladder.engine.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ladder.engine.LadderException;
import ladder.engine.io.arrow.ArrowIpcReader;
import ladder.engine.io.arrow.ParquetReader;
import ladder.engine.contract.Schema;
import ladder.engine.table.Table;
import ladder.engine.table.TableBuilder;

/**
 * Loads files of a contract table into one pooled {@link Table}, validating every record
 * ({@link RowValidator}) and accounting for every rejection ({@link RejectsWriter}).
 *
 * <p>A path may name a file or a folder. A folder contributes the files at any depth that some
 * reader handles, in order of their paths, skipping with a warning hidden files, unreadable files,
 * broken links and Ladder's own rejected-rows files (a file whose first line is
 * {@value RejectsWriter#HEADER}: an earlier run's rejects are never read as data); a file named
 * explicitly must exist, be readable and be one a reader handles. Each file is read once whatever
 * paths reach it. {@link InputFiles} says exactly what is read. A file that is refused stops the
 * load with its {@link LadderException}.
 *
 * <p>The load never writes over what it reads: a rejected-rows file that is one of the files read
 * is refused ({@link OutputFiles#checkNotInput}), and it is written whole or not at all (a failed
 * load leaves the previous one as it was; see {@link RejectsWriter}).
 */
public final class Loader {
    /** The readers, tried in this order; the first that handles a file reads it. */
    public static final List<SourceReader> READERS = List.of(new CsvReader(), new ArrowIpcReader(), new ParquetReader());

    /** A pooled table and the report of its load. */
    public record Loaded(Table table, LoadReport report) {}

    private Loader() {}

    /** Loads {@code paths} (files or folders) into one table, keeping only a summary of rejections. */
    public static Loaded load(Schema schema, List<Path> paths) {
        return load(schema, paths, null);
    }

    /**
     * Loads {@code paths} (files or folders) into one table, writing every rejected record to
     * {@code rejectsFile} unless it is {@code null}.
     *
     * @throws LadderException if a path does not exist, a folder holds no readable file, a file is
     *     of no kind a reader handles, the rejects file is one of the files to read, or a file is refused
     */
    public static Loaded load(Schema schema, List<Path> paths, Path rejectsFile) {
        InputFiles.Expansion inputs = InputFiles.expand(paths);
        if (rejectsFile != null) {
            OutputFiles.checkNotInput(rejectsFile, inputs.files(), "the rejects file");
        }
        TableBuilder builder = new TableBuilder(schema);
        LoadReport report = readAll(schema, inputs, builder, rejectsFile);
        // Built after readAll has returned, so that its validator's duplicate check (1 GiB at a
        // hundred million rows) can be collected before the dictionaries are trimmed.
        return new Loaded(builder.build(), report);
    }

    /** Reads every file into {@code builder}, validating, and reports what was read, accepted and rejected. */
    private static LoadReport readAll(Schema schema, InputFiles.Expansion inputs, TableBuilder builder,
            Path rejectsFile) {
        List<Path> files = inputs.files();
        List<String> warnings = new ArrayList<>(inputs.warnings());
        try (RejectsWriter rejects = rejectsFile == null ? RejectsWriter.countsOnly() : RejectsWriter.toFile(rejectsFile)) {
            RowValidator validator = new RowValidator(schema, builder, rejects);
            for (Path file : files) {
                readerOf(file).load(file, schema, validator, warnings::add);
            }
            rejects.commit();
            return new LoadReport(files.stream().map(Path::toString).toList(), validator.read(),
                    validator.accepted(), validator.rejected(), rejects.byCategory(), rejects.first(), warnings,
                    rejectsFile);
        }
    }

    static SourceReader readerOf(Path file) {
        return READERS.stream().filter(reader -> reader.handles(file)).findFirst()
                .orElseThrow(() -> new LadderException(file + ": not a kind of file Ladder reads (accepted: "
                        + accepted() + ")"));
    }

    static String accepted() {
        return String.join(", ", READERS.stream().flatMap(reader -> reader.extensions().stream()).toList());
    }
}
