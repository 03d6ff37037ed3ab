package ladder.models.benchmark;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import ladder.engine.cube.CubeSource;
import ladder.engine.filter.Filter;
import ladder.engine.table.Chunk;
import ladder.engine.table.Column;
import ladder.engine.table.Table;

/**
 * The new hires of an employer's year, found by linking people across years: a row of year y
 * whose {@code person_id} is not among the employer's rows of year y - 1. Only years whose previous
 * year the employer reported count (in the employer's first year everyone would look new). The
 * previous year is looked up among all loaded rows, whatever the filter, so a filter on year
 * leaves the linkage intact. Needs rows: cube files hold no person_id.
 */
final class NewHires {
    /** The columns the linkage and the count read: whose rows, which year, who, and the answers. */
    static final java.util.List<String> COLUMNS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("employer_id", "year", "person_id"), QuestionFill.QUESTIONS.stream()).toList();

    private NewHires() {
    }

    /**
     * For each employer (by id) whose {@code years} entry (the year to read) has its previous year
     * in the rows: the new hires' rows passing the filter, then how many answered each of
     * {@link QuestionFill#QUESTIONS}.
     */
    static Map<String, long[]> count(CubeSource.Rows rows, Map<String, Integer> years) {
        Table table = rows.table();
        Column employer = table.column("employer_id"), year = table.column("year"), person = table.column("person_id");
        Column[] questions = QuestionFill.QUESTIONS.stream().map(table::column).toArray(Column[]::new);
        long[] keys = new long[Math.toIntExact(table.rows())];
        int n = 0;
        for (Chunk chunk : table.chunks()) {
            for (int r = 0; r < chunk.rows(); r++) {
                keys[n++] = key(chunk.codes(employer).get(r), chunk.codes(year).get(r), chunk.codes(person).get(r));
            }
        }
        Arrays.sort(keys);
        // The year code to read for each employer code whose previous year is present.
        Map<Integer, Integer> read = new HashMap<>();
        years.forEach((id, y) -> {
            int e = employer.codeOf(id), code = year.codeOf(Integer.toString(y));
            if (e >= 0 && code > 0 && hasYear(keys, e, code - 1)) {
                read.put(e, code);
            }
        });
        Map<String, long[]> out = new HashMap<>();
        read.keySet().forEach(e -> out.put(employer.label(e), new long[1 + questions.length]));
        Filter filter = rows.filter();
        for (Chunk chunk : table.chunks()) {
            long[] mask = filter instanceof Filter.All ? null : filter.select(chunk);
            for (int r = 0; r < chunk.rows(); r++) {
                if (mask != null && (mask[r >>> 6] & (1L << r)) == 0) {
                    continue;
                }
                int e = chunk.codes(employer).get(r);
                Integer y = read.get(e);
                if (y == null || chunk.codes(year).get(r) != y
                        || Arrays.binarySearch(keys, key(e, y - 1, chunk.codes(person).get(r))) >= 0) {
                    continue;
                }
                long[] counts = out.get(employer.label(e));
                counts[0]++;
                for (int q = 0; q < questions.length; q++) {
                    if (chunk.codes(questions[q]).get(r) != 0) {
                        counts[1 + q]++;
                    }
                }
            }
        }
        return out;
    }

    /** Employer code (up to 2^20), year code (up to 2^7) and person code (up to 2^36) in one long. */
    private static long key(int employer, int year, int person) {
        return ((long) employer << 43) | ((long) year << 36) | (person & 0xFFFFFFFFL);
    }

    private static boolean hasYear(long[] keys, int employer, int year) {
        int at = Arrays.binarySearch(keys, key(employer, year, 0));
        int i = at >= 0 ? at : -at - 1;
        return i < keys.length && (keys[i] >>> 36) == (key(employer, year, 0) >>> 36);
    }
}
