package ladder.reports.chart;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import ladder.models.result.Chart;
import ladder.models.result.Result;
import org.jfree.chart.JFreeChart;

/**
 * Draws the charts a result offers ({@link Result#charts}): each kind of {@link Chart} has one
 * drawing, so a new analysis gets its charts drawn by offering them, with nothing to add here.
 */
public final class Charts {
    private Charts() {
    }

    /** The result's main chart as an image, if it offers one. */
    public static Optional<BufferedImage> of(Result result) {
        List<Chart> charts = result.charts();
        return charts.isEmpty() ? Optional.empty() : Optional.of(draw(charts.get(0)));
    }

    /** Every chart the result offers, as images. */
    public static List<BufferedImage> all(Result result) {
        return result.charts().stream().map(Charts::draw).toList();
    }

    /** One chart, drawn headlessly at its natural size. */
    public static BufferedImage draw(Chart chart) {
        int[] size = size(chart);
        return jfree(chart).createBufferedImage(size[0], size[1]);
    }

    /** The chart as JFreeChart draws it, e.g. to export it as SVG. */
    public static JFreeChart jfree(Chart chart) {
        if (chart instanceof Chart.IntervalBars bars) {
            return IntervalBarsChart.chart(bars);
        }
        if (chart instanceof Chart.Forest forest) {
            return ForestChart.chart(forest);
        }
        return LinesChart.chart((Chart.Lines) chart);
    }

    /** Width and height in pixels. */
    public static int[] size(Chart chart) {
        if (chart instanceof Chart.IntervalBars bars) {
            return new int[] {IntervalBarsChart.width(bars), IntervalBarsChart.height()};
        }
        if (chart instanceof Chart.Forest forest) {
            return new int[] {ForestChart.width(forest), ForestChart.height(forest)};
        }
        return new int[] {Math.max(640, Math.min(1200, 200 + 70 * ((Chart.Lines) chart).x().size())), 420};
    }
}
