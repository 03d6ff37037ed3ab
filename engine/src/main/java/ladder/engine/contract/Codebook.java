package ladder.engine.contract;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The closed set of answers a coded column accepts: each code, in contract order, with the
 * official answer wording that survey tools export in its place.
 *
 * <p>Matching is case-insensitive after trimming surrounding whitespace, as the data contract
 * says; anything else is an unknown code. The empty value is not a code: whether a column may be
 * empty is the {@link Field}'s business.
 */
public final class Codebook {
    private final List<String> codes;
    private final Map<String, String> labels;
    private final Map<String, Integer> lookup = new HashMap<>();

    private Codebook(List<String> codes, Map<String, String> labels) {
        this.codes = List.copyOf(codes);
        this.labels = Map.copyOf(labels);
        for (int i = 0; i < codes.size(); i++) {
            lookup.put(codes.get(i).toLowerCase(Locale.ROOT), i);
        }
        labels.forEach((code, label) -> {
            int index = this.codes.indexOf(code);
            if (index < 0) {
                throw new IllegalArgumentException("label for unknown code " + code);
            }
            lookup.put(label.toLowerCase(Locale.ROOT), index);
        });
    }

    /** A codebook whose answers are only the codes themselves. */
    public static Codebook of(String... codes) {
        return new Codebook(List.of(codes), Map.of());
    }

    /** A codebook whose answers are the codes and, for some, their official answer wording. */
    public static Codebook withLabels(List<String> codes, Map<String, String> labels) {
        return new Codebook(codes, labels);
    }

    /** The codes in contract order; a code's index is its position here. */
    public List<String> codes() {
        return codes;
    }

    /** The official answer wording of each code that has one, by code. */
    public Map<String, String> labels() {
        return labels;
    }

    public int size() {
        return codes.size();
    }

    /**
     * The index of the code that {@code answer} names (a code or an answer label, case ignored,
     * surrounding whitespace trimmed), or -1 if it names none.
     */
    public int indexOf(String answer) {
        Integer index = lookup.get(answer.strip().toLowerCase(Locale.ROOT));
        return index == null ? -1 : index;
    }
}
