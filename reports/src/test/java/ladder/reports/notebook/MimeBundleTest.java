package ladder.reports.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.ServiceLoader;
import javax.imageio.ImageIO;
import ladder.Ladder;
import ladder.Pool;
import ladder.reports.render.Format;
import ladder.reports.render.Html;
import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;

class MimeBundleTest {
    private static final Pool POOL = Ladder.load("../datasets/sample");

    @Test
    void aCompositionByYearIsItsTablesThenItsChart() throws IOException {
        var byYear = POOL.composition().by("year");
        MimeBundle bundle = MimeBundle.of(byYear);
        assertEquals(List.of("text/plain", "text/html", "image/png"), List.copyOf(bundle.data().keySet()));
        assertEquals(Format.TABLE.render(byYear), bundle.text());
        assertTrue(bundle.html().startsWith(Html.render(byYear)), "the tables come first");
        assertTrue(bundle.html().endsWith("<img src=\"data:image/png;base64," + bundle.png()
                + "\" alt=\"Class composition by year (chart)\"/>\n"));
        var image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(bundle.png())));
        assertTrue(image.getWidth() >= 640 && image.getHeight() == 420);
    }

    @Test
    void aResultWithoutAChartIsItsTables() {
        MimeBundle bundle = MimeBundle.of(POOL.describe());
        assertNull(bundle.png());
        assertEquals(Html.render(POOL.describe()), bundle.html());
        assertFalse(bundle.data().containsKey("image/png"));
    }

    @Test
    void theKernelFindsTheRendererAndItAnswersTheBundle() {
        List<DisplayProvider> providers = ServiceLoader.load(DisplayProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(1, providers.size());
        ResultRenderer renderer = (ResultRenderer) providers.get(0).getDisplayRenderers().get(0);
        assertEquals(ladder.models.result.Result.class, renderer.rendererClass());
        var composition = POOL.composition();
        assertTrue(renderer.rendererClass().isInstance(composition));
        assertTrue(renderer.canRender(null) && renderer.canRender("text/html") && renderer.canRender("html")
                && renderer.canRender("text"));
        assertFalse(renderer.canRender("image/png") || renderer.canRender("application/x-unknown"));

        DisplayData shown = renderer.render(null, composition);
        assertEquals(MimeBundle.of(composition).data(), shown.data());
        DisplayData text = renderer.render("text", composition);
        assertEquals(java.util.Map.of("text/plain", Format.TABLE.render(composition)), text.data());
    }

    @Test
    void aTableTakenOutOfAResultShowsAsThatTableNotAsItsRecord() {
        var odds = POOL.odds().outcome("promoted").exposure("seb").reference("professional");
        ladder.models.result.ResultTable estimates = odds.tables().get(0);
        // The kernel takes the first renderer whose class the value is an instance of.
        List<org.rapaio.jupyter.kernel.display.DisplayRenderer> renderers = ServiceLoader.load(DisplayProvider.class)
                .stream().map(ServiceLoader.Provider::get).flatMap(p -> p.getDisplayRenderers().stream())
                .filter(r -> r.rendererClass().isAssignableFrom(estimates.getClass())).toList();
        assertEquals(1, renderers.size(), "no renderer, or more than one, claims a ResultTable");
        var renderer = renderers.get(0);
        assertTrue(renderer.canRender(null) && renderer.canRender("text"));

        var shown = renderer.render(null, estimates).data();
        assertEquals(java.util.Set.of("text/plain", "text/html"), shown.keySet());
        String html = (String) shown.get("text/html");
        String open = "<div class=\"ladder-result\">\n<table>\n<caption>" + Html.escape(estimates.title()) + "</caption>";
        assertTrue(html.startsWith(open) && html.endsWith("</table>\n</div>\n"), html);
        // The same HTML table as in the whole result's rendering, and the same text table.
        String table = html.substring("<div class=\"ladder-result\">\n".length(), html.length() - "</div>\n".length());
        assertTrue(Html.render(odds).contains(table), "not the result's own HTML table");
        assertTrue(html.contains("<th title=") && html.contains(">estimate</th>"), html);
        assertFalse(html.contains("ResultTable[") || shown.get("text/plain").toString().contains("ResultTable["));
        String text = (String) shown.get("text/plain");
        assertTrue(text.startsWith(estimates.title() + "\n") && Format.TABLE.render(odds).contains("\n" + text), text);
        assertEquals(java.util.Map.of("text/plain", text), renderer.render("text", estimates).data());
    }
}
