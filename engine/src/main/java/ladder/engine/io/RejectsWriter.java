package ladder.engine.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import ladder.engine.LadderException;

/**
 * Takes every rejection of a load: writes it to the rejected-rows file (if there is one) and keeps
 * a summary, the count of rejections by {@link Rejection#category()} and the first
 * {@value #KEPT} rejections for display.
 *
 * <p>The file is CSV per RFC 4180 with the header {@value #HEADER}, one record per rejection,
 * where {@code record} is the rejected record's text. A NUL in a value or record is written as
 * {@code \0} so that the file stays text.
 *
 * <p>The file is written whole or not at all: records go to a hidden temporary file beside it,
 * which {@link #commit()} renames over the file in one atomic step ({@link OutputFiles}). A writer
 * closed without a commit (the load failed, or was interrupted) deletes the temporary file and
 * leaves the previous rejected-rows file as it was.
 */
public final class RejectsWriter implements Consumer<Rejection>, AutoCloseable {
    /** The header row of the rejected-rows file. */
    public static final String HEADER = "file,line,column,value,rule,record";
    /** How many rejections are kept for display. */
    public static final int KEPT = 20;

    private final Path path;
    private final Path temp;
    private final Writer out;
    private final Map<String, Long> byCategory = new LinkedHashMap<>();
    private final List<Rejection> first = new ArrayList<>();
    private long count;

    private boolean committed;

    private RejectsWriter(Path path, Path temp, Writer out) {
        this.path = path;
        this.temp = temp;
        this.out = out;
    }

    /**
     * A writer of the rejected-rows file {@code path}, keeping the summary too; {@link #commit()}
     * replaces the file, if it exists, with what was written.
     */
    public static RejectsWriter toFile(Path path) {
        Path temp = OutputFiles.temporaryBeside(path);
        try {
            Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8));
            out.write(HEADER);
            out.write('\n');
            return new RejectsWriter(path, temp, out);
        } catch (IOException e) {
            OutputFiles.deleteQuietly(temp);
            throw cannotWrite(path, e);
        }
    }

    /** A summary alone, with no file. */
    public static RejectsWriter countsOnly() {
        return new RejectsWriter(null, null, null);
    }

    @Override
    public void accept(Rejection rejection) {
        count++;
        byCategory.merge(rejection.category(), 1L, Long::sum);
        if (first.size() < KEPT) {
            first.add(rejection);
        }
        if (out != null) {
            try {
                writeRecord(rejection);
            } catch (IOException e) {
                throw cannotWrite(path, e);
            }
        }
    }

    /** Rejections taken so far. */
    public long count() {
        return count;
    }

    /** Rejections by category, in order of each category's first appearance. */
    public Map<String, Long> byCategory() {
        return Collections.unmodifiableMap(byCategory);
    }

    /** The first {@value #KEPT} rejections, in the order taken. */
    public List<Rejection> first() {
        return Collections.unmodifiableList(first);
    }

    /** The rejected-rows file, or {@code null} when only the summary is kept. */
    public Path path() {
        return path;
    }

    /** Finishes the file and puts it in place of the rejected-rows file: the load succeeded. */
    public void commit() {
        if (out == null || committed) {
            return;
        }
        try {
            out.close();
            OutputFiles.moveIntoPlace(temp, path);
            committed = true;
        } catch (IOException e) {
            throw cannotWrite(path, e);
        }
    }

    /** Without a {@link #commit()} before, abandons the file: the previous rejected-rows file stays as it was. */
    @Override
    public void close() {
        if (out == null || committed) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            // Abandoned anyway.
        } finally {
            OutputFiles.deleteQuietly(temp);
        }
    }

    private void writeRecord(Rejection r) throws IOException {
        writeField(r.file());
        out.write(',');
        out.write(Long.toString(r.line()));
        out.write(',');
        writeField(r.column());
        out.write(',');
        writeField(r.value());
        out.write(',');
        writeField(r.rule());
        out.write(',');
        writeField(r.raw());
        out.write('\n');
    }

    /** Writes {@code text} as a CSV field, quoted if it holds a comma, quote or line break; {@code null} as empty. */
    private void writeField(String text) throws IOException {
        if (text == null) {
            return;
        }
        String shown = text.replace("\u0000", "\\0");
        boolean quote = false;
        for (int i = 0; i < shown.length() && !quote; i++) {
            char c = shown.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (quote) {
            out.write('"');
            out.write(shown.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(shown);
        }
    }

    private static LadderException cannotWrite(Path path, IOException e) {
        return new LadderException("cannot write the rejected rows to " + path + " (" + e.getMessage() + ")", e);
    }
}
