package ladder.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import ladder.Ladder;
import ladder.Pool;
import ladder.datasets.GeneratorSpec;
import ladder.datasets.PoolGenerator;
import ladder.models.progression.ProgressionAfter;
import ladder.models.progression.TrainingTakeUp;
import ladder.models.regression.Coefficient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's training effect comes back out of {@code ladder training}: in
 * {@link PoolGenerator}'s model {@code training} is Bernoulli with log-odds
 * {@code -0.1 - 0.3*WC - 0.15*INT + 0.3*[grade <= 2]}, so {@code training ~ seb + C(grade)} is
 * correctly specified and its SEB coefficients must lie within four standard errors of -0.30
 * (working class) and -0.15 (intermediate). And the generator links people across years: a
 * person keeps their person_id within their employer, with no gap and no demotion.
 */
class TrainingEffectTest {
    private static final GeneratorSpec SPEC = GeneratorSpec.defaults(240_000, 24, 2022, 2024, 17);
    private static Pool pool;

    @BeforeAll
    static void generate(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pool.csv");
        PoolGenerator.write(SPEC, file);
        pool = Ladder.load(file.toString());
    }

    private static void near(double truth, Coefficient c) {
        double z = (c.estimate() - truth) / c.se();
        assertTrue(Math.abs(z) < 4, c.name() + ": estimate " + c.estimate() + " (se " + c.se() + ") is " + z
                + " standard errors from the true " + truth);
    }

    @Test
    void theTrueTrainingLogOddsRatiosAreRecovered() {
        TrainingTakeUp training = pool.training().adjust("C(grade)").cluster(null).result();
        near(-0.30, training.model().model().coefficient("seb=working_class"));
        near(-0.15, training.model().model().coefficient("seb=intermediate"));
        // A wrong truth is rejected: the test can fail.
        Coefficient wc = training.model().model().coefficient("seb=working_class");
        assertTrue(Math.abs(wc.estimate()) / wc.se() > 4, "the effect is distinguishable from none");
    }

    @Test
    void peopleAreLinkedAcrossYearsWithoutGapsOrDemotions() {
        ProgressionAfter after = pool.afterTraining().window(1).result();
        ProgressionAfter.Linkage linkage = after.linkage();
        assertEquals(SPEC.rows(), linkage.personYears());
        assertTrue(linkage.persons() < SPEC.rows() * 0.6, "most people appear in more than one year: " + linkage);
        assertEquals(0, linkage.personsWithGaps(), "the generator's people stay in one unbroken run of years");
        assertEquals(0, linkage.demotions(), "grade never falls in the generator");
    }
}
