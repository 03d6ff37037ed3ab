package ladder.reports.report;

import java.util.List;
import ladder.models.intersect.IntersectionalBreakdown;
import ladder.models.intersect.PAdjust;
import ladder.models.multilevel.MaihdaOnCube;

/**
 * Intersections: the promotion rate in each SEB x gender x ethnicity cell against the rest of the
 * pool ({@link IntersectionalBreakdown}, Benjamini-Hochberg adjusted), and the intersectional
 * multilevel model of the same strata ({@link MaihdaOnCube}: VPC, PCV, each stratum's interaction).
 */
final class IntersectionSection implements Section {
    static final List<String> STRATA = List.of("seb", "gender", "ethnicity");
    private final Attempt breakdown;
    private final Attempt maihda;

    IntersectionSection(ReportInputs inputs) {
        breakdown = Attempt.of("Promotion by SEB x gender x ethnicity", () -> IntersectionalBreakdown.of(inputs.cubes(),
                new IntersectionalBreakdown.Question("promoted", STRATA, PAdjust.BH, 0.95)).publishable());
        maihda = Attempt.of("MAIHDA of promotion", () -> MaihdaOnCube.of(inputs.cubes(),
                new MaihdaOnCube.Question("promoted", STRATA, 1, 0.95)).publishable());
    }

    @Override
    public void publish(Disclosure disclosure, PartWriter out) {
        out.paragraph("Promotion in the year by SEB, gender and ethnicity"
                        + " together: each cell's rate against the rest of the pool, then MAIHDA (a random intercept per"
                        + " stratum) for how much of the variation lies between the strata and how much their"
                        + " combination adds to the main effects.")
                .analysis(breakdown).analysis(maihda);
    }
}
