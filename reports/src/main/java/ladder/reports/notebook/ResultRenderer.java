package ladder.reports.notebook;

import ladder.models.result.Result;
import ladder.reports.render.Format;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.MimeType;

/**
 * Shows every {@link Result} in rapaio-jupyter-kernel's notebooks as its {@link MimeBundle}. The
 * kernel asks its renderers for the value of a cell's last expression and for {@code display(result)};
 * {@code display("text", result)} gives the text table alone.
 */
public final class ResultRenderer implements DisplayRenderer {

    @Override
    public Class<?> rendererClass() {
        return Result.class;
    }

    @Override
    public boolean canRender(String mime) {
        MimeType type = type(mime);
        return type == MimeType.HTML || type == MimeType.TEXT;
    }

    @Override
    public DisplayData render(String mime, Object o) {
        Result result = (Result) o;
        if (type(mime) == MimeType.TEXT) {
            return DisplayData.fromText(Format.TABLE.render(result));
        }
        DisplayData display = DisplayData.fromText("");
        MimeBundle.of(result).data().forEach(display::putData);
        return display;
    }

    /** The requested type; none requested means the whole bundle, which notebooks show as HTML. */
    private static MimeType type(String mime) {
        if (mime == null || mime.isBlank()) {
            return MimeType.HTML;
        }
        try {
            return MimeType.from(mime.strip(), null);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
