package ladder.reports.chart;

import java.awt.Color;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.Locale;
import ladder.models.result.Chart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * {@link Chart.Lines} drawn headlessly: one line per series over the x positions (in order, labelled
 * as given) with a marker shape and dash pattern of its own (legible in greyscale), its interval as a
 * translucent band, and reference lines dashed.
 */
final class LinesChart {
    private LinesChart() {
    }

    static JFreeChart chart(Chart.Lines spec) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        double top = 0;
        for (Chart.Series s : spec.series()) {
            YIntervalSeries series = new YIntervalSeries(s.name());
            for (int i = 0; i < spec.x().size(); i++) {
                Double v = s.values().get(i);
                if (v == null || !Double.isFinite(v)) {
                    continue;
                }
                Double lo = s.lower().get(i);
                Double hi = s.upper().get(i);
                series.add(i, v, lo == null ? v : lo, hi == null ? v : hi);
                top = Math.max(top, hi == null ? v : hi);
            }
            data.addSeries(series);
        }
        for (Chart.Reference r : spec.references()) {
            top = Math.max(top, r.value());
        }
        SymbolAxis x = new SymbolAxis(spec.xAxis(), spec.x().toArray(String[]::new));
        x.setGridBandsVisible(false);
        NumberAxis y = new NumberAxis(spec.valueAxis());
        if (spec.percent()) {
            y.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.UK));
            y.setRange(0, Math.min(1, Math.max(0.01, top * 1.15)));
        } else {
            y.setRange(0, Math.max(1e-9, top * 1.15));
        }
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        for (int s = 0; s < spec.series().size(); s++) {
            Color c = Palette.colour(s);
            renderer.setSeriesPaint(s, c);
            renderer.setSeriesFillPaint(s, c);
            renderer.setSeriesStroke(s, Palette.line(s));
        }
        renderer.setAlpha(0.18f);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        for (Chart.Reference r : spec.references()) {
            ValueMarker marker = new ValueMarker(r.value(), Palette.colour(r.series()), Palette.DASHED);
            marker.setLabel(r.label());
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(marker);
        }
        JFreeChart chart = new JFreeChart(spec.title(), new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(spec.subtitle(), new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        return chart;
    }
}
