package ladder.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ladder.engine.LadderException;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeFile;
import ladder.engine.cube.Dimension;
import ladder.reports.cli.Main;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code ladder} command on a Spark cluster:
 *
 * <pre>
 * spark-submit --class ladder.spark.LadderSparkJob ladder-spark.jar [--partitions N] [--save-cubes DIR] \
 *     composition --data s3a://coalition/pool/ --by year --format csv --out results/
 * </pre>
 *
 * <p>Every analysis command and option of {@code ladder} is accepted; {@code --data} names files
 * or folders on any file system Spark reaches, read and validated on the executors
 * ({@link SparkRows}); {@code --rejects} names the folder of the rejected rows (default
 * {@value SparkRows#DEFAULT_REJECTS}). Before the command: {@code --partitions N} (default: one
 * per file) and {@code --save-cubes DIR}, which writes each cube the analysis built as a cube
 * file ({@code DIR/DIMS.cube.arrow}), for {@code ladder --cubes} on any machine.
 */
public final class LadderSparkJob {
    private LadderSparkJob() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int status;
        SparkSession spark = SparkSession.builder().appName("ladder " + String.join(" ", args)).getOrCreate();
        try {
            status = run(spark, args, out, err);
        } finally {
            spark.stop();
        }
        System.exit(status);
    }

    /** Runs {@code args} (job options, then a {@code ladder} command) on {@code spark}; answers the exit status. */
    public static int run(SparkSession spark, String[] args, PrintWriter out, PrintWriter err) {
        Integer partitions = null;
        Path saveCubes = null;
        int i = 0;
        try {
            for (; i < args.length && args[i].startsWith("--"); i += 2) {
                if (i + 1 >= args.length) {
                    throw new LadderException(args[i] + " needs a value");
                }
                switch (args[i]) {
                    case "--partitions" -> partitions = parsePartitions(args[i + 1]);
                    case "--save-cubes" -> saveCubes = Path.of(args[i + 1]);
                    default -> throw new LadderException("unknown job option " + args[i]
                            + " (before the command: --partitions N, --save-cubes DIR)");
                }
            }
        } catch (LadderException e) {
            err.println("ladder: " + e.getMessage());
            return 2;
        }
        SparkRows rows;
        try {
            rows = new SparkRows(spark, partitions);
        } catch (LadderException e) {
            err.println("ladder: " + e.getMessage());
            return 2;
        }
        int status = Main.run(Arrays.copyOfRange(args, i, args.length), out, err, rows);
        if (status != 2 && status != 3 && saveCubes != null && rows.opened() != null) {
            for (Cube cube : rows.opened().built()) {
                Path file = saveCubes.resolve(String.join("-", cube.dimensions().stream().map(Dimension::name).toList())
                        + ".cube.arrow");
                CubeFile.write(cube, file);
                err.println("Wrote a cube of " + cube.size() + " cells to " + file);
            }
        }
        if (rows.opened() != null) {
            rows.opened().close();
        }
        return status;
    }

    private static int parsePartitions(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new LadderException("--partitions must be a whole number, not '" + value + "'");
        }
    }
}
