package ladder.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * Keys of (employer_id, year, person_id) accepted in more than one partition: each partition's
 * validator rejects repeats within it, so only these could differ from the single-machine load.
 */
final class Duplicates {
    private Duplicates() {
    }

    /**
     * The partitions that share an accepted key, as sets keyed by their lowest partition (empty:
     * none). Only the (employer_id, year) groups found in two partitions are compared, as a Spark
     * job over their key hashes.
     */
    static Map<Integer, Set<Integer>> sharedKeys(JavaRDD<PartitionRows> rows, List<Account> accounts) {
        Map<String, Integer> seen = new HashMap<>();
        Set<String> spanning = new HashSet<>();
        for (Account a : accounts) {
            for (String g : a.groups()) {
                Integer before = seen.putIfAbsent(g, a.partition());
                if (before != null && before != a.partition()) {
                    spanning.add(g);
                }
            }
        }
        if (spanning.isEmpty()) {
            return Map.of();
        }
        Set<String> groups = Set.copyOf(spanning);
        List<List<Integer>> sharing = rows.flatMapToPair(p -> {
            List<Tuple2<Long, Integer>> out = new ArrayList<>();
            for (String g : groups) {
                for (long h : p.keys(g)) {
                    out.add(new Tuple2<>(h, p.partition()));
                }
            }
            return out.iterator();
        }).groupByKey().values().map(ps -> {
            List<Integer> list = new ArrayList<>(new TreeSet<Integer>(toList(ps)));
            return list;
        }).filter(ps -> ps.size() > 1).distinct().collect();
        return unite(sharing);
    }

    private static List<Integer> toList(Iterable<Integer> ps) {
        List<Integer> list = new ArrayList<>();
        ps.forEach(list::add);
        return list;
    }

    /** Partitions joined by sharing any key, transitively, each set keyed by its lowest partition. */
    static Map<Integer, Set<Integer>> unite(List<List<Integer>> sharing) {
        Map<Integer, Integer> parent = new HashMap<>();
        for (List<Integer> ps : sharing) {
            for (int p : ps) {
                parent.putIfAbsent(p, p);
            }
            for (int p : ps.subList(1, ps.size())) {
                parent.put(root(parent, p), root(parent, ps.get(0)));
            }
        }
        Map<Integer, Set<Integer>> sets = new TreeMap<>();
        for (int p : parent.keySet()) {
            sets.computeIfAbsent(root(parent, p), r -> new TreeSet<>()).add(p);
        }
        Map<Integer, Set<Integer>> byLowest = new TreeMap<>();
        sets.values().forEach(s -> byLowest.put(((TreeSet<Integer>) s).first(), s));
        return byLowest;
    }

    private static int root(Map<Integer, Integer> parent, int p) {
        while (parent.get(p) != p) {
            p = parent.get(p);
        }
        return p;
    }

    /**
     * The plan with the partitions of each shared set read as one, at the place of its lowest
     * partition: their files in partition order, which is path order, so every key's first
     * occurrence is the one the single-machine load keeps.
     */
    static List<List<String>> regroup(List<List<String>> plan, Map<Integer, Set<Integer>> shared) {
        Set<Integer> absorbed = new HashSet<>();
        shared.values().forEach(s -> s.stream().skip(1).forEach(absorbed::add));
        List<List<String>> regrouped = new ArrayList<>();
        for (int p = 0; p < plan.size(); p++) {
            if (absorbed.contains(p)) {
                continue;
            }
            List<String> files = new ArrayList<>();
            for (int q : shared.getOrDefault(p, Set.of(p))) {
                files.addAll(plan.get(q));
            }
            regrouped.add(files);
        }
        return regrouped;
    }
}
