package ladder.reports.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import ladder.engine.cube.CubeFile;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;

/**
 * The methods appendix: each analysis with the options it ran with (its inputs) and its notes
 * (methods and their sources), the disclosure rule applied, the software version, the SHA-256 of
 * each input file and the command that reproduces the report.
 */
final class MethodsAppendix {
    static final String ID = "methods";

    /**
     * The inputs of an analysis the appendix prints: its options. The others are counts of the data (rows used,
     * people, events: not all counts of the report's plan) or its findings, and are left out, as is any input
     * not named here.
     */
    static final Set<String> OPTIONS = Set.of("filter", "years", "by", "confidence_level", "level", "benchmark",
            "disclosure_control", "share", "over", "grades", "strata", "reference_group", "outcome", "outcomes", "exposure",
            "reference", "formula", "reference_levels", "clusters", "covariance", "excluded_levels", "fitted_to", "cluster",
            "output_check", "dimensions", "p_adjustment", "approximation", "interval", "mean_gap_interval", "bootstrap",
            "quarters", "quantile_type", "time", "event", "groups_seb", "ties", "routes", "cohort", "window_years",
            "last_year", "employers");

    private MethodsAppendix() {
    }

    /**
     * Which rule each section's figures are published under: counts under the report's plan, and
     * for figures that are not counts (odds ratios, model coefficients, pay, survival curves) the
     * rule of the analysis that makes them.
     */
    private static ResultTable rules(boolean pack) {
        String plan = "counts: the report's plan";
        String derived = "rates, shares, intervals, odds ratios and tests: withheld with any count they rest on";
        ResultTable.Builder b = ResultTable.builder("disclosure_rules", "The disclosure rule of each section's figures")
                .column("section", Kind.LABEL, "the report's section")
                .column("figures", Kind.LABEL, "the figures")
                .column("rule", Kind.LABEL, "how they are published");
        b.row("The data", "rows, response rates by employer and year", plan + " (employer_id x year x seb); " + derived);
        b.row("Class composition", "composition overall and by year, trend", plan + " (its margins of employer_id x year"
                + " x seb); " + derived + "; the trend tests and changes withheld whole when any year is");
        b.row("Supplementary questions", "shares by year", plan + " (school_type x year, free_school_meals x year,"
                + " entry_route x parent_degree x year); " + derived + "; trend tests withheld whole when any year is");
        b.row("The class ceiling", "composition and odds by grade", plan + " (grade x seb; a cut's counts are sums over"
                + " grades, printed only when they follow from printed counts); " + derived + "; Mantel-Haenszel odds"
                + " ratios: the analysis's own control (strata under 10 withheld)");
        b.row("Progression", "crude and Mantel-Haenszel odds ratios", plan + " (employer_id x seb x promoted; grade x"
                + " seb for reaching grade 4; a stratum's counts of a group are the plan's employer x seb count); "
                + derived + "; a Mantel-Haenszel ratio over one employer is the crude one and is withheld with it");
        b.row("Progression", "adjusted odds ratios (logistic models)", "model output check: a coefficient resting on"
                + " fewer than 10 people withheld; the whole model withheld when its residual degrees of freedom are"
                + " under 10; its people and events (and the fit statistics that give them back: degrees of freedom,"
                + " null deviance, BIC) under the plan: the pool's rows, those promoted or at grade 4 or above");
        b.row("Intersections", "rates by seb x gender x ethnicity, MAIHDA strata", plan + " (seb x gender x ethnicity x"
                + " promoted, every level of gender and ethnicity, so that its seb x promoted margin is the promotion"
                + " table's); " + derived + "; a cell is compared with those who answered gender and ethnicity, a sum"
                + " printed only when it follows from printed counts");
        b.row("Intersections", "MAIHDA variance and fixed effects", "model statistics over every stratum: published, none"
                + " rests on one cell");
        b.row("The class pay gap", "people with hourly pay, with a bonus recorded and paid, in each pay quarter", plan
                + " (seb x pay quarter or no hourly pay, seb x bonus recorded, unpaid or paid, over every row); the"
                + " group's figures, its gaps and its quarter shares withheld with its counts (a quarter's share with"
                + " the quarter's people of the three groups, printed only when it follows from printed counts)");
        b.row("The class pay gap", "pay means, medians, quartiles and gaps", "the pay analysis's own control (ladder.models.pay.PayDisclosure):"
                + " a mean, total or gap withheld under 10 people or when the (n, k) dominance rule with n = 2, k = 90%"
                + " fails (the two largest values over 90% of the total); a median or quartile withheld under 10 people"
                + " or when a value it is read from is held by fewer than 3 people");
        b.row("Time to promotion", "numbers at risk, log-rank n and promotions", plan + " (seb x months in grade, in"
                + " bands cut at the months shown, x promoted: each number a sum of bands, printed only when it follows"
                + " from printed counts); the survival estimates of a month with its number at risk; the log-rank test"
                + " whole when any group's counts are withheld; the promotions between the months shown not printed"
                + " (no sum of the bands)");
        b.row("Time to promotion", "Kaplan-Meier curves, medians, Cox", "the survival analysis's own control:"
                + " a time point withheld when fewer than 10 are at risk or fewer than 10 promotions lie behind it;"
                + " Cox over every group; the curves drawn only where the plan withholds nothing more");
        b.row("Getting in and getting on", "entry routes and training take-up", plan + " (entry_route x seb x promoted,"
                + " grade x seb x training); " + derived + "; reaching grade 4 by route: the analysis's own control");
        b.row("Getting in and getting on", "the recruitment funnel, promotion after training", (pack
                ? "the funnel: the plan of the applications the employer's standing figures are read from (part x stage"
                + " stopped at x seb, the employer's part being the funnel's table), so that the funnel and those"
                + " figures withhold together; its Mantel-Haenszel odds ratios rest on one employer and are withheld"
                + " with the crude ones; promotion after training: a group's cohort is the plan's grade x seb x"
                + " training count (its follow-up withheld with it; those excluded and missing split the plan's"
                + " count of non-answers and are withheld), the follow-up's parts the analysis's own control"
                : "the funnel: the analysis's own control (counts under 10 withheld with what would reveal them);"
                + " promotion after training: a group's cohort is the plan's grade x seb x training count (its"
                + " follow-up withheld with it; those excluded and missing split the plan's count of non-answers and"
                + " are withheld), the follow-up's parts the analysis's own control")
                + ": applicants are another population, and promotion after training follows people linked across"
                + " years");
        b.row("Regions", "composition by region", plan + " (region x seb); " + derived);
        b.row("Every section", "an analysis's findings in words, its counts of rows left out", "findings left out"
                + " wherever the plan withholds more of the analysis's tables than its own control did (they rest on"
                + " them); counts of rows left out not printed (the non-answers by kind, rows without pay or a time in"
                + " grade: not all counts of the plan; the data section prints the non-answers it publishes); this"
                + " appendix lists each analysis's options, not its counts");
        return b.build();
    }

    static Part of(List<Part> parts, ReportInputs inputs, Disclosure disclosure) {
        PartWriter out = new PartWriter(ID, "Methods appendix");
        out.heading("Reproducing this report");
        out.paragraph("Made by ladder " + CubeFile.LADDER_VERSION + " (data contract version " + CubeFile.CONTRACT_VERSION
                + ") on Java " + Runtime.version() + ". The same inputs and this command give the same report:");
        out.figure("<pre class=\"command\">" + ladder.reports.render.Html.escape(inputs.command()) + "</pre>");
        ResultTable.Builder files = ResultTable.builder("inputs", "Input files and the SHA-256 of their bytes")
                .column("file", Kind.LABEL, "an input file as given")
                .column("sha256", Kind.LABEL, "SHA-256 of the file's bytes");
        inputs.files().forEach(f -> files.row(f.path(), f.sha256()));
        out.table(files.build());
        out.heading("Disclosure control").paragraph(disclosure.rule());
        out.table(rules(inputs.employer().isPresent()));
        out.heading("Analyses, their options and methods");
        Set<Result> seen = new LinkedHashSet<>();
        for (Part p : parts) {
            seen.addAll(p.analyses());
        }
        out.paragraph("Each analysis with its options, methods and caveats. Its counts (rows used and left out, people,"
                + " events) and findings are not repeated here: they are in its section, published under the report's"
                + " plan.");
        for (Result r : seen) {
            List<String> lines = new ArrayList<>();
            r.inputs().forEach((k, v) -> {
                if (OPTIONS.contains(k)) {
                    lines.add(k + ": " + v);
                }
            });
            Set<String> findings = new java.util.HashSet<>(r.findings());
            out.heading(r.title()).paragraph("Options:").words(lines).paragraph("Methods and notes:")
                    .words(PartWriter.published(r, true).stream().filter(n -> !findings.contains(n)).toList());
        }
        return out.part();
    }
}
