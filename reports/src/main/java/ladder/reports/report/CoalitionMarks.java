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
 * 34/24/42, independent school 7.5%, free school meals 15%, the 70% response target) also draws
 * the coalition's value of that line's figure ({@link Chart.Reference#figure()}) as a line in the
 * same colour, when the comparison publishes it. A line names its figure because values do not:
 * the applicants' working-class share is read against the same 42% as the workforce's. A line that names no figure, or one the comparison does
 * not have, gets no coalition line.
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
            Double coalition = KeyFigure.named(r.figure()).map(comparison::coalition).orElse(null);
            if (coalition != null) {
                out.add(new Chart.Reference(String.format(Locale.UK, "coalition %.1f%%", 100 * coalition), coalition,
                        r.series()));
            }
        }
        return out;
    }
}
