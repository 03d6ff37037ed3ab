package ladder.engine.io.arrow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import ladder.engine.Excerpt;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.contract.ValueRules;
import ladder.engine.io.ColumnDecoder;
import ladder.engine.io.ColumnarRows;
import ladder.engine.io.RecordSink;
import ladder.engine.io.RowValidator;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.ArrowBufPointer;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VariableWidthFieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.util.ValueVectorUtility;

/**
 * Turns the record batches of an Arrow IPC or Parquet file into contract records for a
 * {@link RecordSink}: the file's columns bound to the contract's by name, each row's values as
 * text in {@link Schema#fields()} order, numbered from 1 across batches ({@link #emit}); or, with
 * the same outcome, straight into a table from the typed values ({@link #load}).
 *
 * <p>Binding refuses the file, before any row is read, when a contract column is missing, a name
 * appears twice, or a column's Arrow type cannot hold the contract's values: text and code columns
 * must be strings (utf8 or large_utf8); whole-number columns integers of any width, signed or not,
 * or strings; decimal columns float32, float64, integers or strings (exporters often write numbers
 * as text). A dictionary-encoded column is judged by its values' type.
 *
 * <p>Values are not checked here, only rendered: integers by {@link Long#toString} (unsigned
 * 64-bit ones unsigned), float64 by {@link Double#toString} and float32 by {@link Float#toString},
 * so NaN and infinities reach the validator, which rejects them; nulls become {@code null}. A
 * string that is not valid UTF-8 makes its row malformed.
 */
final class BatchRecords {
    /** How many unknown or duplicated columns a message names. */
    private static final int NAMED = 5;

    private final SourceFile source;
    private final Schema schema;
    private final List<Bound> columns;

    /** A file column bound to a contract column. */
    private record Bound(String fileName, DictionaryEncoding dictionary, int target, Field field) {}

    /** What a reader does with the bound file: emit its records, or load them. */
    interface Use {
        void with(BatchRecords records, ArrowReader reader);
    }

    /** Reads one column of the current batch as text. */
    interface Values {
        String get(int row);
    }

    private BatchRecords(SourceFile source, Schema schema, List<Bound> columns) {
        this.source = source;
        this.schema = schema;
        this.columns = List.copyOf(columns);
    }

    /**
     * Binds {@code fields}, the file's columns in message format (a dictionary-encoded column's
     * type is its values' type), to {@code schema}'s columns, or refuses the file naming every
     * missing, duplicated and wrongly typed column. Warns of each column the contract does not know.
     */
    static BatchRecords bind(SourceFile source, List<org.apache.arrow.vector.types.pojo.Field> fields,
            Schema schema, Consumer<String> warnings) {
        Map<String, String> seen = new HashMap<>();
        Bound[] bound = new Bound[schema.fields().size()];
        List<String> problems = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        List<String> duplicatedAlso = new ArrayList<>();
        for (org.apache.arrow.vector.types.pojo.Field column : fields) {
            String name = column.getName();
            String first = seen.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), name);
            if (first != null) {
                duplicated.add(name);
                duplicatedAlso.add(first.equals(name) ? "" : " (also as '" + Excerpt.of(first, 60) + "')");
                continue;
            }
            int target = schema.indexOf(name);
            if (target < 0) {
                unknown.add(name);
                continue;
            }
            Field field = schema.fields().get(target);
            ArrowType type = column.getType();
            if (!accepts(field.kind(), type)) {
                problems.add("column '" + Excerpt.of(name, 60) + "' is " + describe(type)
                        + (column.getDictionary() == null ? "" : " (dictionary-encoded)")
                        + " but " + field.name() + " needs " + expected(field.kind()));
                continue;
            }
            bound[target] = new Bound(name, column.getDictionary(), target, field);
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < bound.length; i++) {
            if (bound[i] == null && !seen.containsKey(schema.fields().get(i).name())) {
                missing.add(schema.fields().get(i).name());
            }
        }
        if (duplicated.size() == 1) {
            problems.add(0, "column '" + Excerpt.of(duplicated.get(0), 60) + "' appears more than once" + duplicatedAlso.get(0));
        } else if (duplicated.size() > 1) {
            problems.add(0, duplicated.size() + " columns appear more than once: " + Excerpt.firstFew(duplicated.stream()
                    .map(name -> "'" + Excerpt.of(name, 60) + "'").toList(), NAMED));
        }
        if (!missing.isEmpty()) {
            schema.heldInstead(seen.keySet()).ifPresent(held -> {
                throw new ladder.engine.io.WrongTableException(source.name(), schema, held);
            });
            problems.add(0, "missing column" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + " (the " + schema.name() + " table needs all its columns, even those that may be empty)");
        }
        if (!problems.isEmpty()) {
            throw source.refused("refused: " + String.join("; ", problems));
        }
        if (unknown.size() == 1) {
            warnings.accept(source.name() + ": column '" + Excerpt.of(unknown.get(0), 60) + "' is not in the "
                    + schema.name() + " table; it is ignored");
        } else if (unknown.size() > 1) {
            warnings.accept(source.name() + ": " + unknown.size() + " columns are not in the " + schema.name()
                    + " table and are ignored: " + Excerpt.firstFew(unknown.stream()
                            .map(name -> "'" + Excerpt.of(name, 60) + "'").toList(), NAMED));
        }
        return new BatchRecords(source, schema, Arrays.asList(bound));
    }

    /** The names, as the file spells them, of the columns that are read; the others can be skipped. */
    String[] fileColumns() {
        return columns.stream().map(Bound::fileName).toArray(String[]::new);
    }

    /**
     * Hands every row of {@code reader}'s remaining batches to {@code sink}, numbering rows from 1.
     * {@code reader} must be the one whose schema was bound; it provides the dictionaries of
     * dictionary-encoded columns. A failure to read a batch refuses the file, though rows of
     * earlier batches have gone to the sink.
     */
    void emit(ArrowReader reader, RecordSink sink) {
        long row = 0;
        while (source.attempt(reader::loadNextBatch)) {
            List<BatchColumn> batch = source.attempt(() -> batchColumns(reader));
            Values[] values = valuesOf(batch);
            int rows = source.attempt(reader::getVectorSchemaRoot).getRowCount();
            for (int i = 0; i < rows; i++) {
                offerRow(values, i, ++row, sink);
            }
        }
    }

    /**
     * Adds every row of {@code reader}'s remaining batches to {@code validator}'s table with the
     * outcome of {@link #emit emit(reader, validator)}, but without rendering values as text:
     * {@link TypedColumns} checks typed values directly, and only rows it cannot take are offered
     * as text, exactly as {@link #emit} offers them.
     */
    void load(ArrowReader reader, RowValidator validator) {
        ColumnarRows rows = new ColumnarRows(validator, 1024);
        TypedColumns typed = new TypedColumns(columns.size(), new ColumnDecoder(validator));
        long row = 0;
        while (source.attempt(reader::loadNextBatch)) {
            List<BatchColumn> batch = source.attempt(() -> batchColumns(reader));
            Values[] values = valuesOf(batch);
            int count = source.attempt(reader::getVectorSchemaRoot).getRowCount();
            rows.reset(count);
            typed.nextBatch();
            for (int c = 0; c < batch.size(); c++) {
                BatchColumn column = batch.get(c);
                typed.fill(rows, c, columns.get(c).target(), column.vector(), column.dictionary(), count);
            }
            rows.merge(source.name(), row + 1, count, (i, rowNumber, sink) -> offerRow(values, i, rowNumber, sink));
            row += count;
        }
    }

    /** The number of bound columns. */
    int size() {
        return columns.size();
    }

    /** Bound column {@code c}'s name as the file spells it. */
    String fileName(int c) {
        return columns.get(c).fileName();
    }

    /** The schema column that bound column {@code c} holds. */
    /** The contract table the file is bound to. */
    Schema schema() {
        return schema;
    }

    int target(int c) {
        return columns.get(c).target();
    }

    /** Offers row {@code i} of a batch, row {@code row} of the file, to {@code sink} as text. */
    void offerRow(Values[] values, int i, long row, RecordSink sink) {
        String[] record = new String[schema.fields().size()];
        int c = 0;
        try {
            for (; c < values.length; c++) {
                record[columns.get(c).target()] = values[c].get(i);
            }
        } catch (InvalidUtf8 e) {
            sink.malformed(source.name(), row, columns.get(c).field().name(), e.text,
                    ValueRules.INVALID_STRING, null);
            return;
        } catch (RuntimeException e) {
            throw source.unreadable(e);
        }
        sink.record(source.name(), row, record, null);
    }

    /** A bound column's vector in the current batch, with its dictionary's values if it is dictionary-encoded. */
    private record BatchColumn(FieldVector vector, FieldVector dictionary) {}

    /** The current batch's vectors of the bound columns, validated. */
    private List<BatchColumn> batchColumns(ArrowReader reader) throws IOException {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        List<BatchColumn> batch = new ArrayList<>(columns.size());
        for (Bound column : columns) {
            FieldVector vector = root.getVector(column.fileName());
            if (vector == null) {
                throw new IllegalStateException("bound column " + column.fileName() + " absent from a batch");
            }
            ValueVectorUtility.validate(vector);
            FieldVector values = null;
            if (column.dictionary() != null) {
                Dictionary dictionary = reader.lookup(column.dictionary().getId());
                if (dictionary == null) {
                    throw new IllegalArgumentException("no dictionary " + column.dictionary().getId()
                            + " for column " + column.fileName());
                }
                values = dictionary.getVector();
                ValueVectorUtility.validate(values);
            }
            batch.add(new BatchColumn(vector, values));
        }
        return batch;
    }

    /** Each bound column of a batch as text. */
    private static Values[] valuesOf(List<BatchColumn> batch) {
        Values[] values = new Values[batch.size()];
        for (int c = 0; c < values.length; c++) {
            BatchColumn column = batch.get(c);
            values[c] = column.dictionary() == null ? valuesOf(column.vector())
                    : decoded((BaseIntVector) column.vector(), valuesOf(column.dictionary()));
        }
        return values;
    }

    private static Values decoded(BaseIntVector indices, Values dictionary) {
        return row -> indices.isNull(row) ? null : dictionary.get(Math.toIntExact(indices.getValueAsLong(row)));
    }

    /**
     * The value a float32 has once rendered as {@link #emit} renders it ({@link Float#toString})
     * and read back by the validator: what typed loads store for one, to match the text path.
     */
    static double float32Value(float value) {
        return Double.parseDouble(Float.toString(value));
    }

    /** A column's vector (not dictionary-encoded) as text. */
    private static Values valuesOf(FieldVector vector) {
        if (vector instanceof Float8Vector v) {
            return row -> v.isNull(row) ? null : Double.toString(v.get(row));
        }
        if (vector instanceof Float4Vector v) {
            return row -> v.isNull(row) ? null : Float.toString(v.get(row));
        }
        if (vector instanceof UInt8Vector v) {
            return row -> v.isNull(row) ? null : Long.toUnsignedString(v.get(row));
        }
        if (vector instanceof BaseIntVector v) {
            return row -> v.isNull(row) ? null : Long.toString(v.getValueAsLong(row));
        }
        if (vector instanceof VariableWidthFieldVector v) {
            ArrowBufPointer value = new ArrowBufPointer();
            return row -> v.isNull(row) ? null : utf8(bytes(v.getDataPointer(row, value)));
        }
        throw new IllegalStateException("a bound column of type " + vector.getField().getType() + " has no reader");
    }

    /**
     * A string value's bytes, once the extent its offsets declare is known to lie within its buffer:
     * Arrow's own getter allocates the declared length first, which a corrupt file sets at will.
     */
    private static byte[] bytes(ArrowBufPointer value) {
        ArrowBuf buffer = value.getBuf();
        long offset = value.getOffset();
        long length = value.getLength();
        long capacity = buffer == null ? 0 : buffer.capacity();
        if (offset < 0 || length < 0 || length > capacity - offset) {
            throw new IndexOutOfBoundsException("a string of " + length + " bytes at byte " + offset
                    + " lies outside its buffer of " + capacity + " bytes");
        }
        byte[] bytes = new byte[(int) length];
        if (length > 0) {
            buffer.getBytes(offset, bytes);
        }
        return bytes;
    }

    /** Decodes UTF-8, telling a replacement character the file holds from bytes that are not UTF-8. */
    static String utf8(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                throw new InvalidUtf8(text);
            }
        }
        return text;
    }

    /** A string value whose bytes are not UTF-8; {@code text} shows it with replacement characters. */
    private static final class InvalidUtf8 extends RuntimeException {
        final String text;

        InvalidUtf8(String text) {
            super(null, null, false, false);
            this.text = text;
        }
    }

    private static boolean accepts(Field.Kind kind, ArrowType type) {
        boolean string = switch (type.getTypeID()) {
            case Utf8, LargeUtf8 -> true; // not Utf8View: Arrow Java 18 cannot load view vectors from IPC
            default -> false;
        };
        boolean integer = type.getTypeID() == ArrowType.ArrowTypeID.Int;
        boolean floating = type instanceof ArrowType.FloatingPoint f
                && f.getPrecision() != FloatingPointPrecision.HALF;
        return switch (kind) {
            case TEXT, CODE -> string;
            case INT -> string || integer;
            case DECIMAL -> string || integer || floating;
        };
    }

    private static String expected(Field.Kind kind) {
        return switch (kind) {
            case TEXT, CODE -> "a string column (utf8 or large_utf8)";
            case INT -> "an integer or string column (int8..int64, uint8..uint64, utf8, large_utf8)";
            case DECIMAL -> "a floating-point, integer or string column"
                    + " (float32, float64, int8..int64, uint8..uint64, utf8, large_utf8)";
        };
    }

    /** An Arrow type as its users know it: int32, uint8, float64, utf8, ... */
    private static String describe(ArrowType type) {
        if (type instanceof ArrowType.Int i) {
            return (i.getIsSigned() ? "int" : "uint") + i.getBitWidth();
        }
        if (type instanceof ArrowType.FloatingPoint f) {
            return switch (f.getPrecision()) {
                case HALF -> "float16";
                case SINGLE -> "float32";
                case DOUBLE -> "float64";
            };
        }
        return switch (type.getTypeID()) {
            case Utf8 -> "utf8";
            case LargeUtf8 -> "large_utf8";
            case Utf8View -> "utf8_view";
            default -> type.toString().toLowerCase(Locale.ROOT);
        };
    }
}
