package ladder.datasets;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import ladder.engine.contract.Field;
import ladder.engine.contract.Seb;

/**
 * The generating model for one person in one year: their fixed traits, their grade history from
 * their first year in the data, and the year's outcomes. See {@link PoolGenerator} for the model
 * in words; the constants here are its fixed parts, {@link GeneratorSpec} its true effects.
 *
 * <p>Everything about a person is drawn from the stream keyed by (seed, employer, person), and
 * everything about a person-year from the stream keyed by (person, year); so a row is computed
 * from its indices alone, and a person's earlier years are replayed rather than stored. Odds are
 * products of factors precomputed here, so that the row loop needs no transcendental functions
 * (and the output is the same on every JVM).
 */
final class PersonModel {
    /** Class indices. */
    static final int PROFESSIONAL = 0;
    static final int INTERMEDIATE = 1;
    static final int WORKING_CLASS = 2;

    /** The grade from which a person counts as senior. */
    static final int SENIOR = 4;
    static final int TOP_GRADE = Field.GRADE.max();

    /** Promotion log-odds at the reference levels (professional, not a woman, white, not disabled, grade 3, age 35-44). */
    static final double PROMOTION_BASE = -2.0;
    /** Promotion log-odds terms for grades 1..5 ({@code bGrade}). */
    private static final double[] PROMOTION_GRADE = {0.2, 0.1, 0.0, -0.2, -0.5};
    /** Promotion log-odds terms by age band, in codebook order ({@code bAge}). */
    private static final double[] PROMOTION_AGE = {0.2, 0.2, 0.0, -0.3, -0.7, -1.2};
    /** Grade thresholds {@code theta_2..theta_6}: at the reference levels P(grade >= k) = logit^-1(-theta_k). */
    private static final double[] GRADE_THRESHOLDS = {-2.2, -0.6, 0.6, 1.9, 3.5};
    /** Grade log-odds terms by age band ({@code aAge}). */
    private static final double[] GRADE_AGE = {-2.5, -1.0, 0.0, 0.3, 0.3, 0.0};
    /** Training log-odds: base, by class (professional, intermediate, working class), at grades 1-2. */
    private static final double TRAINING_BASE = -0.1;
    private static final double[] TRAINING_CLASS = {0.0, -0.15, -0.3};
    private static final double TRAINING_JUNIOR = 0.3;

    /** Hourly pay (GBP) at grades 1..6 before the factors, and its yearly growth. */
    private static final double[] BASE_PAY = {11.80, 15.50, 21.00, 29.00, 42.00, 70.00};
    private static final double PAY_GROWTH = 0.03;
    /** Paid hours a year, for bonuses as a share of annual pay. */
    private static final double ANNUAL_HOURS = 1800;
    /** Bonus as a share of annual pay at grades 1..6, and the bonus rate by grade relative to grade 3. */
    private static final double[] BONUS_SHARE = {0.02, 0.03, 0.05, 0.08, 0.15, 0.30};
    private static final double[] BONUS_RATE_BY_GRADE = {0.6, 0.8, 1.0, 1.2, 1.4, 1.6};
    private static final double MAX_BONUS_RATE = 0.95;
    private static final double[] PERSON_PAY_NOISE = Normal.logNormalFactors(0.18, 1024);
    private static final double[] YEAR_PAY_NOISE = Normal.logNormalFactors(0.03, 256);
    private static final double[] BONUS_NOISE = Normal.logNormalFactors(0.5, 256);
    private static final double EMPTY_PAY = 0.03;
    private static final double EMPTY_BONUS = 0.05;

    /** Answers to Q1 outside the three groups. */
    static final double Q1_OTHER = 0.03;
    static final double Q1_PREFER_NOT_TO_SAY = 0.02;
    /** The chance that Q2-Q4 are empty, for those who left Q1 empty and for those who answered it. */
    static final double FOLLOW_UP_EMPTY_AFTER_NO_Q1 = 0.85;
    static final double SCHOOL_EMPTY = 0.03;
    static final double MEALS_EMPTY_AFTER_NO_SCHOOL = 0.9;
    static final double MEALS_EMPTY = 0.02;
    static final double DEGREE_EMPTY = 0.04;
    /** Free school meals do not apply to those who finished school before 1980 (born before 1962). */
    private static final int MEALS_FIRST_BIRTH_YEAR = 1962;
    /** Share of people working in their employer's main region. */
    private static final double MAIN_REGION = 0.7;
    /** The age from which graduate schemes and apprenticeships are recorded as experienced hires. */
    private static final int LATE_ENTRY_AGE = 35;
    /** Longest months in grade drawn for those already employed in the first year. */
    private static final int MAX_INITIAL_YEARS_IN_GRADE = 8;

    static final Categorical REGION = Categorical.over(Field.REGION, Map.ofEntries(
            Map.entry("UKC", 0.04), Map.entry("UKD", 0.10), Map.entry("UKE", 0.08), Map.entry("UKF", 0.07),
            Map.entry("UKG", 0.09), Map.entry("UKH", 0.09), Map.entry("UKI", 0.18), Map.entry("UKJ", 0.12),
            Map.entry("UKK", 0.08), Map.entry("UKL", 0.04), Map.entry("UKM", 0.08), Map.entry("UKN", 0.03)));
    private static final double[] REGION_PAY = regionPay(Map.of(
            "UKI", 1.25, "UKJ", 1.05, "UKH", 1.02, "UKM", 0.98), 0.95);

    static final Categorical[] Q1 = {
            q1(Seb.PROFESSIONAL, Map.of("professional", 0.6, "manager", 0.4)),
            q1(Seb.INTERMEDIATE, Map.of("small_business", 0.4, "clerical", 0.6)),
            q1(Seb.WORKING_CLASS, Map.of("technical_craft", 0.35, "routine", 0.55, "long_term_unemployed", 0.10))};
    static final int Q1_OTHER_CODE = Categorical.code(Field.PARENTAL_OCCUPATION, "other");
    static final int Q1_PREFER_NOT_CODE = Categorical.code(Field.PARENTAL_OCCUPATION, "prefer_not_to_say");

    static final Categorical[] SCHOOL = {
            school(0.72, 0.20, 0.02, 0.04), school(0.87, 0.06, 0.02, 0.03), school(0.93, 0.015, 0.015, 0.02)};
    static final int INDEPENDENT = Categorical.code(Field.SCHOOL_TYPE, "independent");
    static final int BURSARY = Categorical.code(Field.SCHOOL_TYPE, "independent_bursary");
    static final int OUTSIDE_UK = Categorical.code(Field.SCHOOL_TYPE, "outside_uk");
    /** Free school meals by class, for state (or unknown) school, independent, and bursary. */
    static final Categorical[][] MEALS = {
            {meals(0.05), meals(0.01), meals(0.40)},
            {meals(0.15), meals(0.01), meals(0.40)},
            {meals(0.35), meals(0.01), meals(0.40)}};
    static final int MEALS_NOT_APPLICABLE = Categorical.code(Field.FREE_SCHOOL_MEALS, "not_applicable");
    static final Categorical[] DEGREE = {degree(0.62), degree(0.28), degree(0.10)};
    /** The chance of being a graduate for those not hired onto a graduate scheme, by class. */
    static final double[] GRADUATE = {0.60, 0.42, 0.28};

    static final Categorical GENDER = Categorical.over(Field.GENDER,
            Map.of("woman", 0.49, "man", 0.485, "other", 0.005, "prefer_not_to_say", 0.02));
    private static final int WOMAN = Categorical.code(Field.GENDER, "woman");
    static final Categorical ETHNICITY = Categorical.over(Field.ETHNICITY, Map.of(
            "white", 0.80, "mixed", 0.03, "asian", 0.09, "black", 0.04, "other", 0.02, "prefer_not_to_say", 0.02));
    private static final boolean[] MINORITY = flags(Field.ETHNICITY, List.of("mixed", "asian", "black", "other"));
    static final Categorical DISABILITY = Categorical.over(Field.DISABILITY,
            Map.of("yes", 0.10, "no", 0.86, "prefer_not_to_say", 0.04));
    private static final int DISABLED = Categorical.code(Field.DISABILITY, "yes");

    private static final int[] AGE_FROM = ageBandLowerBounds();
    /** The oldest age drawn in the open top band. */
    private static final int TOP_BAND_SPAN = 6;
    private static final Categorical AGE_OF_STAFF = Categorical.over(Field.AGE_BAND, Map.of(
            "16-24", 0.10, "25-34", 0.28, "35-44", 0.27, "45-54", 0.21, "55-64", 0.12, "65+", 0.02));
    static final Categorical AGE_OF_JOINERS = Categorical.over(Field.AGE_BAND, Map.of(
            "16-24", 0.34, "25-34", 0.40, "35-44", 0.15, "45-54", 0.07, "55-64", 0.035, "65+", 0.005));

    private static final Categorical[] ROUTE = {route(0.35, 0.05, 0.45), route(0.22, 0.12, 0.50), route(0.12, 0.25, 0.48)};
    private static final int GRADUATE_SCHEME = Categorical.code(Field.ENTRY_ROUTE, "graduate_scheme");
    private static final int APPRENTICESHIP = Categorical.code(Field.ENTRY_ROUTE, "apprenticeship");
    private static final int EXPERIENCED_HIRE = Categorical.code(Field.ENTRY_ROUTE, "experienced_hire");

    static {
        int bands = Field.AGE_BAND.codebook().size();
        if (Field.GRADE.min() != 1 || BASE_PAY.length != TOP_GRADE || BONUS_SHARE.length != TOP_GRADE
                || BONUS_RATE_BY_GRADE.length != TOP_GRADE || PROMOTION_GRADE.length != TOP_GRADE - 1
                || GRADE_THRESHOLDS.length != TOP_GRADE - 1 || PROMOTION_AGE.length != bands || GRADE_AGE.length != bands) {
            throw new IllegalStateException("the model's grade and age-band terms do not fit the contract's grades "
                    + Field.GRADE.min() + ".." + Field.GRADE.max() + " and " + bands + " age bands");
        }
    }

    private final int firstYear;
    private final double intermediateShare;
    private final double[] promotionClass;
    private final double promotionWoman;
    private final double promotionMinority;
    private final double promotionDisabled;
    private final double[] promotionGrade = oddsFactors(PROMOTION_GRADE);
    private final double[] promotionAge = oddsFactors(PROMOTION_AGE);
    private final double[] gradeClass;
    private final double gradeWoman;
    private final double gradeMinority;
    private final double gradeDisabled;
    private final double[] gradeAge = oddsFactors(GRADE_AGE);
    private final double[] gradeCut = new double[GRADE_THRESHOLDS.length];
    private final double[] trainingClass = oddsFactors(TRAINING_CLASS);
    private final double trainingBase = StrictMath.exp(TRAINING_BASE);
    private final double trainingJunior = StrictMath.exp(TRAINING_JUNIOR);
    private final double[] payClass;
    private final double payWoman;
    private final double[] payGrowth;
    private final SplitMix random = new SplitMix();

    PersonModel(GeneratorSpec spec) {
        firstYear = spec.firstYear();
        intermediateShare = spec.intermediateShare();
        promotionClass = classOdds(spec.promotionWorkingClass());
        promotionWoman = StrictMath.exp(spec.promotionWoman());
        promotionMinority = StrictMath.exp(spec.promotionEthnicMinority());
        promotionDisabled = StrictMath.exp(spec.promotionDisabled());
        gradeClass = classOdds(spec.seniorWorkingClass());
        gradeWoman = StrictMath.exp(spec.seniorWoman());
        gradeMinority = StrictMath.exp(spec.seniorEthnicMinority());
        gradeDisabled = StrictMath.exp(spec.seniorDisabled());
        for (int k = 0; k < GRADE_THRESHOLDS.length; k++) {
            gradeCut[k] = StrictMath.exp(-GRADE_THRESHOLDS[k]);
        }
        payClass = new double[] {1, 1 - spec.payGapWorkingClass() / 2, 1 - spec.payGapWorkingClass()};
        payWoman = 1 - spec.payGapWoman();
        payGrowth = new double[spec.years()];
        for (int t = 0; t < payGrowth.length; t++) {
            payGrowth[t] = StrictMath.pow(1 + PAY_GROWTH, t);
        }
    }

    /** A person's row in one year: code indices in contract order (-1 for empty), numbers, and cents (-1 for empty). */
    static final class PersonYear {
        int parentalOccupation;
        int schoolType;
        int freeSchoolMeals;
        int parentDegree;
        int gender;
        int ethnicity;
        int disability;
        int ageBand;
        int entryRoute;
        int region;
        int grade;
        int promoted;
        int monthsInGrade;
        int training;
        long payCents;
        long bonusCents;
    }

    /**
     * Fills {@code row} for the person keyed {@code personKey} at {@code employer} in {@code year},
     * who first appeared in {@code firstSeen} and whose class is working with probability
     * {@code workingClass} (intermediate with the spec's intermediate share, else professional).
     */
    void generate(Employer employer, long personKey, int firstSeen, double workingClass, int year, PersonYear row) {
        // Fixed traits, from the person's stream, drawn in the same order every time they are replayed.
        SplitMix r = random;
        r.restart(personKey);
        double classDraw = r.nextDouble();
        int cls = classDraw < workingClass ? WORKING_CLASS
                : classDraw < workingClass + intermediateShare ? INTERMEDIATE : PROFESSIONAL;

        double answer = r.nextDouble();
        int q1 = Q1[cls].draw(r.nextDouble());
        if (answer < employer.nonResponse()) {
            q1 = -1;
        } else if (answer < employer.nonResponse() + Q1_OTHER) {
            q1 = Q1_OTHER_CODE;
        } else if (answer < employer.nonResponse() + Q1_OTHER + Q1_PREFER_NOT_TO_SAY) {
            q1 = Q1_PREFER_NOT_CODE;
        }
        row.parentalOccupation = q1;

        int gender = GENDER.draw(r.nextDouble());
        int ethnicity = ETHNICITY.draw(r.nextDouble());
        int disability = DISABILITY.draw(r.nextDouble());
        boolean initialStaff = firstSeen == firstYear;
        int band0 = (initialStaff ? AGE_OF_STAFF : AGE_OF_JOINERS).draw(r.nextDouble());
        int age0 = AGE_FROM[band0] + r.nextInt(bandWidth(band0));

        int route = ROUTE[cls].draw(r.nextDouble());
        if (age0 >= LATE_ENTRY_AGE && (route == GRADUATE_SCHEME || route == APPRENTICESHIP)) {
            route = EXPERIENCED_HIRE;
        }
        boolean graduate = route == GRADUATE_SCHEME || r.nextDouble() < GRADUATE[cls];
        double inMainRegion = r.nextDouble();
        int otherRegion = REGION.draw(r.nextDouble());
        row.region = inMainRegion < MAIN_REGION ? employer.region() : otherRegion;

        boolean skippedQ1 = q1 < 0;
        int school = SCHOOL[cls].draw(r.nextDouble());
        if (r.nextDouble() < (skippedQ1 ? FOLLOW_UP_EMPTY_AFTER_NO_Q1 : SCHOOL_EMPTY)) {
            school = -1;
        }
        int meals = MEALS[cls][school == INDEPENDENT ? 1 : school == BURSARY ? 2 : 0].draw(r.nextDouble());
        if (school == OUTSIDE_UK || firstSeen - age0 < MEALS_FIRST_BIRTH_YEAR) {
            meals = MEALS_NOT_APPLICABLE;
        }
        if (r.nextDouble() < (school < 0 ? MEALS_EMPTY_AFTER_NO_SCHOOL : MEALS_EMPTY)) {
            meals = -1;
        }
        int degree = DEGREE[cls].draw(r.nextDouble());
        if (r.nextDouble() < (skippedQ1 ? FOLLOW_UP_EMPTY_AFTER_NO_Q1 : DEGREE_EMPTY) || !graduate) {
            degree = -1;
        }
        row.schoolType = school;
        row.freeSchoolMeals = meals;
        row.parentDegree = degree;
        row.gender = gender;
        row.ethnicity = ethnicity;
        row.disability = disability;
        row.entryRoute = route;

        boolean woman = gender == WOMAN;
        boolean minority = MINORITY[ethnicity];
        boolean disabled = disability == DISABLED;
        double gradeOdds = gradeClass[cls] * (woman ? gradeWoman : 1) * (minority ? gradeMinority : 1)
                * (disabled ? gradeDisabled : 1) * gradeAge[band0];
        double gradeDraw = r.nextDouble();
        int grade = 1;
        for (double cut : gradeCut) {
            double odds = gradeOdds * cut;
            if (gradeDraw * (1 + odds) < odds) {
                grade++;
            }
        }
        int monthsAtYearStart = initialStaff
                ? r.nextInt(12 * Math.min(MAX_INITIAL_YEARS_IN_GRADE, Math.max(0, age0 - 17)) + 1) : 0;
        double personPay = PERSON_PAY_NOISE[r.nextInt(PERSON_PAY_NOISE.length)];

        // The grade history from the first year, each year from its own stream, so a year's promotion
        // is the same whichever later year is being written.
        double promotionOdds = employer.promotionOdds() * promotionClass[cls] * (woman ? promotionWoman : 1)
                * (minority ? promotionMinority : 1) * (disabled ? promotionDisabled : 1);
        for (int y = firstSeen; ; y++) {
            int band = ageBand(age0 + y - firstSeen);
            r.restart(SplitMix.key(personKey, y));
            double odds = grade < TOP_GRADE ? promotionOdds * promotionGrade[grade - 1] * promotionAge[band] : 0;
            boolean promoted = r.nextDouble() * (1 + odds) < odds;
            int month = 1 + r.nextInt(12);
            if (y == year) {
                row.ageBand = band;
                row.grade = grade;
                row.promoted = promoted ? 1 : 0;
                row.monthsInGrade = Math.min(Field.MONTHS_IN_GRADE.max(), monthsAtYearStart + (promoted ? month : 12));
                break;
            }
            if (promoted) {
                grade++;
                monthsAtYearStart = 12 - month;
            } else {
                monthsAtYearStart += 12;
            }
        }

        // The rest of this year's outcomes, from where this year's stream left off.
        double trainingOdds = trainingBase * trainingClass[cls] * (grade <= 2 ? trainingJunior : 1);
        row.training = r.nextDouble() * (1 + trainingOdds) < trainingOdds ? 1 : 0;
        double hourly = BASE_PAY[grade - 1] * employer.sector().payFactor * REGION_PAY[row.region]
                * employer.payLevel() * payGrowth[year - firstYear] * payClass[cls] * (woman ? payWoman : 1)
                * personPay * YEAR_PAY_NOISE[r.nextInt(YEAR_PAY_NOISE.length)];
        row.payCents = r.nextDouble() < EMPTY_PAY ? -1 : Math.max(1, Math.round(hourly * 100));
        double bonusRate = Math.min(MAX_BONUS_RATE, employer.sector().bonusRate * BONUS_RATE_BY_GRADE[grade - 1]);
        boolean hasBonus = r.nextDouble() < bonusRate;
        double bonus = hourly * ANNUAL_HOURS * BONUS_SHARE[grade - 1] * BONUS_NOISE[r.nextInt(BONUS_NOISE.length)];
        row.bonusCents = r.nextDouble() < EMPTY_BONUS ? -1 : hasBonus ? Math.round(bonus * 100) : 0;
    }

    /** The index of the age band that holds {@code age}. */
    static int ageBand(int age) {
        int band = 0;
        while (band + 1 < AGE_FROM.length && age >= AGE_FROM[band + 1]) {
            band++;
        }
        return band;
    }

    private static int bandWidth(int band) {
        return band + 1 < AGE_FROM.length ? AGE_FROM[band + 1] - AGE_FROM[band] : TOP_BAND_SPAN;
    }

    private double[] classOdds(double workingClassLogOdds) {
        return new double[] {1, StrictMath.exp(workingClassLogOdds / 2), StrictMath.exp(workingClassLogOdds)};
    }

    private static double[] oddsFactors(double[] logOdds) {
        double[] odds = new double[logOdds.length];
        for (int i = 0; i < odds.length; i++) {
            odds[i] = StrictMath.exp(logOdds[i]);
        }
        return odds;
    }

    /** The first age of each age band, read from the band codes ({@code 16-24} starts at 16, {@code 65+} at 65). */
    private static int[] ageBandLowerBounds() {
        List<String> codes = Field.AGE_BAND.codebook().codes();
        int[] from = new int[codes.size()];
        for (int i = 0; i < from.length; i++) {
            String code = codes.get(i);
            int end = 0;
            while (end < code.length() && Character.isDigit(code.charAt(end))) {
                end++;
            }
            from[i] = Integer.parseInt(code.substring(0, end));
            if (i > 0 && from[i] <= from[i - 1]) {
                throw new IllegalStateException("age bands are not in ascending order: " + codes);
            }
        }
        return from;
    }

    private static Categorical q1(Seb group, Map<String, Double> weights) {
        for (String code : weights.keySet()) {
            if (Seb.ofParentalOccupation(Categorical.code(Field.PARENTAL_OCCUPATION, code)) != group) {
                throw new IllegalStateException(code + " is not in SEB group " + group.level());
            }
        }
        return Categorical.over(Field.PARENTAL_OCCUPATION, weights);
    }

    private static Categorical school(double state, double independent, double bursary, double outsideUk) {
        return Categorical.over(Field.SCHOOL_TYPE, Map.of("state", state, "independent", independent,
                "independent_bursary", bursary, "outside_uk", outsideUk, "dont_know", 0.005, "prefer_not_to_say", 0.015));
    }

    private static Categorical meals(double yes) {
        return Categorical.over(Field.FREE_SCHOOL_MEALS,
                Map.of("yes", yes, "no", 0.97 - yes, "dont_know", 0.02, "prefer_not_to_say", 0.01));
    }

    private static Categorical degree(double yes) {
        return Categorical.over(Field.PARENT_DEGREE,
                Map.of("yes", yes, "no", 0.96 - yes, "dont_know", 0.03, "prefer_not_to_say", 0.01));
    }

    private static Categorical route(double graduateScheme, double apprenticeship, double experienced) {
        return Categorical.over(Field.ENTRY_ROUTE, Map.of("graduate_scheme", graduateScheme,
                "apprenticeship", apprenticeship, "experienced_hire", experienced, "internal", 0.08,
                "other", 0.92 - graduateScheme - apprenticeship - experienced));
    }

    private static boolean[] flags(Field field, List<String> codes) {
        boolean[] flags = new boolean[field.codebook().size()];
        for (String code : codes) {
            flags[Categorical.code(field, code)] = true;
        }
        return flags;
    }

    private static double[] regionPay(Map<String, Double> factors, double otherwise) {
        double[] pay = new double[Field.REGION.codebook().size()];
        Arrays.fill(pay, otherwise);
        factors.forEach((code, factor) -> pay[Categorical.code(Field.REGION, code)] = factor);
        return pay;
    }
}
