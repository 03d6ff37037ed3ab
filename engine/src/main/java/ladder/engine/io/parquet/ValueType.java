package ladder.engine.io.parquet;

/** How a supported Parquet column's values arrive in {@link ColumnValues}. */
public enum ValueType {
    /** Signed integers (INT32 or INT64, or unsigned INT32 widened), in {@link ColumnValues#longs()}. */
    LONG,
    /** Unsigned 64-bit integers, in {@link ColumnValues#longs()} as their two's-complement bits. */
    UNSIGNED_LONG,
    /** 64-bit floats, in {@link ColumnValues#doubles()}. */
    DOUBLE,
    /** 32-bit floats, widened exactly, in {@link ColumnValues#doubles()}. */
    FLOAT,
    /** Strings (BYTE_ARRAY annotated as UTF-8), as byte ranges. */
    STRING
}
