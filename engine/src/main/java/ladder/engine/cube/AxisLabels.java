package ladder.engine.cube;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ladder.engine.contract.Field;
import ladder.engine.table.Column;

/**
 * How a table column's codes become a {@link Dimension}'s levels, in the order that does not
 * depend on the rows: a coded answer (and {@code seb}) takes every code of its codebook in
 * contract order, then {@code (missing)} if it may be empty; whole numbers and text take the
 * codes that have rows, in {@link Dimension#LEVEL_ORDER}.
 */
final class AxisLabels {
    private final Column column;
    private final List<String> levels;
    /** {@code codes[position]}: the code at a level position. */
    private final int[] codes;
    /** {@code positions[code]}: the level position of a code, or -1 where the code has no rows. */
    private final int[] positions;

    /** The labels of {@code column}, whose codes that have rows are those where {@code present[code]} holds. */
    AxisLabels(Column column, boolean[] present) {
        this.column = column;
        List<Integer> codes = new ArrayList<>();
        Field field = column.field();
        if (field == null || field.kind() == Field.Kind.CODE) {
            int first = field == null ? 0 : 1;
            for (int code = first; code < column.cardinality(); code++) {
                codes.add(code);
            }
            if (field != null && field.optional()) {
                codes.add(0);
            }
        } else {
            for (int code = 0; code < present.length; code++) {
                if (present[code]) {
                    codes.add(code);
                }
            }
            codes.sort(Comparator.comparing(column::label, Dimension.LEVEL_ORDER));
        }
        levels = codes.stream().map(column::label).toList();
        this.codes = codes.stream().mapToInt(Integer::intValue).toArray();
        positions = new int[Math.max(column.cardinality(), present.length)];
        java.util.Arrays.fill(positions, -1);
        for (int i = 0; i < codes.size(); i++) {
            positions[codes.get(i)] = i;
        }
    }

    Dimension dimension() {
        return new Dimension(column.name(), levels);
    }

    /** The code at level position {@code position}. */
    int code(int position) {
        return codes[position];
    }

    /** The level position of {@code code}. */
    int position(int code) {
        int p = positions[code];
        if (p < 0) {
            throw new IllegalStateException(column.name() + " code " + code + " has rows but no level");
        }
        return p;
    }
}
