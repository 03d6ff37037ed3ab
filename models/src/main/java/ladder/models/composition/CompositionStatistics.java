package ladder.models.composition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ladder.engine.contract.Seb;
import ladder.models.proportion.ChiSquareGoodnessOfFit;
import ladder.models.proportion.ConfidenceInterval;
import ladder.models.proportion.GoodnessOfFit;
import ladder.models.proportion.WilsonInterval;

/**
 * The statistics of class composition for one cell's SEB counts.
 *
 * <p>For counts p, i, w (the classifiable groups), e (excluded) and m (missing):
 * <ul>
 *   <li>classifiable n = p + i + w; total N = n + e + m;</li>
 *   <li>response rate = n / N, with its Wilson interval (R: {@code prop.test(n, N, correct = FALSE)});</li>
 *   <li>each group's share = count / n, with its Wilson interval, the national share s
 *       ({@link NationalBenchmark}) and the representation ratio share / s;</li>
 *   <li>Pearson's X<sup>2</sup> of (p, i, w) against (0.34, 0.24, 0.42), df = 2
 *       (R: {@code chisq.test(c(p, i, w), p = c(0.34, 0.24, 0.42))}).</li>
 * </ul>
 *
 * <p>With n = 0 the shares (0 / 0), their intervals and the ratios are NaN and the goodness of fit
 * is empty; with N = 0 the response rate and its interval are NaN too.
 */
public final class CompositionStatistics {

    private CompositionStatistics() {
    }

    /**
     * The composition of one cell.
     *
     * @param confidenceLevel the level of every interval, in (0, 1), e.g. {@link WilsonInterval#DEFAULT_LEVEL}
     * @throws IllegalArgumentException if a count is negative or the level is out of range
     * @throws ArithmeticException if the total overflows a long
     */
    public static CompositionCell of(
            long professional, long intermediate, long workingClass, long excluded, long missing,
            double confidenceLevel) {
        long[] counts = {professional, intermediate, workingClass};
        if (professional < 0 || intermediate < 0 || workingClass < 0 || excluded < 0 || missing < 0) {
            throw new IllegalArgumentException("counts must be non-negative: professional " + professional
                    + ", intermediate " + intermediate + ", working class " + workingClass
                    + ", excluded " + excluded + ", missing " + missing);
        }
        long classifiable = Math.addExact(Math.addExact(professional, intermediate), workingClass);
        long total = Math.addExact(Math.addExact(classifiable, excluded), missing);

        List<GroupShare> groups = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            Seb group = Seb.CLASSIFIABLE.get(i);
            double share = (double) counts[i] / classifiable;
            double nationalShare = NationalBenchmark.workingPopulationShare(group);
            groups.add(new GroupShare(group, counts[i], share,
                    WilsonInterval.of(counts[i], classifiable, confidenceLevel),
                    nationalShare, share / nationalShare));
        }
        Optional<GoodnessOfFit> fit = classifiable == 0
                ? Optional.empty()
                : Optional.of(ChiSquareGoodnessOfFit.test(counts, NationalBenchmark.workingPopulationShares()));
        ConfidenceInterval responseInterval = WilsonInterval.of(classifiable, total, confidenceLevel);
        return new CompositionCell(professional, intermediate, workingClass, excluded, missing,
                classifiable, total, (double) classifiable / total, responseInterval, groups, fit);
    }
}
