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

    @Override
    public String filter() {
        return source.filter();
    }

    @Override
    public Optional<Rows> rows() {
        return source.rows();
    }
}
