package ladder.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;

/**
 * Vertical bars, each hatched by its series' pattern ({@link Palette#hatch}: series differ in
 * greyscale and on a black-and-white print, in the legend too) and with a whisker from its
 * interval's lower to upper bound. JFreeChart's own {@code StatisticalBarRenderer} draws mean plus
 * or minus one standard deviation only, and a Wilson interval is not symmetric about the share.
 */
final class IntervalBarRenderer extends BarRenderer {
    private static final long serialVersionUID = 1L;
    private static final BasicStroke WHISKER = new BasicStroke(1.2f);
    private static final BasicStroke HATCH = new BasicStroke(1f);
    private static final double GAP = 5;

    private final Map<Long, double[]> intervals = new HashMap<>();

    /** Gives the bar at ({@code row}, {@code column}) of the dataset the interval [lower, upper]; NaN bounds draw none. */
    void interval(int row, int column, double lower, double upper) {
        intervals.put(key(row, column), new double[] {lower, upper});
    }

    /** Draws series {@code series}' hatching inside {@code bar}. */
    private static void hatch(Graphics2D g2, int series, Rectangle2D bar) {
        g2.setPaint(Palette.HATCH);
        g2.setStroke(HATCH);
        g2.draw(Palette.hatch(series, bar, GAP));
    }

    /**
     * The legend's swatch carries the series' hatching, as its bars do: a square and the hatch lines
     * as one shape, filled in the series' colour and outlined (which draws the lines).
     */
    @Override
    public org.jfree.chart.LegendItem getLegendItem(int datasetIndex, int series) {
        org.jfree.chart.LegendItem item = super.getLegendItem(datasetIndex, series);
        if (item == null) {
            return null;
        }
        Rectangle2D swatch = new Rectangle2D.Double(-6, -6, 12, 12);
        java.awt.geom.Path2D shape = new java.awt.geom.Path2D.Double(swatch);
        shape.append(Palette.hatch(series, swatch, 4), false);
        org.jfree.chart.LegendItem hatched = new org.jfree.chart.LegendItem(item.getLabel(), item.getDescription(),
                item.getToolTipText(), item.getURLText(), shape, item.getFillPaint(), HATCH, Palette.HATCH);
        hatched.setSeriesKey(item.getSeriesKey());
        hatched.setSeriesIndex(series);
        hatched.setDataset(item.getDataset());
        hatched.setDatasetIndex(datasetIndex);
        return hatched;
    }

    private static long key(int row, int column) {
        return ((long) row << 32) | column;
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
            CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        int visibleRow = state.getVisibleSeriesIndex(row);
        Number value = dataset.getValue(row, column);
        if (visibleRow < 0 || value == null || pass != 0) {
            return;
        }
        double x0 = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, visibleRow, column);
        RectangleEdge edge = plot.getRangeAxisEdge();
        double base = rangeAxis.valueToJava2D(Math.max(rangeAxis.getLowerBound(), 0), dataArea, edge);
        double end = rangeAxis.valueToJava2D(value.doubleValue(), dataArea, edge);
        hatch(g2, row, new Rectangle2D.Double(x0, Math.min(base, end), state.getBarWidth(), Math.abs(end - base)));
        double[] bounds = intervals.get(key(row, column));
        if (bounds == null || Double.isNaN(bounds[0])) {
            return;
        }
        double x = x0 + state.getBarWidth() / 2;
        double low = rangeAxis.valueToJava2D(bounds[0], dataArea, edge);
        double high = rangeAxis.valueToJava2D(bounds[1], dataArea, edge);
        double cap = Math.min(6, state.getBarWidth() / 4);
        g2.setPaint(Color.DARK_GRAY);
        g2.setStroke(WHISKER);
        g2.draw(new Line2D.Double(x, low, x, high));
        g2.draw(new Line2D.Double(x - cap, low, x + cap, low));
        g2.draw(new Line2D.Double(x - cap, high, x + cap, high));
    }
}
