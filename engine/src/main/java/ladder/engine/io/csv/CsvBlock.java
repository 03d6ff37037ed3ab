package ladder.engine.io.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import ladder.engine.contract.Schema;
import ladder.engine.contract.ValueRules;
import ladder.engine.io.FieldDecoder;
import ladder.engine.io.RowBatch;
import ladder.engine.io.RowValidator;

/**
 * The records of one byte range of a CSV file, split into fields and decoded into column form
 * straight from the bytes: the unit of work of a parallel CSV load ({@link CsvLoad}).
 *
 * <p>{@link #parse} reads the records that start in {@code [start, limit)}, the last one running
 * past {@code limit} as far as it needs, by exactly the rules of {@link CsvTokeniser} (fields split
 * by commas, records by LF, CRLF or a lone CR; a field opening with a quote runs to its closing
 * quote across commas and line breaks; lines of nothing but whitespace skipped; every line break
 * counted). Each record's values go through {@link FieldDecoder}; a record that breaks a rule, is
 * malformed, or holds what the decoder leaves to the exact path (an escaped quote, non-ASCII at the
 * edge of a value, ...) is marked slow, and {@link #replay} later hands its bytes to
 * {@link CsvTokeniser} and {@link RowValidator}, so that it is rejected or accepted exactly as the
 * sequential reader would. A record longer than {@value #MAX_RECORD_BYTES} bytes stops the block:
 * from there the load reads on sequentially ({@link #handover()}), which keeps the tokeniser's
 * handling of over-long records and of a quote left open early in a large file.
 */
final class CsvBlock extends RowBatch {
    /** Records longer than this are left to the sequential reader; ordinary records are ~130 bytes. */
    static final int MAX_RECORD_BYTES = 1 << 18;
    /** Bytes read past the limit at first, so that the last record usually needs no second read. */
    private static final int SLACK = 1 << 14;

    /** 1 for the bytes that end an unquoted field: comma, CR, LF. */
    private static final boolean[] FIELD_END = new boolean[256];

    static {
        FIELD_END[','] = true;
        FIELD_END['\r'] = true;
        FIELD_END['\n'] = true;
    }

    private final FileChannel channel;
    private final long fileSize;
    private final CsvHeader header;
    private final int width;
    private final FieldDecoder decoder;

    /** File bytes from {@link #bufferStart}; {@code buffer[length]} is a sentinel LF. */
    private byte[] buffer = new byte[1];
    private long bufferStart;
    private int length;
    private int[] recordStarts = new int[1024];
    private int[] recordEnds = new int[1024];

    private long start;
    private long limit;
    private long end;
    private long lineBreaks;
    private long handover;
    private long handoverLine;

    /** State of the record being scanned. */
    private int fields;
    private boolean malformed;
    private boolean exact;
    private long recordBreaks;
    private int contentEnd;

    /**
     * A block of the file of {@code fileSize} bytes read through {@code channel}, whose records
     * {@code decoder} decodes by {@code header}; with no header (and no decoder) a block only finds
     * where records end, as the search for the header row needs.
     */
    CsvBlock(FileChannel channel, long fileSize, Schema schema, CsvHeader header, FieldDecoder decoder) {
        super(schema);
        this.channel = channel;
        this.fileSize = fileSize;
        this.header = header;
        this.width = schema.fields().size();
        this.decoder = decoder;
    }

    /** The file position of the first record read, or -1 if the block found no place to start. */
    long start() {
        return start;
    }

    /** The end of the block's range: it reads the records that start before it. */
    long limit() {
        return limit;
    }

    /** The file position after the last record read: where the next record starts. */
    long end() {
        return end;
    }

    /** Line breaks from {@link #start()} to {@link #end()}. */
    long lineBreaks() {
        return lineBreaks;
    }

    /** The file position of a record too long for a block, from which to read on sequentially, or -1. */
    long handover() {
        return handover;
    }

    /** The line of the {@link #handover()} record, relative to the block's first line. */
    long handoverLine() {
        return handoverLine;
    }

    /**
     * Reads the records that start in {@code [start, limit)}, where {@code start} is known to be
     * where a record starts.
     */
    void parse(long start, long limit) throws IOException {
        reset(start, limit);
        if (start < limit) {
            load(start, limit);
            parseFrom(0, limit);
        }
    }

    /**
     * Reads the records that start in {@code [from, limit)}, guessing where the first starts: just
     * after the first LF at or after {@code from}. The guess is wrong if that LF is inside a quoted
     * field; the load then sees that the block before ended elsewhere and parses this range again.
     */
    void parseGuessingStart(long from, long limit) throws IOException {
        reset(-1, limit);
        load(from - 1, limit);
        int p = 0;
        int last = (int) Math.min(length, limit - bufferStart);
        while (p < last && buffer[p] != '\n') {
            p++;
        }
        if (p < last) {
            start = bufferStart + p + 1;
            parseFrom(p + 1, limit);
        } else {
            end = -1;
        }
    }

    private void reset(long from, long to) {
        clear();
        start = from;
        limit = to;
        end = from;
        lineBreaks = 0;
        handover = -1;
        handoverLine = 0;
    }

    private void parseFrom(int p, long limit) throws IOException {
        long line = 0;
        while (bufferStart + p < limit) {
            int row = addRow(line);
            if (row == recordStarts.length) {
                recordStarts = Arrays.copyOf(recordStarts, row * 2);
                recordEnds = Arrays.copyOf(recordEnds, row * 2);
            }
            int next = scan(p, row);
            if (next < 0 || next - p > MAX_RECORD_BYTES) {
                dropLastRow();
                if (next >= 0 || length - p >= MAX_RECORD_BYTES) {
                    handover = bufferStart + p;
                    handoverLine = line;
                    break;
                }
                p -= extend(p);
                continue;
            }
            recordStarts[row] = p;
            recordEnds[row] = next;
            if (isBlank(p)) {
                dropLastRow();
            } else if (!exact) {
                markSlow(row);
            }
            line += recordBreaks;
            p = next;
        }
        end = handover >= 0 ? handover : bufferStart + p;
        lineBreaks = line;
    }

    /**
     * Scans the record starting at {@code p} into row {@code row}; returns where the next record
     * starts, or -1 if the buffer ends before this record does (and the file does not).
     */
    private int scan(int p, int row) {
        byte[] b = buffer;
        boolean eof = bufferStart + length == fileSize;
        fields = 0;
        malformed = false;
        exact = true;
        recordBreaks = 0;
        while (true) {
            int from;
            int to;
            if (p < length && b[p] == '"') {
                int q = p + 1;
                boolean doubled = false;
                while (true) {
                    if (q >= length) {
                        if (!eof) {
                            return -1;
                        }
                        // A quote left open at the end of the file: the record runs to the end.
                        malformed = true;
                        exact = false;
                        fields++;
                        contentEnd = length;
                        return length;
                    }
                    byte c = b[q++];
                    if (c == '"') {
                        if (q >= length && !eof) {
                            return -1;
                        }
                        if (q < length && b[q] == '"') {
                            q++;
                            doubled = true;
                            continue;
                        }
                        break;
                    } else if (c == '\n') {
                        recordBreaks++;
                    } else if (c == '\r') {
                        recordBreaks++;
                        if (q >= length && !eof) {
                            return -1;
                        }
                        if (q < length && b[q] == '\n') {
                            q++;
                        }
                    }
                }
                int after = q < length ? b[q] : -1;
                if (after == ',' || after == '\r' || after == '\n' || after == -1) {
                    from = p + 1;
                    to = q - 1;
                    exact &= !doubled;
                    p = q;
                } else {
                    malformed = true;
                    exact = false;
                    p = unquotedEnd(q);
                    from = p;
                    to = p;
                }
            } else {
                from = p;
                p = unquotedEnd(p);
                to = p;
            }
            if (p > length) {
                return -1;
            }
            if (exact) {
                exact = header != null && fields < header.size() && decode(row, fields, from, to);
            }
            fields++;
            if (p < length && b[p] == ',') {
                p++;
                continue;
            }
            contentEnd = p;
            if (p < length) {
                recordBreaks++;
                if (b[p++] == '\r') {
                    if (p >= length && !eof) {
                        return -1;
                    }
                    if (p < length && b[p] == '\n') {
                        p++;
                    }
                }
            }
            exact &= header != null && fields == header.size();
            return p;
        }
    }

    /** The end of the unquoted text at {@code p}: a comma, line break or the end of the file; past {@code length} if unknown yet. */
    private int unquotedEnd(int p) {
        byte[] b = buffer;
        while (!FIELD_END[b[p] & 0xFF]) {
            p++;
        }
        boolean eof = bufferStart + length == fileSize;
        return p == length && !eof ? length + 1 : p;
    }

    private void forgetLastValues() {
        if (decoder != null) {
            decoder.forgetLastValues();
        }
    }

    private boolean decode(int row, int column, int from, int to) {
        int field = header.field(column);
        return field >= 0 ? decoder.decode(this, row, field, buffer, from, to)
                : FieldDecoder.isPlainAscii(buffer, from, to);
    }

    /**
     * Whether the record just scanned from {@code p} is a blank line. A one-field record of ASCII
     * whitespace and non-ASCII bytes might be (Unicode whitespace): it is marked inexact, and the
     * exact path decides.
     */
    private boolean isBlank(int p) {
        if (fields != 1 || malformed) {
            return false;
        }
        boolean unsure = false;
        for (int i = p; i < contentEnd; i++) {
            byte c = buffer[i];
            if (c < 0) {
                unsure = true;
            } else if (!ValueRules.isAsciiWhitespace(c)) {
                return false;
            }
        }
        exact &= !unsure;
        return !unsure;
    }

    @Override
    protected void replay(int row, String name, long line, RowValidator validator) {
        int from = recordStarts[row];
        InputStreamReader text = new InputStreamReader(
                new ByteArrayInputStream(buffer, from, recordEnds[row] - from), CsvReader.replacingDecoder());
        try {
            CsvTokeniser record = new CsvTokeniser(text, line);
            if (record.next()) {
                CsvReader.offer(name, record, header, width, validator);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills the buffer from file position {@code from} to a little past {@code limit}. */
    private void load(long from, long limit) throws IOException {
        forgetLastValues();
        bufferStart = from;
        length = 0;
        int wanted = (int) (Math.min(fileSize, limit + SLACK) - from);
        if (buffer.length < wanted + 1) {
            buffer = new byte[wanted + 1];
        }
        read(wanted);
    }

    /**
     * Reads more of the file for a record that runs past the buffer, dropping the bytes before
     * {@code keep} if that makes room; returns how far the buffer's contents moved back.
     */
    private int extend(int keep) throws IOException {
        forgetLastValues();
        int moved = 0;
        if (keep > 0 && rows() == 0) {
            System.arraycopy(buffer, keep, buffer, 0, length - keep);
            bufferStart += keep;
            length -= keep;
            moved = keep;
        }
        int more = (int) Math.min(fileSize - bufferStart - length, Math.max(SLACK, length));
        if (length + more + 1 > buffer.length) {
            buffer = Arrays.copyOf(buffer, length + more + 1);
        }
        read(more);
        return moved;
    }

    private void read(int bytes) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buffer, length, bytes);
        while (target.hasRemaining()) {
            if (channel.read(target, bufferStart + target.position()) < 0) {
                throw new IOException("the file ended early at byte " + (bufferStart + target.position()));
            }
        }
        length += bytes;
        buffer[length] = '\n';
    }
}
