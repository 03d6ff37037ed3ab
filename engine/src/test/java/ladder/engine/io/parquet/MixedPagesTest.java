package ladder.engine.io.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;

/**
 * A column chunk built page by page: a dictionary, a dictionary-encoded page, then a plain page,
 * as writers do when a dictionary outgrows its limit (pyarrow's fallback) and as DuckDB and Arrow
 * never did in the other tests. Read in runs that cross the pages, every row comes back with its
 * value, nulls and which rows came from the dictionary.
 */
class MixedPagesTest {
    private static final LeafColumn STRINGS = new LeafColumn("s", 0, Type.BYTE_ARRAY, true, ValueType.STRING, 0, true, null);
    private static final LeafColumn LONGS = new LeafColumn("n", 0, Type.INT64, true, ValueType.LONG, 64, true, null);

    @Test
    void stringsFromADictionaryThenPlain() throws IOException {
        // Rows: a, b, null, a | zz, null, b
        byte[] dictionary = concat(plainString("a"), plainString("b"));
        byte[] first = concat(levels(0b1011), new byte[] {1, 0x03, 0b010});
        byte[] second = concat(levels(0b101), plainString("zz"), plainString("b"));
        ColumnChunkReader reader = reader(STRINGS, 7, dictionary, 2, first, 4, Encoding.RLE_DICTIONARY, second, 3);
        ColumnValues values = new ColumnValues(ValueType.STRING);
        reader.read(3, values);
        assertEquals(2, values.dictionaryRows());
        assertEquals(0, values.plainRows());
        assertEquals(List.of("a", "b", "-"), strings(values));
        assertEquals(2, values.dictionaryIndex()[2], "a null's index is the dictionary's size");
        reader.read(4, values);
        assertEquals(1, values.dictionaryRows());
        assertEquals(2, values.plainRows());
        assertTrue(values.fromDictionary(0));
        assertFalse(values.fromDictionary(1));
        assertEquals(List.of("a", "zz", "-", "b"), strings(values));
        assertThrows(IllegalArgumentException.class, () -> reader.read(1, values));
    }

    @Test
    void numbersPlainThenFromADictionary() throws IOException {
        // The dictionary page comes first, but the first data page is plain: rows 5, null | 7, 9, null
        byte[] dictionary = concat(plainLong(7), plainLong(9));
        byte[] first = concat(levels(0b01), plainLong(5));
        byte[] second = concat(levels(0b011), new byte[] {1, 0x03, 0b10});
        ColumnChunkReader reader = reader(LONGS, 5, dictionary, 2, first, 2, Encoding.PLAIN, second, 3);
        ColumnValues values = new ColumnValues(ValueType.LONG);
        reader.read(5, values);
        assertEquals(2, values.dictionaryRows());
        assertEquals(1, values.plainRows());
        assertTrue(values.hasNulls());
        assertArrayEquals(new boolean[] {false, true, false, false, true}, java.util.Arrays.copyOf(values.nulls(), 5));
        assertEquals(5, values.numberBits(0));
        assertEquals(7, values.numberBits(2));
        assertEquals(9, values.numberBits(3));
        assertEquals(-1, values.dictionaryIndex()[0]);
    }

    @Test
    void anIndexOutsideTheDictionaryIsAnError() throws IOException {
        byte[] dictionary = plainLong(7);
        byte[] page = concat(levels(0b1), new byte[] {2, 0x03, 0b10});
        ColumnChunkReader reader = reader(LONGS, 1, dictionary, 1, page, 1, Encoding.RLE_DICTIONARY, null, 0);
        IOException e = assertThrows(IOException.class, () -> reader.read(1, new ColumnValues(ValueType.LONG)));
        assertEquals("column 'n' has a dictionary index of 2 into a dictionary of 1", e.getMessage());
    }

    @Test
    void aWideIndexOutsideTheDictionaryIsAnError() throws IOException {
        // 300 values, so indices of 9 bits, unpacked a word each; the second row's index is 400.
        int[] indices = new int[24];
        indices[1] = 400;
        ColumnChunkReader reader = reader(LONGS, 24, plainLongs(0, 300), 300, nineBitIndices(indices), 24,
                Encoding.RLE_DICTIONARY, null, 0);
        IOException e = assertThrows(IOException.class, () -> reader.read(24, new ColumnValues(ValueType.LONG)));
        assertEquals("column 'n' has a dictionary index of 400 into a dictionary of 300", e.getMessage());
    }

    @Test
    void wideIndicesInsideTheDictionaryAreRead() throws IOException {
        // At every offset within a byte; all but the last few are unpacked from the word at their first byte.
        int[] indices = new int[24];
        for (int k = 0; k < indices.length; k++) {
            indices[k] = k * 37 % 300;
        }
        ColumnChunkReader reader = reader(LONGS, 24, plainLongs(1000, 300), 300, nineBitIndices(indices), 24,
                Encoding.RLE_DICTIONARY, null, 0);
        ColumnValues read = new ColumnValues(ValueType.LONG);
        reader.read(24, read);
        for (int k = 0; k < indices.length; k++) {
            assertEquals(1000 + indices[k], read.numberBits(k), "row " + k);
        }
    }

    /** A data page of 24 rows, none null, whose dictionary indices are 9 bits wide: three bit-packed groups. */
    private static byte[] nineBitIndices(int[] indices) {
        byte[] packed = new byte[27];
        for (int k = 0; k < 24; k++) {
            for (int b = 0; b < 9; b++) {
                int bit = 9 * k + b;
                packed[bit >>> 3] |= (byte) ((indices[k] >>> b & 1) << (bit & 7));
            }
        }
        byte[] levels = {4, 0, 0, 0, 0x07, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        return concat(levels, new byte[] {9, 0x07}, packed);
    }

    /** A chunk of uncompressed pages: the dictionary, the first data page (dictionary-encoded), and a second of {@code encoding2}. */
    private static ColumnChunkReader reader(LeafColumn column, long rows, byte[] dictionary, int dictionaryValues,
            byte[] first, int firstValues, Encoding firstEncoding, byte[] second, int secondValues) throws IOException {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        PageHeader header = new PageHeader(PageType.DICTIONARY_PAGE, dictionary.length, dictionary.length);
        header.setDictionary_page_header(new DictionaryPageHeader(dictionaryValues, Encoding.PLAIN));
        Util.writePageHeader(header, chunk);
        chunk.writeBytes(dictionary);
        dataPage(chunk, first, firstValues, firstEncoding);
        if (second != null) {
            dataPage(chunk, second, secondValues, firstEncoding == Encoding.PLAIN ? Encoding.RLE_DICTIONARY : Encoding.PLAIN);
        }
        byte[] bytes = chunk.toByteArray();
        ColumnMetaData meta = new ColumnMetaData(column.physical(), List.of(Encoding.PLAIN, Encoding.RLE_DICTIONARY, Encoding.RLE),
                List.of(column.name()), CompressionCodec.UNCOMPRESSED, rows, bytes.length, bytes.length, 0);
        return new ColumnChunkReader(column, meta, bytes, rows);
    }

    private static void dataPage(ByteArrayOutputStream chunk, byte[] body, int values, Encoding encoding) throws IOException {
        PageHeader header = new PageHeader(PageType.DATA_PAGE, body.length, body.length);
        header.setData_page_header(new DataPageHeader(values, encoding, Encoding.RLE, Encoding.RLE));
        Util.writePageHeader(header, chunk);
        chunk.writeBytes(body);
    }

    /** Definition levels of up to 8 rows (bit k of {@code bits} for row k) as one bit-packed run, after its length. */
    private static byte[] levels(int bits) {
        return new byte[] {2, 0, 0, 0, 0x03, (byte) bits};
    }

    private static byte[] plainString(String value) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        return concat(new byte[] {(byte) text.length, 0, 0, 0}, text);
    }

    /** {@code count} consecutive numbers from {@code first}, PLAIN. */
    private static byte[] plainLongs(long first, int count) {
        byte[][] values = new byte[count][];
        for (int k = 0; k < count; k++) {
            values[k] = plainLong(first + k);
        }
        return concat(values);
    }

    private static byte[] plainLong(long value) {
        byte[] bytes = new byte[8];
        for (int k = 0; k < 8; k++) {
            bytes[k] = (byte) (value >>> (8 * k));
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** The values held, "-" for a null. */
    private static List<String> strings(ColumnValues values) {
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < values.rows(); i++) {
            strings.add(values.hasNulls() && values.nulls()[i] ? "-" : new String(values.bytes(i), StandardCharsets.UTF_8));
        }
        return strings;
    }
}
