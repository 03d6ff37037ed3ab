package ladder.reports.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;

/**
 * A {@link CubeSource} that builds each cube once: the report's sections ask for the same cubes
 * (employer x year x seb for the data and the plan, grade x seb for the ceiling and the plan, ...),
 * and on a pool of millions of rows each cube is a scan of every row.
 */
final class SharedCubes implements CubeSource {
    private final CubeSource source;
    private final Map<List<List<String>>, Cube> built = new ConcurrentHashMap<>();

    SharedCubes(CubeSource source) {
        this.source = source;
    }

    @Override
    public Cube cube(List<String> dimensions, List<String> measures) {
        return built.computeIfAbsent(List.of(List.copyOf(dimensions), List.copyOf(measures)),
                key -> source.cube(key.get(0), key.get(1)));
    }

    /**
     * The cubes of the rows whose {@code dimension} is {@code level} (an employer's pack: its employer), each
     * read off a cube of this source that has {@code dimension}: one already built over more dimensions if
     * there is one (its counts summed over the rest, exact), else built here and kept; so an employer's
     * section asking what the comparison with the pool already read scans no rows. Cubes with measures are
     * not summed from others (their floating sums would depend on the order of adding): only one with the
     * same dimensions and measures is reused. The filter is the source's and {@code dimension = 'level'}, as
     * {@link CubeSource#where}'s; the view has no rows of its own.
     */
    CubeSource slice(String dimension, String level) {
        CubeSource cubes = new CubeSource() {
            @Override
            public Cube cube(List<String> dimensions, List<String> measures) {
                if (measures.isEmpty()) {
                    for (Map.Entry<List<List<String>>, Cube> e : built.entrySet()) {
                        if (e.getKey().get(1).isEmpty() && e.getKey().get(0).containsAll(dimensions)) {
                            return e.getValue().marginalise(dimensions);
                        }
                    }
                }
                return SharedCubes.this.cube(dimensions, measures);
            }

            @Override
            public String filter() {
                return source.filter();
            }

        };
        return cubes.where(dimension, level);
    }

    @Override
    public String filter() {
        return source.filter();
    }

    @Override
    public Optional<Rows> rows() {
        return source.rows();
    }

    @Override
    public Optional<Rows> rows(java.util.Collection<String> columns) {
        return source.rows(columns);
    }

    /** The source's threads, asked without making it read its rows (a snapshot's every column). */
    @Override
    public int threads() {
        return source.threads();
    }
}
