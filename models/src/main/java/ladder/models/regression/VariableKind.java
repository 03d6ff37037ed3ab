package ladder.models.regression;

/** How a formula uses a column: by its levels (treatment-coded dummies) or by its value. */
public enum VariableKind {
    /** Levels of a label (or a number inside {@code C()}): one dummy per non-reference level. */
    CATEGORICAL,
    /** A number entered as it is: one column. */
    NUMERIC
}
