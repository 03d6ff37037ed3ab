package ladder.engine.contract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A table of the data contract: its columns in contract order, and the column triple that must be
 * unique within a pool.
 */
public record Schema(String name, List<Field> fields, List<Field> key) {

    public static final Schema EMPLOYEES = new Schema("employees", List.of(
            Field.EMPLOYER_ID, Field.YEAR, Field.PERSON_ID, Field.SECTOR, Field.REGION, Field.GRADE,
            Field.PARENTAL_OCCUPATION, Field.SCHOOL_TYPE, Field.FREE_SCHOOL_MEALS, Field.PARENT_DEGREE,
            Field.GENDER, Field.ETHNICITY, Field.DISABILITY, Field.AGE_BAND, Field.ENTRY_ROUTE,
            Field.HOURLY_PAY, Field.BONUS, Field.PROMOTED, Field.MONTHS_IN_GRADE, Field.TRAINING),
            List.of(Field.EMPLOYER_ID, Field.YEAR, Field.PERSON_ID));

    public static final Schema APPLICANTS = new Schema("applicants", List.of(
            Field.EMPLOYER_ID, Field.YEAR, Field.APPLICANT_ID, Field.STAGE_REACHED,
            Field.PARENTAL_OCCUPATION, Field.SCHOOL_TYPE, Field.FREE_SCHOOL_MEALS, Field.PARENT_DEGREE,
            Field.GENDER, Field.ETHNICITY, Field.DISABILITY, Field.AGE_BAND),
            List.of(Field.EMPLOYER_ID, Field.YEAR, Field.APPLICANT_ID));

    public Schema {
        fields = List.copyOf(fields);
        key = List.copyOf(key);
    }

    /** The position of the column named {@code name} (case-insensitive, trimmed), or -1. */
    public int indexOf(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<Field> field(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(fields.get(i));
    }
}
