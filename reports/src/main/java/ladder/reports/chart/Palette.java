package ladder.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;

/** The colours and strokes every chart shares: Okabe and Ito's colour-blind-safe palette, legible in greyscale. */
final class Palette {
    /** Blue, orange, bluish green, vermilion, reddish purple, sky blue: distinct in lightness too. */
    static final List<Color> COLOURS = List.of(new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
            new Color(0xD55E00), new Color(0xCC79A7), new Color(0x56B4E9));
    static final Color GREY = new Color(0x555555);
    static final BasicStroke DASHED =
            new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 4f}, 0f);

    private Palette() {
    }

    /** Solid, dashed, dotted and dash-dot lines in turn, so that series differ in greyscale too. */
    private static final List<float[]> DASHES = List.of(new float[0], new float[] {8f, 4f}, new float[] {2f, 3f},
            new float[] {8f, 3f, 2f, 3f});

    /** The line of a series: its dash pattern tells it apart without colour. */
    static BasicStroke line(int series) {
        float[] dash = DASHES.get(series % DASHES.size());
        return dash.length == 0 ? new BasicStroke(2f)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
    }

    /** The colour of the hatching drawn over bars: dark, so that it shows on every colour and on white paper. */
    static final Color HATCH = new Color(0x1A1A1A);
    /** Hatching patterns in turn (none, /, \, -, x, |): bars of different series differ without colour too. */
    static final int PATTERNS = 6;

    /**
     * The hatching of series {@code series} over {@code r}: parallel line segments {@code gap} apart
     * inside {@code r} (none for the first series, whose plain fill is itself a pattern).
     */
    static java.awt.geom.Path2D hatch(int series, java.awt.geom.Rectangle2D r, double gap) {
        java.awt.geom.Path2D path = new java.awt.geom.Path2D.Double();
        int pattern = Math.floorMod(series, PATTERNS);
        double w = r.getWidth(), h = r.getHeight();
        for (double d = gap / 2; d < w + h; d += gap) {
            if (pattern == 2 || pattern == 4) {
                // Falling (y grows downwards): the points (x, y) of r with (x - minX) + (maxY - y) = d.
                segment(path, r, r.getMinX() + Math.max(0, d - h), r.getMaxY() - Math.min(d, h),
                        r.getMinX() + Math.min(d, w), r.getMaxY() - Math.max(0, d - w));
            }
            if (pattern == 1 || pattern == 4) {
                // Rising: (x - minX) + (y - minY) = d.
                segment(path, r, r.getMinX() + Math.max(0, d - h), r.getMinY() + Math.min(d, h),
                        r.getMinX() + Math.min(d, w), r.getMinY() + Math.max(0, d - w));
            }
            if (pattern == 3 && d < h) {
                segment(path, r, r.getMinX(), r.getMinY() + d, r.getMaxX(), r.getMinY() + d);
            }
            if (pattern == 5 && d < w) {
                segment(path, r, r.getMinX() + d, r.getMinY(), r.getMinX() + d, r.getMaxY());
            }
        }
        return path;
    }

    private static void segment(java.awt.geom.Path2D path, java.awt.geom.Rectangle2D r, double x1, double y1, double x2,
            double y2) {
        if (r.getWidth() > 0 && r.getHeight() > 0) {
            path.moveTo(x1, y1);
            path.lineTo(x2, y2);
        }
    }

    static Color colour(int series) {
        return series < 0 ? GREY : COLOURS.get(series % COLOURS.size());
    }
}
