package ladder.models.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A month's Efron and Breslow factors in closed form against the loop over factors that
 * survival's coxfit6.c runs (den_j = a - (j/D) E0, weight 1 each; Breslow one factor of weight D),
 * summed with compensation, to 1e-12 relative, including the month where the promoted's weight underflows beside the risk set's.
 */
class TieFactorsTest {

    @ParameterizedTest
    @CsvSource({"EFRON,1,3.5,0.7", "EFRON,2,3.5,0.7", "EFRON,17,40,30", "EFRON,17,17,17", "EFRON,1000,1e6,2500",
            "EFRON,100000,100000,100000", "EFRON,40,1e9,1e-3", "EFRON,40,2.5,1e-320", "BRESLOW,1,3.5,0.7",
            "BRESLOW,1000,1e6,2500"})
    void equalsTheLoopOverFactors(Ties ties, long deaths, double a, double e0) {
        boolean efron = ties == Ties.EFRON && deaths > 1;
        long factors = efron ? deaths : 1;
        double weight = efron ? 1 : deaths;
        CompensatedSum[] loop = new CompensatedSum[5];
        for (int k = 0; k < 5; k++) {
            loop[k] = new CompensatedSum();
        }
        for (long j = 0; j < factors; j++) {
            double down = efron ? (double) j / deaths : 0;
            double den = a - down * e0;
            loop[0].add(weight * Math.log(den));
            loop[1].add(weight / den);
            loop[2].add(weight / (den * den));
            loop[3].add(weight * (1 - down) / den);
            loop[4].add(weight * (1 - down) / (den * den));
        }
        TieFactors f = TieFactors.of(ties, deaths, a, e0);
        double[] closed = {f.logSum(), f.h1(), f.h2(), f.h1Share(), f.h2Share()};
        String[] names = {"logSum", "h1", "h2", "h1Share", "h2Share"};
        for (int k = 0; k < 5; k++) {
            assertEquals(loop[k].value(), closed[k], 1e-12 * Math.abs(loop[k].value()), names[k]);
        }
        // Efron's split of the promoted's weight needs E0 to be resolvable beside a; else every den is a.
        assertEquals(efron && a / (e0 / deaths) < Double.POSITIVE_INFINITY, f.split());
    }

    @ParameterizedTest
    @CsvSource({"Infinity,1", "NaN,1", "Infinity,Infinity"})
    void aWeightThatIsNotFiniteGivesALogLikelihoodThatIsNot(double a, double e0) {
        TieFactors f = TieFactors.of(Ties.EFRON, 5, a, e0);
        assertFalse(Double.isFinite(f.logSum()), "logSum " + f.logSum());
    }
}
