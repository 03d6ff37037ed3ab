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
                + " seb for reaching grade 4); " + derived);
        b.row("Progression", "adjusted odds ratios (logistic models)", "model output check: a coefficient resting on"
                + " fewer than 10 people withheld; the whole model withheld when its residual degrees of freedom are"
                + " under 10");
        b.row("Intersections", "rates by seb x gender x ethnicity, MAIHDA strata", "the analysis's own control: each"
                + " cell's events, non-events and n and the pool's, counts under 10 withheld with what would reveal them"
                + " (not yet in the report's plan: its linear programs over the four-way table take too long on a pool"
                + " of many small cells); " + derived);
        b.row("Intersections", "MAIHDA variance and fixed effects", "model statistics over every stratum: published, none"
                + " rests on one cell");
        b.row("The class pay gap", "pay means, medians, quartiles and gaps", "the pay analysis's own control (ladder.models.pay.PayDisclosure):"
                + " a mean, total or gap withheld under 10 people or when the (n, k) dominance rule with n = 2, k = 90%"
                + " fails (the two largest values over 90% of the total); a median or quartile withheld under 10 people"
                + " or when a value it is read from is held by fewer than 3 people");
        b.row("Time to promotion", "Kaplan-Meier curves, medians, log-rank, Cox", "the survival analysis's own control:"
                + " a time point withheld when fewer than 10 are at risk or fewer than 10 promotions lie behind it; the"
                + " numbers at risk under 10 withheld; log-rank and Cox over every group, published with the groups'"
                + " sizes");
        b.row("Getting in and getting on", "entry routes and training take-up", plan + " (entry_route x seb x promoted,"
                + " grade x seb x training); " + derived + "; reaching grade 4 by route: the analysis's own control");
        b.row("Getting in and getting on", "the recruitment funnel, promotion after training", (pack
                ? "the funnel: the plan of the applications the employer's standing figures are read from (part x stage"
                + " stopped at x seb, the employer's part being the funnel's table), so that the funnel and those"
                + " figures withhold together; its Mantel-Haenszel odds ratios rest on one employer and are withheld"
                + " with the crude ones; promotion after training: the analysis's own control"
                : "the analysis's own control (counts under 10 withheld with what would reveal them)")
                + ": applicants are another population, and promotion after training follows people linked across"
                + " years");
        b.row("Regions", "composition by region", plan + " (region x seb); " + derived);
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
        for (Result r : seen) {
            List<String> lines = new ArrayList<>();
            r.inputs().forEach((k, v) -> lines.add(k + ": " + v));
            out.heading(r.title()).paragraph("Options and inputs:").words(lines).paragraph("Methods and notes:")
                    .words(r.notes());
        }
        return out.part();
    }
}
