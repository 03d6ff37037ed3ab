package ladder.engine.cube;

import ladder.engine.table.Chunk;

/**
 * Computes the keys ({@link KeyLayout}) of a block of a chunk's rows: one step of a kernel, with a
 * variant per way of reading the codes. An instance holds scratch space and serves one thread.
 */
sealed interface CellKeys permits ColumnKeys, ByteGroupKeys {

    /** Rows per block: the keys and scratch of a block stay in the first-level cache. A multiple of 64. */
    int BLOCK = 512;

    /** Sets {@code keys[i]} to the key of row {@code from + i} of {@code chunk}, for {@code i < rows <= BLOCK}. */
    void compute(Chunk chunk, int from, int rows, int[] keys);
}
