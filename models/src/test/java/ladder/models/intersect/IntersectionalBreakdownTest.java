package ladder.models.intersect;

import static ladder.models.trend.TrendReference.assertClose;
import static ladder.models.trend.TrendReference.assertR;
import static ladder.models.trend.TrendReference.c;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ladder.engine.LadderException;
import ladder.models.trend.TrendReference;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class IntersectionalBreakdownTest {

    /** The `cells` of trend_reference.R: {n, events}. */
    private static final long[][] CELLS = {{40, 12}, {25, 3}, {60, 30}, {8, 0}, {120, 35}, {15, 15}, {300, 90}, {5, 1}};

    private static List<IntersectionalBreakdown.Cell> cells() {
        List<IntersectionalBreakdown.Cell> cells = new ArrayList<>();
        for (int i = 0; i < CELLS.length; i++) {
            cells.add(new IntersectionalBreakdown.Cell(List.of(i % 2 == 0 ? "f" : "m", "g" + i / 2), CELLS[i][0], CELLS[i][1]));
        }
        return cells;
    }

    /**
     * R: prop.test(c(x, X - x), c(n, N - n), correct = FALSE)$statistic and $p.value;
     * fisher.test(matrix(c(x, X - x, n - x, N - n - X + x), 2))$p.value;
     * p.adjust(p, method = m) of both vectors of p-values; prop.test(x, n, correct = FALSE)$conf.int. 1e-8 relative.
     */
    @Test
    void cellsMatchR() {
        long bigN = 0, bigX = 0;
        for (long[] c : CELLS) {
            bigN += c[0];
            bigX += c[1];
        }
        for (PAdjust method : PAdjust.values()) {
            IntersectionalBreakdown b = IntersectionalBreakdown.of(List.of("gender", "group"), cells(), method, 0.95);
            assertEquals(bigN, b.trials());
            assertEquals((double) bigX / bigN, b.rate());
            double[] pearson = new double[CELLS.length], fisher = new double[CELLS.length];
            for (IntersectionalBreakdown.CellRate r : b.cells()) {
                long n = r.cell().n(), x = r.cell().events();
                int i = java.util.stream.IntStream.range(0, CELLS.length)
                        .filter(k -> cells().get(k).equals(r.cell())).findFirst().orElseThrow();
                String prop = "prop.test(c(" + x + ", " + (bigX - x) + "), c(" + n + ", " + (bigN - n) + "), correct = FALSE)";
                assertR(prop, "statistic", r.test().orElseThrow().statistic());
                assertR(prop, "p.value", r.test().orElseThrow().pValue());
                String fisherCall = "fisher.test(matrix(" + c(x, bigX - x, n - x, bigN - n - bigX + x) + ", 2))$p.value";
                assertR(fisherCall, "p.value", r.fisherP());
                assertR(TrendReference.propTest(x, n), "lower", r.interval().lower());
                pearson[i] = r.pAdjusted();
                fisher[i] = r.fisherAdjusted();
            }
            assertAdjusted("cells.chisq", method, pearson);
            assertAdjusted("cells.fisher", method, fisher);
            for (int r = 1; r < b.cells().size(); r++) {
                assertTrue(b.cells().get(r - 1).rate() >= b.cells().get(r).rate());
                assertEquals(r + 1, b.cells().get(r).rank());
            }
        }
    }

    /** The p.adjust call of the script for vector {@code which}: the p-values are read back from the call. */
    private static void assertAdjusted(String which, PAdjust method, double[] adjusted) {
        List<String> calls = adjustCalls(method);
        String call = calls.get(List.of("cells.chisq", "cells.fisher", "ties").indexOf(which));
        for (int i = 0; i < adjusted.length; i++) {
            assertR(call, "[" + (i + 1) + "]", adjusted[i]);
        }
    }

    private static List<String> adjustCalls(PAdjust method) {
        return TrendReference.calls().keySet().stream()
                .filter(k -> k.startsWith("p.adjust(") && k.endsWith("method = '" + method.rName() + "')")).toList();
    }

    /** R: p.adjust(p, method = m) for p with ties and ones, every method; 1e-8 relative. */
    @TestFactory
    Stream<DynamicTest> pAdjustMatchesR() {
        return Stream.of(PAdjust.values()).flatMap(method -> adjustCalls(method).stream().map(call ->
                DynamicTest.dynamicTest(call, () -> {
                    Matcher m = Pattern.compile("c\\(([^)]*)\\)").matcher(call);
                    assertTrue(m.find());
                    double[] p = Stream.of(m.group(1).split(", ")).mapToDouble(Double::parseDouble).toArray();
                    double[] q = method.adjust(p);
                    for (int i = 0; i < p.length; i++) {
                        assertR(call, "[" + (i + 1) + "]", q[i]);
                    }
                })));
    }

    @Test
    void missingPValuesStayMissingAndDoNotCount() {
        // R: p.adjust(c(0.01, NA, 0.04), "bonferroni") is c(0.02, NA, 0.08).
        double[] q = PAdjust.BONFERRONI.adjust(new double[] {0.01, Double.NaN, 0.04});
        assertEquals(0.02, q[0], 1e-17);
        assertTrue(Double.isNaN(q[1]));
        assertEquals(0.08, q[2], 1e-17);
    }

    /** R: fisher.test(matrix(m, 2))$p.value for tables with long supports and zeros; 1e-8 relative. */
    @Test
    void fisherMatchesROnLargeTables() {
        int found = 0;
        for (Map.Entry<String, Map<String, String>> e : TrendReference.calls().entrySet()) {
            Matcher m = Pattern.compile("fisher.test\\(matrix\\(c\\((\\d+), (\\d+), (\\d+), (\\d+)\\), 2\\)\\)").matcher(e.getKey());
            if (m.find()) {
                long a = Long.parseLong(m.group(1)), c = Long.parseLong(m.group(2));
                long b = Long.parseLong(m.group(3)), d = Long.parseLong(m.group(4));
                assertClose(Double.parseDouble(e.getValue().get("p.value")), FisherExact.twoSided(a, b, c, d), 1e-8, e.getKey());
                found++;
            }
        }
        assertEquals(CELLS.length + 4, found);
        assertEquals(1, FisherExact.twoSided(0, 0, 5, 7));
    }

    @Test
    void oneCellAndEmptyCellsAreHandled() {
        IntersectionalBreakdown b = IntersectionalBreakdown.of(List.of("g"), List.of(
                new IntersectionalBreakdown.Cell(List.of("a"), 50, 10), new IntersectionalBreakdown.Cell(List.of("b"), 0, 0)));
        assertEquals(1, b.cells().size());
        assertFalse(b.cells().get(0).versusRest().isPresent());
        assertTrue(b.notes().stream().anyMatch(n -> n.contains("no trials")));
        b.tables().get(0).rows().forEach(row -> row.forEach(v -> assertTrue(!(v instanceof Double d) || !d.isNaN())));
        assertThrows(LadderException.class, () -> new IntersectionalBreakdown.Cell(List.of("a"), 5, 6));
    }
}
