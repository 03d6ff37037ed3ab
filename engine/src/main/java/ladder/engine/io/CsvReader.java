package ladder.engine.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;

/**
 * Reads a contract table from a CSV file ({@code .csv}, any case) as the data contract's reading
 * rules say: RFC 4180 (see {@link CsvTokeniser}), UTF-8 with or without a byte-order mark, a
 * header row bound to the contract by {@link CsvHeader}.
 *
 * <p>The file is refused as a whole, before any record reaches the sink, when it is empty, starts
 * like a compressed file or UTF-16 text ({@link FileSignature}), or its header is refused. Bytes
 * that are not UTF-8 in a record are decoded to U+FFFD, so that only that record is rejected.
 * Each record goes to the sink with its physical line number, its values in contract order and
 * its exact text; a record with malformed quoting or the wrong number of fields, or with a NUL or
 * invalid UTF-8 in a column the contract does not know, is reported as malformed.
 */
public final class CsvReader implements SourceReader {
    /** The column named in a rejection that concerns the whole record rather than one value. */
    static final String WHOLE_RECORD = "(record)";

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Override
    public List<String> extensions() {
        return List.of(".csv");
    }

    @Override
    public void read(Path file, Schema schema, RecordSink sink, Consumer<String> warnings) {
        String name = file.toString();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            checkOpeningBytes(name, in);
            CsvTokeniser records = new CsvTokeniser(new InputStreamReader(in, replacingDecoder()));
            if (!records.next()) {
                throw refusal(name, "the file is empty (no header row)");
            }
            CsvHeader header = CsvHeader.bind(name, records, schema, warnings);
            int width = schema.fields().size();
            while (records.next()) {
                offer(name, records, header, width, sink);
            }
        } catch (NoSuchFileException e) {
            throw refusal(name, "no such file");
        } catch (AccessDeniedException e) {
            throw refusal(name, "permission denied");
        } catch (IOException e) {
            throw new LadderException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** A refusal of {@code file}, worded "{@code file}: {@code reason}". */
    static LadderException refusal(String file, String reason) {
        return new LadderException(file + ": " + reason);
    }

    /**
     * Refuses a file whose first bytes show it is empty, compressed or UTF-16, and skips a UTF-8
     * byte-order mark.
     */
    private static void checkOpeningBytes(String name, InputStream in) throws IOException {
        byte[] head = new byte[FileSignature.LONGEST];
        in.mark(head.length);
        int n = in.readNBytes(head, 0, head.length);
        in.reset();
        if (n == 0) {
            throw refusal(name, "the file is empty (0 bytes)");
        }
        FileSignature signature = FileSignature.of(head, n);
        if (signature != null) {
            throw refusal(name, "the file is " + signature.refusal());
        }
        if (n >= UTF8_BOM.length && head[0] == UTF8_BOM[0] && head[1] == UTF8_BOM[1] && head[2] == UTF8_BOM[2]) {
            in.skipNBytes(UTF8_BOM.length);
        }
    }

    /** A UTF-8 decoder that puts U+FFFD for bytes that are not UTF-8, so that the validator rejects their record. */
    private static CharsetDecoder replacingDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    private static void offer(String name, CsvTokeniser records, CsvHeader header, int width, RecordSink sink) {
        long line = records.line();
        if (records.error() != null) {
            String column = records.errorField() < 0 ? WHOLE_RECORD : header.name(records.errorField());
            sink.malformed(name, line, column, records.errorValue(), records.error(), records.raw());
            return;
        }
        if (records.fieldCount() != header.size()) {
            sink.malformed(name, line, WHOLE_RECORD, "", "expected " + header.size() + " fields, found "
                    + records.fieldCount(), records.raw());
            return;
        }
        String[] values = new String[width];
        for (int i = 0; i < header.size(); i++) {
            String value = records.field(i);
            if (header.field(i) >= 0) {
                values[header.field(i)] = value;
            } else if (RowValidator.isInvalidText(value)) {
                sink.malformed(name, line, header.name(i), value, RowValidator.INVALID_TEXT, records.raw());
                return;
            }
        }
        sink.record(name, line, values, records.raw());
    }
}
