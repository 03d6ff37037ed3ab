package ladder.models.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;

/**
 * The audit of a {@link SuppressionPlan}: for each withheld quantity, whether a reader can work it
 * out exactly and the range a reader can narrow it to. A sound plan has no entry determined and
 * every range at least {@code minimumWidth} wide; {@link #sound()} says whether it is.
 *
 * @param entries one per withheld quantity, at the first table cell it appears as
 */
public record SuppressionAudit(long threshold, boolean suppressZeros, double minimumWidth, List<Entry> entries)
        implements Result {

    /**
     * One withheld quantity.
     *
     * @param determined whether the published relations fix its value (exact elimination)
     * @param lower the least value consistent with the published counts and non-negativity (linear programming)
     * @param upper the greatest; +Infinity when unbounded
     */
    public record Entry(String table, List<String> labels, Reason reason, boolean determined, double lower, double upper) {
        public Entry {
            labels = List.copyOf(labels);
        }

        /** upper - lower. */
        public double width() {
            return upper - lower;
        }
    }

    public SuppressionAudit {
        entries = List.copyOf(entries);
    }

    /** Whether no withheld quantity is determined and every range is wide enough. */
    public boolean sound() {
        return entries.stream().noneMatch(e -> e.determined() || e.width() < minimumWidth - 1e-7);
    }

    @Override
    public String title() {
        return "Disclosure audit of the suppression plan";
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("threshold", threshold);
        inputs.put("zeros", suppressZeros ? "withheld" : "published");
        inputs.put("minimum_width", minimumWidth);
        inputs.put("withheld", (long) entries.size());
        inputs.put("sound", sound() ? "yes" : "no");
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        ResultTable.Builder b = ResultTable.builder("audit", "Withheld quantities and what a reader can infer")
                .column("table", Kind.LABEL, "the first table the quantity is published in")
                .column("cell", Kind.LABEL, "its labels, Total for a margin")
                .column("reason", Kind.LABEL, "primary or secondary suppression")
                .column("determined", Kind.LABEL, "whether the published counts fix it exactly")
                .column("lower", Kind.NUMBER, "least value a reader can infer (linear programming)")
                .column("upper", Kind.NUMBER, "greatest value; Infinity when unbounded");
        for (Entry e : entries) {
            b.row(e.table(), String.join(" x ", e.labels()), e.reason().name().toLowerCase(java.util.Locale.ROOT),
                    e.determined() ? "yes" : "no", e.lower(), e.upper());
        }
        return List.of(b.build());
    }

    @Override
    public List<String> notes() {
        return new ArrayList<>(List.of("Exact determination by integer Gaussian elimination on the withheld cells;"
                + " ranges by the simplex method over non-negative reals (as sdcTable's attack), not whole numbers."));
    }
}
