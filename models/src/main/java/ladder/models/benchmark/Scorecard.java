package ladder.models.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ladder.engine.LadderException;
import ladder.engine.contract.Seb;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.models.composition.NationalBenchmark;
import ladder.models.disclosure.SmallCellSuppression;
import ladder.models.proportion.ChiSquareGoodnessOfFit;
import ladder.models.proportion.GoodnessOfFit;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;
import ladder.models.trend.LogisticTrend;
import ladder.models.trend.Trend;

/**
 * The Social Mobility Commission's scorecard for each employer, rated by the rules of
 * {@link ScorecardRule}: the response rate against the 70% target; which of the four SEB questions
 * are collected ({@link QuestionFill}) from applicants, new hires ({@link NewHires}), apprentices
 * ({@code entry_route = apprenticeship}) and the workforce; the spread of the workforce against the
 * national 34/24/42 (the working-class gap with the Wilson interval shifted by the fixed national
 * share, and Pearson's goodness-of-fit test, R {@code chisq.test(x, p = c(.34, .24, .42))}); and, for
 * a target share, progress towards it and the year the fitted logistic trend of the yearly shares
 * ({@link Trend}, R {@code glm(cbind(x, n - x) ~ year, binomial)}) reaches it ({@link CrossingYear}:
 * Fieller and delta-method intervals).
 *
 * <p>Each employer is read in its latest year in the selection (response, spread, questions); the
 * trend uses every selected year. Reads cubes over (employer_id, year, seb) and (employer_id, year,
 * entry_route and the four questions); cube files without the question dimensions get the rest of
 * the scorecard with the questions not assessed, and new hires need rows: of
 * {@link NewHires#COLUMNS} alone (and the filter's), all a snapshot reads for them.
 *
 * <p>With disclosure control, a value resting on fewer than 10 people, or on a count (or its
 * complement) under 10, is withheld with its counts.
 */
public record Scorecard(Question question, List<Card> cards, String questionsNote, String filter, boolean published)
        implements Result {

    /** A target share: {@code level} of the classifiable SEB answers, e.g. working_class 0.35. */
    public record Target(String level, double share) {
        public Target {
            if (!Seb.LEVELS.subList(0, 3).contains(level)) {
                throw new LadderException("--target " + level + "=...: the level must be one of professional,"
                        + " intermediate, working_class");
            }
            if (!(share > 0 && share < 1)) {
                throw new LadderException("--target " + level + "=" + share + ": the share must be between 0 and 1,"
                        + " e.g. 0.35");
            }
        }

        /** Whether the target is a maximum (professional) rather than a minimum. */
        boolean maximum() {
            return level.equals("professional");
        }
    }

    /**
     * What is asked.
     *
     * @param employers the employers to score; empty: every employer
     * @param target the target share, if the employer sets one
     * @param level the confidence level
     */
    public record Question(List<String> employers, Optional<Target> target, double level) {
        public Question {
            employers = List.copyOf(employers);
            if (!(level > 0 && level < 1)) {
                throw new LadderException("the confidence level must be between 0 and 1, got " + level);
            }
        }
    }

    /**
     * One employer's scorecard.
     *
     * @param employer its id
     * @param year the latest year read
     * @param seb its rows that year by group (professional, intermediate, working class, not classifiable)
     * @param response classifiable over all rows, with its Wilson interval
     * @param shares the three classes' shares of the classifiable, with Wilson intervals
     * @param spread the goodness-of-fit test against 34/24/42; empty without classifiable answers
     * @param questions one per group (applicants, new hires, apprentices, workforce)
     * @param progress towards the target, when one is set
     */
    public record Card(String employer, String year, long[] seb, KeyCounts.Value response, List<KeyCounts.Value> shares,
            Optional<GoodnessOfFit> spread, List<QuestionFill> questions, Optional<Progress> progress) {
        public Card {
            seb = seb.clone();
            shares = List.copyOf(shares);
            questions = List.copyOf(questions);
        }
    }

    /**
     * Progress towards a target.
     *
     * @param target the target
     * @param trend the yearly shares and their logistic trend
     * @param crossing the year the fitted trend reaches the target; empty when the trend is flat or not estimable
     * @param reached whether the latest share is at or beyond the target
     * @param towards whether the fitted trend moves towards the target
     */
    public record Progress(Target target, Trend trend, Optional<CrossingYear> crossing, boolean reached,
            boolean towards) {

        Trend.Period latest() {
            return trend.periods().get(trend.periods().size() - 1);
        }

        /** In words: reached, the year the trend reaches it, or not reached on the current trend. */
        String status() {
            if (reached) {
                return "reached";
            }
            if (!towards) {
                return trend.logistic().isEmpty() ? "not reached; the trend cannot be estimated"
                        : "not reached on the current trend (it is flat or moves away)";
            }
            return crossing.map(c -> String.format(Locale.ROOT, "reached in %.1f on the current trend", c.year()))
                    .orElse("not reached on the current trend");
        }
    }

    public Scorecard {
        cards = List.copyOf(cards);
    }

    private static final List<String> POPULATIONS = List.of("applicants", "new hires", "apprentices", "workforce");

    /** The scorecard of {@code question} on the cubes of {@code source}, without applicants data. */
    public static Scorecard of(CubeSource source, Question question) {
        return of(source, question, Optional.empty());
    }

    /**
     * The scorecard of {@code question} on the cubes of {@code source}, the applicants group read from
     * {@code applicants} (applications of the table {@code applicants}) when given: each employer's
     * applications in the latest year its applicants files hold.
     */
    public static Scorecard of(CubeSource source, Question question, Optional<CubeSource> applicants) {
        Cube cube = source.cube(List.of("employer_id", "year", "seb"), List.of());
        if (cube.total() == 0) {
            throw new LadderException("the selection has no rows");
        }
        List<String> ids = question.employers().isEmpty() ? EmployerIds.all(cube)
                : question.employers().stream().map(e -> EmployerIds.require(cube, e)).toList();
        Map<String, Integer> latest = new LinkedHashMap<>();
        Cube years = cube.marginalise("employer_id", "year");
        for (int c = 0; c < years.size(); c++) {
            latest.merge(years.label(c, 0), Integer.parseInt(years.label(c, 1)), Math::max);
        }
        List<String> dims = new ArrayList<>(List.of("employer_id", "year", "entry_route"));
        dims.addAll(QuestionFill.QUESTIONS);
        Cube questions = null;
        String questionsNote = null;
        try {
            questions = source.cube(dims, List.of());
        } catch (LadderException e) {
            questionsNote = "questions not assessed: " + e.getMessage();
        }
        Optional<CubeSource.Rows> rows = source.rows(NewHires.COLUMNS);
        Map<String, long[]> hires = rows.map(r -> NewHires.count(r, latest)).orElse(Map.of());
        List<String> applicantDims = new ArrayList<>(List.of("employer_id", "year"));
        applicantDims.addAll(QuestionFill.QUESTIONS);
        Optional<Cube> applications = applicants.map(a -> a.cube(applicantDims, List.of()));
        List<Card> cards = new ArrayList<>();
        for (String id : ids) {
            String year = Integer.toString(latest.get(id));
            Cube at = cube.where("employer_id", id::equals).where("year", year::equals);
            long[] seb = new long[4];
            int sebAxis = at.dimension("seb");
            for (int c = 0; c < at.size(); c++) {
                seb[KeyCounts.group(at.label(c, sebAxis))] += at.count(c);
            }
            long classifiable = seb[0] + seb[1] + seb[2];
            List<KeyCounts.Value> shares = new ArrayList<>();
            for (int g = 0; g < 3; g++) {
                shares.add(KeyCounts.Value.share(seb[g], classifiable, question.level()));
            }
            Optional<GoodnessOfFit> fit = classifiable == 0 ? Optional.empty() : Optional.of(
                    ChiSquareGoodnessOfFit.test(java.util.Arrays.copyOf(seb, 3), NationalBenchmark.workingPopulationShares()));
            List<QuestionFill> fills = new ArrayList<>();
            fills.add(applications.map(a -> applicantsFill(a, id))
                    .orElse(QuestionFill.notAssessed(POPULATIONS.get(0), "no applicants data")));
            long[] h = hires.get(id);
            fills.add(h != null ? new QuestionFill(POPULATIONS.get(1), h[0], java.util.Arrays.copyOfRange(h, 1, 5),
                    "people in " + year + " who were not in the employer's " + (latest.get(id) - 1) + " rows")
                    : QuestionFill.notAssessed(POPULATIONS.get(1), rows.isEmpty()
                            ? "needs rows: new hires are found by linking person_id across years, which cube files lack"
                            : "no " + (latest.get(id) - 1) + " rows to tell new hires from staff"));
            if (questions == null) {
                fills.add(QuestionFill.notAssessed(POPULATIONS.get(2), questionsNote));
                fills.add(QuestionFill.notAssessed(POPULATIONS.get(3), questionsNote));
            } else {
                Cube q = questions.where("employer_id", id::equals).where("year", year::equals);
                fills.add(fill(POPULATIONS.get(2), q.where("entry_route", "apprenticeship"::equals),
                        "entry_route = apprenticeship"));
                fills.add(fill(POPULATIONS.get(3), q, "every row"));
            }
            Optional<Progress> progress = question.target().map(t -> progress(cube.where("employer_id", id::equals),
                    t, question.level()));
            cards.add(new Card(id, year, seb, KeyCounts.Value.share(classifiable, classifiable + seb[3], question.level()),
                    shares, fit, fills, progress));
        }
        return new Scorecard(question, cards, questionsNote, source.filter(), false);
    }

    /** The employer's applications in the latest year of its applicants files; not assessed if it has none. */
    private static QuestionFill applicantsFill(Cube applications, String id) {
        Cube mine = applications.where("employer_id", id::equals);
        int year = -1;
        for (int c = 0; c < mine.size(); c++) {
            year = Math.max(year, Integer.parseInt(mine.label(c, mine.dimension("year"))));
        }
        if (year < 0) {
            return QuestionFill.notAssessed(POPULATIONS.get(0), "no applications of this employer in the applicants data");
        }
        String y = Integer.toString(year);
        return fill(POPULATIONS.get(0), mine.where("year", y::equals), "applications in " + y);
    }

    private static QuestionFill fill(String population, Cube q, String definition) {
        long[] answered = new long[QuestionFill.QUESTIONS.size()];
        int[] axis = QuestionFill.QUESTIONS.stream().mapToInt(q::dimension).toArray();
        for (int c = 0; c < q.size(); c++) {
            for (int i = 0; i < answered.length; i++) {
                if (!q.label(c, axis[i]).equals(ladder.engine.table.Column.EMPTY_LABEL)) {
                    answered[i] += q.count(c);
                }
            }
        }
        return new QuestionFill(population, q.total(), answered, definition);
    }

    /** The yearly shares of the target level among the classifiable, their logistic trend and where it reaches the target. */
    private static Progress progress(Cube employer, Target target, double level) {
        Cube years = employer.marginalise("year", "seb");
        List<String> labels = years.dimensions().get(0).levels().stream()
                .filter(y -> years.count(Map.of("year", y)) > 0).toList();
        double[] scores = labels.stream().mapToDouble(Double::parseDouble).toArray();
        double[] x = new double[labels.size()], n = new double[labels.size()];
        for (int c = 0; c < years.size(); c++) {
            int p = labels.indexOf(years.label(c, 0));
            String s = years.label(c, 1);
            if (KeyCounts.group(s) < 3) {
                n[p] += years.count(c);
                x[p] += s.equals(target.level()) ? years.count(c) : 0;
            }
        }
        if (labels.size() < 2) {
            throw new LadderException("--target needs at least two years of the employer to fit a trend; the"
                    + " selection has " + labels.size());
        }
        Trend trend = Trend.of(target.level(), labels, scores, x, n, Double.NaN, level);
        Trend.Period last = trend.periods().get(trend.periods().size() - 1);
        boolean reached = last.total() > 0 && (target.maximum() ? last.share() <= target.share()
                : last.share() >= target.share());
        Optional<LogisticTrend> fit = trend.logistic();
        boolean towards = fit.isPresent() && (target.maximum() ? fit.get().slope() < 0 : fit.get().slope() > 0);
        Optional<CrossingYear> crossing = towards ? Optional.of(CrossingYear.of(fit.get(), target.share(), level))
                : Optional.empty();
        return new Progress(target, trend, crossing, reached, towards);
    }

    /** The same scorecard with disclosure control for publication. */
    public Scorecard publishable() {
        return new Scorecard(question, cards, questionsNote, filter, true);
    }

    // ---- Rendering ----

    private long threshold() {
        return published ? SmallCellSuppression.DEFAULT_THRESHOLD : 0;
    }

    /** Whether a value resting on these counts (each count and what it leaves of its total) is withheld. */
    private boolean hidden(long[] cells) {
        for (long c : cells) {
            if (c < threshold()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String title() {
        return "SMC scorecard" + (question.employers().size() == 1 ? " for employer " + cards.get(0).employer()
                : " for " + cards.size() + " employers");
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("employers", String.join(", ", cards.stream().map(Card::employer).toList()));
        inputs.put("target", question.target().map(t -> t.level() + " = " + t.share()).orElse("none"));
        inputs.put("filter", filter.isBlank() ? "none" : filter);
        inputs.put("confidence_level", question.level());
        inputs.put("disclosure_control", published ? "counts under " + SmallCellSuppression.DEFAULT_THRESHOLD
                + " withheld, with the values resting on them" : "none (not for publication)");
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        String pct = Math.round(question.level() * 100) + "%";
        ResultTable.Builder kpis = ResultTable.builder("kpis", "Scorecard KPIs rated by the rules in table 'rules'")
                .column("employer", Kind.LABEL, "employer_id")
                .column("year", Kind.LABEL, "the latest year read")
                .column("kpi", Kind.LABEL, "the KPI (see 'rules')")
                .column("value", Kind.NUMBER, "its value (questions: how many of the four are collected)")
                .column("lower", Kind.NUMBER, pct + " Wilson interval, lower")
                .column("upper", Kind.NUMBER, pct + " Wilson interval, upper")
                .column("benchmark", Kind.NUMBER, "the target or national share it is rated against")
                .column("rating", Kind.LABEL, "green, amber or red")
                .column("note", Kind.LABEL, "what was read, or why a value is missing or withheld");
        ResultTable.Builder questions = ResultTable.builder("questions", "Which SEB questions are collected, by group")
                .column("employer", Kind.LABEL, "employer_id")
                .column("year", Kind.LABEL, "the latest year read")
                .column("population", Kind.LABEL, "applicants, new hires, apprentices or workforce")
                .column("question", Kind.LABEL, "the SMC question")
                .column("rows", Kind.COUNT, "the group's rows")
                .column("answered", Kind.COUNT, "rows with an answer (any non-empty value)")
                .column("share_answered", Kind.PROPORTION, "answered / rows")
                .column("collected", Kind.LABEL, "yes when at least " + Math.round(QuestionFill.COLLECTED * 100)
                        + "% answered")
                .column("note", Kind.LABEL, "how the group is defined, or why it is not assessed");
        ResultTable.Builder spread = ResultTable.builder("spread", "The workforce against the national 34/24/42")
                .column("employer", Kind.LABEL, "employer_id")
                .column("year", Kind.LABEL, "the latest year read")
                .column("seb", Kind.LABEL, "class")
                .column("count", Kind.COUNT, "rows")
                .column("share", Kind.PROPORTION, "of the classifiable")
                .column("lower", Kind.PROPORTION, pct + " Wilson interval, lower")
                .column("upper", Kind.PROPORTION, pct + " Wilson interval, upper")
                .column("national", Kind.PROPORTION, "UK working population (SMC)")
                .column("gap", Kind.NUMBER, "share - national")
                .column("gap_lower", Kind.NUMBER, "Wilson lower - national")
                .column("gap_upper", Kind.NUMBER, "Wilson upper - national")
                .column("note", Kind.LABEL, "why a value is withheld");
        ResultTable.Builder tests = ResultTable.builder("spread_test", "Goodness of fit to 34/24/42 (Pearson)")
                .column("employer", Kind.LABEL, "employer_id")
                .column("year", Kind.LABEL, "the latest year read")
                .column("chi_square", Kind.NUMBER, "Pearson X^2 (R chisq.test(x, p = c(.34, .24, .42)))")
                .column("df", Kind.COUNT, "degrees of freedom")
                .column("p_value", Kind.P_VALUE, "upper tail")
                .column("note", Kind.LABEL, "caveat or why withheld");
        ResultTable.Builder targets = ResultTable.builder("target", "Progress towards the target share")
                .column("employer", Kind.LABEL, "employer_id")
                .column("level", Kind.LABEL, "the class with the target")
                .column("target", Kind.PROPORTION, "the target share")
                .column("first_year", Kind.LABEL, "first year of the trend")
                .column("latest_year", Kind.LABEL, "latest year")
                .column("latest_share", Kind.PROPORTION, "the latest share")
                .column("to_go", Kind.NUMBER, "target - latest share")
                .column("odds_ratio_per_year", Kind.NUMBER, "logistic trend: odds ratio per year")
                .column("or_lower", Kind.NUMBER, pct + " Wald interval, lower")
                .column("or_upper", Kind.NUMBER, pct + " Wald interval, upper")
                .column("lr_p_value", Kind.P_VALUE, "likelihood-ratio test of a flat trend")
                .column("crossing_year", Kind.NUMBER, "the year the fitted trend reaches the target")
                .column("fieller_lower", Kind.NUMBER, pct + " Fieller interval, lower (none: unbounded)")
                .column("fieller_upper", Kind.NUMBER, pct + " Fieller interval, upper (none: unbounded)")
                .column("delta_se", Kind.NUMBER, "delta-method standard error (R MASS::dose.p)")
                .column("delta_lower", Kind.NUMBER, pct + " delta-method interval, lower")
                .column("delta_upper", Kind.NUMBER, pct + " delta-method interval, upper")
                .column("status", Kind.LABEL, "reached, the year on the current trend, or not reached")
                .column("note", Kind.LABEL, "why a value is missing or withheld");
        for (Card c : cards) {
            kpiRows(c, kpis);
            for (QuestionFill f : c.questions()) {
                boolean[] collected = f.collected();
                for (int q = 0; q < QuestionFill.QUESTIONS.size(); q++) {
                    boolean hide = f.assessed() && (hidden(new long[] {f.rows(), f.answered()[q], f.rows() - f.answered()[q]})
                            || keyAnswersHidden(c, f, q));
                    questions.row(c.employer(), c.year(), f.population(), QuestionFill.QUESTIONS.get(q),
                            hide ? null : f.rows(), !f.assessed() || hide ? null : (Object) f.answered()[q],
                            !f.assessed() || hide ? null : (double) f.answered()[q] / f.rows(),
                            f.assessed() ? (collected[q] ? "yes" : "no") : "not assessed",
                            hide ? "counts withheld: fewer than " + threshold() : f.note());
                }
            }
            boolean spreadHidden = hidden(java.util.Arrays.copyOf(c.seb(), 3));
            for (int g = 0; g < 3; g++) {
                KeyCounts.Value v = c.shares().get(g);
                double national = NationalBenchmark.workingPopulationShares()[g];
                boolean show = v.defined() && !spreadHidden;
                spread.row(c.employer(), c.year(), Seb.LEVELS.get(g), spreadHidden ? null : (Object) c.seb()[g],
                        show ? v.estimate() : null, show ? v.lower() : null, show ? v.upper() : null, national,
                        show ? v.estimate() - national : null, show ? v.lower() - national : null,
                        show ? v.upper() - national : null, spreadHidden ? "withheld: a count under " + threshold()
                                : v.defined() ? null : "no classifiable answers");
            }
            tests.row(c.employer(), c.year(), spreadHidden ? null : c.spread().map(GoodnessOfFit::statistic).orElse(null),
                    c.spread().isPresent() ? 2L : null, spreadHidden ? null : c.spread().map(GoodnessOfFit::pValue).orElse(null),
                    spreadHidden ? "withheld: a count under " + threshold() : c.spread().isEmpty() ? "no classifiable answers"
                            : c.spread().get().smallExpected() ? "an expected count is under 5: the chi-square"
                            + " approximation may be poor" : null);
            c.progress().ifPresent(p -> targetRow(c, p, targets));
        }
        ResultTable.Builder rules = ResultTable.builder("rules", "How each KPI is rated")
                .column("kpi", Kind.LABEL, "the KPI")
                .column("measures", Kind.LABEL, "what it measures")
                .column("green", Kind.LABEL, "green when")
                .column("amber", Kind.LABEL, "amber when")
                .column("red", Kind.LABEL, "red when");
        for (ScorecardRule r : ScorecardRule.values()) {
            if (r != ScorecardRule.TARGET_PROGRESS || question.target().isPresent()) {
                rules.row(r.kpi(), r.measures(), r.green(), r.amber(), r.red());
            }
        }
        List<ResultTable> out = new ArrayList<>(List.of(kpis.build(), questions.build(), spread.build(), tests.build()));
        if (question.target().isPresent()) {
            out.add(targets.build());
        }
        out.add(rules.build());
        return out;
    }

    /**
     * Whether the workforce's answers to the key question are withheld beside its published response rate:
     * those answers count "prefer not to say" (excluded) too, so less the classifiable answers the rate gives
     * they are the excluded rows, withheld when under the threshold (none, too: a zero is a count).
     */
    private boolean keyAnswersHidden(Card c, QuestionFill f, int q) {
        KeyCounts.Value response = c.response();
        return f.population().equals(POPULATIONS.get(POPULATIONS.size() - 1))
                && QuestionFill.QUESTIONS.get(q).equals("parental_occupation") && response.cells().length > 0
                && !hidden(response.cells()) && f.answered()[q] - response.cells()[0] < threshold();
    }

    private void kpiRows(Card c, ResultTable.Builder kpis) {
        KeyCounts.Value r = c.response();
        boolean responseHidden = hidden(r.cells());
        kpis.row(c.employer(), c.year(), ScorecardRule.RESPONSE_RATE.kpi(), responseHidden ? null : r.estimate(),
                responseHidden ? null : r.lower(), responseHidden ? null : r.upper(), NationalBenchmark.RESPONSE_RATE_TARGET,
                responseHidden || !r.defined() ? null : ScorecardRule.response(r.estimate()).label(),
                responseHidden ? "withheld: rests on a count under " + threshold() : null);
        for (QuestionFill f : c.questions()) {
            boolean[] collected = f.collected();
            long n = 0;
            List<String> names = new ArrayList<>();
            for (int q = 0; q < collected.length; q++) {
                if (collected[q]) {
                    n++;
                    names.add(QuestionFill.QUESTIONS.get(q));
                }
            }
            kpis.row(c.employer(), c.year(), ScorecardRule.QUESTIONS_COLLECTED.kpi() + " (" + f.population() + ")",
                    f.assessed() ? (double) n : null, null, null, null,
                    f.assessed() ? ScorecardRule.questions(collected).label() : null,
                    f.assessed() ? (names.isEmpty() ? "none collected" : "collected: " + String.join(", ", names))
                            : f.note());
        }
        KeyCounts.Value wc = c.shares().get(2);
        boolean spreadHidden = hidden(java.util.Arrays.copyOf(c.seb(), 3));
        boolean show = wc.defined() && !spreadHidden;
        kpis.row(c.employer(), c.year(), ScorecardRule.WORKFORCE_SPREAD.kpi(), show ? wc.estimate() : null,
                show ? wc.lower() : null, show ? wc.upper() : null, NationalBenchmark.WORKING_CLASS,
                show ? ScorecardRule.spread(wc.estimate()).label() : null,
                spreadHidden ? "withheld: rests on a count under " + threshold()
                        : wc.defined() ? "working-class share; Pearson fit to 34/24/42 in 'spread_test'"
                        : "no classifiable answers");
        c.progress().ifPresent(p -> {
            boolean hide = progressHidden(p);
            Trend.Period last = p.latest();
            kpis.row(c.employer(), c.year(), ScorecardRule.TARGET_PROGRESS.kpi(), hide ? null : last.share(),
                    hide ? null : last.interval().lower(), hide ? null : last.interval().upper(), p.target().share(),
                    hide ? null : ScorecardRule.target(p.reached(), p.towards()).label(),
                    hide ? "withheld: a year's count under " + threshold() : p.target().level() + " " + p.status());
        });
    }

    /** A trend is withheld when any year's count, or what it leaves of the year's classifiable, is under the threshold. */
    private boolean progressHidden(Progress p) {
        return p.trend().periods().stream().anyMatch(y -> hidden(new long[] {y.events(), y.total() - y.events()}));
    }

    private void targetRow(Card c, Progress p, ResultTable.Builder targets) {
        boolean hide = progressHidden(p);
        Trend.Period last = p.latest();
        Optional<LogisticTrend> fit = hide ? Optional.empty() : p.trend().logistic();
        Optional<CrossingYear> x = hide ? Optional.empty() : p.crossing();
        String note = hide ? "withheld: a year's count under " + threshold()
                : x.isPresent() && x.get().fiellerLower().isEmpty() ? "the Fieller interval is unbounded: the slope is"
                + " not distinguishable from zero at this level" : null;
        targets.row(c.employer(), p.target().level(), p.target().share(), p.trend().periods().get(0).label(),
                last.label(), hide ? null : last.share(), hide ? null : p.target().share() - last.share(),
                fit.map(LogisticTrend::oddsRatio).orElse(null), fit.map(f -> f.oddsRatioInterval().lower()).orElse(null),
                fit.map(f -> f.oddsRatioInterval().upper()).orElse(null),
                fit.map(f -> f.likelihoodRatio().pValue()).orElse(null), x.map(CrossingYear::year).orElse(null),
                x.flatMap(y -> boxed(y.fiellerLower())).orElse(null), x.flatMap(y -> boxed(y.fiellerUpper())).orElse(null),
                x.map(CrossingYear::deltaSe).orElse(null), x.map(CrossingYear::deltaLower).orElse(null),
                x.map(CrossingYear::deltaUpper).orElse(null), hide ? null : p.status(), note);
    }

    private static Optional<Double> boxed(java.util.OptionalDouble d) {
        return d.isPresent() ? Optional.of(d.getAsDouble()) : Optional.empty();
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (Card c : cards) {
            c.progress().filter(p -> !progressHidden(p)).ifPresent(p -> notes.add(headline(c, p)));
        }
        notes.add("Each employer is read in its latest year in the selection; the target's trend uses every selected"
                + " year.");
        notes.add("Response rate: classifiable answers to parental occupation over all rows. A question is collected"
                + " from a group when at least " + Math.round(QuestionFill.COLLECTED * 100) + "% of its rows answered"
                + " it (any non-empty value, 'prefer not to say' included); parent_degree is asked of graduates only.");
        notes.add("New hires: rows of the latest year whose person_id is not among the employer's rows of the year"
                + " before (found among all loaded rows, whatever the filter); not assessed without the year before or"
                + " on cube files. Apprentices: entry_route = apprenticeship. Applicants: "
                + (cards.stream().anyMatch(c -> c.questions().get(0).assessed()) ? "each employer's applications in the"
                        + " latest year of the applicants files (ladder scorecard --applicants)."
                        : "no applicants data (give the applicants files with --applicants)."));
        notes.add("Shares have Wilson intervals (R prop.test(x, n, correct = FALSE)); gaps to the national share treat"
                + " it as fixed; the spread test is Pearson's goodness of fit (R chisq.test(x, p = c(.34, .24, .42))).");
        if (question.target().isPresent()) {
            notes.add("Target: the logistic trend glm(cbind(x, n - x) ~ year, binomial) of the yearly shares; the year it"
                    + " reaches the target is year* = (logit(target) - a) / b. Its interval inverts the Wald band of the"
                    + " linear predictor (Fieller 1954; Finney 1971, Probit Analysis, 4.5), unbounded when the slope is"
                    + " not significant at the level; the delta-method interval is R's MASS::dose.p. A trend that is"
                    + " flat or moves away gives no year: not reached on the current trend.");
        }
        if (questionsNote != null) {
            notes.add("Questions for apprentices and the workforce are not assessed: " + questionsNote
                    + "; build the cubes with --dims employer_id,year,seb,entry_route," + String.join(",",
                    QuestionFill.QUESTIONS) + ".");
        }
        if (published) {
            notes.add("Disclosure control: a value resting on a count under " + SmallCellSuppression.DEFAULT_THRESHOLD
                    + " (or on a total less such a count) is withheld with its counts.");
        }
        return notes;
    }

    private static String headline(Card c, Progress p) {
        Trend.Period last = p.latest();
        String share = String.format(Locale.ROOT, "%s: %.1f%% %s in %s against a target of %.1f%%", c.employer(),
                100 * last.share(), p.target().level().replace('_', ' '), last.label(), 100 * p.target().share());
        if (p.reached()) {
            return share + ": reached.";
        }
        if (p.crossing().isEmpty()) {
            return share + ": not reached on the current trend.";
        }
        CrossingYear x = p.crossing().get();
        return share + String.format(Locale.ROOT, "; on the current trend it is reached in %.1f (Fieller interval %s).",
                x.year(), x.fiellerLower().isPresent() ? String.format(Locale.ROOT, "%.1f to %.1f",
                        x.fiellerLower().getAsDouble(), x.fiellerUpper().getAsDouble()) : "unbounded: the trend is not"
                        + " distinguishable from flat");
    }
}
