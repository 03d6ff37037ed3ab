package ladder.models.benchmark;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import ladder.engine.LadderException;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.models.pay.PayHistogram;

/**
 * The pool's {@link KeyCounts} per employer and sector label, read from one cube per group of
 * {@link KeyTable}s (employer_id, sector and the tables' columns), so alike from rows and from
 * merged cube files; a table whose columns the inputs lack (cube files built without them) is left
 * out, and {@link #missing} says why.
 *
 * @param cells each employer's counts by sector label, employers and labels in level order
 * @param missing the tables left out, with the inputs' reason
 */
record PoolCounts(Map<String, Map<String, KeyCounts>> cells, Map<KeyTable, String> missing, long applicationsLeftOut) {

    /** Why the applicants' figures are absent when no applicants are given. */
    static final String NO_APPLICANTS = "no applicants data were given (ladder employer --applicants PATH, or"
            + " pool.employer(id).applicants(Ladder.applicants(...))): the recruitment funnel's figures are absent, not"
            + " zero";

    /**
     * Reads the counts of every table from {@code source}, and those of {@link KeyTable#APPLICANTS} from
     * {@code applicants} when given: each employer's applications in the sector of most of its rows in
     * {@code source} (ties: the first label), those of an employer with no rows there left out.
     */
    static PoolCounts of(CubeSource source, Optional<CubeSource> applicants) {
        Map<String, Map<String, Map<KeyTable, long[]>>> tables = new TreeMap<>();
        Map<String, Map<String, PayHistogram[]>> pay = new TreeMap<>();
        // employer, sector -> professional and working class: month -> {promoted, censored}
        Map<List<String>, TreeMap<Integer, long[]>[]> tenure = new LinkedHashMap<>();
        Map<KeyTable, String> missing = new EnumMap<>(KeyTable.class);
        Map<List<String>, List<KeyTable>> byCube = new LinkedHashMap<>();
        for (KeyTable t : KeyTable.values()) {
            if (t == KeyTable.APPLICANTS) {
                continue;
            }
            byCube.computeIfAbsent(t.cube(), c -> new ArrayList<>()).add(t);
        }
        for (Map.Entry<List<String>, List<KeyTable>> e : byCube.entrySet()) {
            List<String> dims = new ArrayList<>(List.of("employer_id", "sector"));
            dims.addAll(e.getKey());
            Cube cube;
            try {
                cube = source.cube(dims, List.of());
            } catch (LadderException x) {
                e.getValue().forEach(t -> missing.put(t, x.getMessage()));
                continue;
            }
            boolean paid = e.getKey().contains("hourly_pay"), timed = e.getKey().contains("months_in_grade");
            long[] amounts = KeyTable.amounts(cube);
            Map<List<String>, TreeMap<Long, Long>[]> values = new LinkedHashMap<>();
            for (int c = 0; c < cube.size(); c++) {
                long n = cube.count(c);
                String employer = cube.label(c, 0), sector = cube.label(c, 1);
                Map<KeyTable, long[]> into = tables.computeIfAbsent(employer, k -> new TreeMap<>())
                        .computeIfAbsent(sector, k -> new EnumMap<>(KeyTable.class));
                for (KeyTable t : e.getValue()) {
                    into.computeIfAbsent(t, k -> new long[t.size()])[t.index(cube, c, amounts)] += n;
                }
                if (timed && KeyTable.TENURE.index(cube, c, amounts) % 2 == 0) {
                    // professional (0) or working class (2), with a time and a 0/1 promoted
                    @SuppressWarnings("unchecked")
                    TreeMap<Integer, long[]>[] t = tenure.computeIfAbsent(List.of(employer, sector),
                            k -> new TreeMap[] {new TreeMap<>(), new TreeMap<>()});
                    int month = (int) amounts[cube.level(c, cube.dimension("months_in_grade"))];
                    t[KeyTable.TENURE.index(cube, c, amounts) / 2].computeIfAbsent(month, k -> new long[2])[
                            cube.label(c, cube.dimension("promoted")).equals("1") ? 0 : 1] += n;
                }
                if (paid) {
                    int g = KeyCounts.group(cube.label(c, cube.dimension("seb")));
                    long p = amounts[cube.level(c, cube.dimension("hourly_pay"))];
                    if ((g == 0 || g == 2) && p >= 0) {
                        @SuppressWarnings("unchecked")
                        TreeMap<Long, Long>[] h = values.computeIfAbsent(List.of(employer, sector),
                                k -> new TreeMap[] {new TreeMap<>(), new TreeMap<>()});
                        h[g / 2].merge(p, n, Long::sum);
                    }
                }
            }
            values.forEach((key, h) -> pay.computeIfAbsent(key.get(0), k -> new TreeMap<>()).put(key.get(1),
                    new PayHistogram[] {histogram(h[0]), histogram(h[1])}));
        }
        long leftOut = 0;
        if (applicants.isEmpty()) {
            missing.put(KeyTable.APPLICANTS, NO_APPLICANTS);
        } else {
            try {
                leftOut = applications(applicants.get(), tables);
            } catch (LadderException x) {
                missing.put(KeyTable.APPLICANTS, x.getMessage());
            }
        }
        Map<String, Map<String, KeyCounts>> cells = new LinkedHashMap<>();
        tables.forEach((employer, bySector) -> bySector.forEach((sector, t) -> {
            PayHistogram[] h = pay.getOrDefault(employer, Map.of()).getOrDefault(sector,
                    new PayHistogram[] {PayHistogram.empty(), PayHistogram.empty()});
            @SuppressWarnings("unchecked")
            TreeMap<Integer, long[]>[] m = tenure.getOrDefault(List.of(employer, sector),
                    new TreeMap[] {new TreeMap<>(), new TreeMap<>()});
            cells.computeIfAbsent(employer, k -> new LinkedHashMap<>()).put(sector, new KeyCounts(t, h[0], h[1],
                    new MonthCounts(m[0]), new MonthCounts(m[1]), List.of()));
        }));
        return new PoolCounts(cells, missing, leftOut);
    }

    /**
     * Adds the {@link KeyTable#APPLICANTS} counts of {@code applicants} to {@code tables} (employer, sector
     * label, table): zeros under every label, each employer's applications under the label of most of its rows;
     * answers the applications of employers not in {@code tables}.
     */
    private static long applications(CubeSource applicants, Map<String, Map<String, Map<KeyTable, long[]>>> tables) {
        KeyTable t = KeyTable.APPLICANTS;
        List<String> dims = new ArrayList<>(List.of("employer_id"));
        dims.addAll(t.cube());
        Cube cube = applicants.cube(dims, List.of());
        Map<String, String> sectorOf = new LinkedHashMap<>();
        tables.forEach((employer, bySector) -> {
            String most = null;
            for (Map.Entry<String, Map<KeyTable, long[]>> s : bySector.entrySet()) {
                s.getValue().put(t, new long[t.size()]);
                if (most == null || rows(s.getValue()) > rows(bySector.get(most))) {
                    most = s.getKey();
                }
            }
            sectorOf.put(employer, most);
        });
        long leftOut = 0;
        for (int c = 0; c < cube.size(); c++) {
            String sector = sectorOf.get(cube.label(c, 0));
            if (sector == null) {
                leftOut += cube.count(c);
            } else {
                tables.get(cube.label(c, 0)).get(sector).get(t)[t.index(cube, c, null)] += cube.count(c);
            }
        }
        return leftOut;
    }

    /** The rows of a cell (the total of its seb table; 0 without one, when the comparison refuses the inputs). */
    private static long rows(Map<KeyTable, long[]> tables) {
        return java.util.Arrays.stream(tables.getOrDefault(KeyTable.SEB, new long[0])).sum();
    }

    private static PayHistogram histogram(TreeMap<Long, Long> counts) {
        return PayHistogram.of(counts.keySet().stream().mapToLong(Long::longValue).toArray(),
                counts.values().stream().mapToLong(Long::longValue).toArray());
    }

    /** An employer's counts over all its sector labels. */
    KeyCounts employer(String id) {
        return stratum(new ArrayList<>(cells.get(id).values()));
    }

    /**
     * The counts of the rows of the employers {@code include} accepts and the sector labels
     * {@code sector} accepts, each employer kept as a stratum.
     */
    KeyCounts part(java.util.function.Predicate<String> include, java.util.function.Predicate<String> sector) {
        List<KeyCounts> employers = new ArrayList<>();
        cells.forEach((employer, bySector) -> {
            if (include.test(employer)) {
                List<KeyCounts> kept = bySector.entrySet().stream().filter(s -> sector.test(s.getKey()))
                        .map(Map.Entry::getValue).toList();
                if (!kept.isEmpty()) {
                    employers.add(stratum(kept));
                }
            }
        });
        return KeyCounts.sum(employers);
    }

    /** One employer's cells summed, as one stratum. */
    private static KeyCounts stratum(List<KeyCounts> cells) {
        KeyCounts s = KeyCounts.sum(cells);
        return new KeyCounts(s.tables(), s.professionalPay(), s.workingClassPay(), s.professionalTime(),
                s.workingClassTime(), List.of());
    }
}
