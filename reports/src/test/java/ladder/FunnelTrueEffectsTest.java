package ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import ladder.datasets.ApplicantGenerator;
import ladder.datasets.ApplicantSpec;
import ladder.models.contingency.Estimate;
import ladder.models.contingency.ProgressionOdds;
import ladder.models.funnel.RecruitmentFunnel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The effects the generator puts into applications come back out of the funnel: on a generated
 * pool of 300,000 applications to 30 employers, each stage's Mantel-Haenszel odds ratio within
 * employers (the estimand of {@link ApplicantSpec}: the conditional odds ratio of progressing given
 * the employer) has an interval that holds the true odds ratio, {@code exp(stageWorkingClass[s])}
 * for working class and {@code exp(stageWorkingClass[s] / 2)} for intermediate. Eight intervals
 * are checked at once, so each is at 1 - 0.05/8 (Bonferroni: all eight hold with probability at
 * least 95% under the model). A pool without effects gives intervals that hold 1.
 */
class FunnelTrueEffectsTest {
    private static final int CHECKS = 2 * ApplicantSpec.STEPS;
    private static final double LEVEL = 1 - 0.05 / CHECKS;

    private static RecruitmentFunnel funnel(ApplicantSpec spec, Path dir) throws IOException {
        Path file = dir.resolve("applicants.csv");
        assertEquals(spec.rows(), ApplicantGenerator.write(spec, file));
        return Ladder.applicants(file.toString()).funnel().level(LEVEL).result();
    }

    private static void assertRecovered(ApplicantSpec spec, RecruitmentFunnel f) {
        assertEquals(ApplicantSpec.STEPS, f.odds().size());
        for (int s = 0; s < ApplicantSpec.STEPS; s++) {
            double effect = spec.stageWorkingClass().get(s);
            List<ProgressionOdds.Comparison> cs = f.odds().get(s).groups().get(0).comparisons();
            assertEquals(List.of("intermediate", "working_class"), cs.stream().map(ProgressionOdds.Comparison::exposureLevel)
                    .toList());
            for (ProgressionOdds.Comparison c : cs) {
                double truth = Math.exp(c.exposureLevel().equals("working_class") ? effect : effect / 2);
                Estimate mh = c.stratified().oddsRatio();
                assertTrue(mh.lower() <= truth && truth <= mh.upper(), f.stages().get(s + 1) + " " + c.exposureLevel()
                        + ": true odds ratio " + truth + " outside the Mantel-Haenszel interval [" + mh.lower() + ", "
                        + mh.upper() + "] (estimate " + mh.estimate() + ")");
            }
        }
    }

    @Test
    void theStageEffectsAreRecoveredWithinTheirIntervals(@TempDir Path dir) throws IOException {
        ApplicantSpec spec = ApplicantSpec.defaults(300_000, 30, 2022, 2024, 7);
        RecruitmentFunnel f = funnel(spec, dir);
        assertRecovered(spec, f);
        // The effects are big enough to show: working class progress less at the first stage.
        Estimate first = f.odds().get(0).groups().get(0).comparisons().get(1).stratified().oddsRatio();
        assertTrue(first.upper() < 1, "shortlisting odds ratio below 1: " + first);
    }

    @Test
    void aPoolWithoutEffectsShowsNone(@TempDir Path dir) throws IOException {
        ApplicantSpec spec = ApplicantSpec.defaults(200_000, 20, 2022, 2024, 8).withoutEffects();
        assertRecovered(spec, funnel(spec, dir));
    }
}
