package ladder.engine.io.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import ladder.engine.io.LoadOutcome;
import ladder.engine.io.arrow.ArrowTables.Format;
import org.apache.parquet.format.AesGcmV1;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.DateType;
import org.apache.parquet.format.EncryptionAlgorithm;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of Parquet file Ladder's decoder does not read is refused, by a load and by a read for
 * a sink alike, in one line naming the file, the column where there is one, and what it uses. The
 * files are a small Arrow-written employees file whose footer (Thrift, rewritten here with
 * parquet-format-structures) says it uses the feature: the refusal is made from the footer, before
 * any page is read, so the pages need not really use it.
 */
class ParquetRefusalsTest {
    @TempDir
    Path dir;

    /** Rewrites the footer of a small employees file with {@code change}, keeping its pages. */
    private Path withFooter(String name, Consumer<FileMetaData> change) throws IOException {
        byte[] bytes = Files.readAllBytes(Format.PARQUET.write(dir, "source-" + name, Employees.typed(Employees.ROWS), 10));
        int at = bytes.length - 8;
        int length = (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16 | (bytes[at + 3] & 0xff) << 24;
        FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(bytes, at - length, length));
        change.accept(metadata);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at - length);
        ByteArrayOutputStream footer = new ByteArrayOutputStream();
        Util.writeFileMetaData(metadata, footer);
        footer.writeTo(out);
        int size = footer.size();
        out.write(new byte[] {(byte) size, (byte) (size >>> 8), (byte) (size >>> 16), (byte) (size >>> 24)});
        out.write("PAR1".getBytes(StandardCharsets.US_ASCII));
        return Files.write(dir.resolve(name + ".parquet"), out.toByteArray());
    }

    /** Asserts that a load and a read both refuse {@code file} with exactly {@code reason}. */
    private void assertRefused(Path file, String reason) {
        String expected = file + ": Ladder cannot read this Parquet file: " + reason;
        ParquetReader reader = new ParquetReader(64, 2);
        RecordingSink sink = new RecordingSink();
        assertEquals(expected, assertThrows(LadderException.class,
                () -> reader.read(file, Schema.EMPLOYEES, sink, warning -> { })).getMessage());
        assertEquals(List.of(), sink.records);
        assertEquals(expected, assertThrows(LadderException.class,
                () -> LoadOutcome.of(file, dir, reader, true)).getMessage());
    }

    private static ColumnChunk chunk(FileMetaData metadata, String column) {
        int index = columnIndex(metadata, column);
        return metadata.getRow_groups().get(0).getColumns().get(index);
    }

    private static int columnIndex(FileMetaData metadata, String column) {
        List<SchemaElement> schema = metadata.getSchema();
        for (int i = 1; i < schema.size(); i++) {
            if (schema.get(i).getName().equals(column)) {
                return i - 1;
            }
        }
        throw new IllegalArgumentException("no column " + column);
    }

    private static SchemaElement element(FileMetaData metadata, String column) {
        return metadata.getSchema().get(columnIndex(metadata, column) + 1);
    }

    @Test
    void hadoopLz4AndLzoCodecs() throws IOException {
        assertRefused(withFooter("lz4", m -> chunk(m, "grade").getMeta_data().setCodec(CompressionCodec.LZ4)),
                "column 'grade' is compressed with LZ4 (hadoop); rewrite it with snappy, zstd or gzip");
        assertRefused(withFooter("lzo", m -> chunk(m, "sector").getMeta_data().setCodec(CompressionCodec.LZO)),
                "column 'sector' is compressed with LZO; rewrite it with snappy, zstd or gzip");
    }

    @Test
    void encryptedFooterFileAndColumns() throws IOException {
        Path plain = withFooter("plain", m -> { });
        byte[] bytes = Files.readAllBytes(plain);
        bytes[bytes.length - 1] = 'E';
        Path footer = Files.write(dir.resolve("encrypted-footer.parquet"), bytes);
        assertRefused(footer, "its footer is encrypted; write it without Parquet encryption");
        assertRefused(withFooter("encrypted", m -> m.setEncryption_algorithm(EncryptionAlgorithm.AES_GCM_V1(new AesGcmV1()))),
                "it is encrypted; write it without Parquet encryption");
        assertRefused(withFooter("encrypted-column", m -> chunk(m, "grade").setEncrypted_column_metadata(new byte[1])),
                "its columns are encrypted; write it without Parquet encryption");
    }

    @Test
    void nestedAndRepeatedColumns() throws IOException {
        assertRefused(withFooter("nested", m -> {
            SchemaElement group = new SchemaElement("address");
            group.setNum_children(1);
            group.setRepetition_type(FieldRepetitionType.OPTIONAL);
            SchemaElement leaf = new SchemaElement("street");
            leaf.setType(Type.BYTE_ARRAY);
            leaf.setRepetition_type(FieldRepetitionType.OPTIONAL);
            m.getSchema().add(group);
            m.getSchema().add(leaf);
            m.getSchema().get(0).setNum_children(m.getSchema().get(0).getNum_children() + 1);
        }), "column 'address' is nested (a struct, list or map); the contract's tables are flat: write the file without it");
        assertRefused(withFooter("repeated", m -> element(m, "sector").setRepetition_type(FieldRepetitionType.REPEATED)),
                "column 'sector' is repeated (a list); the contract's tables are flat: write the file without it");
    }

    @Test
    void columnChunksInOtherFiles() throws IOException {
        assertRefused(withFooter("elsewhere", m -> chunk(m, "grade").setFile_path("other.parquet")),
                "its column chunks are in other files");
    }

    /**
     * Types of contract columns the decoder does not read (a date, Spark's INT96 timestamp, bytes not
     * said to be text) are refused as any wrongly typed column is, naming the type and what the column needs.
     */
    @Test
    void typesTheContractHasNoUseFor() throws IOException {
        assertWrongType(withFooter("date", m -> element(m, "year").setLogicalType(LogicalType.DATE(new DateType()))),
                "column 'year' is date(day) but year needs an integer or string column");
        assertWrongType(withFooter("int96", m -> element(m, "year").setType(Type.INT96)),
                "column 'year' is timestamp(nanosecond, null) but year needs an integer or string column");
        assertWrongType(withFooter("binary", m -> {
            SchemaElement sector = element(m, "sector");
            sector.unsetLogicalType();
            sector.unsetConverted_type();
        }), "column 'sector' is binary but sector needs a string column (utf8 or large_utf8)");
    }

    private void assertWrongType(Path file, String reason) {
        String message = assertThrows(LadderException.class,
                () -> LoadOutcome.of(file, dir, new ParquetReader(64, 2), true)).getMessage();
        assertTrue(message.startsWith(file + ": refused: " + reason), message);
    }
}
