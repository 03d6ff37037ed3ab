package ladder.reports.notebook;

import java.util.List;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;

/**
 * Registers Ladder's display with rapaio-jupyter-kernel, which finds it through
 * {@code META-INF/services} when ladder.jar is on the kernel's classpath ({@code RJK_CLASSPATH}, as
 * {@code notebooks/install} sets it). Outside that kernel nothing loads this class.
 */
public final class LadderDisplayProvider implements DisplayProvider {

    @Override
    public List<DisplayRenderer> getDisplayRenderers() {
        return List.of(ResultRenderer.results(), ResultRenderer.tables());
    }

    @Override
    public List<DisplayTransformer> getDisplayTransformers() {
        return List.of();
    }
}
