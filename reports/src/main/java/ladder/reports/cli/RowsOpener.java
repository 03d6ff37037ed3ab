package ladder.reports.cli;

import java.util.List;
import ladder.engine.cube.CubeSource;
import ladder.engine.io.LoadReport;

/**
 * Opens the rows that {@code --data} names somewhere other than in this process: the Spark job
 * ({@code ladder.spark.LadderSparkJob}) validates them on a cluster and answers each cube from
 * the partitions' cubes, merged. Every analysis command then runs unchanged.
 */
public interface RowsOpener {

    /** The rows opened: where the analysis gets its cubes, and what reading them read, accepted and rejected. */
    record Opening(CubeSource source, LoadReport report) {
    }

    /**
     * Opens {@code paths} (as the user wrote them: local paths or URIs such as {@code s3a://...}),
     * keeping the rows passing {@code where} (blank: all), rejected rows written to {@code rejects}
     * ({@code null}: the opener's default place, only when a row is rejected).
     */
    Opening open(List<String> paths, String where, String rejects);
}
