package ladder.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import ladder.Ladder;
import ladder.Pool;
import ladder.models.composition.Composition;
import ladder.models.composition.CompositionStatistics;
import ladder.models.result.Chart;
import org.junit.jupiter.api.Test;

/** What the charts show: the bars, intervals and national lines a composition offers, and that each kind is drawn. */
class ChartsTest {
    private static final int BLUE = 0x0072B2;
    private static final int ORANGE = 0xE69F00;
    private static final int GREEN = 0x009E73;

    private static Composition.Cell cell(String level, long professional, long intermediate, long workingClass) {
        return new Composition.Cell(List.of(level),
                CompositionStatistics.of(professional, intermediate, workingClass, 10, 20, 0.95));
    }

    static boolean hasColour(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void aCompositionByOneDimensionOffersBarsOfTheThreeGroupsWithTheNationalLines() {
        Composition byYear = new Composition(List.of("year"), "", 0.95,
                List.of(cell("2022", 340, 240, 420), cell("2023", 300, 250, 450)), 0);
        Chart.IntervalBars bars = (Chart.IntervalBars) byYear.charts().get(0);
        assertEquals(List.of("2022", "2023"), bars.categories());
        assertEquals(List.of("professional", "intermediate", "working class"),
                bars.series().stream().map(Chart.Series::name).toList());
        assertEquals(0.34, bars.series().get(0).values().get(0), 1e-12);
        assertEquals(450.0 / 1000, bars.series().get(2).values().get(1), 1e-12);
        assertTrue(bars.series().get(2).lower().get(1) < 0.45 && bars.series().get(2).upper().get(1) > 0.45);
        assertEquals(List.of(0.34, 0.24, 0.42), bars.references().stream().map(Chart.Reference::value).toList());
        assertEquals("UK working class 42%", bars.references().get(2).label());
        BufferedImage image = Charts.of(byYear).orElseThrow();
        assertEquals(640, image.getWidth(), "the narrowest chart for two levels");
        assertEquals(420, image.getHeight());
        assertTrue(hasColour(image, BLUE) && hasColour(image, ORANGE) && hasColour(image, GREEN),
                "a bar (and benchmark line) for each of professional, intermediate and working class");
    }

    @Test
    void aGroupWithNoClassifiableAnswersOrAWithheldCountHasNoBar() {
        Composition empty = new Composition(List.of("grade"), "grade = 7", 0.95, List.of(cell("7", 0, 0, 0)), 0);
        Chart.IntervalBars bars = (Chart.IntervalBars) empty.charts().get(0);
        assertNull(bars.series().get(0).values().get(0));
        assertTrue(Charts.of(empty).isPresent());
        Composition small = new Composition(List.of("grade"), "", 0.95, List.of(cell("4", 3, 40, 50)), 0).publishable();
        assertNull(((Chart.IntervalBars) small.charts().get(0)).series().get(0).values().get(0),
                "a count under 10 is not drawn when published");
    }

    @Test
    void onlyACompositionByOneDimensionOffersAChart() {
        Composition overall = new Composition(List.of(), "", 0.95, List.of(new Composition.Cell(List.of(),
                CompositionStatistics.of(1, 2, 3, 0, 0, 0.95))), 0);
        assertTrue(overall.charts().isEmpty());
        assertTrue(new Composition(List.of("year"), "", 0.95, List.of(), 0).charts().isEmpty());
        Pool pool = Ladder.load("../datasets/sample");
        assertTrue(Charts.of(pool.composition().by("year")).isPresent());
        assertTrue(Charts.of(pool.where("grade >= 4").composition().by("sector")).isPresent());
        assertFalse(Charts.of(pool.composition()).isPresent());
        assertFalse(Charts.of(pool.composition().by("year", "grade")).isPresent());
        assertFalse(Charts.of(pool.describe()).isPresent());
    }

    @Test
    void aForestPlotDrawsEveryRowThePooledDiamondAndTheLineAtOne() {
        Chart.Forest forest = new Chart.Forest("Odds ratio by employer", "Woolf intervals", "odds ratio", true, 1.0,
                List.of(new Chart.Forest.Row("E1", 0.6, 0.4, 0.9, 500, false, false),
                        new Chart.Forest.Row("E2", 1.4, 0.7, 2.8, 120, false, false),
                        new Chart.Forest.Row("E3", 2.0, 0.1, Double.POSITIVE_INFINITY, 8, true, false),
                        new Chart.Forest.Row("E4", null, null, null, 3, true, false),
                        new Chart.Forest.Row("Mantel-Haenszel", 0.8, 0.6, 1.05, 631, false, true)));
        BufferedImage image = Charts.draw(forest);
        assertEquals(150 + 24 * 5, image.getHeight(), "one band per row");
        assertTrue(hasColour(image, BLUE), "the pooled diamond");
        assertTrue(hasColour(image, 0x000000), "the strata's squares and intervals");
    }

    @Test
    void linesDrawEachSeriesWithItsBandAndReference() {
        Chart.Lines lines = new Chart.Lines("Working-class share by year", "Wilson intervals", "year", "share", true,
                List.of("2020", "2021", "2022"),
                List.of(new Chart.Series("working class", List.of(0.30, 0.32, 0.35), List.of(0.28, 0.30, 0.33),
                        List.of(0.32, 0.34, 0.37))),
                List.of(new Chart.Reference("UK 42%", 0.42, 0)));
        BufferedImage image = Charts.draw(lines);
        assertTrue(hasColour(image, BLUE), "the line in the first series' colour");
    }
}
