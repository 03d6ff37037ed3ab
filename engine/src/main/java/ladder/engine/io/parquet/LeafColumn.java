package ladder.engine.io.parquet;

import org.apache.parquet.format.Type;

/**
 * A top-level column of a flat Parquet schema: its name, its place among the file's column chunks,
 * its physical type, whether it may hold nulls, and how its values are read ({@code type}, null
 * when Ladder's decoder does not read this column's type; {@code unsupported} then says why).
 * Integers keep their declared bit width and signedness, which is how Arrow would type them.
 */
public record LeafColumn(String name, int index, Type physical, boolean optional, ValueType type,
        int bitWidth, boolean signed, String unsupported) {}
