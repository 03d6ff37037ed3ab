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

    /** The tables of the contract. */
    public static final List<Schema> TABLES = List.of(EMPLOYEES, APPLICANTS);

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

    /**
     * When a file with the columns {@code names} is given as this table but holds another table of
     * the contract (it has every column only that table has, and lacks one of this table's), that
     * other table; else empty. For a message naming the mix-up rather than listing missing columns.
     */
    public Optional<Schema> heldInstead(java.util.Collection<String> names) {
        java.util.Set<String> present = new java.util.HashSet<>();
        for (String n : names) {
            present.add(n.strip().toLowerCase(Locale.ROOT));
        }
        if (fields.stream().allMatch(f -> present.contains(f.name()))) {
            return Optional.empty();
        }
        for (Schema other : TABLES) {
            List<String> own = other.ownColumns(this);
            if (other != this && !own.isEmpty() && present.containsAll(own)) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }

    /** The names of this table's columns that {@code other} does not have, e.g. applicant_id, stage_reached. */
    public List<String> ownColumns(Schema other) {
        return fields.stream().filter(f -> !other.fields.contains(f)).map(Field::name).toList();
    }

    /**
     * The one-line refusal of a file that holds {@code held} where this table was expected, e.g.
     * "an applicants file (it has applicant_id, stage_reached), but employees files are read here".
     */
    public String mixUp(Schema held) {
        List<String> own = held.ownColumns(this);
        String shown = String.join(", ", own.subList(0, Math.min(3, own.size()))) + (own.size() > 3 ? ", ..." : "");
        return "an " + held.name + " file (it has " + shown + "), but " + name + " files are read here";
    }
}
