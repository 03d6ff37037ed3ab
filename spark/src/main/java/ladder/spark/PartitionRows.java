package ladder.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.engine.contract.Schema;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeKernel;
import ladder.engine.filter.FilterParser;
import ladder.engine.io.RejectsWriter;
import ladder.engine.io.Rejection;
import ladder.engine.io.RowValidator;
import ladder.engine.table.Table;
import ladder.engine.table.TableBuilder;

/**
 * One partition's rows, validated by Ladder's own {@link RowValidator} into a columnar
 * {@link Table}, with every rejection it made: what an executor keeps in memory (never
 * serialised) so that each cube an analysis asks for is one pass of the kernel over it.
 *
 * <p>The validator rejects repeats of (employer_id, year, person_id) within the partition; the
 * accepted keys are kept as hashes per (employer_id, year) ({@link KeyHashes}), so that the
 * driver can find a key accepted in two partitions.
 */
final class PartitionRows {
    private final int partition;
    private final Table table;
    private final long read;
    private final long accepted;
    private final List<Rejection> rejections;
    private final List<String> warnings;
    private final List<Cube.Source> sources;
    private final Map<String, long[]> keysByGroup;

    private PartitionRows(int partition, Table table, long read, long accepted, List<Rejection> rejections,
            List<String> warnings, List<Cube.Source> sources) {
        this.partition = partition;
        this.table = table;
        this.read = read;
        this.accepted = accepted;
        this.rejections = rejections;
        this.warnings = warnings;
        this.sources = sources;
        this.keysByGroup = KeyHashes.byGroup(table);
    }

    /** A partition being read: records go to {@link #validator()}, which fills the table or rejects them. */
    static final class Builder {
        private final int partition;
        private final TableBuilder table = new TableBuilder(Schema.EMPLOYEES);
        private final List<Rejection> rejections = new ArrayList<>();
        private final RowValidator validator = new RowValidator(Schema.EMPLOYEES, table, rejections::add);
        private final List<String> warnings = new ArrayList<>();
        private final List<Cube.Source> sources = new ArrayList<>();

        Builder(int partition) {
            this.partition = partition;
        }

        RowValidator validator() {
            return validator;
        }

        List<String> warnings() {
            return warnings;
        }

        List<Cube.Source> sources() {
            return sources;
        }

        List<Rejection> rejections() {
            return rejections;
        }

        PartitionRows build() {
            return new PartitionRows(partition, table.build(), validator.read(), validator.accepted(),
                    List.copyOf(rejections), List.copyOf(warnings), List.copyOf(sources));
        }
    }

    int partition() {
        return partition;
    }

    /**
     * The kernel's cube of this partition's rows passing {@code where}, over {@code dimensions}
     * and {@code measures}: the cube the single-machine load builds of the same rows.
     */
    CubeParts cube(String where, List<String> dimensions, List<String> measures) {
        return CubeParts.of(CubeKernel.build(table, FilterParser.parse(where, table), dimensions, measures, 1));
    }

    /** What this partition read, accepted and rejected, for the driver's account of the whole job. */
    Account account() {
        Map<String, Long> byRule = new LinkedHashMap<>();
        for (Rejection r : rejections) {
            byRule.merge(r.category(), 1L, Long::sum);
        }
        List<Rejection> first = rejections.subList(0, Math.min(RejectsWriter.KEPT, rejections.size()));
        return new Account(partition, read, accepted, byRule, first.stream().map(Account.Kept::of).toList(), warnings,
                sources.stream().map(s -> new Account.File(s.file(), s.sha256())).toList(),
                List.copyOf(keysByGroup.keySet()));
    }

    List<Rejection> rejections() {
        return rejections;
    }

    /** The hashes of the keys accepted in {@code group} (an employer and year, {@link KeyHashes#group}), sorted. */
    long[] keys(String group) {
        return keysByGroup.getOrDefault(group, new long[0]);
    }
}
