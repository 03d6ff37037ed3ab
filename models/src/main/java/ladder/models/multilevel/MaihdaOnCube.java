package ladder.models.multilevel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ladder.engine.LadderException;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.engine.cube.Dimension;
import ladder.engine.cube.Outcome;
import ladder.models.pay.Factor;
import ladder.models.result.Answers;

/**
 * MAIHDA read from a cube: the cube over the strata's dimensions and the outcome gives one
 * binomial row per intersectional stratum (its people and events), the same likelihood as the
 * person-level fit up to a constant, at a cost that follows the strata, not the rows. Rows at a
 * level that is not an answer (seb excluded or missing, prefer not to say) are left out of the
 * strata and counted.
 */
public final class MaihdaOnCube {
    private MaihdaOnCube() {
    }

    /**
     * What is asked.
     *
     * @param outcome a 0/1 column or a condition (grade>=4)
     * @param strata the dimensions whose level combinations are the strata, e.g. seb, gender, ethnicity
     * @param points 1 for the Laplace approximation, more for adaptive Gauss-Hermite quadrature
     * @param level the confidence level
     */
    public record Question(String outcome, List<String> strata, int points, double level) {
        public Question {
            strata = strata.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
            if (strata.isEmpty()) {
                throw new LadderException("--strata names the dimensions of the intersectional strata, e.g. seb,gender,ethnicity");
            }
            if (points < 1 || points > 25) {
                throw new LadderException("--nagq must be 1 (Laplace) to 25 quadrature points, not " + points);
            }
        }
    }

    /**
     * The MAIHDA result, the rows left out (by column and level), and whether it is for
     * publication: then a stratum with fewer than 10 people, events or non-events has its counts,
     * rate and predictions withheld (its size could be worked out from them), marked in the
     * {@code interaction} column.
     */
    public record Fitted(Maihda maihda, Map<String, Long> excluded, boolean publish)
            implements ladder.models.result.Result {
        static final int THRESHOLD = 10;

        public Fitted publishable() {
            return new Fitted(maihda, excluded, true);
        }

        @Override
        public String title() {
            return maihda.title();
        }

        @Override
        public Map<String, Object> inputs() {
            Map<String, Object> inputs = new LinkedHashMap<>(maihda.inputs());
            inputs.put("rows_excluded", Answers.leftOutTotal(excluded, publish ? THRESHOLD : 0));
            inputs.put("disclosure_control", publish ? "strata with a count under 10 withheld" : "none (not for publication)");
            return inputs;
        }

        @Override
        public List<ladder.models.result.ResultTable> tables() {
            List<ladder.models.result.ResultTable> out = new ArrayList<>();
            for (ladder.models.result.ResultTable t : maihda.tables()) {
                if (!publish || !t.name().equals("strata")) {
                    out.add(t);
                    continue;
                }
                int n = t.column("n");
                int events = t.column("events");
                List<List<Object>> rows = new ArrayList<>();
                for (List<Object> row : t.rows()) {
                    double people = (Double) row.get(n);
                    double e = (Double) row.get(events);
                    List<Object> copy = new ArrayList<>(row);
                    if (people < THRESHOLD || e < THRESHOLD || people - e < THRESHOLD) {
                        for (int c = 0; c < copy.size(); c++) {
                            String name = t.columns().get(c).name();
                            if (t.columns().get(c).kind() != ladder.models.result.ResultTable.Kind.LABEL
                                    && !name.equals("rank")) {
                                copy.set(c, null);
                            }
                        }
                        copy.set(t.column("interaction"), "withheld: a count under " + THRESHOLD);
                    }
                    rows.add(copy);
                }
                out.add(new ladder.models.result.ResultTable(t.name(), t.title(), t.columns(), rows));
            }
            return out;
        }

        @Override
        public List<String> notes() {
            List<String> notes = new ArrayList<>(maihda.notes(publish));
            if (!excluded.isEmpty()) {
                notes.add(LEFT_OUT + " of the strata: rows at a level that is not an answer ("
                        + Answers.leftOut(excluded, publish ? THRESHOLD : 0) + ").");
            }
            if (publish) {
                notes.add("Disclosure control: strata with fewer than " + THRESHOLD + " people, events or non-events have"
                        + " their counts, rates and predictions withheld; the variance components rest on every stratum.");
            }
            return notes;
        }

        @Override
        public List<ladder.models.result.Chart> charts() {
            return publish ? List.of() : maihda.charts();
        }
    }

    public static Fitted of(CubeSource source, Question q) {
        Outcome outcome = Outcome.parse(q.outcome());
        CubeSource.requireCategorical(q.strata(), "a stratum dimension");
        if (q.strata().contains(outcome.column())) {
            throw new LadderException("the outcome's column " + outcome.column() + " is also a stratum dimension");
        }
        List<String> dims = new ArrayList<>(q.strata());
        dims.add(outcome.column());
        Cube cube = outcome.applyTo(source.cube(dims, List.of()));
        Map<String, Long> excluded = new LinkedHashMap<>();
        for (String s : q.strata()) {
            Dimension d = cube.dimensions().get(cube.dimension(s));
            for (String level : d.levels()) {
                if (!Answers.isAnswer(level)) {
                    long n = cube.count(Map.of(s, level));
                    if (n > 0) {
                        excluded.merge(s + " " + level, n, Long::sum);
                    }
                }
            }
            cube = cube.where(s, Answers::isAnswer);
        }
        if (cube.total() == 0) {
            throw new LadderException("the selection has no rows with an answer for every stratum dimension");
        }
        Cube kept = cube;
        List<Factor> factors = new ArrayList<>();
        for (String s : q.strata()) {
            Dimension d = kept.dimensions().get(kept.dimension(s));
            List<String> present = d.levels().stream().filter(l -> kept.count(Map.of(s, l)) > 0).toList();
            String reference = s.equals("seb") && present.contains("professional") ? "professional" : present.get(0);
            factors.add(new Factor(s, present, reference));
        }
        Map<List<String>, double[]> strata = new LinkedHashMap<>();
        int y = cube.dimension(Outcome.AXIS);
        for (int c = 0; c < cube.size(); c++) {
            List<String> levels = new ArrayList<>();
            for (String s : q.strata()) {
                levels.add(cube.label(c, cube.dimension(s)));
            }
            double[] ny = strata.computeIfAbsent(levels, k -> new double[2]);
            ny[0] += cube.count(c);
            if (cube.label(c, y).equals("1")) {
                ny[1] += cube.count(c);
            }
        }
        List<BinomialRow> rows = new ArrayList<>();
        strata.forEach((levels, ny) -> rows.add(new BinomialRow(String.join(" / ", levels), levels, ny[0], ny[1])));
        Maihda m = Maihda.of(factors, rows, q.points() == 1 ? Approximation.LAPLACE : Approximation.ADAPTIVE_GAUSS_HERMITE,
                q.points(), PredictionInterval.WITH_FIXED_EFFECTS, q.level());
        return new Fitted(m, excluded, false);
    }
}
