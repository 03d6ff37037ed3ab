package ladder.models.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.result.Chart;

/**
 * The bars of one topic of an {@link EmployerComparison}: per figure the employer, the rest of its
 * sector (when another employer is in it) and the coalition, each with its interval as published,
 * and the national figure as a bar without one. Shares and rates are drawn on a percent scale; the
 * pay gaps (already percentages of professional pay) on their own, with a line at no gap.
 */
final class ComparisonChart {

    private ComparisonChart() {
    }

    static Optional<Chart> of(EmployerComparison c, Topic topic) {
        boolean pay = topic == Topic.PAY;
        List<EmployerComparison.Figure> shown = c.figures().stream().filter(f -> f.figure().topic() == topic
                && f.figure() != KeyFigure.PROMOTION_ODDS_RATIO && f.figure() != KeyFigure.PROMOTION_ODDS_RATIO_POOLED
                && f.figure() != KeyFigure.OFFER_RATE_RATIO)
                .toList();
        if (shown.isEmpty()) {
            return Optional.empty();
        }
        List<String> categories = shown.stream().map(f -> f.figure().id().replace('_', ' ')).toList();
        List<Chart.Series> series = new ArrayList<>();
        series.add(series(c, shown, EmployerComparison.EMPLOYER, c.employer()));
        if (c.sectorEmployers() > 0) {
            series.add(series(c, shown, EmployerComparison.SECTOR, "rest of " + c.sector()));
        }
        series.add(series(c, shown, SuppressionPlan.TOTAL, "coalition"));
        if (shown.stream().anyMatch(f -> f.figure().national() != null)) {
            List<Double> national = shown.stream().map(f -> f.figure().national()).toList();
            List<Double> none = java.util.Collections.nCopies(shown.size(), null);
            series.add(new Chart.Series("national (SMC)", national, none, none));
        }
        String subtitle = String.format(Locale.UK, "Bars: %s%s and the coalition, with %.0f%% intervals%s.%s",
                c.employer(), c.sectorEmployers() > 0 ? ", the rest of its sector" : "", c.level() * 100,
                series.size() > (c.sectorEmployers() > 0 ? 3 : 2) ? "; national: the SMC figure" : "",
                c.published() ? " Withheld values are not drawn." : "");
        return Optional.of(new Chart.IntervalBars(topic.title() + ": " + c.employer() + " beside the coalition", subtitle,
                "figure", pay ? "gap, % of professional hourly pay" : "share", !pay, categories, series,
                pay ? List.of(new Chart.Reference("no gap", 0, -1)) : List.of()));
    }

    private static Chart.Series series(EmployerComparison c, List<EmployerComparison.Figure> figures, String part,
            String name) {
        List<Double> values = new ArrayList<>(), lower = new ArrayList<>(), upper = new ArrayList<>();
        for (EmployerComparison.Figure f : figures) {
            Optional<KeyCounts.Value> v = c.shown(f, part);
            values.add(v.map(KeyCounts.Value::estimate).orElse(null));
            lower.add(v.map(KeyCounts.Value::lower).orElse(null));
            upper.add(v.map(KeyCounts.Value::upper).orElse(null));
        }
        return new Chart.Series(name, values, lower, upper);
    }
}
