package ladder.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import ladder.engine.LadderException;
import ladder.engine.cube.Cube;
import ladder.engine.io.InputFiles;
import ladder.engine.io.Loader;
import ladder.engine.io.LoadReport;
import ladder.reports.cli.RowsOpener;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Opens {@code --data} on a Spark cluster: lists the contract files (any file system Spark's
 * Hadoop reaches: local, HDFS, S3, ...), gives them in path order to partitions in contiguous
 * runs, reads and validates each partition's files with Ladder's own readers ({@link FileLoad}),
 * keeps the validated rows in the executors' memory, and answers cubes from them
 * ({@link SparkPool}).
 *
 * <p>A key (employer_id, year, person_id) accepted in two partitions would be kept twice where
 * the single-machine load rejects the later one. So the partitions' accepted keys are compared
 * (only in (employer_id, year) groups that two partitions share, which files of one employer-year
 * each never do); if any key is shared, the partitions sharing keys are read again as one, in
 * path order, and then every repeat is rejected exactly as on one machine.
 */
public final class SparkRows implements RowsOpener {
    /** Where rejected rows go when {@code --rejects} is not given (a folder of CSV, as Spark writes). */
    static final String DEFAULT_REJECTS = "ladder-rejects";

    private final SparkSession spark;
    private final Integer partitions;
    private SparkPool opened;

    /** Opens files on {@code spark}'s cluster in {@code partitions} partitions ({@code null}: one per file). */
    public SparkRows(SparkSession spark, Integer partitions) {
        if (partitions != null && partitions < 1) {
            throw new LadderException("--partitions must be at least 1, not " + partitions);
        }
        this.spark = spark;
        this.partitions = partitions;
    }

    @Override
    public Opening open(List<String> paths, String where, String rejects) {
        List<String> warnings = new ArrayList<>();
        List<String> files = list(paths, warnings);
        int n = partitions != null ? partitions : files.size();
        List<List<String>> plan = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            plan.add(List.copyOf(files.subList((int) ((long) p * files.size() / n),
                    (int) ((long) (p + 1) * files.size() / n))));
        }
        FileLoad load = new FileLoad(hadoopSettings());
        JavaRDD<PartitionRows> rows = read(plan, load);
        List<Account> accounts = SparkPool.persist(rows);
        Map<Integer, Set<Integer>> shared = Duplicates.sharedKeys(rows, accounts);
        if (!shared.isEmpty()) {
            rows.unpersist(false);
            plan = Duplicates.regroup(plan, shared);
            rows = read(plan, load);
            accounts = SparkPool.persist(rows);
        }
        String rejectsAt = rejects != null ? rejects : DEFAULT_REJECTS;
        LoadReport report = Account.report(accounts, warnings, rejectsAt);
        if (report.rejected() > 0) {
            Rejects.write(spark, rows, rejectsAt);
        }
        List<Cube.Source> sources = new ArrayList<>();
        for (Account a : accounts) {
            a.files().forEach(f -> sources.add(new Cube.Source(FileLoad.fileName(f.name()), f.sha256())));
        }
        opened = new SparkPool(rows, where, new Cube.Provenance(sources, report.read(), report.accepted(),
                report.rejected()));
        return new Opening(opened, report);
    }

    /** The pool last opened, for writing the cubes its analysis asked for; {@code null} before. */
    SparkPool opened() {
        return opened;
    }

    private JavaRDD<PartitionRows> read(List<List<String>> plan, FileLoad load) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return context.parallelize(plan, plan.size())
                .mapPartitionsWithIndex((p, it) -> java.util.List.of(load.load(p, it.hasNext() ? it.next() : List.of()))
                        .iterator(), true);
    }

    private Map<String, String> hadoopSettings() {
        Map<String, String> settings = new HashMap<>();
        spark.sparkContext().hadoopConfiguration().forEach(e -> settings.put(e.getKey(), e.getValue()));
        return settings;
    }

    /**
     * The files {@code paths} name, in path order: local paths as the single-machine load expands
     * them ({@link InputFiles}, with its warnings), other URIs listed through Hadoop at any depth,
     * skipping hidden names and Spark's own marker files ({@code _SUCCESS}).
     */
    List<String> list(List<String> paths, List<String> warnings) {
        List<Path> local = new ArrayList<>();
        List<String> remote = new ArrayList<>();
        for (String path : paths) {
            Path p = FileLoad.localPath(path);
            if (p != null) {
                local.add(p);
            } else {
                remote.add(path);
            }
        }
        Set<String> files = new LinkedHashSet<>();
        if (!local.isEmpty()) {
            InputFiles.Expansion expansion = InputFiles.expand(local);
            expansion.files().forEach(f -> files.add(f.toString()));
            warnings.addAll(expansion.warnings());
        }
        for (String path : remote) {
            files.addAll(listRemote(path));
        }
        return List.copyOf(files);
    }

    private List<String> listRemote(String path) {
        try {
            org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(path);
            FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            FileStatus status = fs.getFileStatus(root);
            if (status.isFile()) {
                return List.of(path);
            }
            List<String> found = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
            while (it.hasNext()) {
                org.apache.hadoop.fs.Path f = it.next().getPath();
                String relative = root.toUri().relativize(f.toUri()).getPath();
                boolean hidden = java.util.Arrays.stream(relative.split("/"))
                        .anyMatch(part -> part.startsWith(".") || part.startsWith("_"));
                if (!hidden && readable(f.getName())) {
                    found.add(f.toString());
                }
            }
            if (found.isEmpty()) {
                throw new LadderException(path + ": the folder holds no file to read");
            }
            found.sort(null);
            return found;
        } catch (java.io.FileNotFoundException e) {
            throw new LadderException(path + ": no such file or folder");
        } catch (IOException e) {
            throw new LadderException("cannot list " + path + ": " + e.getMessage());
        }
    }

    private static boolean readable(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Loader.READERS.stream().anyMatch(r -> r.extensions().stream().anyMatch(lower::endsWith));
    }
}
