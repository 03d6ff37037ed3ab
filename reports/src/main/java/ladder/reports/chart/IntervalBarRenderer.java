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
 * Vertical bars, each with a whisker from its interval's lower to upper bound. JFreeChart's own
 * {@code StatisticalBarRenderer} draws mean plus or minus one standard deviation only, and a Wilson
 * interval is not symmetric about the share.
 */
final class IntervalBarRenderer extends BarRenderer {
    private static final long serialVersionUID = 1L;
    private static final BasicStroke WHISKER = new BasicStroke(1.2f);

    private final Map<Long, double[]> intervals = new HashMap<>();

    /** Gives the bar at ({@code row}, {@code column}) of the dataset the interval [lower, upper]; NaN bounds draw none. */
    void interval(int row, int column, double lower, double upper) {
        intervals.put(key(row, column), new double[] {lower, upper});
    }

    private static long key(int row, int column) {
        return ((long) row << 32) | column;
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
            CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        double[] bounds = intervals.get(key(row, column));
        int visibleRow = state.getVisibleSeriesIndex(row);
        if (bounds == null || Double.isNaN(bounds[0]) || visibleRow < 0 || dataset.getValue(row, column) == null) {
            return;
        }
        double x = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, visibleRow, column)
                + state.getBarWidth() / 2;
        RectangleEdge edge = plot.getRangeAxisEdge();
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
