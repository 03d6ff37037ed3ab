package ladder.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import ladder.Ladder;
import ladder.Pool;
import ladder.models.composition.Composition;
import ladder.models.composition.CompositionStatistics;
import org.junit.jupiter.api.Test;

class CompositionChartTest {
    private static final int BLUE = 0x0072B2;
    private static final int ORANGE = 0xE69F00;
    private static final int GREEN = 0x009E73;

    private static Composition.Cell cell(String level, long professional, long intermediate, long workingClass) {
        return new Composition.Cell(List.of(level),
                CompositionStatistics.of(professional, intermediate, workingClass, 10, 20, 0.95));
    }

    private static boolean hasColour(BufferedImage image, int rgb) {
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
    void drawsTheThreeGroupsOfACompositionByOneDimension() {
        Composition byYear = new Composition(List.of("year"), "", 0.95,
                List.of(cell("2022", 340, 240, 420), cell("2023", 300, 250, 450)), 0);
        BufferedImage image = CompositionChart.draw(byYear);
        assertEquals(640, image.getWidth(), "the narrowest chart for two levels");
        assertEquals(420, image.getHeight());
        assertTrue(hasColour(image, BLUE) && hasColour(image, ORANGE) && hasColour(image, GREEN),
                "a bar (and benchmark line) for each of professional, intermediate and working class");
    }

    @Test
    void drawsAGroupWithNoClassifiableAnswersAsNoBar() {
        Composition empty = new Composition(List.of("grade"), "grade = 7", 0.95, List.of(cell("7", 0, 0, 0)), 0);
        BufferedImage image = CompositionChart.draw(empty);
        assertTrue(image.getWidth() > 0);
    }

    @Test
    void chartsOnlyACompositionByOneDimension() {
        Composition overall = new Composition(List.of(), "", 0.95, List.of(new Composition.Cell(List.of(),
                CompositionStatistics.of(1, 2, 3, 0, 0, 0.95))), 0);
        assertFalse(CompositionChart.drawable(overall));
        assertThrows(IllegalArgumentException.class, () -> CompositionChart.draw(overall));
        Composition none = new Composition(List.of("year"), "", 0.95, List.of(), 0);
        assertFalse(CompositionChart.drawable(none));
    }

    @Test
    void chartsTheCompositionQuestionsOfAPoolByOneDimensionOnly() {
        Pool pool = Ladder.load("../datasets/sample");
        assertTrue(Charts.of(pool.composition().by("year")).isPresent());
        assertTrue(Charts.of(pool.where("grade >= 4").composition().by("sector")).isPresent());
        assertFalse(Charts.of(pool.composition()).isPresent());
        assertFalse(Charts.of(pool.composition().by("year", "grade")).isPresent());
        assertFalse(Charts.of(pool.describe()).isPresent());
    }
}
