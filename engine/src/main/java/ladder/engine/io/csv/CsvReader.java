package ladder.engine.io.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import ladder.engine.contract.ValueRules;
import ladder.engine.io.Loader;
import ladder.engine.io.RecordSink;
import ladder.engine.io.RowValidator;
import ladder.engine.io.SourceReader;

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
 *
 * <p>{@link #read} does this record by record as text. {@link #load}, what {@link Loader} uses,
 * reaches the same outcome from the file's bytes on several threads ({@link CsvLoad}).
 */
public final class CsvReader implements SourceReader {
    /** The column named in a rejection that concerns the whole record rather than one value. */
    public static final String WHOLE_RECORD = "(record)";
    /** Bytes per block of a parallel load: large enough to amortise a block, small enough to balance threads. */
    static final int BLOCK_BYTES = 1 << 22;

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final int threads;
    private final int blockBytes;

    /** A reader that loads on every available core. */
    public CsvReader() {
        this(ladder.engine.Threads.all(), BLOCK_BYTES);
    }

    /** A reader that loads on {@code threads} threads in blocks of {@code blockBytes}; tests use tiny blocks. */
    CsvReader(int threads, int blockBytes) {
        if (threads < 1 || blockBytes < 1) {
            throw new IllegalArgumentException("threads and blockBytes must be positive: " + threads + ", " + blockBytes);
        }
        this.threads = threads;
        this.blockBytes = blockBytes;
    }

    @Override
    public List<String> extensions() {
        return List.of(".csv");
    }

    /** Reads the file record by record, handing each to {@code sink} as text: the reference behaviour. */
    @Override
    public void read(Path file, Schema schema, RecordSink sink, Consumer<String> warnings) {
        String name = file.toString();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] head = new byte[FileSignature.LONGEST];
            in.mark(head.length);
            int n = in.readNBytes(head, 0, head.length);
            in.reset();
            in.skipNBytes(checkOpeningBytes(name, head, n));
            CsvTokeniser records = new CsvTokeniser(new InputStreamReader(in, replacingDecoder()));
            if (!records.next()) {
                throw refusal(name, "the file is empty (no header row)");
            }
            CsvHeader header = CsvHeader.bind(name, records, schema, warnings);
            readRecords(name, records, header, schema.fields().size(), sink);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    /**
     * Loads the file straight from its bytes on several threads ({@link CsvLoad}), with exactly the
     * outcome of {@link #read} into the same validator.
     */
    @Override
    public void load(Path file, Schema schema, RowValidator validator, Consumer<String> warnings) {
        String name = file.toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            CsvLoad.load(name, channel, schema, validator, warnings, threads, blockBytes);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    /** The refusal of a file that could not be read: missing, not permitted, or failing as it was read. */
    private static LadderException unreadable(String name, IOException e) {
        if (e instanceof NoSuchFileException) {
            return refusal(name, "no such file");
        }
        if (e instanceof AccessDeniedException) {
            return refusal(name, "permission denied");
        }
        return new LadderException(name + ": cannot be read (" + e.getMessage() + ")", e);
    }

    /** A refusal of {@code file}, worded "{@code file}: {@code reason}". */
    static LadderException refusal(String file, String reason) {
        return new LadderException(file + ": " + reason);
    }

    /**
     * Refuses a file whose first {@code n} bytes {@code head} show it is empty, compressed or
     * UTF-16; returns the length of a UTF-8 byte-order mark to skip (0 or 3).
     */
    static int checkOpeningBytes(String name, byte[] head, int n) {
        if (n == 0) {
            throw refusal(name, "the file is empty (0 bytes)");
        }
        FileSignature signature = FileSignature.of(head, n);
        if (signature != null) {
            throw refusal(name, "the file is " + signature.refusal());
        }
        boolean bom = n >= UTF8_BOM.length && head[0] == UTF8_BOM[0] && head[1] == UTF8_BOM[1] && head[2] == UTF8_BOM[2];
        return bom ? UTF8_BOM.length : 0;
    }

    /** A UTF-8 decoder that puts U+FFFD for bytes that are not UTF-8, so that the validator rejects their record. */
    static CharsetDecoder replacingDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    /** Offers every remaining record of {@code records} to {@code sink}. */
    static void readRecords(String name, CsvTokeniser records, CsvHeader header, int width, RecordSink sink)
            throws IOException {
        while (records.next()) {
            offer(name, records, header, width, sink);
        }
    }

    /** Offers the tokeniser's current record to {@code sink}: as a record in contract order, or as malformed. */
    static void offer(String name, CsvTokeniser records, CsvHeader header, int width, RecordSink sink) {
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
            } else if (ValueRules.isInvalidText(value)) {
                sink.malformed(name, line, header.name(i), value, ValueRules.INVALID_TEXT, records.raw());
                return;
            }
        }
        sink.record(name, line, values, records.raw());
    }
}
