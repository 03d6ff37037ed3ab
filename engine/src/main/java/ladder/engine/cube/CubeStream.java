package ladder.engine.cube;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import ladder.engine.filter.Filter;
import ladder.engine.table.Table;
import ladder.engine.table.TableBuilder;

/**
 * One cube built from rows handed on a group at a time as they are read
 * ({@link ladder.engine.io.Loader#stream}), never holding more than the group: each group's cube
 * is built by {@link CubeKernel#build} and the cubes are merged by label ({@link Cube#merge}), so
 * the result is the cube the kernel builds from the whole table. Counts and sums held in units are
 * exact either way; only sums of values held as doubles ({@code looseSum}) may differ in their
 * last bits, since they are added in another order.
 *
 * <p>Cubes are merged as a binary counter adds: two cubes of equally many groups are merged as soon
 * as there are two, so that each row's cell is merged about log2(groups) times rather than once per
 * group, and at most that many cubes are held. A {@link LadderException} while building (a pay
 * dimension whose values are not whole pence) is kept and thrown by {@link #cube()}, so that the
 * reading goes on to its end and its rejected rows are all written, as when the table is loaded
 * first.
 */
public final class CubeStream implements Consumer<Table> {
    private final Filter filter;
    private final List<String> dimensions;
    private final List<String> measures;
    private final int threads;
    /** The merged cubes, oldest first, and how many groups each holds (decreasing powers of two). */
    private final List<Cube> cubes = new ArrayList<>();
    private final List<Long> weights = new ArrayList<>();
    private LadderException failure;

    /**
     * A cube over {@code dimensions} and {@code measures} of the rows of {@code schema} passing
     * {@code filter} (compiled against any table of the schema: it may not name text values),
     * each group's cube built on {@code threads} threads.
     *
     * @throws LadderException at once, before any row is read, for a dimension or measure the
     *     schema has not or cannot serve
     */
    public CubeStream(Schema schema, Filter filter, List<String> dimensions, List<String> measures, int threads) {
        this.filter = filter;
        this.dimensions = List.copyOf(dimensions);
        this.measures = List.copyOf(measures);
        this.threads = threads;
        CubeKernel.build(new TableBuilder(schema).build(), filter, dimensions, measures, threads);
    }

    /**
     * The columns the cube is built from (its dimensions, measures and the filter's), the only
     * ones a streaming builder feeding it need store ({@link TableBuilder#streaming(Schema, int,
     * int, java.util.Collection, Consumer)}).
     */
    public java.util.Set<String> columns() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>(dimensions);
        names.addAll(measures);
        filter.columns().forEach(c -> names.add(c.name()));
        return names;
    }

    @Override
    public void accept(Table group) {
        if (failure != null) {
            return;
        }
        try {
            cubes.add(CubeKernel.build(group, filter, dimensions, measures, threads));
        } catch (LadderException e) {
            failure = e;
            return;
        }
        weights.add(1L);
        int n = cubes.size();
        while (n >= 2 && weights.get(n - 2).equals(weights.get(n - 1))) {
            cubes.set(n - 2, cubes.get(n - 2).merge(cubes.remove(n - 1)));
            weights.set(n - 2, 2 * weights.remove(n - 1));
            n--;
        }
    }

    /** The cube of every group handed on so far (of none: the cube of an empty table). */
    public Cube cube() {
        if (failure != null) {
            throw failure;
        }
        if (cubes.isEmpty()) {
            throw new IllegalStateException("no group was handed on; a stream hands on at least an empty one");
        }
        Cube merged = cubes.get(0);
        for (int i = 1; i < cubes.size(); i++) {
            merged = merged.merge(cubes.get(i));
        }
        return merged;
    }
}
