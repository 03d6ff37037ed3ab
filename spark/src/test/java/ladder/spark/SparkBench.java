package ladder.spark;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import ladder.engine.cube.Cube;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * bench/run-spark's measurements, in one run under the master given: Spark's start, the read and
 * validation of the pool's files into the executors' memory, Ladder's per-partition kernel and the
 * driver's merge of one cube, and Spark SQL's own {@code groupBy(...).agg(count, sum)} of the same
 * cube over the same rows cached in memory. Prints one {@code name,seconds} line per step and
 * checks that both give the same cells and counts.
 *
 * <p>Arguments: POOL_FOLDER PARTITIONS [MASTER].
 */
public final class SparkBench {
    private static final List<String> DIMS = List.of("employer_id", "year", "grade", "gender", "parental_occupation");

    public static void main(String[] args) {
        String pool = args[0];
        int partitions = Integer.parseInt(args[1]);
        long t = System.nanoTime();
        SparkSession spark = SparkSession.builder().master(args.length > 2 ? args[2] : "local[2]").appName("ladder-bench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", Integer.toString(partitions))
                .getOrCreate();
        t = step("spark_start", t);
        SparkRows rows = new SparkRows(spark, partitions);
        rows.open(List.of(pool), "", pool + "-rejects");
        SparkPool opened = rows.opened();
        t = step("read_and_validate", t);
        JavaRDD<PartitionRows> parts = opened.partitions();
        List<CubeParts> cubes = parts.map(p -> p.cube("", DIMS, List.of("hourly_pay"))).collect();
        t = step("ladder_kernel", t);
        CubeParts merged = cubes.get(0);
        for (CubeParts c : cubes.subList(1, cubes.size())) {
            merged = CubeParts.merge(merged, c);
        }
        Cube cube = merged.cube();
        t = step("ladder_merge", t);
        Dataset<Row> df = spark.read().option("header", "true").option("inferSchema", "false").csv(pool)
                .selectExpr("employer_id", "cast(year as int) year", "cast(grade as int) grade", "gender",
                        "parental_occupation", "cast(hourly_pay as double) hourly_pay")
                .repartition(partitions).cache();
        long n = df.count();
        t = step("spark_sql_read_and_cache", t);
        List<Row> grouped = df.groupBy("employer_id", "year", "grade", "gender", "parental_occupation")
                .agg(count("*"), sum("hourly_pay")).collectAsList();
        t = step("spark_sql_groupby", t);
        System.out.println("rows," + n + ",cube_total," + cube.total() + ",ladder_cells," + cube.size()
                + ",spark_sql_groups," + grouped.size());
        if (n != cube.total()) {
            throw new IllegalStateException("Spark SQL read " + n + " rows, Ladder's cube counts " + cube.total());
        }
        spark.stop();
    }

    private static long step(String name, long since) {
        long now = System.nanoTime();
        System.out.printf("%s,%.3f%n", name, (now - since) / 1e9);
        return now;
    }
}
