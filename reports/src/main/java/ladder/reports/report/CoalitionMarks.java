package ladder.reports.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import ladder.models.benchmark.EmployerComparison;
import ladder.models.benchmark.KeyFigure;
import ladder.models.result.Chart;

/**
 * In an employer's pack, a chart of the employer's figures that draws a national line (the SMC's
 * 34/24/42, the 70% response target, 7.5%, 15%, 67%) also draws the coalition's value of that
 * figure as a line in the same colour, when the comparison publishes it; the national figures of the
 * workforce's figures are distinct, so the line's value names its figure (the applicants' share,
 * whose national value is the workforce share's 42%, is not drawn as a line).
 */
final class CoalitionMarks implements UnaryOperator<Chart> {
    private static final String SAYS = " Lines labelled coalition: the pooled coalition, this employer included.";
    private final EmployerComparison comparison;

    CoalitionMarks(EmployerComparison comparison) {
        this.comparison = comparison;
    }

    @Override
    public Chart apply(Chart chart) {
        if (chart instanceof Chart.IntervalBars b && marked(b.references()).size() > b.references().size()) {
            return new Chart.IntervalBars(b.title(), says(b.subtitle()), b.categoryAxis(), b.valueAxis(), b.percent(),
                    b.categories(), b.series(), marked(b.references()));
        }
        if (chart instanceof Chart.Lines l && marked(l.references()).size() > l.references().size()) {
            return new Chart.Lines(l.title(), says(l.subtitle()), l.xAxis(), l.valueAxis(), l.percent(), l.x(),
                    l.series(), marked(l.references()));
        }
        return chart;
    }

    /** The subtitle, then what the coalition's lines are. */
    private static String says(String subtitle) {
        return subtitle + (subtitle.endsWith(".") ? "" : ".") + SAYS;
    }

    /** The references with, after each national line, the coalition's value of its figure. */
    private List<Chart.Reference> marked(List<Chart.Reference> references) {
        List<Chart.Reference> out = new ArrayList<>();
        for (Chart.Reference r : references) {
            out.add(r);
            for (KeyFigure f : KeyFigure.values()) {
                Double coalition = comparison.coalition(f);
                // An applicants' figure shares its national value (42%) with the workforce's share: its
                // coalition value stays in its own comparison table, so no workforce chart draws it.
                if (f.national() != null && f.national() == r.value() && coalition != null
                        && f != KeyFigure.WORKING_CLASS_SHARE_APPLICANTS) {
                    out.add(new Chart.Reference(String.format(Locale.UK, "coalition %.1f%%", 100 * coalition), coalition,
                            r.series()));
                }
            }
        }
        return out;
    }
}
