package ladder.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.engine.io.LoadReport;
import ladder.engine.io.RejectsWriter;
import ladder.engine.io.Rejection;

/**
 * What one partition read, accepted and rejected, as the driver receives it: counts, rejections
 * by rule, the first rejections, warnings, the files read with their SHA-256, and the
 * (employer_id, year) groups its accepted rows fall in.
 */
record Account(int partition, long read, long accepted, Map<String, Long> rejectedByRule, List<Kept> first,
        List<String> warnings, List<File> files, List<String> groups) implements Serializable {

    /** A rejection as it travels (the engine's record is not serialisable). */
    record Kept(String file, long line, String column, String value, String rule, String raw) implements Serializable {
        static Kept of(Rejection r) {
            return new Kept(r.file(), r.line(), r.column(), r.value(), r.rule(), r.raw());
        }

        Rejection rejection() {
            return new Rejection(file, line, column, value, rule, raw);
        }
    }

    /** A file read, and the SHA-256 of its bytes. */
    record File(String name, String sha256) implements Serializable {
    }

    Account {
        rejectedByRule = new LinkedHashMap<>(rejectedByRule);
        first = new ArrayList<>(first);
        warnings = new ArrayList<>(warnings);
        files = new ArrayList<>(files);
        groups = new ArrayList<>(groups);
    }

    /**
     * The load report of the whole job from its partitions' accounts in partition order (files are
     * given to partitions in path order, so this is the order of the single-machine load): counts
     * added (read = accepted + rejected is checked), rules in order of first appearance.
     */
    static LoadReport report(List<Account> accounts, List<String> listingWarnings, String rejectsFile) {
        List<String> files = new ArrayList<>();
        List<String> warnings = new ArrayList<>(listingWarnings);
        Map<String, Long> byRule = new LinkedHashMap<>();
        List<Rejection> first = new ArrayList<>();
        long read = 0;
        long accepted = 0;
        long rejected = 0;
        for (Account a : accounts) {
            a.files.forEach(f -> files.add(f.name()));
            warnings.addAll(a.warnings);
            for (Map.Entry<String, Long> e : a.rejectedByRule.entrySet()) {
                byRule.merge(e.getKey(), e.getValue(), Long::sum);
                rejected += e.getValue();
            }
            for (Kept k : a.first) {
                if (first.size() < RejectsWriter.KEPT) {
                    first.add(k.rejection());
                }
            }
            read += a.read;
            accepted += a.accepted;
        }
        return new LoadReport(files, read, accepted, rejected, byRule, first, warnings,
                rejectsFile == null ? null : java.nio.file.Path.of(rejectsFile));
    }
}
