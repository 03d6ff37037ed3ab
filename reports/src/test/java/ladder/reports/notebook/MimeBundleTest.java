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
}
