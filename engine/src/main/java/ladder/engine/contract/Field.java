package ladder.engine.contract;

import java.util.List;
import java.util.Map;

/**
 * One column of the data contract: its name, its type and the rule its values must follow.
 *
 * <p>The constants are the columns of the contract's tables; {@link Schema} lists which belong to
 * which table. A value that breaks the rule is rejected with {@link #rule()} as the reason.
 */
public record Field(String name, Kind kind, boolean optional, int min, int max, Codebook codebook) {

    /** How a column's values are read and stored. */
    public enum Kind {
        /** Free text, non-empty; dictionary-coded. */
        TEXT,
        /** A code from the field's codebook (or its answer label); dictionary-coded in contract order. */
        CODE,
        /** A whole number in [{@code min}, {@code max}]. */
        INT,
        /** A finite decimal, {@code > 0} when {@code min} is 1, {@code >= 0} when it is 0. */
        DECIMAL
    }

    public static Field text(String name) {
        return new Field(name, Kind.TEXT, false, 0, 0, null);
    }

    public static Field code(String name, boolean optional, Codebook codebook) {
        return new Field(name, Kind.CODE, optional, 0, 0, codebook);
    }

    public static Field integer(String name, int min, int max) {
        return new Field(name, Kind.INT, false, min, max, null);
    }

    /** An optional decimal; {@code strictlyPositive} selects {@code > 0} over {@code >= 0}. */
    public static Field decimal(String name, boolean strictlyPositive) {
        return new Field(name, Kind.DECIMAL, true, strictlyPositive ? 1 : 0, 0, null);
    }

    /** The rule a value must follow, as a rejection message states it. */
    public String rule() {
        return switch (kind) {
            case TEXT -> "must be non-empty text";
            case INT -> "must be a whole number from " + min + " to " + max;
            case DECIMAL -> (min == 1 ? "must be a number greater than 0" : "must be a number 0 or greater")
                    + (optional ? ", or empty" : "");
            case CODE -> "must be one of " + String.join(", ", codebook.codes())
                    + " (or its answer wording)" + (optional ? ", or empty" : "");
        };
    }

    /**
     * Whether whole number {@code value} is within an integer column's range: the one statement of
     * the rule {@link #rule()} words, which every reader's checks apply (the validator's and the
     * typed fast paths alike).
     */
    public boolean inRange(long value) {
        return value >= min && value <= max;
    }

    /** Whether {@code value} is a decimal column's: finite, and {@code > 0} or {@code >= 0} as {@link #rule()} words it. */
    public boolean inRange(double value) {
        return Double.isFinite(value) && (min == 1 ? value > 0 : value >= 0);
    }

    // ---- Columns of table `employees` (and, where shared, `applicants`) ----

    public static final Field EMPLOYER_ID = text("employer_id");
    public static final Field YEAR = integer("year", 1990, 2100);
    public static final Field PERSON_ID = text("person_id");
    public static final Field SECTOR = text("sector");
    public static final Field REGION = code("region", false,
            Codebook.of("UKC", "UKD", "UKE", "UKF", "UKG", "UKH", "UKI", "UKJ", "UKK", "UKL", "UKM", "UKN"));
    public static final Field GRADE = integer("grade", 1, 6);
    public static final Field PARENTAL_OCCUPATION = code("parental_occupation", true, Codebook.withLabels(
            List.of("professional", "manager", "small_business", "clerical", "technical_craft", "routine",
                    "long_term_unemployed", "other", "prefer_not_to_say"),
            Map.of(
                    "professional", "Modern professional & traditional professional occupations",
                    "manager", "Senior, middle or junior managers or administrators",
                    "small_business", "Small business owners who employed fewer than 25 people",
                    "clerical", "Clerical and intermediate occupations",
                    "technical_craft", "Technical and craft occupations",
                    "routine", "Routine, semi-routine manual and service occupations",
                    "long_term_unemployed", "Long-term unemployed (benefit for a year or more)",
                    "other", "Other, e.g. retired, does not apply, don't know",
                    "prefer_not_to_say", "I prefer not to say")));
    public static final Field SCHOOL_TYPE = code("school_type", true, Codebook.withLabels(
            List.of("state", "independent", "independent_bursary", "outside_uk", "dont_know", "prefer_not_to_say"),
            Map.of(
                    "state", "A state-run or state-funded school",
                    "independent", "Independent or fee-paying school",
                    "independent_bursary", "Independent or fee-paying school, where I received a means tested"
                            + " bursary covering 90% or more of the total cost of attending throughout my time there",
                    "outside_uk", "Attended school outside the UK",
                    "dont_know", "I don't know",
                    "prefer_not_to_say", "I prefer not to say")));
    public static final Field FREE_SCHOOL_MEALS = code("free_school_meals", true, Codebook.withLabels(
            List.of("yes", "no", "not_applicable", "dont_know", "prefer_not_to_say"),
            Map.of(
                    "yes", "Yes",
                    "no", "No",
                    "not_applicable", "Not applicable (finished school before 1980 or went to school overseas)",
                    "dont_know", "I don't know",
                    "prefer_not_to_say", "I prefer not to say")));
    public static final Field PARENT_DEGREE = code("parent_degree", true, Codebook.withLabels(
            List.of("yes", "no", "dont_know", "prefer_not_to_say"),
            Map.of(
                    "yes", "Yes",
                    "no", "No",
                    "dont_know", "I don't know",
                    "prefer_not_to_say", "I prefer not to say")));
    public static final Field GENDER = code("gender", false,
            Codebook.of("woman", "man", "other", "prefer_not_to_say"));
    public static final Field ETHNICITY = code("ethnicity", false,
            Codebook.of("white", "mixed", "asian", "black", "other", "prefer_not_to_say"));
    public static final Field DISABILITY = code("disability", false,
            Codebook.of("yes", "no", "prefer_not_to_say"));
    public static final Field AGE_BAND = code("age_band", false,
            Codebook.of("16-24", "25-34", "35-44", "45-54", "55-64", "65+"));
    public static final Field ENTRY_ROUTE = code("entry_route", false,
            Codebook.of("graduate_scheme", "apprenticeship", "experienced_hire", "internal", "other"));
    public static final Field HOURLY_PAY = decimal("hourly_pay", true);
    public static final Field BONUS = decimal("bonus", false);
    public static final Field PROMOTED = integer("promoted", 0, 1);
    public static final Field MONTHS_IN_GRADE = integer("months_in_grade", 0, 600);
    public static final Field TRAINING = integer("training", 0, 1);

    // ---- Columns only in table `applicants` ----

    public static final Field APPLICANT_ID = text("applicant_id");
    public static final Field STAGE_REACHED = code("stage_reached", false,
            Codebook.of("applied", "shortlisted", "interviewed", "offered", "hired"));
}
