package ladder.models.composition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ladder.engine.contract.Seb;
import org.junit.jupiter.api.Test;

class NationalBenchmarkTest {

    /** DATA-CONTRACT.md, "National benchmarks (Social Mobility Commission)". */
    @Test
    void valuesAreTheContractsFigures() {
        assertEquals(0.34, NationalBenchmark.PROFESSIONAL);
        assertEquals(0.24, NationalBenchmark.INTERMEDIATE);
        assertEquals(0.42, NationalBenchmark.WORKING_CLASS);
        assertEquals(0.075, NationalBenchmark.INDEPENDENT_SCHOOL);
        assertEquals(0.15, NationalBenchmark.FREE_SCHOOL_MEALS);
        assertEquals(0.67, NationalBenchmark.FIRST_GENERATION_GRADUATES);
        assertEquals(0.70, NationalBenchmark.RESPONSE_RATE_TARGET);
        assertEquals(0.87, NationalBenchmark.RESPONSE_RATE_LEADING_NEW_HIRES);
        assertEquals(0.86, NationalBenchmark.RESPONSE_RATE_LEADING_CURRENT_EMPLOYEES);
    }

    @Test
    void workingPopulationSharesFollowTheClassifiableOrderAndSumToOne() {
        double[] shares = NationalBenchmark.workingPopulationShares();
        assertArrayEquals(new double[] {0.34, 0.24, 0.42}, shares);
        for (int i = 0; i < shares.length; i++) {
            assertEquals(NationalBenchmark.workingPopulationShare(Seb.CLASSIFIABLE.get(i)), shares[i]);
        }
        assertEquals(1, shares[0] + shares[1] + shares[2], 1e-15);
        shares[0] = 0;
        assertEquals(0.34, NationalBenchmark.workingPopulationShares()[0], "a fresh copy each call");
    }

    @Test
    void unclassifiableGroupsHaveNoShare() {
        assertThrows(IllegalArgumentException.class, () -> NationalBenchmark.workingPopulationShare(Seb.EXCLUDED));
        assertThrows(IllegalArgumentException.class, () -> NationalBenchmark.workingPopulationShare(Seb.MISSING));
    }
}
