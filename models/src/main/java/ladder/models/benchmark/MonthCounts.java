package ladder.models.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import ladder.models.survival.ConfidenceType;
import ladder.models.survival.KaplanMeier;
import ladder.models.survival.KaplanMeierCurve;
import ladder.models.survival.SurvivalCell;

/**
 * One SEB group's time in grade as survival data: per whole month, the people promoted then and those last
 * seen unpromoted then (censored), as the cube over months_in_grade and promoted gives them; parts of the
 * pool merge by adding counts, so a part's Kaplan-Meier curve is the pooled one of its rows.
 *
 * @param months per month, {promoted, censored}
 */
record MonthCounts(SortedMap<Integer, long[]> months) {

    static final MonthCounts EMPTY = new MonthCounts(new TreeMap<>());

    MonthCounts {
        TreeMap<Integer, long[]> copy = new TreeMap<>();
        months.forEach((m, c) -> copy.put(m, c.clone()));
        months = Collections.unmodifiableSortedMap(copy);
    }

    /** The counts of both. */
    MonthCounts merge(MonthCounts other) {
        TreeMap<Integer, long[]> sum = new TreeMap<>();
        for (MonthCounts m : List.of(this, other)) {
            m.months.forEach((month, c) -> {
                long[] into = sum.computeIfAbsent(month, k -> new long[2]);
                into[0] += c[0];
                into[1] += c[1];
            });
        }
        return new MonthCounts(sum);
    }

    /** People counted. */
    long people() {
        return months.values().stream().mapToLong(c -> c[0] + c[1]).sum();
    }

    /**
     * The Kaplan-Meier estimate at month {@code t} (R's {@code summary(survfit(Surv(months, promoted) ~ 1),
     * times = t)}, log intervals at {@code level}); null when no one is followed to month t.
     */
    KaplanMeierCurve.SurvivalAt at(int t, double level) {
        if (people() == 0) {
            return null;
        }
        List<SurvivalCell> cells = new ArrayList<>();
        for (Map.Entry<Integer, long[]> e : months.entrySet()) {
            cells.add(SurvivalCell.of("group", e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        return KaplanMeier.of(cells, ConfidenceType.LOG, level, List.of(t)).curve("group").at(t, 0);
    }
}
