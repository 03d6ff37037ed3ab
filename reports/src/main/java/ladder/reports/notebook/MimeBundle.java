package ladder.reports.notebook;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.reports.chart.Charts;
import ladder.reports.render.Format;
import ladder.reports.render.Html;

/**
 * A result as a notebook shows it, in Jupyter's MIME-bundle form: the text table for consoles, and
 * the HTML tables ({@link Html}) followed by the charts the result offers ({@link Charts}), as
 * inline PNGs. The main chart is also given on its own as {@code image/png} for front ends that
 * prefer images. Independent of any kernel: a kernel's display hook only hands this on.
 *
 * @param text the aligned text rendering ({@link Format#TABLE})
 * @param html the HTML fragment: tables, then the chart
 * @param png the chart as base64-encoded PNG, or null when the result has none
 */
public record MimeBundle(String text, String html, String png) {

    /** The bundle of {@code result}; computes the result if it is a question not yet answered. */
    public static MimeBundle of(Result result) {
        List<String> pngs = Charts.all(result).stream().map(MimeBundle::png).toList();
        String html = Html.render(result);
        for (int i = 0; i < pngs.size(); i++) {
            html += "<img src=\"data:image/png;base64," + pngs.get(i) + "\" alt=\""
                    + Html.escape(result.charts().get(i).title()) + " (chart)\"/>\n";
        }
        return new MimeBundle(Format.TABLE.render(result), html, pngs.isEmpty() ? null : pngs.get(0));
    }

    /**
     * The bundle of one table taken out of a result ({@code pool.odds(...).tables().get(0)}): its
     * text table and its HTML table, each as the result's rendering shows it; no chart.
     */
    public static MimeBundle of(ResultTable table) {
        return new MimeBundle(Format.text(table), Html.render(table), null);
    }

    /** The bundle as Jupyter's {@code data} map, MIME type to content. */
    public Map<String, String> data() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("text/plain", text);
        data.put("text/html", html);
        if (png != null) {
            data.put("image/png", png);
        }
        return data;
    }

    static String png(RenderedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream base64 = Base64.getEncoder().wrap(bytes)) {
            if (!ImageIO.write(image, "png", base64)) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
