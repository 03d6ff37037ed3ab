package ladder.reports.notebook;

import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.reports.render.Format;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.MimeType;

/**
 * Shows every {@link Result} in rapaio-jupyter-kernel's notebooks as its {@link MimeBundle}, and a
 * {@link ResultTable} taken out of one as its table alone (which would otherwise show as its record's
 * {@code toString}). The kernel asks its renderers for the value of a cell's last expression and for
 * {@code display(result)}, taking the first whose class the value is an instance of;
 * {@code display("text", result)} gives the text table alone.
 */
public final class ResultRenderer implements DisplayRenderer {
    private final Class<?> type;

    private ResultRenderer(Class<?> type) {
        this.type = type;
    }

    /** The renderer of every {@link Result}. */
    public static ResultRenderer results() {
        return new ResultRenderer(Result.class);
    }

    /** The renderer of a bare {@link ResultTable}. */
    public static ResultRenderer tables() {
        return new ResultRenderer(ResultTable.class);
    }

    @Override
    public Class<?> rendererClass() {
        return type;
    }

    @Override
    public boolean canRender(String mime) {
        MimeType type = type(mime);
        return type == MimeType.HTML || type == MimeType.TEXT;
    }

    @Override
    public DisplayData render(String mime, Object o) {
        if (type(mime) == MimeType.TEXT) {
            return DisplayData.fromText(o instanceof Result r ? Format.TABLE.render(r) : Format.text((ResultTable) o));
        }
        DisplayData display = DisplayData.fromText("");
        (o instanceof Result r ? MimeBundle.of(r) : MimeBundle.of((ResultTable) o)).data().forEach(display::putData);
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
