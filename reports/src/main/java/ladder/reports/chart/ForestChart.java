package ladder.reports.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import ladder.models.result.Chart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * {@link Chart.Forest} drawn headlessly: one row per estimate, top to bottom, a square at the
 * estimate and a line across its interval, on a log scale for ratios with a dashed line at the
 * null value; summary rows as diamonds; rows on few people hollow and grey. Each row's label
 * carries its n.
 */
final class ForestChart {
    private static final int ROW_HEIGHT = 24;

    private ForestChart() {
    }

    static JFreeChart chart(Chart.Forest spec) {
        List<Chart.Forest.Row> rows = spec.rows();
        XYIntervalSeries estimates = new XYIntervalSeries("estimate with interval");
        XYIntervalSeries small = new XYIntervalSeries("few people (under 10 in a cell)");
        XYIntervalSeries summary = new XYIntervalSeries("pooled");
        String[] labels = new String[rows.size()];
        double lo = spec.logScale() ? spec.nullValue() : spec.nullValue();
        double hi = lo;
        for (int i = 0; i < rows.size(); i++) {
            Chart.Forest.Row r = rows.get(i);
            int y = rows.size() - 1 - i;
            labels[y] = r.label() + "  (n=" + String.format(Locale.UK, "%,d", r.n()) + ")";
            if (r.estimate() == null || !Double.isFinite(r.estimate()) || spec.logScale() && r.estimate() <= 0) {
                continue;
            }
            double l = bound(r.lower(), r.estimate(), spec.logScale());
            double u = bound(r.upper(), r.estimate(), spec.logScale());
            XYIntervalSeries into = r.summary() ? summary : r.small() ? small : estimates;
            into.add(r.estimate(), l, u, y, y, y);
            lo = Math.min(lo, l);
            hi = Math.max(hi, u);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(estimates);
        data.addSeries(small);
        data.addSeries(summary);
        ValueAxis x;
        if (spec.logScale()) {
            LogAxis log = new LogAxis(spec.axis() + " (log scale)");
            log.setSmallestValue(1e-6);
            log.setNumberFormatOverride(new java.text.DecimalFormat("0.###"));
            log.setRange(lo / 1.15, hi * 1.15);
            x = log;
        } else {
            NumberAxis linear = new NumberAxis(spec.axis());
            double pad = Math.max(1e-9, (hi - lo) * 0.08);
            linear.setRange(lo - pad, hi + pad);
            x = linear;
        }
        SymbolAxis y = new SymbolAxis(null, labels);
        y.setGridBandsVisible(false);
        y.setRange(-0.7, rows.size() - 0.3);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawYError(false);
        renderer.setDrawXError(true);
        renderer.setCapLength(6);
        renderer.setDefaultLinesVisible(false);
        renderer.setSeriesPaint(0, Color.BLACK);
        renderer.setSeriesShape(0, new Rectangle2D.Double(-4, -4, 8, 8));
        renderer.setSeriesPaint(1, Palette.GREY);
        renderer.setSeriesShape(1, new Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setSeriesShapesFilled(1, false);
        renderer.setSeriesPaint(2, Palette.colour(0));
        renderer.setSeriesShape(2, diamond(8));
        renderer.setErrorPaint(null);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinesVisible(false);
        ValueMarker line = new ValueMarker(spec.nullValue(), Palette.GREY, Palette.DASHED);
        line.setLabel(spec.nullLabel() + " (" + new java.text.DecimalFormat("0.##").format(spec.nullValue()) + ")");
        line.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        line.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        line.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        plot.addDomainMarker(line);
        JFreeChart chart = new JFreeChart(spec.title(), new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(spec.subtitle(), new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        return chart;
    }

    /** An interval bound to draw: the estimate itself where none exists, clipped for a log axis. */
    private static double bound(Double value, double estimate, boolean log) {
        if (value == null || Double.isNaN(value)) {
            return estimate;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? estimate * 100 : estimate / 100;
        }
        return log && value <= 0 ? estimate / 100 : value;
    }

    private static Shape diamond(double size) {
        Path2D.Double d = new Path2D.Double();
        double h = size / 2;
        d.moveTo(0, -h);
        d.lineTo(h * 1.6, 0);
        d.lineTo(0, h);
        d.lineTo(-h * 1.6, 0);
        d.closePath();
        return d;
    }

    static int width(Chart.Forest spec) {
        return 760;
    }

    static int height(Chart.Forest spec) {
        return 150 + ROW_HEIGHT * Math.max(2, spec.rows().size());
    }
}
