package ladder.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ladder.models.result.Chart;
import org.jfree.svg.SVGGraphics2D;
import org.junit.jupiter.api.Test;

/** Bar charts legible without colour: each series' bars (and its legend swatch) carry its own hatching. */
class HatchTest {

    /** The segments of a hatch path as {x1, y1, x2, y2}. */
    private static List<double[]> segments(java.awt.geom.Path2D path) {
        List<double[]> out = new ArrayList<>();
        double[] c = new double[6];
        double[] from = new double[2];
        for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
            if (it.currentSegment(c) == PathIterator.SEG_MOVETO) {
                from = new double[] {c[0], c[1]};
            } else {
                out.add(new double[] {from[0], from[1], c[0], c[1]});
            }
        }
        return out;
    }

    @Test
    void eachSeriesHasItsOwnPatternInsideTheBar() {
        Rectangle2D bar = new Rectangle2D.Double(10, 20, 30, 100);
        assertTrue(segments(Palette.hatch(0, bar, 5)).isEmpty(), "the first series is plain");
        List<String> directions = new ArrayList<>();
        for (int series = 1; series < Palette.PATTERNS; series++) {
            List<double[]> lines = segments(Palette.hatch(series, bar, 5));
            assertTrue(lines.size() >= 5, "series " + series + " has " + lines.size() + " lines");
            java.util.Set<String> kinds = new java.util.TreeSet<>();
            for (double[] l : lines) {
                for (int k = 0; k < 4; k += 2) {
                    assertTrue(bar.outcode(l[k], l[k + 1]) == 0 || onEdge(bar, l[k], l[k + 1]),
                            "series " + series + ": a line ends outside the bar at " + l[k] + "," + l[k + 1]);
                }
                double dx = l[2] - l[0], dy = l[3] - l[1];
                kinds.add(Math.abs(dy) < 1e-9 ? "-" : Math.abs(dx) < 1e-9 ? "|" : dx * dy < 0 ? "/" : "\\");
            }
            directions.add(String.join("", kinds));
        }
        // Rising, falling, horizontal, crossed, vertical: all different.
        assertEquals(List.of("/", "\\", "-", "/\\", "|"), directions);
    }

    private static boolean onEdge(Rectangle2D r, double x, double y) {
        return x >= r.getMinX() - 1e-9 && x <= r.getMaxX() + 1e-9 && y >= r.getMinY() - 1e-9 && y <= r.getMaxY() + 1e-9;
    }

    @Test
    void theBarsAndTheLegendOfEverySeriesButTheFirstAreHatched() {
        List<Chart.Series> series = List.of(
                new Chart.Series("professional", List.of(0.4, 0.38), List.of(0.35, 0.33), List.of(0.45, 0.43)),
                new Chart.Series("intermediate", List.of(0.25, 0.27), List.of(0.2, 0.22), List.of(0.3, 0.32)),
                new Chart.Series("working class", List.of(0.35, 0.35), List.of(0.3, 0.3), List.of(0.4, 0.4)));
        Chart.IntervalBars spec = new Chart.IntervalBars("Composition by year", "n = 1,000 a year", "year", "share", true,
                List.of("2022", "2023"), series, List.of());
        int[] size = Charts.size(spec);
        SVGGraphics2D g = new SVGGraphics2D(size[0], size[1]);
        Charts.jfree(spec).draw(g, new Rectangle(size[0], size[1]));
        String svg = g.getSVGElement();
        // Each hatch is one path in a group stroked in the hatch colour; its "M" moves are its lines.
        Matcher path = Pattern.compile("<g style='[^']*stroke:rgb\\(26,26,26\\)[^']*'[^>]*><path d='([^']*)'").matcher(svg);
        List<Integer> lines = new ArrayList<>();
        while (path.find()) {
            lines.add(path.group(1).split("M").length - 1);
        }
        long hatched = lines.stream().filter(n -> n >= 3).count();
        // Two bars each of intermediate and working class, and their two legend swatches.
        assertEquals(6, hatched, "hatch paths with lines: " + lines);
        org.jfree.chart.JFreeChart chart = Charts.jfree(spec);
        org.jfree.chart.plot.CategoryPlot plot = chart.getCategoryPlot();
        assertEquals("Composition by year", chart.getTitle().getText());
        assertEquals(List.of("year", "share"), List.of(plot.getDomainAxis().getLabel(), plot.getRangeAxis().getLabel()));
    }
}
