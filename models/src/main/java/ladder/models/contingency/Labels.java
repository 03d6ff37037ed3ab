package ladder.models.contingency;

import java.util.Objects;

/**
 * The names that turn the numbers into sentences and titled tables: noun phrases for the exposure
 * and reference groups, the outcome as a gerund phrase, and the stratum in singular and plural.
 * For example {@code new Labels("People from working-class backgrounds", "those from professional
 * backgrounds", "reaching grade 4 or above", "employer", "employers")} reads "People from
 * working-class backgrounds had 0.63 times the odds of reaching grade 4 or above of those from
 * professional backgrounds in the same employer (95% CI 0.58 to 0.69; Mantel-Haenszel, 12 employers)".
 *
 * @param exposure the exposure group, capitalised as a sentence's subject
 * @param reference the reference group, as an object ("those from ...")
 * @param outcome the event, e.g. "reaching grade 4 or above"
 * @param stratum one stratum, e.g. "employer"
 * @param strata several strata, e.g. "employers"
 */
public record Labels(String exposure, String reference, String outcome, String stratum, String strata) {

    public Labels {
        Objects.requireNonNull(exposure);
        Objects.requireNonNull(reference);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(stratum);
        Objects.requireNonNull(strata);
    }

    /** Labels for one table, or strata called "stratum" / "strata". */
    public Labels(String exposure, String reference, String outcome) {
        this(exposure, reference, outcome, "stratum", "strata");
    }

    /** Neutral labels: "The exposure level", "the reference level", "the event". */
    public static Labels generic() {
        return new Labels("The exposure level", "the reference level", "the event");
    }

    /** These labels with another exposure group (for one level of several against the reference). */
    public Labels withExposure(String otherExposure) {
        return new Labels(otherExposure, reference, outcome, stratum, strata);
    }
}
