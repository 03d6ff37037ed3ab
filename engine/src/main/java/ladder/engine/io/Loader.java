package ladder.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
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
 * <p>A path may name a file or a folder. A folder contributes its regular files (not those of its
 * subfolders) that some reader handles, in order of name; a file named explicitly must be one a
 * reader handles. A file that is refused stops the load with its {@link LadderException}.
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
     *     of no kind a reader handles, or a file is refused
     */
    public static Loaded load(Schema schema, List<Path> paths, Path rejectsFile) {
        List<Path> files = expand(paths);
        TableBuilder builder = new TableBuilder(schema);
        LoadReport report = readAll(schema, files, builder, rejectsFile);
        // Built after readAll has returned, so that its validator's duplicate check (1 GiB at a
        // hundred million rows) can be collected before the dictionaries are trimmed.
        return new Loaded(builder.build(), report);
    }

    /** Reads every file into {@code builder}, validating, and reports what was read, accepted and rejected. */
    private static LoadReport readAll(Schema schema, List<Path> files, TableBuilder builder, Path rejectsFile) {
        List<String> warnings = new ArrayList<>();
        try (RejectsWriter rejects = rejectsFile == null ? RejectsWriter.countsOnly() : RejectsWriter.toFile(rejectsFile)) {
            RowValidator validator = new RowValidator(schema, builder, rejects);
            for (Path file : files) {
                readerOf(file).load(file, schema, validator, warnings::add);
            }
            return new LoadReport(files.stream().map(Path::toString).toList(), validator.read(),
                    validator.accepted(), validator.rejected(), rejects.byCategory(), rejects.first(), warnings,
                    rejectsFile);
        }
    }

    /** The files that {@code paths} name, folders replaced by their readable files in order of name. */
    private static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> inside = readableFiles(path);
                if (inside.isEmpty()) {
                    throw new LadderException(path + ": the folder holds no file to read (accepted: " + accepted() + ")");
                }
                files.addAll(inside);
            } else if (Files.exists(path)) {
                readerOf(path);
                files.add(path);
            } else {
                throw new LadderException(path + ": no such file or folder");
            }
        }
        return files;
    }

    private static List<Path> readableFiles(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(file -> READERS.stream().anyMatch(reader -> reader.handles(file)))
                    .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new LadderException(folder + ": the folder cannot be listed (" + e.getMessage() + ")", e);
        }
    }

    private static SourceReader readerOf(Path file) {
        return READERS.stream().filter(reader -> reader.handles(file)).findFirst()
                .orElseThrow(() -> new LadderException(file + ": not a kind of file Ladder reads (accepted: "
                        + accepted() + ")"));
    }

    private static String accepted() {
        return String.join(", ", READERS.stream().flatMap(reader -> reader.extensions().stream()).toList());
    }
}
