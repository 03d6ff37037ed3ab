package ladder.engine.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import ladder.engine.table.Chunk;
import ladder.engine.table.Codes;
import ladder.engine.table.Column;
import ladder.engine.table.Decimals;
import ladder.engine.table.StringPool;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * One column of a table as an Arrow IPC file: one record batch per chunk, holding the chunk's
 * codes or values exactly as the table does, so that reading it back is a bulk copy of each
 * buffer, with no value parsed or checked again.
 *
 * <p>A coded column is dictionary-encoded: the indices are its codes (unsigned 8 or 16 bits, or
 * signed 32, the widest any chunk needs), the dictionary the codes' labels ({@link Column#label}):
 * a text column's values in order of first appearance, a coded answer's {@code (missing)} then its
 * codes, a whole number's values from the field's minimum. A decimal column is float64, or int32
 * hundredths (field metadata {@code ladder.unit=hundredths}) when every chunk holds whole
 * hundredths; missing values are null. Any Arrow reader can open the file.
 *
 * <p>The CRC-32C of the content (the dictionary's offsets and bytes, each batch's values and, where
 * a batch has nulls, its validity) is computed as the file is written, and checked by
 * {@link ColumnReader} when the column is read.
 */
final class ColumnFile {

    /** How a column's values are stored in its file. */
    enum Storage {
        BYTES(1), SHORTS(2), INTS(4), HUNDREDTHS(4), DOUBLES(8);

        final int width;

        Storage(int width) {
            this.width = width;
        }

        boolean decimal() {
            return this == HUNDREDTHS || this == DOUBLES;
        }

        /** The storage that holds every chunk of {@code column}: the widest any chunk needs. */
        static Storage of(Column column, List<Chunk> chunks) {
            Storage widest = column.isDecimal() ? HUNDREDTHS : BYTES;
            for (Chunk chunk : chunks) {
                Storage s = column.isDecimal() ? chunk.decimals(column) instanceof Decimals.Doubles ? DOUBLES : HUNDREDTHS
                        : chunk.codes(column) instanceof Codes.Bytes ? BYTES
                        : chunk.codes(column) instanceof Codes.Shorts ? SHORTS : INTS;
                widest = s.width > widest.width ? s : widest;
            }
            return widest;
        }
    }

    /** What reading a column file gives: its chunks' codes or values, and a text column's dictionary. */
    record Parts(List<Codes> codes, List<Decimals> decimals, StringPool pool) {
    }

    private ColumnFile() {
    }

    /** Writes {@code column}'s chunks to {@code file} as {@code storage}; answers the content's CRC-32C. */
    static long write(Path file, Column column, Storage storage, List<Chunk> chunks, BufferAllocator allocator)
            throws IOException {
        CRC32C crc = new CRC32C();
        DictionaryProvider.MapDictionaryProvider dictionaries = new DictionaryProvider.MapDictionaryProvider();
        DictionaryEncoding encoding = storage.decimal() ? null : new DictionaryEncoding(0, false, indexType(storage));
        try (VarCharVector labels = storage.decimal() ? null : labels(column, allocator);
                FieldVector values = vector(column.name(), storage, encoding, allocator)) {
            if (labels != null) {
                // Arrow writes the dictionaries of a file with no batch, but reads them only if there is one.
                if (!chunks.isEmpty()) {
                    checksum(crc, labels);
                }
                dictionaries.put(new Dictionary(labels, encoding));
            }
            VectorSchemaRoot root = new VectorSchemaRoot(List.of(values.getField()), List.of(values), 0);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                    ArrowFileWriter writer = new ArrowFileWriter(root, dictionaries, channel)) {
                writer.start();
                for (Chunk chunk : chunks) {
                    fill((BaseFixedWidthVector) values, storage, column, chunk);
                    root.setRowCount(chunk.rows());
                    checksum(crc, (BaseFixedWidthVector) values, storage, chunk.rows());
                    writer.writeBatch();
                }
                writer.end();
            }
        }
        return crc.getValue();
    }

    private static ArrowType.Int indexType(Storage storage) {
        return switch (storage) {
            case BYTES -> new ArrowType.Int(8, false);
            case SHORTS -> new ArrowType.Int(16, false);
            default -> new ArrowType.Int(32, true);
        };
    }

    private static FieldVector vector(String name, Storage storage, DictionaryEncoding encoding, BufferAllocator allocator) {
        return switch (storage) {
            case BYTES -> new UInt1Vector(name, new FieldType(false, indexType(storage), encoding), allocator);
            case SHORTS -> new UInt2Vector(name, new FieldType(false, indexType(storage), encoding), allocator);
            case INTS -> new IntVector(name, new FieldType(false, indexType(storage), encoding), allocator);
            case HUNDREDTHS -> new IntVector(name, new FieldType(true, new ArrowType.Int(32, true), null,
                    Map.of("ladder.unit", "hundredths")), allocator);
            case DOUBLES -> new Float8Vector(name, new FieldType(true,
                    new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), null), allocator);
        };
    }

    /** The labels of a coded column's codes, as an Arrow string vector. */
    private static VarCharVector labels(Column column, BufferAllocator allocator) {
        VarCharVector labels = new VarCharVector(column.name() + ".labels", allocator);
        StringPool pool = column.pool();
        int n = column.cardinality();
        labels.allocateNew(n);
        if (pool != null) {
            byte[] utf8 = pool.utf8();
            int[] offsets = pool.offsets();
            for (int code = 0; code < n; code++) {
                labels.setSafe(code, utf8, offsets[code], offsets[code + 1] - offsets[code]);
            }
        } else {
            for (int code = 0; code < n; code++) {
                labels.setSafe(code, column.label(code).getBytes(StandardCharsets.UTF_8));
            }
        }
        labels.setValueCount(n);
        return labels;
    }

    /** Copies a chunk's codes or values into {@code vector}, nulls as the validity bitmap. */
    private static void fill(BaseFixedWidthVector vector, Storage storage, Column column, Chunk chunk) {
        int n = chunk.rows();
        vector.clear();
        vector.allocateNew(n);
        ArrowBuf data = vector.getDataBuffer();
        long[] nulls = null;
        if (storage.decimal()) {
            Decimals d = chunk.decimals(column);
            nulls = d.nulls();
            if (d instanceof Decimals.Hundredths h && storage == Storage.HUNDREDTHS) {
                view(data, 4, n).asIntBuffer().put(h.units());
            } else {
                double[] out = new double[n];
                for (int r = 0; r < n; r++) {
                    out[r] = d.get(r);
                }
                view(data, 8, n).asDoubleBuffer().put(out);
            }
        } else {
            Codes codes = chunk.codes(column);
            if (codes instanceof Codes.Bytes b && storage == Storage.BYTES) {
                data.setBytes(0, b.values());
            } else if (codes instanceof Codes.Shorts s && storage == Storage.SHORTS) {
                view(data, 2, n).asShortBuffer().put(s.values());
            } else {
                // A narrow chunk of a column some other chunk of which is wider: widened to the file's width.
                for (int r = 0; r < n; r++) {
                    setCode(data, storage, r, codes.get(r));
                }
            }
        }
        ArrowBuf validity = vector.getValidityBuffer();
        int validityBytes = (n + 7) >>> 3;
        validity.setOne(0, validityBytes);
        if (nulls != null) {
            for (int w = 0; w < nulls.length; w++) {
                for (int b = 0; b < 8 && 8 * w + b < validityBytes; b++) {
                    validity.setByte(8L * w + b, (byte) ~(nulls[w] >>> (8 * b)));
                }
            }
        }
        vector.setValueCount(n);
    }

    private static void setCode(ArrowBuf data, Storage storage, int row, int code) {
        switch (storage) {
            case BYTES -> data.setByte(row, code);
            case SHORTS -> data.setShort(2L * row, (short) code);
            default -> data.setInt(4L * row, code);
        }
    }

    private static ByteBuffer view(ArrowBuf buffer, int width, int n) {
        return buffer.nioBuffer(0, width * n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void checksum(CRC32C crc, VarCharVector labels) {
        int n = labels.getValueCount();
        if (n > 0) {
            crc.update(labels.getOffsetBuffer().nioBuffer(0, 4 * (n + 1)));
            crc.update(labels.getDataBuffer().nioBuffer(0, labels.getOffsetBuffer().getInt(4L * n)));
        }
    }

    private static void checksum(CRC32C crc, BaseFixedWidthVector values, Storage storage, int n) {
        crc.update(values.getDataBuffer().nioBuffer(0, storage.width * n));
        if (storage.decimal() && values.getNullCount() > 0) {
            crc.update(values.getValidityBuffer().nioBuffer(0, (n + 7) >>> 3));
        }
    }
}
