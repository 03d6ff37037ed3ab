package ladder.engine.io.parquet;

import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Type;

/**
 * Decodes one column chunk of a flat column, page by page, into {@link ColumnValues} a run of rows
 * at a time. Each data page is decoded whole when it is reached (its definition levels, then its
 * values: PLAIN, dictionary indices, DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY,
 * DELTA_BYTE_ARRAY or BYTE_STREAM_SPLIT); rows from a dictionary keep their index into it, for
 * every type, so that a caller can check each dictionary value once. Any inconsistency (a page past the chunk, a count that does not
 * add up, an index outside the dictionary) is an {@link IOException} naming the column. One
 * thread at a time.
 */
public final class ColumnChunkReader {
    private final LeafColumn column;
    private final ValueType type;
    private final byte[] chunk;
    private final int chunkLength;
    private final PageBuffers buffers;
    private final PageCodec codec;
    /** The chunk's count of nulls as its footer's statistics give it, or -1 when they do not. */
    private final long footerNulls;
    private int position;
    /** Rows (nulls included) the chunk has not yet handed out. */
    private long remaining;
    /** Values (nulls included) of the chunk not yet met in a page header. */
    private long valuesLeftInChunk;
    /** Data pages met so far. */
    private int dataPages;

    /**
     * The chunk's dictionary, null until its page is read; a new object for each dictionary page,
     * as batches in flight keep the one they were read with.
     */
    private Values dictionary;

    /** The current page: its definition levels and non-null values, and how far they are handed out. */
    private int pageValues;
    private int pageTaken;
    private int[] levels;
    private boolean allDefined;
    private int valueTaken;
    private int valueCount;
    private int[] indices;
    private final Values page = new Values();

    /** Decoded values: numbers, or strings as ranges of one array; {@code size} of them. */
    static final class Values {
        int size;
        long[] longs;
        double[] doubles;
        byte[] data;
        int[] starts;
        int[] ends;
    }

    /** A reader of the chunk {@code chunk} (all of it), with buffers of its own. */
    ColumnChunkReader(LeafColumn column, ColumnMetaData meta, byte[] chunk, long rows) throws IOException {
        this(column, meta, chunk, chunk.length, rows, new PageBuffers());
    }

    /** A reader of the chunk {@code chunk[0..chunkLength)} decoding pages into {@code buffers}. */
    ColumnChunkReader(LeafColumn column, ColumnMetaData meta, byte[] chunk, int chunkLength, long rows,
            PageBuffers buffers) throws IOException {
        this.column = column;
        this.type = column.type();
        this.chunk = chunk;
        this.chunkLength = chunkLength;
        this.buffers = buffers;
        this.codec = new PageCodec(meta.getCodec());
        footerNulls = meta.isSetStatistics() && meta.getStatistics().isSetNull_count() ? meta.getStatistics().getNull_count() : -1;
        if (meta.getNum_values() != rows) {
            throw failure("has " + meta.getNum_values() + " values in a row group of " + rows + " rows");
        }
        remaining = rows;
        valuesLeftInChunk = rows;
    }

    /**
     * Whether every row of the chunk is, by its page headers alone, one of its dictionary's values
     * or a null: a dictionary page first, then only dictionary-encoded data pages whose values add
     * up to the chunk's rows. If so, {@code out} holds the dictionary and no rows, and the answer
     * tells whether a row may be null: never in a column the schema declares required; otherwise
     * only if the footer's statistics count nulls, or, without them, if a page's header does not
     * say it has none. No data page is decompressed, so what its bytes hold (an index past the
     * dictionary, a damaged page) is not seen: the caller relies on the headers and the footer,
     * as a reader of only some of a file's columns does. If not, the reader is as it was made,
     * and reads the chunk from its start.
     */
    public DictionaryOnly dictionaryOnly(ColumnValues out) throws IOException {
        if (dataPages > 0 || dictionary != null || remaining != valuesLeftInChunk) {
            throw new IllegalStateException("a chunk already read from");
        }
        int start = position;
        long values = 0;
        boolean nullsUnknown = false;
        long pageNulls = 0;
        try {
            while (position < chunkLength && values < valuesLeftInChunk) {
                PageHeader header = pageHeader();
                int compressed = header.getCompressed_page_size();
                if (compressed < 0 || compressed > chunkLength - position) {
                    return DictionaryOnly.NO;
                }
                int body = position;
                position += compressed;
                switch (header.getType()) {
                    case DICTIONARY_PAGE -> {
                        if (dictionary != null || values > 0) {
                            return DictionaryOnly.NO;
                        }
                        dictionaryPage(header.getDictionary_page_header(), body, compressed, header.getUncompressed_page_size());
                    }
                    case DATA_PAGE -> {
                        DataPageHeader page = header.getData_page_header();
                        if (dictionary == null || page == null || !dictionaryEncoding(page.getEncoding())) {
                            return DictionaryOnly.NO;
                        }
                        values += page.getNum_values();
                        if (page.isSetStatistics() && page.getStatistics().isSetNull_count()) {
                            pageNulls += page.getStatistics().getNull_count();
                        } else {
                            nullsUnknown = true;
                        }
                    }
                    case DATA_PAGE_V2 -> {
                        DataPageHeaderV2 page = header.getData_page_header_v2();
                        if (dictionary == null || page == null || !dictionaryEncoding(page.getEncoding())) {
                            return DictionaryOnly.NO;
                        }
                        values += page.getNum_values();
                        pageNulls += page.getNum_nulls();
                    }
                    default -> { } // index pages hold nothing to read
                }
            }
            if (dictionary == null || values != valuesLeftInChunk) {
                return DictionaryOnly.NO;
            }
            out.reset(0);
            out.dictionary(dictionary);
            remaining = 0;
            valuesLeftInChunk = 0;
            boolean nulls = column.optional()
                    && (footerNulls >= 0 ? footerNulls > 0 : nullsUnknown || pageNulls > 0);
            return nulls ? DictionaryOnly.WITH_NULLS : DictionaryOnly.WITHOUT_NULLS;
        } finally {
            if (remaining != 0) {
                // Not proven: read again from the start, as a reader just made does.
                position = start;
                dictionary = null;
            }
        }
    }

    /** What {@link #dictionaryOnly} found: not every row from the dictionary, or every row, with or without nulls. */
    public enum DictionaryOnly { NO, WITH_NULLS, WITHOUT_NULLS }

    private static boolean dictionaryEncoding(Encoding encoding) {
        return encoding == Encoding.PLAIN_DICTIONARY || encoding == Encoding.RLE_DICTIONARY;
    }

    /** Decodes the next {@code rows} rows of the chunk into {@code out}. */
    public void read(int rows, ColumnValues out) throws IOException {
        if (rows > remaining) {
            throw new IllegalArgumentException(rows + " rows asked of a chunk with " + remaining + " left");
        }
        out.reset(rows);
        out.dictionary(dictionary);
        boolean[] nulls = out.nulls();
        int filled = 0;
        while (filled < rows) {
            if (pageTaken == pageValues) {
                nextDataPage();
                out.dictionary(dictionary);
            }
            int take = Math.min(rows - filled, pageValues - pageTaken);
            if (allDefined) {
                if (out.hasNulls()) {
                    Arrays.fill(nulls, filled, filled + take, false);
                }
                copy(out, filled, valueTaken, take);
                valueTaken += take;
            } else {
                if (!out.hasNulls()) {
                    Arrays.fill(nulls, 0, filled, false);
                    out.nulls(true);
                }
                if (indices != null) {
                    scatterIndices(out, filled, take);
                    pageTaken += take;
                    filled += take;
                    continue;
                }
                // Runs of values and of nulls, each copied or marked at once; a null's index is the dictionary's size.
                for (int k = 0; k < take; ) {
                    int start = k;
                    int level = levels[pageTaken + k];
                    while (k < take && levels[pageTaken + k] == level) {
                        k++;
                    }
                    Arrays.fill(nulls, filled + start, filled + k, level == 0);
                    if (level != 0) {
                        copy(out, filled + start, valueTaken, k - start);
                        valueTaken += k - start;
                    } else if (dictionary != null) {
                        Arrays.fill(out.dictionaryIndex(), filled + start, filled + k, dictionary.size);
                    }
                }
            }
            pageTaken += take;
            filled += take;
        }
        remaining -= rows;
    }

    /**
     * A dictionary page's next {@code n} rows, from {@code out}'s row {@code row}: each row's
     * null flag and index, a null's being the dictionary's size (one past its values), in one
     * pass without a branch a row. The page's indices have a slot past their last, so that a
     * null after the last value reads something.
     */
    private void scatterIndices(ColumnValues out, int row, int n) {
        int[] dictionaryIndex = out.dictionaryIndex();
        if (out.plainRows() > 0 && out.dictionaryRows() == 0) {
            Arrays.fill(dictionaryIndex, 0, row, -1);
        }
        boolean[] nulls = out.nulls();
        int nullIndex = dictionary.size;
        int v = valueTaken;
        for (int k = 0; k < n; k++) {
            int level = levels[pageTaken + k];
            nulls[row + k] = level == 0;
            dictionaryIndex[row + k] = level != 0 ? indices[v] : nullIndex;
            v += level;
        }
        out.countRows(v - valueTaken, 0);
        valueTaken = v;
    }

    /**
     * Copies {@code n} of the page's values from {@code v} to {@code out}'s rows from {@code row}:
     * dictionary indices if the page holds them, else the values themselves.
     */
    private void copy(ColumnValues out, int row, int v, int n) {
        int[] dictionaryIndex = out.dictionaryIndex();
        if (indices != null) {
            if (out.plainRows() > 0 && out.dictionaryRows() == 0) {
                Arrays.fill(dictionaryIndex, 0, row, -1);
            }
            System.arraycopy(indices, v, dictionaryIndex, row, n);
            out.countRows(n, 0);
            return;
        }
        switch (type) {
            case LONG, UNSIGNED_LONG -> System.arraycopy(page.longs, v, out.longs(), row, n);
            case DOUBLE, FLOAT -> System.arraycopy(page.doubles, v, out.doubles(), row, n);
            case STRING -> {
                // The values lie end to end (with a plain page's lengths between them): one copy.
                int[] starts = out.starts();
                int[] ends = out.ends();
                if (n > 0) {
                    int shift = out.keep(page.data, page.starts[v], page.ends[v + n - 1]) - page.starts[v];
                    for (int k = 0; k < n; k++) {
                        starts[row + k] = page.starts[v + k] + shift;
                        ends[row + k] = page.ends[v + k] + shift;
                    }
                }
                Arrays.fill(out.data(), row, row + n, out.keptBytes());
            }
        }
        if (out.dictionaryRows() > 0) {
            Arrays.fill(dictionaryIndex, row, row + n, -1);
        }
        out.countRows(0, n);
    }

    /** Reads page headers until a data page, loading a dictionary page on the way. */
    private void nextDataPage() throws IOException {
        while (true) {
            if (position >= chunkLength) {
                throw failure("ends before its " + valuesLeftInChunk + " remaining values");
            }
            PageHeader header = pageHeader();
            int compressed = header.getCompressed_page_size();
            int size = header.getUncompressed_page_size();
            if (compressed < 0 || size < 0 || compressed > chunkLength - position) {
                throw failure("has a page of " + compressed + " bytes where " + (chunkLength - position) + " are left");
            }
            int body = position;
            position += compressed;
            switch (header.getType()) {
                case DICTIONARY_PAGE -> dictionaryPage(header.getDictionary_page_header(), body, compressed, size);
                case DATA_PAGE -> {
                    dataPage(header.getData_page_header(), body, compressed, size);
                    return;
                }
                case DATA_PAGE_V2 -> {
                    dataPageV2(header.getData_page_header_v2(), body, compressed, size);
                    return;
                }
                default -> { } // index pages hold nothing to read
            }
        }
    }

    private PageHeader pageHeader() throws IOException {
        CompactThrift.Header header;
        try {
            header = CompactThrift.pageHeader(chunk, position, chunkLength);
        } catch (IOException | RuntimeException e) {
            throw failure("has a page header that cannot be read (" + e.getMessage() + ")", e);
        }
        position = header.end();
        return header.header();
    }

    private void dictionaryPage(DictionaryPageHeader header, int body, int compressed, int size) throws IOException {
        if (header == null || (header.getEncoding() != Encoding.PLAIN && header.getEncoding() != Encoding.PLAIN_DICTIONARY)) {
            throw failure("has a dictionary page " + (header == null ? "without a header" : "encoded " + header.getEncoding()));
        }
        if (dictionary != null || dataPages > 0) {
            // Rows already read would keep indices into another dictionary, or none (a null's).
            throw failure("has a dictionary page after its first data page");
        }
        byte[] bytes = type == ValueType.STRING ? new byte[size] : buffers.page(size);
        codec.decompress(chunk, body, compressed, bytes, 0, size);
        int count = header.getNum_values();
        if (count < 0 || count > size) {
            throw failure("has a dictionary page of " + count + " values in " + size + " bytes");
        }
        ByteCursor in = new ByteCursor(bytes, 0, size);
        dictionary = new Values();
        plain(in, count, bytes, dictionary, false);
    }

    private void dataPage(DataPageHeader header, int body, int compressed, int size) throws IOException {
        if (header == null) {
            throw failure("has a data page without a data page header");
        }
        byte[] bytes = buffers.page(size);
        codec.decompress(chunk, body, compressed, bytes, 0, size);
        ByteCursor in = new ByteCursor(bytes, 0, size);
        int count = header.getNum_values();
        startPage(count);
        if (column.optional()) {
            if (header.getDefinition_level_encoding() != Encoding.RLE) {
                throw failure("has definition levels encoded " + header.getDefinition_level_encoding());
            }
            int length = in.readIntLE();
            in.require(length);
            ByteCursor levelBytes = new ByteCursor(bytes, in.position, in.position + length);
            in.position += length;
            decodeLevels(levelBytes, count);
        }
        values(header.getEncoding(), in, bytes);
    }

    private void dataPageV2(DataPageHeaderV2 header, int body, int compressed, int size) throws IOException {
        if (header == null) {
            throw failure("has a version 2 data page without a data page header");
        }
        int levelBytes = header.getDefinition_levels_byte_length();
        if (header.getRepetition_levels_byte_length() != 0) {
            throw failure("has repetition levels in a flat column");
        }
        if (levelBytes < 0 || levelBytes > compressed || levelBytes > size) {
            throw failure("has " + levelBytes + " bytes of definition levels in a page of " + compressed);
        }
        int count = header.getNum_values();
        startPage(count);
        if (column.optional()) {
            decodeLevels(new ByteCursor(chunk, body, body + levelBytes), count);
        } else if (levelBytes != 0) {
            throw failure("has definition levels in a column that holds no nulls");
        }
        int valueSize = size - levelBytes;
        byte[] bytes = buffers.page(valueSize);
        if (header.isSetIs_compressed() && !header.isIs_compressed()) {
            if (compressed - levelBytes != valueSize) {
                throw failure("has an uncompressed page of " + (compressed - levelBytes) + " value bytes that claims " + valueSize);
            }
            System.arraycopy(chunk, body + levelBytes, bytes, 0, valueSize);
        } else {
            codec.decompress(chunk, body + levelBytes, compressed - levelBytes, bytes, 0, valueSize);
        }
        values(header.getEncoding(), new ByteCursor(bytes, 0, valueSize), bytes);
    }

    private void startPage(int count) throws IOException {
        if (count < 0 || count > valuesLeftInChunk) {
            throw failure("has a page of " + count + " values where " + valuesLeftInChunk + " are left");
        }
        valuesLeftInChunk -= count;
        dataPages++;
        pageValues = count;
        pageTaken = 0;
        valueTaken = 0;
        allDefined = true;
        valueCount = count;
    }

    /** Decodes a page's definition levels (bit width 1, as a flat optional column has) and counts its values. */
    private void decodeLevels(ByteCursor in, int count) throws IOException {
        levels = buffers.levels(count);
        RleBitPackedHybrid.decode(in, 1, count, levels);
        int defined = 0;
        int above = 0;
        for (int k = 0; k < count; k++) {
            defined += levels[k];
            above |= levels[k] & ~1;
        }
        if (above != 0) {
            throw failure("has a definition level above 1 in a flat column");
        }
        allDefined = defined == count;
        valueCount = defined;
    }

    /** Decodes a data page's {@link #valueCount} values, encoded {@code encoding}, from {@code in}. */
    private void values(Encoding encoding, ByteCursor in, byte[] bytes) throws IOException {
        int count = valueCount;
        page.longs = null;
        page.doubles = null;
        indices = null;
        switch (encoding) {
            case PLAIN_DICTIONARY, RLE_DICTIONARY -> dictionaryValues(in, count);
            case PLAIN -> plain(in, count, bytes, page, true);
            case DELTA_BINARY_PACKED -> {
                if (type != ValueType.LONG && type != ValueType.UNSIGNED_LONG) {
                    throw failure("is " + type + " but has a page encoded " + encoding);
                }
                page.longs = counted(widened(DeltaBinaryPacked.decode(in)), count, encoding);
            }
            case DELTA_LENGTH_BYTE_ARRAY -> {
                requireStrings(encoding);
                long[] lengths = counted(DeltaBinaryPacked.decode(in), count, encoding);
                page.starts = buffers.starts(count);
                page.ends = buffers.ends(count);
                for (int v = 0; v < count; v++) {
                    in.require(lengths[v]);
                    page.starts[v] = in.position;
                    in.position += (int) lengths[v];
                    page.ends[v] = in.position;
                }
                page.data = bytes;
            }
            case DELTA_BYTE_ARRAY -> {
                requireStrings(encoding);
                deltaStrings(in, count);
            }
            case BYTE_STREAM_SPLIT -> byteStreamSplit(in, count);
            default -> throw failure("has a page encoded " + encoding + ", which Ladder does not read");
        }
    }

    private void dictionaryValues(ByteCursor in, int count) throws IOException {
        if (dictionary == null) {
            throw failure("has a dictionary-encoded page but no dictionary");
        }
        int width = in.readByte();
        int[] index = buffers.indices(count + 1);
        RleBitPackedHybrid.decode(in, width, count, index);
        index[count] = 0;
        // Every index is checked unless its width cannot reach past the dictionary; a least and a
        // greatest found first (a loop the compiler vectorises), the culprit only when one is out.
        if (width > 30 || 1 << width > dictionary.size) {
            int least = 0;
            int greatest = 0;
            for (int v = 0; v < count; v++) {
                least = Math.min(least, index[v]);
                greatest = Math.max(greatest, index[v]);
            }
            for (int v = 0; (least < 0 || greatest >= dictionary.size) && v < count; v++) {
                if (index[v] < 0 || index[v] >= dictionary.size) {
                    throw failure("has a dictionary index of " + Integer.toUnsignedString(index[v])
                            + " into a dictionary of " + dictionary.size);
                }
            }
        }
        indices = index;
    }

    /** DELTA_BYTE_ARRAY: each value is a prefix of the one before followed by its own suffix; rebuilt into one array. */
    private void deltaStrings(ByteCursor in, int count) throws IOException {
        long[] prefixes = counted(DeltaBinaryPacked.decode(in), count, Encoding.DELTA_BYTE_ARRAY);
        long[] suffixes = counted(DeltaBinaryPacked.decode(in), count, Encoding.DELTA_BYTE_ARRAY);
        long total = 0;
        for (int v = 0; v < count; v++) {
            if (prefixes[v] < 0 || suffixes[v] < 0 || (v == 0 ? prefixes[v] != 0 : prefixes[v] > stringLength(v - 1, prefixes, suffixes))) {
                throw failure("has a DELTA_BYTE_ARRAY page whose value " + (v + 1) + " has a prefix of " + prefixes[v]);
            }
            total += prefixes[v] + suffixes[v];
            if (total > Integer.MAX_VALUE - 16) {
                throw failure("has a DELTA_BYTE_ARRAY page of more than 2 GB");
            }
        }
        byte[] data = new byte[(int) total];
        page.starts = buffers.starts(count);
        page.ends = buffers.ends(count);
        int at = 0;
        for (int v = 0; v < count; v++) {
            int prefix = (int) prefixes[v];
            int suffix = (int) suffixes[v];
            in.require(suffix);
            page.starts[v] = at;
            if (prefix > 0) {
                System.arraycopy(data, page.starts[v - 1], data, at, prefix);
            }
            System.arraycopy(in.bytes, in.position, data, at + prefix, suffix);
            in.position += suffix;
            at += prefix + suffix;
            page.ends[v] = at;
        }
        page.data = data;
    }

    private static long stringLength(int v, long[] prefixes, long[] suffixes) {
        return prefixes[v] + suffixes[v];
    }

    /** BYTE_STREAM_SPLIT: byte {@code k} of value {@code v} is byte {@code v} of the {@code k}-th stream. */
    private void byteStreamSplit(ByteCursor in, int count) throws IOException {
        int width = switch (column.physical()) {
            case INT32, FLOAT -> 4;
            case INT64, DOUBLE -> 8;
            default -> throw failure("is " + column.physical() + " but has a page encoded BYTE_STREAM_SPLIT");
        };
        if ((long) count * width != in.remaining()) {
            throw failure("has a BYTE_STREAM_SPLIT page of " + in.remaining() + " bytes for " + count + " values");
        }
        byte[] bytes = new byte[count * width];
        for (int v = 0; v < count; v++) {
            for (int k = 0; k < width; k++) {
                bytes[v * width + k] = in.bytes[in.position + k * count + v];
            }
        }
        ByteCursor joined = new ByteCursor(bytes, 0, bytes.length);
        if (type == ValueType.DOUBLE || type == ValueType.FLOAT) {
            page.doubles = plainDoubles(joined, count, buffers.doubles(count));
        } else {
            page.longs = plainLongs(joined, count, buffers.longs(count));
        }
    }

    /**
     * PLAIN values of the column's type, into the thread's buffers if {@code buffered} (a page's,
     * copied out before the next page) or else new arrays (a dictionary's); strings are left in
     * {@code bytes}, the array {@code in} reads.
     */
    private void plain(ByteCursor in, int count, byte[] bytes, Values into, boolean buffered) throws IOException {
        into.size = count;
        switch (type) {
            case LONG, UNSIGNED_LONG -> into.longs = plainLongs(in, count, buffered ? buffers.longs(count) : new long[count]);
            case DOUBLE, FLOAT -> into.doubles = plainDoubles(in, count, buffered ? buffers.doubles(count) : new double[count]);
            case STRING -> {
                into.starts = buffered ? buffers.starts(count) : new int[count];
                into.ends = buffered ? buffers.ends(count) : new int[count];
                plainStrings(in, count, into.starts, into.ends);
                into.data = bytes;
            }
        }
    }

    private long[] plainLongs(ByteCursor in, int count, long[] values) throws IOException {
        in.require((long) count * (column.physical() == Type.INT32 ? 4 : 8));
        if (column.physical() == Type.INT32) {
            boolean unsigned = !column.signed();
            for (int v = 0; v < count; v++) {
                int raw = in.readIntLE();
                values[v] = unsigned ? raw & 0xffffffffL : raw;
            }
        } else {
            for (int v = 0; v < count; v++) {
                values[v] = in.readLongLE();
            }
        }
        return values;
    }

    /** An INT32 column's delta-decoded values, reduced to 32 bits as the column declares them. */
    private long[] widened(long[] values) {
        if (column.physical() == Type.INT32) {
            boolean unsigned = !column.signed();
            for (int v = 0; v < values.length; v++) {
                values[v] = unsigned ? values[v] & 0xffffffffL : (int) values[v];
            }
        }
        return values;
    }

    private double[] plainDoubles(ByteCursor in, int count, double[] values) throws IOException {
        if (column.physical() == Type.FLOAT) {
            in.require(4L * count);
            for (int v = 0; v < count; v++) {
                values[v] = Float.intBitsToFloat(in.readIntLE());
            }
        } else {
            in.require(8L * count);
            for (int v = 0; v < count; v++) {
                values[v] = Double.longBitsToDouble(in.readLongLE());
            }
        }
        return values;
    }

    private static void plainStrings(ByteCursor in, int count, int[] starts, int[] ends) throws IOException {
        for (int v = 0; v < count; v++) {
            int length = in.readIntLE();
            in.require(length);
            starts[v] = in.position;
            in.position += length;
            ends[v] = in.position;
        }
    }

    private long[] counted(long[] values, int count, Encoding encoding) throws IOException {
        if (values.length != count) {
            throw failure("has a page encoded " + encoding + " with " + values.length + " values where its levels say " + count);
        }
        return values;
    }

    private void requireStrings(Encoding encoding) throws IOException {
        if (type != ValueType.STRING) {
            throw failure("is " + type + " but has a page encoded " + encoding);
        }
    }

    private IOException failure(String what) {
        return new IOException("column '" + column.name() + "' " + what);
    }

    private IOException failure(String what, Throwable cause) {
        return new IOException("column '" + column.name() + "' " + what, cause);
    }
}
