package ladder.reports.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import ladder.reports.render.Html;

/**
 * A tile map of the twelve ITL1 regions of the UK: one square per region in a fixed grid that keeps
 * their places roughly (Scotland at the top, Northern Ireland to the west, London to the south-east),
 * so no boundary data is needed. Each tile prints its value and n; its shade (darker: larger) only
 * repeats the number, so the map reads in greyscale, and a withheld value is hatched.
 */
final class TileMap {
    /** A region's code, name, column and row in the grid. */
    record Tile(String code, String name, int column, int row) {
    }

    static final List<Tile> TILES = List.of(
            new Tile("UKM", "Scotland", 2, 0),
            new Tile("UKN", "Northern Ireland", 0, 1),
            new Tile("UKC", "North East", 3, 1),
            new Tile("UKD", "North West", 2, 2),
            new Tile("UKE", "Yorkshire and The Humber", 3, 2),
            new Tile("UKL", "Wales", 1, 3),
            new Tile("UKG", "West Midlands", 2, 3),
            new Tile("UKF", "East Midlands", 3, 3),
            new Tile("UKH", "East of England", 4, 3),
            new Tile("UKK", "South West", 2, 4),
            new Tile("UKJ", "South East", 3, 4),
            new Tile("UKI", "London", 4, 4));

    /** One region's figure: a share (null when withheld) and its n (null when withheld). */
    record Value(Double share, Long n) {
    }

    private static final int SIZE = 130;
    private static final int GAP = 6;
    private static final int TOP = 56;

    private TileMap() {
    }

    /**
     * The map as SVG: {@code values} by region code (a region absent has no data), a share scale
     * from 0 to 1, the national share named in the title.
     */
    static String svg(String id, String title, String subtitle, Map<String, Value> values) {
        int width = 5 * (SIZE + GAP) + GAP;
        int height = TOP + 5 * (SIZE + GAP) + 40;
        StringBuilder s = new StringBuilder();
        s.append("<svg id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">\n");
        s.append("<defs><pattern id=\"").append(id).append("-hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"")
                .append(" patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#ffffff\"/>")
                .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#888888\" stroke-width=\"3\"/></pattern></defs>\n");
        s.append("<rect width=\"").append(width).append("\" height=\"").append(height).append("\" fill=\"#ffffff\"/>\n");
        text(s, width / 2, 22, 15, "bold", title);
        text(s, width / 2, 42, 11, "normal", subtitle);
        for (Tile t : TILES) {
            int x = GAP + t.column() * (SIZE + GAP);
            int y = TOP + t.row() * (SIZE + GAP);
            Value v = values.get(t.code());
            String fill = v == null ? "#ffffff" : v.share() == null ? "url(#" + id + "-hatch)" : shade(v.share());
            boolean dark = v != null && v.share() != null && v.share() > 0.5;
            String ink = dark ? "#ffffff" : "#000000";
            s.append("<g class=\"tile\" data-region=\"").append(t.code()).append("\"><rect x=\"").append(x).append("\" y=\"")
                    .append(y).append("\" width=\"").append(SIZE).append("\" height=\"").append(SIZE)
                    .append("\" fill=\"").append(fill).append("\" stroke=\"#333333\"/>\n");
            text(s, x + SIZE / 2, y + 20, 12, "bold", t.code(), ink);
            text(s, x + SIZE / 2, y + 38, 10, "normal", t.name().length() > 22 ? "Yorkshire & Humber" : t.name(), ink);
            String figure = v == null ? "no data" : v.share() == null ? "withheld" : Words.percent(v.share());
            text(s, x + SIZE / 2, y + 78, 22, "bold", figure, ink);
            if (v != null) {
                text(s, x + SIZE / 2, y + 104, 11, "normal", v.n() == null ? "n withheld"
                        : "n=" + String.format(Locale.UK, "%,d", v.n()), ink);
            }
            s.append("</g>\n");
        }
        text(s, width / 2, height - 14, 11, "normal",
                "Shade repeats the figure (darker: larger); hatched: withheld (disclosure control); white: no data.");
        return s.append("</svg>").toString();
    }

    /** A grey from white (share 0) to near black (share 1). */
    private static String shade(double share) {
        int level = (int) Math.round(245 - 200 * Math.max(0, Math.min(1, share)));
        return String.format(Locale.ROOT, "#%02x%02x%02x", level, level, level);
    }

    private static void text(StringBuilder s, int x, int y, int size, String weight, String text) {
        text(s, x, y, size, weight, text, "#000000");
    }

    private static void text(StringBuilder s, int x, int y, int size, String weight, String text, String ink) {
        s.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-family=\"DejaVu Sans, sans-serif\"")
                .append(" font-size=\"").append(size).append("\" font-weight=\"").append(weight)
                .append("\" text-anchor=\"middle\" fill=\"").append(ink).append("\">").append(Html.escape(text))
                .append("</text>\n");
    }
}
