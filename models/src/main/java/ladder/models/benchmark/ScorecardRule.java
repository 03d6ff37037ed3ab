package ladder.models.benchmark;

import ladder.models.composition.NationalBenchmark;

/**
 * The rules that rate each KPI of the Social Mobility Commission's scorecard red, amber or green,
 * in one place: the scorecard prints them beside the ratings. Ratings read point estimates (their
 * intervals are printed beside them).
 */
public enum ScorecardRule {
    RESPONSE_RATE("response_rate", "classifiable answers to parental occupation over all rows (latest year)",
            ">= 70% (the SMC target)", "50% to 70%", "< 50%"),
    QUESTIONS_COLLECTED("questions_collected", "the SMC's four SEB questions collected from a group (collected: at least "
            + Math.round(QuestionFill.COLLECTED * 100) + "% of its rows answered, 'prefer not to say' included)",
            "all four collected", "parental occupation collected, another not", "parental occupation not collected"),
    WORKFORCE_SPREAD("workforce_spread", "working-class share of the classifiable answers against the national 42%"
            + " (latest year)", ">= 42%", "32% to 42% (within 10 points)", "< 32%"),
    TARGET_PROGRESS("target_progress", "the latest share against the employer's target (a minimum share for"
            + " intermediate and working_class, a maximum for professional)", "target reached",
            "not reached; the fitted logistic trend moves towards it", "not reached; the trend is flat or moves away");

    /** Amber's lower edge for the response rate. */
    static final double RESPONSE_AMBER = 0.50;
    /** How far below the national working-class share is still amber. */
    static final double SPREAD_AMBER = 0.10;

    private final String kpi;
    private final String measures;
    private final String green;
    private final String amber;
    private final String red;

    ScorecardRule(String kpi, String measures, String green, String amber, String red) {
        this.kpi = kpi;
        this.measures = measures;
        this.green = green;
        this.amber = amber;
        this.red = red;
    }

    public String kpi() {
        return kpi;
    }

    public String measures() {
        return measures;
    }

    public String green() {
        return green;
    }

    public String amber() {
        return amber;
    }

    public String red() {
        return red;
    }

    static Rating response(double rate) {
        return rate >= NationalBenchmark.RESPONSE_RATE_TARGET ? Rating.GREEN : rate >= RESPONSE_AMBER ? Rating.AMBER
                : Rating.RED;
    }

    /** From which questions are collected, parental occupation first. */
    static Rating questions(boolean[] collected) {
        if (!collected[0]) {
            return Rating.RED;
        }
        for (boolean c : collected) {
            if (!c) {
                return Rating.AMBER;
            }
        }
        return Rating.GREEN;
    }

    static Rating spread(double workingClassShare) {
        return workingClassShare >= NationalBenchmark.WORKING_CLASS ? Rating.GREEN
                : workingClassShare >= NationalBenchmark.WORKING_CLASS - SPREAD_AMBER ? Rating.AMBER : Rating.RED;
    }

    static Rating target(boolean reached, boolean towards) {
        return reached ? Rating.GREEN : towards ? Rating.AMBER : Rating.RED;
    }
}
