package ladder.engine.cube;

import java.util.List;
import ladder.engine.LadderException;
import ladder.engine.table.Column;
import ladder.engine.table.Table;

/**
 * A categorical axis of a {@link DenseCube}: a coded column and the run of its codes
 * {@code base .. base + size() - 1} that the axis spans, one level per code.
 *
 * <p>Because the cell index is linear in the codes, the base costs nothing in the kernel: it
 * folds into one constant subtracted per row.
 */
public record CodeAxis(Column column, int base, List<String> levels) {

    public CodeAxis {
        if (!column.isCoded()) {
            throw new LadderException(column.name() + " holds decimals and cannot be a dimension; "
                    + "use a coded column such as year, grade, seb or gender");
        }
        levels = List.copyOf(levels);
    }

    /** The axis over the codes of {@code name} present in {@code table} (one empty level if none are). */
    public static CodeAxis of(Table table, String name) {
        Column column = table.column(name);
        if (!column.isCoded()) {
            throw new LadderException(column.name() + " holds decimals and cannot be a dimension; "
                    + "use a coded column such as year, grade, seb or gender");
        }
        if (column.minCode() < 0) {
            return new CodeAxis(column, 0, List.of());
        }
        return new CodeAxis(column, column.minCode(), column.labels(column.minCode(), column.maxCode()));
    }

    public String name() {
        return column.name();
    }

    public int size() {
        return levels.size();
    }

    /** The position of {@code level} on this axis, or -1. */
    public int indexOf(String level) {
        int code = column.codeOf(level);
        int index = code - base;
        return code < 0 || index >= levels.size() ? -1 : index;
    }
}
