package ladder.engine.snapshot;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.CRC32C;
import ladder.engine.LadderException;
import ladder.engine.table.Codes;
import ladder.engine.table.Column;
import ladder.engine.table.Decimals;
import ladder.engine.table.StringPool;
import org.apache.arrow.flatbuf.Block;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.Footer;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;

/**
 * Reads a column file written by {@link ColumnFile} straight from the mapped file into the
 * table's heap arrays: each value is copied once, from the page cache to its chunk's array, with
 * no Arrow buffer between. Read whole, the chunks are copied by several tasks ({@link #tasks})
 * while one more computes the CRC-32C of the content in file order; read a group of chunks at a
 * time ({@link #start}, {@link #group}), the checksum follows the groups. Either way the column is
 * refused unless its checksum matches the manifest's.
 *
 * <p>The file is in Arrow's IPC file format: a magic string, the messages, then a footer (a
 * flatbuffer giving each dictionary and record batch's block: where it starts, its metadata's and
 * its body's length), the footer's length and the magic again. Only the footer and each batch's
 * metadata are parsed ({@code org.apache.arrow.flatbuf}); every offset and length they give is
 * checked to lie within the file and to fit the rows before anything is allocated, so a file
 * corrupted anywhere is refused in one line naming it, never read out of bounds nor allowed to
 * ask for more memory than its own size.
 */
final class ColumnReader {
    private static final byte[] MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);
    /**
     * The chunks one copying task reads, and a streamed group holds: about 1 MB of bytes, enough
     * that a task costs more than its scheduling (and the groups of streamed files').
     */
    static final int GROUP = 16;

    /** One record batch: its rows, and where its values and (when it has nulls) its validity bitmap start in the file. */
    private record Batch(int rows, boolean nulls, long validityAt, long dataAt) {
    }

    /** A coded column's dictionary: its labels, and where their offsets and bytes start in the file. */
    private record Labels(int count, long offsetsAt, long dataAt, long dataBytes) {
    }

    private final String where;
    private final Column column;
    private final ColumnFile.Storage storage;
    private final long crc32c;
    private final List<Batch> batches;
    private final Labels labels;
    /** The file's bytes, mapped: the dictionary's region, then one region per {@link #GROUP} batches. */
    private final MappedByteBuffer dictionary;
    private final List<MappedByteBuffer> regions = new ArrayList<>();
    private final long[] regionStarts;
    private final Codes[] codes;
    private final Decimals[] decimals;
    private final CRC32C sum = new CRC32C();
    private StringPool pool;

    private ColumnReader(Path file, Column column, ColumnFile.Storage storage, long crc32c, long rows, String where)
            throws IOException {
        this.where = where;
        this.column = column;
        this.storage = storage;
        this.crc32c = crc32c;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int tail = MAGIC.length + 4;
            if (size < 2L * tail || !magic(read(channel, 0, MAGIC.length), 0)
                    || !magic(read(channel, size - MAGIC.length, MAGIC.length), 0)) {
                throw corrupted("it is not an Arrow IPC file");
            }
            int footerBytes = read(channel, size - tail, 4).getInt(0);
            long footerAt = size - tail - footerBytes;
            if (footerBytes <= 0 || footerAt < MAGIC.length) {
                throw corrupted("its footer's length is out of range");
            }
            Footer footer = Footer.getRootAsFooter(read(channel, footerAt, footerBytes));
            if (footer.schema() == null || footer.schema().fieldsLength() != 1) {
                throw corrupted("it does not hold one column");
            }
            batches = new ArrayList<>(footer.recordBatchesLength());
            long total = 0;
            for (int b = 0; b < footer.recordBatchesLength(); b++) {
                Batch batch = batch(channel, footer.recordBatches(b), footerAt, rows - total);
                batches.add(batch);
                total += batch.rows();
            }
            if (total != rows) {
                throw Manifest.refused(where, "it holds " + total + " rows where the manifest says " + rows);
            }
            boolean coded = !storage.decimal() && !batches.isEmpty();
            if (coded && footer.dictionariesLength() != 1) {
                throw corrupted("its codes have no dictionary");
            }
            labels = coded ? labels(channel, footer.dictionaries(0), footerAt) : null;
            dictionary = coded ? channel.map(FileChannel.MapMode.READ_ONLY, labels.offsetsAt(),
                    labels.dataAt() + labels.dataBytes() - labels.offsetsAt()) : null;
            int groups = (batches.size() + GROUP - 1) / GROUP;
            regionStarts = new long[groups];
            for (int g = 0; g < groups; g++) {
                long from = Long.MAX_VALUE;
                long to = 0;
                for (Batch batch : batches.subList(g * GROUP, Math.min(batches.size(), (g + 1) * GROUP))) {
                    from = Math.min(from, Math.min(batch.validityAt(), batch.dataAt()));
                    to = Math.max(to, Math.max(batch.validityAt() + validityBytes(batch), batch.dataAt() + dataBytes(batch)));
                }
                regionStarts[g] = from;
                regions.add(channel.map(FileChannel.MapMode.READ_ONLY, from, to - from));
            }
        }
        codes = storage.decimal() ? null : new Codes[batches.size()];
        decimals = storage.decimal() ? new Decimals[batches.size()] : null;
    }

    /**
     * Opens the file of {@code column} stored as {@code storage}, holding {@code rows} rows and
     * content of CRC-32C {@code crc32c}: its footer and batches' metadata read and checked, its
     * bytes mapped. {@code where} names it in a refusal.
     */
    static ColumnReader open(Path file, Column column, ColumnFile.Storage storage, long crc32c, long rows, String where)
            throws IOException {
        try {
            return new ColumnReader(file, column, storage, crc32c, rows, where);
        } catch (LadderException | IOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw corrupted(where, e);
        }
    }

    /**
     * The work of reading the whole column, to run on any threads, in any order: the checksum of
     * the whole content (and the dictionary), then the copying of each group of chunks into its
     * arrays; {@link #parts} gives the result.
     */
    List<Callable<Void>> tasks() {
        List<Callable<Void>> tasks = new ArrayList<>();
        tasks.add(guarded(() -> {
            dictionary();
            for (int g = 0; g < groups(); g++) {
                checksum(g);
            }
        }));
        for (int g = 0; g < groups(); g++) {
            int group = g;
            tasks.add(guarded(() -> {
                for (int b = group * GROUP; b < end(group); b++) {
                    if (codes != null) {
                        codes[b] = codes(b);
                    } else {
                        decimals[b] = decimals(b);
                    }
                }
            }));
        }
        return tasks;
    }

    /** The groups of {@link #GROUP} chunks (the last may hold fewer), as {@link #group} reads them. */
    int groups() {
        return regions.size();
    }

    int chunks() {
        return batches.size();
    }

    /**
     * Reads the dictionary, the first step of reading the column a group at a time: then
     * {@link #group} of each group in order, then {@link #verify}. Answers a text column's pool
     * (or null), not yet checked against the checksum.
     */
    StringPool start() {
        call(guarded(this::dictionary));
        return pool;
    }

    /** The chunks of group {@code g}, in order after {@link #start}; held by nothing here, so they go when their reader drops them. */
    ColumnFile.Parts group(int g) {
        List<Codes> c = new ArrayList<>();
        List<Decimals> d = new ArrayList<>();
        call(guarded(() -> {
            checksum(g);
            for (int b = g * GROUP; b < end(g); b++) {
                if (codes != null) {
                    c.add(codes(b));
                } else {
                    d.add(decimals(b));
                }
            }
        }));
        return new ColumnFile.Parts(c, d, pool);
    }

    /** Refuses the column unless its content, read whole by now, matches its checksum. */
    void verify() {
        if (sum.getValue() != crc32c) {
            throw Manifest.refused(where, "its content does not match its checksum (corrupted)");
        }
    }

    /**
     * The column's chunks and a text column's dictionary, once every task has run; refused if its
     * content does not match its checksum, or a coded answer's dictionary is not this contract's.
     */
    ColumnFile.Parts parts() {
        verify();
        return new ColumnFile.Parts(codes == null ? List.of() : Arrays.asList(codes),
                decimals == null ? List.of() : Arrays.asList(decimals), pool);
    }

    private int end(int g) {
        return Math.min(batches.size(), (g + 1) * GROUP);
    }

    private static void call(Callable<Void> task) {
        try {
            task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A record batch's block, checked: one node of {@code rows} rows at most, its buffers within the block. */
    private Batch batch(FileChannel channel, Block block, long footerAt, long rowsLeft) throws IOException {
        long bodyAt = block.offset() + block.metaDataLength();
        RecordBatch batch = (RecordBatch) message(channel, block, footerAt, MessageHeader.RecordBatch).header(new RecordBatch());
        if (batch == null || batch.compression() != null || batch.nodesLength() != 1 || batch.buffersLength() != 2) {
            throw corrupted("its values are not stored as its manifest says");
        }
        FieldNode node = batch.nodes(0);
        long n = batch.length();
        if (n < 0 || n != node.length() || n > rowsLeft || n > Integer.MAX_VALUE) {
            throw corrupted("a batch's rows are out of range");
        }
        boolean nulls = node.nullCount() != 0;
        if (nulls && !storage.decimal()) {
            throw corrupted("its codes have missing values");
        }
        long dataAt = buffer(batch.buffers(1), bodyAt, block.bodyLength(), storage.width * n);
        long validityAt = nulls ? buffer(batch.buffers(0), bodyAt, block.bodyLength(), (n + 7) >>> 3) : dataAt;
        return new Batch((int) n, nulls, validityAt, dataAt);
    }

    /** A dictionary's block, checked: one batch of strings, not a delta, its buffers within the block. */
    private Labels labels(FileChannel channel, Block block, long footerAt) throws IOException {
        long bodyAt = block.offset() + block.metaDataLength();
        DictionaryBatch dictionary = (DictionaryBatch) message(channel, block, footerAt, MessageHeader.DictionaryBatch)
                .header(new DictionaryBatch());
        RecordBatch batch = dictionary == null ? null : dictionary.data();
        if (batch == null || dictionary.isDelta() || batch.compression() != null || batch.nodesLength() != 1
                || batch.buffersLength() != 3) {
            throw corrupted("its codes have no string dictionary");
        }
        long n = batch.nodes(0).length();
        if (n < 0 || n >= Integer.MAX_VALUE / 4) {
            throw corrupted("its dictionary's length is out of range");
        }
        long offsetsAt = buffer(batch.buffers(1), bodyAt, block.bodyLength(), 4 * (n + 1));
        Buffer data = batch.buffers(2);
        long dataAt = buffer(data, bodyAt, block.bodyLength(), 0);
        if (dataAt < offsetsAt + 4 * (n + 1) || data.length() > Integer.MAX_VALUE) {
            throw corrupted("its dictionary's buffers are out of order");
        }
        return new Labels((int) n, offsetsAt, dataAt, data.length());
    }

    /** The message a block holds, checked to lie before the footer and to be of type {@code header}. */
    private Message message(FileChannel channel, Block block, long footerAt, byte header) throws IOException {
        long at = block.offset();
        int metadata = block.metaDataLength();
        if (at < MAGIC.length || metadata < 8 || block.bodyLength() < 0
                || at + metadata + block.bodyLength() > footerAt) {
            throw corrupted("a block lies outside the file");
        }
        ByteBuffer bytes = read(channel, at, metadata);
        // Since Arrow 0.15 a message starts with a continuation marker (-1), then its length.
        int skip = bytes.getInt(0) == -1 ? 8 : 4;
        int length = bytes.getInt(skip - 4);
        if (length <= 0 || length > metadata - skip) {
            throw corrupted("a message's length is out of range");
        }
        bytes.position(skip);
        Message message = Message.getRootAsMessage(bytes);
        if (message.headerType() != header) {
            throw corrupted("its messages are not a column's");
        }
        return message;
    }

    /** Where a buffer of at least {@code needed} bytes starts in the file, checked to lie within its block's body. */
    private long buffer(Buffer buffer, long bodyAt, long bodyBytes, long needed) {
        if (buffer.offset() < 0 || buffer.length() < needed || buffer.offset() + buffer.length() > bodyBytes) {
            throw corrupted("a buffer lies outside its batch");
        }
        return bodyAt + buffer.offset();
    }

    private long dataBytes(Batch batch) {
        return (long) storage.width * batch.rows();
    }

    private static long validityBytes(Batch batch) {
        return batch.nulls() ? (batch.rows() + 7) >>> 3 : 0;
    }

    /**
     * Starts the CRC-32C of the content, computed in the order {@link ColumnFile#write} computed
     * it (the dictionary's offsets and bytes, then each batch's values and, where a decimal batch
     * has nulls, its validity; {@link #checksum(int)} adds the batches), and reads the dictionary:
     * a text column's becomes its pool; a coded answer's must be this contract's labels.
     */
    private void dictionary() {
        if (labels != null) {
            int n = labels.count();
            int[] offsets = new int[n + 1];
            dictionary.slice(0, 4 * (n + 1)).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(offsets);
            int at = (int) (labels.dataAt() - labels.offsetsAt());
            if (offsets[n] < 0 || offsets[n] > labels.dataBytes()) {
                throw corrupted("its dictionary's offsets are out of range");
            }
            if (n > 0) {
                sum.update(dictionary.slice(0, 4 * (n + 1)));
                sum.update(dictionary.slice(at, offsets[n]));
            }
            byte[] utf8 = new byte[offsets[n]];
            dictionary.get(at, utf8);
            StringPool labelled = StringPool.restore(utf8, offsets);
            if (column.pool() == null) {
                checkLabels(labelled);
            } else {
                pool = labelled;
            }
        } else if (column.pool() != null) {
            pool = StringPool.restore(new byte[0], new int[1]);
        }
    }

    /** Adds the batches of group {@code g} to the checksum; the groups must come in order. */
    private void checksum(int g) {
        for (int b = g * GROUP; b < end(g); b++) {
            Batch batch = batches.get(b);
            sum.update(slice(b, batch.dataAt(), dataBytes(batch)));
            if (batch.nulls()) {
                sum.update(slice(b, batch.validityAt(), validityBytes(batch)));
            }
        }
    }

    /** Chunk {@code b}'s codes, in the narrowest array that holds them, as the table builder seals them. */
    private Codes codes(int b) {
        Batch batch = batches.get(b);
        ByteBuffer data = slice(b, batch.dataAt(), dataBytes(batch)).order(ByteOrder.LITTLE_ENDIAN);
        int n = batch.rows();
        switch (storage) {
            case BYTES -> {
                byte[] out = new byte[n];
                data.get(out);
                return new Codes.Bytes(out);
            }
            case SHORTS -> {
                return shorts(data, n);
            }
            default -> {
                int[] out = new int[n];
                data.asIntBuffer().get(out);
                int max = 0;
                for (int code : out) {
                    max = Math.max(max, code);
                }
                return max >= 1 << 16 ? new Codes.Ints(out) : Codes.narrowest(out, n, max);
            }
        }
    }

    /** Chunk {@code b}'s decimal values with their null mask, in the form the table builder seals them. */
    private Decimals decimals(int b) {
        Batch batch = batches.get(b);
        ByteBuffer data = slice(b, batch.dataAt(), dataBytes(batch)).order(ByteOrder.LITTLE_ENDIAN);
        int n = batch.rows();
        if (storage == ColumnFile.Storage.HUNDREDTHS) {
            int[] units = new int[n];
            data.asIntBuffer().get(units);
            return new Decimals.Hundredths(units, nulls(b, batch));
        }
        double[] values = new double[n];
        data.asDoubleBuffer().get(values);
        return Decimals.compact(values, nulls(b, batch), n);
    }

    private static Codes shorts(ByteBuffer data, int n) {
        short[] out = new short[n];
        data.asShortBuffer().get(out);
        int max = 0;
        for (short s : out) {
            max = Math.max(max, s & 0xFFFF);
        }
        if (max >= 1 << 8) {
            return new Codes.Shorts(out);
        }
        byte[] narrow = new byte[n];
        for (int r = 0; r < n; r++) {
            narrow[r] = (byte) out[r];
        }
        return new Codes.Bytes(narrow);
    }

    /** A batch's null mask (bit set: missing) from its validity bitmap (bit set: present); {@code null} if it has no nulls. */
    private long[] nulls(int b, Batch batch) {
        if (!batch.nulls()) {
            return null;
        }
        int n = batch.rows();
        ByteBuffer validity = slice(b, batch.validityAt(), validityBytes(batch));
        long[] nulls = new long[(n + 63) >>> 6];
        for (int w = 0; w < nulls.length; w++) {
            long valid = 0;
            for (int k = 0; k < 8 && 8 * w + k < validity.limit(); k++) {
                valid |= (validity.get(8 * w + k) & 0xFFL) << (8 * k);
            }
            int inWord = Math.min(64, n - 64 * w);
            nulls[w] = ~valid & (inWord == 64 ? -1L : (1L << inWord) - 1);
        }
        return nulls;
    }

    /** The {@code bytes} bytes at {@code at} in the file, within the mapped region of batch {@code b}. */
    private ByteBuffer slice(int b, long at, long bytes) {
        int g = b / GROUP;
        return regions.get(g).slice((int) (at - regionStarts[g]), (int) bytes);
    }

    /** A coded answer's or whole number's dictionary must be the labels this Ladder gives its codes, so that the codes mean the same. */
    private void checkLabels(StringPool pool) {
        boolean same = pool.size() == column.cardinality();
        for (int code = 0; same && code < pool.size(); code++) {
            same = pool.get(code).equals(column.label(code));
        }
        if (!same) {
            throw Manifest.refused(where, "its dictionary is not the codes of " + column.name() + " in this data contract");
        }
    }

    private Callable<Void> guarded(Runnable task) {
        return () -> {
            try {
                task.run();
                return null;
            } catch (LadderException e) {
                throw e;
            } catch (RuntimeException e) {
                throw corrupted(where, e);
            }
        };
    }

    private static ByteBuffer read(FileChannel channel, long at, int bytes) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        while (out.hasRemaining()) {
            if (channel.read(out, at + out.position()) < 0) {
                throw new EOFException();
            }
        }
        return out.flip();
    }

    private static boolean magic(ByteBuffer bytes, int at) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes.get(at + i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private LadderException corrupted(String why) {
        return Manifest.refused(where, "truncated or corrupted (" + why + ")");
    }

    private static LadderException corrupted(String where, RuntimeException e) {
        return Manifest.refused(where, "truncated or corrupted (" + e.getClass().getSimpleName() + ")");
    }
}
