package ladder.reports.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ladder.models.benchmark.KeyFigure;
import ladder.models.composition.Composition;
import ladder.models.composition.NationalBenchmark;
import ladder.models.describe.Description;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.result.Chart;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;

/**
 * The data: employers, years and rows ({@link Description}), the response rate to the parental
 * occupation question by employer and year against the Social Mobility Commission's 70% target
 * (with the Wilson intervals of {@link Composition} by employer and year), and what loading
 * rejected and why (the load's account), or what the cube files say.
 */
final class DataSection implements Section {
    private final Description description;
    private final Composition byEmployerYear;
    private final Result account;

    DataSection(ReportInputs inputs) {
        description = Description.of(inputs.cubes());
        byEmployerYear = Composition.of(inputs.cubes(), List.of("employer_id", "year"), 0.95);
        account = inputs.account();
    }

    @Override
    public void publish(Disclosure disclosure, PartWriter out) {
        Map<String, Object> totals = description.inputs();
        SebCells pool = new SebCells(disclosure, PlanTables.RESPONSE, List.of(SuppressionPlan.TOTAL, SuppressionPlan.TOTAL));
        out.paragraph("The pool holds " + totals.get("employers") + " employers and the years " + totals.get("years")
                + ", " + (pool.rows() ? "a number of rows withheld" : String.format("%,d rows", (Long) totals.get("rows")))
                + ". The response rate is the share of rows with an answer to the parental occupation question in the"
                + " three groups (professional, intermediate, working class); the Social Mobility Commission's target"
                + " is at least " + Words.percent(NationalBenchmark.RESPONSE_RATE_TARGET) + ".");
        out.rests(description).table(Disclosure.mask(description.tables().get(0), row -> responseRule(disclosure, row)));
        ResultTable cells = Disclosure.mask(byEmployerYear.tables().get(1), row -> responseRule(disclosure, row));
        out.rests(byEmployerYear).chart(responseChart(cells));
        out.heading("Rows read, accepted and rejected").rests(account);
        Map<String, Object> read = new LinkedHashMap<>(account.inputs());
        List<String> lines = new ArrayList<>();
        read.forEach((k, v) -> lines.add(k + ": " + v));
        out.words(lines);
        for (ResultTable t : account.tables()) {
            if (t.name().equals("rejections")) {
                // The first rejected rows show what a person's record held: named by rule and count only.
                continue;
            }
            out.table(t.column("rows") >= 0 ? Disclosure.mask(t, row -> smallCount(row, "rows")) : t);
        }
        out.words(account.notes());
    }

    /** A row of a table by employer and year: its counts from the plan's response table. */
    private static Set<String> responseRule(Disclosure disclosure, Disclosure.Row row) {
        return new SebCells(disclosure, PlanTables.RESPONSE, List.of(row.label("employer_id"), row.label("year")))
                .cellColumns(row);
    }

    static Set<String> smallCount(Disclosure.Row row, String column) {
        Object v = row.value(column);
        return v instanceof Long n && n < Disclosure.THRESHOLD ? Set.of(column) : Set.of();
    }

    /** Response rate by employer (categories) and year (series), with Wilson whiskers and the 70% target. */
    private static Chart responseChart(ResultTable cells) {
        List<String> employers = new ArrayList<>();
        List<String> years = new ArrayList<>();
        for (int r = 0; r < cells.rows().size(); r++) {
            String e = (String) cells.get(r, "employer_id");
            String y = (String) cells.get(r, "year");
            if (!employers.contains(e)) {
                employers.add(e);
            }
            if (!years.contains(y)) {
                years.add(y);
            }
        }
        List<Chart.Series> series = new ArrayList<>();
        for (String y : years) {
            List<Double> v = new ArrayList<>(), lo = new ArrayList<>(), hi = new ArrayList<>();
            for (String e : employers) {
                int r = find(cells, e, y);
                v.add(r < 0 ? null : (Double) cells.get(r, "response_rate"));
                lo.add(r < 0 ? null : (Double) cells.get(r, "response_lower"));
                hi.add(r < 0 ? null : (Double) cells.get(r, "response_upper"));
            }
            series.add(new Chart.Series(y, v, lo, hi));
        }
        return new Chart.IntervalBars("Response rate to the parental occupation question",
                "Classifiable answers over rows, by employer and year, with 95% Wilson intervals; dashed line: the"
                        + " 70% target; n: the employer's rows", "employer", "response rate", true,
                employers.stream().map(e -> labelled(cells, e)).toList(), series,
                List.of(new Chart.Reference("target 70%", NationalBenchmark.RESPONSE_RATE_TARGET, -1,
                        KeyFigure.RESPONSE_RATE.id())));
    }

    /** The employer with its rows over the years, "E001 (n=6,397)", when every year's count is published. */
    private static String labelled(ResultTable cells, String employer) {
        long n = 0;
        for (int r = 0; r < cells.rows().size(); r++) {
            if (employer.equals(cells.get(r, "employer_id"))) {
                Long rows = (Long) cells.get(r, "rows");
                if (rows == null) {
                    return employer;
                }
                n += rows;
            }
        }
        return employer + String.format(java.util.Locale.UK, " (n=%,d)", n);
    }

    private static int find(ResultTable cells, String employer, String year) {
        for (int r = 0; r < cells.rows().size(); r++) {
            if (employer.equals(cells.get(r, "employer_id")) && year.equals(cells.get(r, "year"))) {
                return r;
            }
        }
        return -1;
    }
}
