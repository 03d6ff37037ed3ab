package ladder.models.pay;

import java.util.List;
import java.util.Objects;

/**
 * A categorical covariate of a regression: its name, its levels (rows give codes into this list) and the
 * reference level of its treatment coding.
 */
public record Factor(String name, List<String> levels, String reference) {
    public Factor {
        Objects.requireNonNull(name);
        levels = List.copyOf(levels);
        if (!levels.contains(reference)) {
            throw new IllegalArgumentException("reference level " + reference + " is not a level of " + name + ": " + levels);
        }
        if (levels.stream().distinct().count() != levels.size()) {
            throw new IllegalArgumentException("repeated levels of " + name + ": " + levels);
        }
    }
}
