package ladder.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import ladder.engine.contract.Seb;
import ladder.models.composition.Composition;
import ladder.models.composition.GroupShare;
import ladder.models.composition.NationalBenchmark;
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
 * A composition by one dimension (year, grade, sector, ...) as grouped bars: per level, the share of
 * each SEB group with its Wilson interval as a whisker, and the group's share of the UK working
 * population ({@link NationalBenchmark}) as a dashed reference line in the group's colour.
 * Drawn headlessly into an image.
 */
public final class CompositionChart {
    /** Okabe and Ito's colour-blind-safe palette: blue, orange, bluish green. */
    private static final List<Color> COLOURS = List.of(new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73));
    private static final BasicStroke DASHED =
            new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 4f}, 0f);
    private static final int HEIGHT = 420;

    private CompositionChart() {
    }

    /** Whether {@link #draw} can chart this composition: it must be by exactly one dimension. */
    public static boolean drawable(Composition composition) {
        return composition.by().size() == 1 && !composition.cells().isEmpty();
    }

    /**
     * The chart of a composition by one dimension.
     *
     * @throws IllegalArgumentException when the composition is not by exactly one dimension, or has no cells
     */
    public static BufferedImage draw(Composition composition) {
        if (!drawable(composition)) {
            throw new IllegalArgumentException("a composition chart needs a composition by one dimension with rows;"
                    + " this one is by " + composition.by() + " with " + composition.cells().size() + " cells");
        }
        String dimension = composition.by().get(0);
        int width = Math.max(640, Math.min(1400, 290 + 110 * composition.cells().size()));
        DefaultCategoryDataset shares = new DefaultCategoryDataset();
        IntervalBarRenderer bars = new IntervalBarRenderer();
        double top = NationalBenchmark.WORKING_CLASS;
        for (int column = 0; column < composition.cells().size(); column++) {
            Composition.Cell cell = composition.cells().get(column);
            boolean[] withheld = composition.withheld(cell);
            for (int row = 0; row < Seb.CLASSIFIABLE.size(); row++) {
                GroupShare g = cell.statistics().groups().get(row);
                boolean shown = !withheld[g.group().ordinal()] && !Double.isNaN(g.share());
                shares.addValue(shown ? g.share() : null, label(g.group()), cell.levels().get(0));
                bars.interval(row, column, shown ? g.interval().lower() : Double.NaN, shown ? g.interval().upper() : Double.NaN);
                top = Math.max(top, shown ? g.interval().upper() : 0);
            }
        }

        NumberAxis axis = new NumberAxis("share of classifiable answers");
        axis.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.UK));
        axis.setRange(0, Math.min(1, top * 1.12));
        CategoryAxis levels = new CategoryAxis(dimension);
        levels.setMaximumCategoryLabelLines(2);
        // Room on the right for the benchmark lines' labels, clear of the last level's bars.
        levels.setUpperMargin(130.0 / width);
        CategoryPlot plot = new CategoryPlot(shares, levels, axis, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.04);
        for (int row = 0; row < Seb.CLASSIFIABLE.size(); row++) {
            Seb group = Seb.CLASSIFIABLE.get(row);
            bars.setSeriesPaint(row, COLOURS.get(row));
            double national = NationalBenchmark.workingPopulationShare(group);
            ValueMarker marker = new ValueMarker(national, COLOURS.get(row), DASHED);
            marker.setLabel(String.format(Locale.UK, "UK %s %.0f%%", label(group), national * 100));
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            marker.setLabelPaint(COLOURS.get(row).darker());
            marker.setLabelBackgroundColor(new Color(255, 255, 255, 210));
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(marker);
        }

        JFreeChart chart = new JFreeChart(composition.title(), new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(String.format(Locale.UK,
                "Bars: share with %.0f%% Wilson interval. Dashed: UK working population (SMC).%s",
                composition.level() * 100, composition.filter().isEmpty() ? "" : " Filter: " + composition.filter()),
                new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        return chart.createBufferedImage(width, HEIGHT);
    }

    private static String label(Seb group) {
        return group.level().replace('_', ' ');
    }
}
