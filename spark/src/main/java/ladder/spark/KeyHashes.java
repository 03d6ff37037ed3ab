package ladder.spark;

import java.util.HashMap;
import java.util.Map;
import ladder.engine.table.Chunk;
import ladder.engine.table.Column;
import ladder.engine.table.Table;

/**
 * The keys (employer_id, year, person_id) of a table's rows as 64-bit hashes (FNV-1a over the
 * labels), grouped by employer and year and sorted: two partitions can hold the same key only if
 * they share a group, and then only if they share a hash. A hash shared by different keys (about
 * one chance in 10^7 for a billion rows) costs a needless regrouping, never a wrong number.
 */
final class KeyHashes {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private KeyHashes() {
    }

    /** The group of an employer and year, as {@link #byGroup} names them. */
    static String group(String employer, String year) {
        return employer + '\u0000' + year;
    }

    static Map<String, long[]> byGroup(Table table) {
        Column employer = table.column("employer_id");
        Column year = table.column("year");
        Column person = table.column("person_id");
        Map<String, long[]> keys = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (Chunk chunk : table.chunks()) {
            for (int row = 0; row < chunk.rows(); row++) {
                String e = employer.label(chunk.codes(employer).get(row));
                String y = year.label(chunk.codes(year).get(row));
                String g = group(e, y);
                long h = hash(hash(hash(OFFSET, e), y), person.label(chunk.codes(person).get(row)));
                long[] at = keys.computeIfAbsent(g, k -> new long[16]);
                int n = sizes.getOrDefault(g, 0);
                if (n == at.length) {
                    at = java.util.Arrays.copyOf(at, 2 * n);
                    keys.put(g, at);
                }
                at[n] = h;
                sizes.put(g, n + 1);
            }
        }
        keys.replaceAll((g, at) -> {
            long[] sorted = java.util.Arrays.copyOf(at, sizes.get(g));
            java.util.Arrays.sort(sorted);
            return sorted;
        });
        return keys;
    }

    private static long hash(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * PRIME;
        }
        return (h ^ 0xFFFF) * PRIME;
    }
}
