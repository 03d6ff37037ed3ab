package ladder.spark;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ladder.Ladder;
import ladder.Pool;
import ladder.engine.LadderException;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * Ladder from a Spark session (a notebook, {@code spark-shell}, a job of one's own):
 *
 * <pre>{@code
 * Cube cube = LadderSpark.cube(spark.read().parquet("s3a://coalition/pool/"), "year", "seb", "grade");
 * Pool pool = Ladder.cubes(cube);                  // every cube analysis of the Java API
 * pool.composition().by("year");
 * CubeSource files = LadderSpark.open(spark, "s3a://coalition/pool/");   // any cube, on demand
 * }</pre>
 *
 * <p>Every row is validated against the data contract by Ladder's own rules (the values as text,
 * as a file's are), each partition builds its cube with Ladder's kernel, and the driver merges the
 * partitions' cubes by label: counts and sums in units are exact whatever the partitioning.
 * Analyses that need rows rather than cubes (a decimal covariate such as hourly_pay in a model,
 * person-level linkage) do not run on these: they say so.
 */
public final class LadderSpark {
    private LadderSpark() {
    }

    /** The cube of {@code rows} (columns named as the contract's employees table) over {@code dimensions}. */
    public static Cube cube(Dataset<Row> rows, String... dimensions) {
        return cube(rows, Arrays.asList(dimensions), List.of(), "");
    }

    /**
     * The cube of the rows passing {@code where} over {@code dimensions} and {@code measures}.
     * Rows that break the contract are left out and counted in the cube's provenance. A key
     * (employer_id, year, person_id) is kept once per partition; one found in two partitions is
     * refused, since which occurrence is the first is not known for rows without a file and line
     * ({@link #open} reads files in path order and rejects repeats as one machine does).
     */
    public static Cube cube(Dataset<Row> rows, List<String> dimensions, List<String> measures, String where) {
        JavaRDD<PartitionRows> partitions = partitions(rows);
        List<Account> accounts = SparkPool.persist(partitions);
        try {
            if (!Duplicates.sharedKeys(partitions, accounts).isEmpty()) {
                throw new LadderException("the same (employer_id, year, person_id) is in more than one partition of the"
                        + " dataset; repartition it by employer_id and person_id, or read the files with LadderSpark.open");
            }
            ladder.engine.io.LoadReport report = Account.report(accounts, List.of(), null);
            return new SparkPool(partitions, where, new Cube.Provenance(List.of(), report.read(), report.accepted(),
                    report.rejected())).cube(dimensions, measures);
        } finally {
            partitions.unpersist(false);
        }
    }

    /** {@link #cube(Dataset, String...)} as a pool of the Java API ({@link Ladder#cubes}). */
    public static Pool pool(Dataset<Row> rows, String... dimensions) {
        return Ladder.cubes(cube(rows, dimensions));
    }

    /**
     * The contract files at {@code paths} (folders read at any depth) validated on {@code spark}'s
     * cluster, one partition per file, as a {@link CubeSource}: every analysis of the models'
     * {@code of(CubeSource, Question)} runs on it, each cube it asks for one Spark job.
     */
    public static CubeSource open(SparkSession spark, String... paths) {
        return new SparkRows(spark, null).open(List.of(paths), "", null).source();
    }

    /** One partition's rows per partition of {@code rows}, validated; rejections name "partition P" and the row in it. */
    private static JavaRDD<PartitionRows> partitions(Dataset<Row> rows) {
        List<Field> fields = Schema.EMPLOYEES.fields();
        Map<String, Integer> byName = new java.util.HashMap<>();
        StructField[] columns = rows.schema().fields();
        for (int i = 0; i < columns.length; i++) {
            byName.put(columns[i].name().strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = fields.stream().map(Field::name).filter(f -> !byName.containsKey(f)).toList();
        if (!missing.isEmpty()) {
            throw new LadderException("the dataset lacks the contract's columns " + String.join(", ", missing));
        }
        int[] at = fields.stream().mapToInt(f -> byName.get(f.name())).toArray();
        return rows.toJavaRDD().mapPartitionsWithIndex((p, it) -> {
            PartitionRows.Builder partition = new PartitionRows.Builder(p);
            String name = "partition " + p;
            String[] values = new String[at.length];
            long line = 0;
            while (it.hasNext()) {
                Row row = it.next();
                for (int c = 0; c < at.length; c++) {
                    values[c] = row.isNullAt(at[c]) ? null : String.valueOf(row.get(at[c]));
                }
                partition.validator().record(name, ++line, values, null);
            }
            return List.of(partition.build()).iterator();
        }, true);
    }
}
