package ladder.reports.report;

import java.awt.Rectangle;
import ladder.models.result.Chart;
import ladder.reports.chart.Charts;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** A chart as an inline SVG element, drawn by the same JFreeChart drawing as the notebooks' images. */
final class Svg {
    private Svg() {
    }

    /**
     * The chart as {@code <svg>} with a view box and no fixed size (it scales to the page). Its
     * definitions (clip paths, gradients) carry {@code id} as a prefix: many charts share one page,
     * and SVG ids are global to it.
     */
    static String of(Chart chart, String id) {
        int[] size = Charts.size(chart);
        SVGGraphics2D g = new SVGGraphics2D(size[0], size[1]);
        g.setDefsKeyPrefix(id + "-");
        Charts.jfree(chart).draw(g, new Rectangle(size[0], size[1]));
        return g.getSVGElement(id, false, new ViewBox(0, 0, size[0], size[1]), null, null);
    }
}
