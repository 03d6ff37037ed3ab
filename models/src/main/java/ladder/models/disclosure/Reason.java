package ladder.models.disclosure;

/** Why a value is withheld from a publication. */
public enum Reason {
    /** The count is under the threshold. */
    PRIMARY,
    /** The count is withheld so that a primary one cannot be worked out from the published ones. */
    SECONDARY,
    /** A rate, share or mean that rests on a withheld count. */
    DERIVED,
    /** The count is withheld because a publication printed beside this one withholds it. */
    LINKED;

    /** The reader-facing reason, e.g. "fewer than 10". */
    public String describe(long threshold) {
        return switch (this) {
            case PRIMARY -> "fewer than " + threshold;
            case SECONDARY -> "protects a suppressed cell";
            case DERIVED -> "rests on a suppressed count";
            case LINKED -> "withheld by a publication printed beside it";
        };
    }
}
