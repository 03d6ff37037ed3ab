package ladder.datasets;

/**
 * The coalition sectors of synthetic employers, with how each shifts the employer's class mix, its
 * pay and its use of bonuses. Employer {@code j} (counting from 0) is in sector {@code j mod 10}, in
 * the order below, so a small pool is led by the professional sectors the coalition started from.
 *
 * <p>The working-class offsets sum to zero over the ten sectors, so a pool spread evenly over them
 * keeps the national working-class share on average.
 */
enum Sector {
    FINANCIAL("Financial services", -0.10, 1.25, 0.80),
    LEGAL("Legal services", -0.12, 1.20, 0.60),
    CREATIVE("Creative industries", -0.10, 0.95, 0.25),
    PUBLIC("Public sector", 0.04, 0.95, 0.02),
    TECHNOLOGY("Technology", -0.06, 1.20, 0.50),
    PROFESSIONAL("Professional services", -0.08, 1.10, 0.55),
    HEALTH("Health and social care", 0.10, 0.85, 0.05),
    RETAIL("Retail", 0.12, 0.80, 0.30),
    MANUFACTURING("Manufacturing", 0.10, 0.95, 0.35),
    TRANSPORT("Transport and logistics", 0.10, 0.90, 0.20);

    private static final Sector[] ALL = values();

    /** The label written in the {@code sector} column. */
    final String label;
    /** Added to the working-class share of the sector's employers. */
    final double workingClassOffset;
    /** Multiplies the sector's hourly pay. */
    final double payFactor;
    /** The share of staff at grade 3 with a bonus in a year; see {@link PersonModel}. */
    final double bonusRate;

    Sector(String label, double workingClassOffset, double payFactor, double bonusRate) {
        this.label = label;
        this.workingClassOffset = workingClassOffset;
        this.payFactor = payFactor;
        this.bonusRate = bonusRate;
    }

    /** The sector of employer {@code index} (from 0). */
    static Sector ofEmployer(int index) {
        return ALL[index % ALL.length];
    }
}
