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

    static Color colour(int series) {
        return series < 0 ? GREY : COLOURS.get(series % COLOURS.size());
    }
}
