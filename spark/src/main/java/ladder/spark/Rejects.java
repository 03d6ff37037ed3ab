package ladder.spark;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The rejected rows of a job as a dataset with the columns of Ladder's rejected-rows file (file,
 * line, column, value, rule, record), written as CSV with a header by the executors that hold
 * them, one part per partition that rejected a row.
 */
final class Rejects {
    static final StructType SCHEMA = new StructType()
            .add("file", DataTypes.StringType, false)
            .add("line", DataTypes.LongType, false)
            .add("column", DataTypes.StringType, false)
            .add("value", DataTypes.StringType, true)
            .add("rule", DataTypes.StringType, false)
            .add("record", DataTypes.StringType, true);

    private Rejects() {
    }

    static void write(SparkSession spark, JavaRDD<PartitionRows> rows, String at) {
        JavaRDD<Row> rejected = rows.flatMap(p -> p.rejections().stream()
                .map(r -> RowFactory.create(r.file(), r.line(), r.column(), r.value(), r.rule(), r.raw()))
                .toList().iterator());
        SparkFailures.unwrap(() -> {
            spark.createDataFrame(rejected, SCHEMA).write().mode(SaveMode.Overwrite).option("header", "true")
                    .option("escape", "\"").csv(at);
            return List.of();
        });
    }
}
