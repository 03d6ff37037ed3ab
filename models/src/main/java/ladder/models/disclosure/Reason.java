package ladder.models.disclosure;

/** Why a value is withheld from a publication. */
public enum Reason {
    /** The count is under the threshold. */
    PRIMARY,
    /** The count is withheld so that a primary one cannot be worked out from the published ones. */
    SECONDARY,
    /** A rate, share or mean that rests on a withheld count. */
    DERIVED,
    /**
     * The count is withheld so that another count withheld elsewhere cannot be worked out from it: one a
     * publication printed beside this one withholds, or a sum of some of its levels under the threshold.
     */
    LINKED;

    /** The reader-facing reason, e.g. "fewer than 10". */
    public String describe(long threshold) {
        return switch (this) {
            case PRIMARY -> "fewer than " + threshold;
            case SECONDARY -> "protects a suppressed cell";
            case DERIVED -> "rests on a suppressed count";
            case LINKED -> "keeps a count withheld elsewhere from being worked out";
        };
    }
}
