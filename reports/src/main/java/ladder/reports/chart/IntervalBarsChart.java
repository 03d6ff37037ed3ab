package ladder.reports.chart;

import java.awt.Color;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.Locale;
import ladder.models.result.Chart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * {@link Chart.IntervalBars} drawn headlessly: grouped bars, one colour per series, each with its
 * interval as a whisker ({@link IntervalBarRenderer}), and each reference line dashed in its
 * series' colour with its label at the right.
 */
final class IntervalBarsChart {
    private static final int HEIGHT = 420;

    private IntervalBarsChart() {
    }

    static JFreeChart chart(Chart.IntervalBars spec) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        IntervalBarRenderer bars = new IntervalBarRenderer();
        double top = 0;
        // Below 0 only for negative values (a pay gap the other way), else the axis starts at 0.
        double bottom = 0;
        for (Chart.Reference r : spec.references()) {
            top = Math.max(top, r.value());
            bottom = Math.min(bottom, r.value());
        }
        for (int row = 0; row < spec.series().size(); row++) {
            Chart.Series s = spec.series().get(row);
            for (int column = 0; column < spec.categories().size(); column++) {
                Double v = s.values().get(column);
                Double lo = s.lower().get(column);
                Double hi = s.upper().get(column);
                data.addValue(v, s.name(), spec.categories().get(column));
                bars.interval(row, column, lo == null ? Double.NaN : lo, hi == null ? Double.NaN : hi);
                top = Math.max(top, hi != null ? hi : v != null ? v : 0);
                bottom = Math.min(bottom, lo != null ? lo : v != null ? v : 0);
            }
        }
        NumberAxis axis = new NumberAxis(spec.valueAxis());
        if (spec.percent()) {
            NumberFormat percent = NumberFormat.getPercentInstance(Locale.UK);
            // Bars of a few per cent get ticks at half a per cent: whole per cents would label two ticks alike.
            percent.setMaximumFractionDigits(1);
            axis.setNumberFormatOverride(percent);
            axis.setRange(Math.max(-1, bottom * 1.12), Math.min(1, Math.max(0.01, top * 1.12)));
        } else {
            axis.setRange(bottom * 1.12, Math.max(1e-9, top * 1.12));
        }
        int width = width(spec);
        CategoryAxis levels = new CategoryAxis(spec.categoryAxis());
        levels.setMaximumCategoryLabelLines(2);
        // Room on the right for the reference lines' labels, clear of the last category's bars.
        levels.setUpperMargin(spec.references().isEmpty() ? 0.05 : 130.0 / width);
        CategoryPlot plot = new CategoryPlot(data, levels, axis, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        bars.setBarPainter(new StandardBarPainter());
        bars.setDrawBarOutline(true);
        bars.setShadowVisible(false);
        bars.setItemMargin(0.04);
        for (int row = 0; row < spec.series().size(); row++) {
            bars.setSeriesPaint(row, Palette.colour(row));
            // Outlined, so that bars of neighbouring series stay apart in greyscale (the palette differs in lightness).
            bars.setSeriesOutlinePaint(row, java.awt.Color.BLACK);
        }
        for (Chart.Reference r : spec.references()) {
            Color colour = Palette.colour(r.series());
            ValueMarker marker = new ValueMarker(r.value(), colour, Palette.DASHED);
            marker.setLabel(r.label());
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            marker.setLabelPaint(colour.darker());
            marker.setLabelBackgroundColor(new Color(255, 255, 255, 210));
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(marker);
        }
        JFreeChart chart = new JFreeChart(spec.title(), new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(spec.subtitle(), new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        return chart;
    }

    static int width(Chart.IntervalBars spec) {
        return Math.max(640, Math.min(1400, 290 + 110 * spec.categories().size()));
    }

    static int height() {
        return HEIGHT;
    }
}
