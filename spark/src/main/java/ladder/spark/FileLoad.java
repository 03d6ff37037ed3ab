package ladder.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import ladder.engine.cube.Cube;
import ladder.engine.io.Loader;
import ladder.engine.io.Rejection;
import ladder.engine.io.SourceReader;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Reads whole files into one partition with Ladder's own readers (CSV, Arrow IPC, Parquet), in
 * the order given, exactly as the single-machine load reads them: the same header checks and
 * refusals, the same physical CSV line numbers and Parquet row numbers, the same rejections. A
 * file on this machine's file system is read in place; any other (HDFS, S3, ...) is first copied
 * through Hadoop's file system to a local temporary file, whose name is then replaced by the
 * file's own in every rejection, warning and refusal.
 *
 * @param hadoop the driver's Hadoop settings ({@code spark.hadoop.*}: credentials, endpoints)
 */
record FileLoad(Map<String, String> hadoop) implements Serializable {

    PartitionRows load(int partition, List<String> files) {
        PartitionRows.Builder rows = new PartitionRows.Builder(partition);
        for (String name : files) {
            read(name, rows);
        }
        return rows.build();
    }

    private void read(String name, PartitionRows.Builder rows) {
        Path local = localPath(name);
        Path copy = null;
        try {
            if (local == null) {
                copy = copyToLocal(name);
            }
            Path file = local != null ? local : copy;
            rows.sources().add(new Cube.Source(name, ladder.engine.io.FileHash.sha256(file)));
            SourceReader reader = Loader.READERS.stream().filter(r -> r.handles(Path.of(fileName(name))))
                    .findFirst().orElseThrow(() -> new LadderException(name + ": not a kind of file Ladder reads"));
            int before = rows.rejections().size();
            int warned = rows.warnings().size();
            String as = file.toString();
            try {
                reader.load(file, Schema.EMPLOYEES, rows.validator(), rows.warnings()::add);
            } catch (LadderException e) {
                throw new LadderException(e.getMessage().replace(as, name));
            }
            if (copy != null) {
                List<Rejection> rejections = rows.rejections();
                for (int i = before; i < rejections.size(); i++) {
                    Rejection r = rejections.get(i);
                    rejections.set(i, new Rejection(r.file().replace(as, name), r.line(), r.column(), r.value(),
                            r.rule().replace(as, name), r.raw()));
                }
                for (int i = warned; i < rows.warnings().size(); i++) {
                    rows.warnings().set(i, rows.warnings().get(i).replace(as, name));
                }
            }
        } catch (IOException e) {
            throw new LadderException("cannot read " + name + ": " + e.getMessage());
        } finally {
            if (copy != null) {
                copy.toFile().delete();
            }
        }
    }

    /** The local path of {@code name} if it is a plain path or a {@code file:} URI, else {@code null}. */
    static Path localPath(String name) {
        int colon = name.indexOf(':');
        int slash = name.indexOf('/');
        boolean hasScheme = colon > 1 && (slash < 0 || colon < slash);
        if (!hasScheme) {
            return Path.of(name);
        }
        return name.startsWith("file:") ? Path.of(URI.create(name)) : null;
    }

    static String fileName(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private Path copyToLocal(String name) throws IOException {
        Configuration conf = new Configuration();
        hadoop.forEach(conf::set);
        org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(name);
        FileSystem fs = remote.getFileSystem(conf);
        String fileName = fileName(name);
        Path copy = Files.createTempFile("ladder-", "-" + fileName);
        try (InputStream in = fs.open(remote)) {
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }
}
