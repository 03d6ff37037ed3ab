package ladder.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * A pool held by a Spark cluster: one {@link PartitionRows} per partition, kept in the executors'
 * memory. Each cube an analysis asks for is one Spark job: every partition builds its cube with
 * Ladder's kernel ({@code CubeKernel}, not Spark SQL), and the partial cubes are merged by label
 * ({@link Cube#merge}) in a tree ({@code treeReduce}) on their way to the driver. Counts and the
 * sums held in units (whole numbers, pay in pence) are exact, so the merged cube is the one the
 * single-machine run builds, whatever the number of partitions or executors.
 *
 * <p>Analyses that read rows rather than cubes (a decimal covariate such as hourly_pay in
 * {@code ladder model}, person-level linkage) say that they need rows: the rows stay on the
 * executors ({@link #rows()} is empty), as for merged cube files.
 */
final class SparkPool implements CubeSource {
    private final JavaRDD<PartitionRows> partitions;
    private final String where;
    private final Cube.Provenance provenance;
    private final List<Cube> built = new ArrayList<>();

    SparkPool(JavaRDD<PartitionRows> partitions, String where, Cube.Provenance provenance) {
        this.partitions = partitions;
        this.where = where;
        this.provenance = provenance;
    }

    /** Validates and keeps in memory every partition of {@code rows}; answers the account of each. */
    static List<Account> persist(JavaRDD<PartitionRows> rows) {
        rows.persist(StorageLevel.MEMORY_ONLY());
        return SparkFailures.unwrap(() -> rows.map(PartitionRows::account).collect());
    }

    @Override
    public Cube cube(List<String> dimensions, List<String> measures) {
        String filter = where;
        List<String> dims = List.copyOf(dimensions);
        List<String> ms = List.copyOf(measures);
        Cube merged = SparkFailures.unwrap(() -> partitions.map(p -> p.cube(filter, dims, ms))
                .treeReduce(CubeParts::merge)).cube().withProvenance(provenance);
        built.add(merged);
        return merged;
    }

    @Override
    public String filter() {
        return where;
    }

    @Override
    public Optional<Rows> rows() {
        return Optional.empty();
    }

    /** The partitions' validated rows, for measuring the kernel alone (bench/run-spark). */
    JavaRDD<PartitionRows> partitions() {
        return partitions;
    }

    /** The cubes analyses asked for so far, in order, each with the job's provenance. */
    List<Cube> built() {
        return List.copyOf(built);
    }

    /** Releases the executors' memory. */
    void close() {
        partitions.unpersist(false);
    }
}
