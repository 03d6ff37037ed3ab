package ladder.models.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Accumulators of two chunks combine into the sums of all rows; a cell of n people adds as its n rows. */
class IrlsAccumulatorTest {

    @Test
    void chunksCombineAndCellsEqualTheirPeople() {
        double[][] x = {{1, 0, 2.5}, {1, 1, 0.5}, {1, 1, 3}, {1, 0, 1}};
        double[] eta = {-0.3, 0.2, 1.1, -2};
        IrlsAccumulator whole = new IrlsAccumulator(3);
        IrlsAccumulator first = new IrlsAccumulator(3);
        IrlsAccumulator second = new IrlsAccumulator(3);
        for (int r = 0; r < 4; r++) {
            whole.add(x[r], 1, r % 2, eta[r]);
            (r < 2 ? first : second).add(x[r], 1, r % 2, eta[r]);
        }
        first.combine(second);
        for (int j = 0; j < 3; j++) {
            assertArrayEquals(whole.xtwx()[j], first.xtwx()[j], 1e-15);
        }
        assertArrayEquals(whole.xtwz(), first.xtwz(), 1e-15);
        assertEquals(whole.logLikelihood(), first.logLikelihood(), 1e-15);

        // A cell of 5 people with 2 events against its 5 rows: X'WX, the score part of X'Wz, Bernoulli log L.
        IrlsAccumulator cell = new IrlsAccumulator(3);
        IrlsAccumulator people = new IrlsAccumulator(3);
        cell.add(x[2], 5, 2, eta[2]);
        for (int k = 0; k < 5; k++) {
            people.add(x[2], 1, k < 2 ? 1 : 0, eta[2]);
        }
        for (int j = 0; j < 3; j++) {
            assertArrayEquals(people.xtwx()[j], cell.xtwx()[j], 1e-14);
        }
        assertArrayEquals(people.xtwz(), cell.xtwz(), 1e-14);
        assertEquals(people.logLikelihood(), cell.logLikelihood(), 1e-14);
        assertEquals(2 * Math.log(IrlsAccumulator.mean(1.1)) + 3 * Math.log(1 - IrlsAccumulator.mean(1.1)),
                cell.logLikelihood(), 1e-14);
    }
}
