package ladder.models.progression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ladder.engine.LadderException;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.contract.Seb;
import ladder.engine.cube.CubeSource;
import ladder.engine.filter.Filter;
import ladder.engine.io.Loader;
import ladder.models.result.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The follow-up's rules on people written by hand, one of each kind: promoted by a higher grade,
 * promoted by the flag, not promoted, left, absent at the window's end (a gap), demoted (kept and
 * listed), censored, and the same person_id at another employer (a different person).
 */
class ProgressionAfterTest {

    /** employer, person, year, grade, promoted, training */
    private static final List<Object[]> PEOPLE = List.of(
            new Object[] {"E1", "P1", 2020, 2, 0, 1}, new Object[] {"E1", "P1", 2021, 2, 0, 0},
            new Object[] {"E1", "P1", 2022, 3, 0, 0},                                             // promoted: grade 3 > 2
            new Object[] {"E1", "P2", 2020, 2, 0, 1}, new Object[] {"E1", "P2", 2021, 2, 0, 0},
            new Object[] {"E1", "P2", 2022, 2, 0, 0},                                             // not promoted
            new Object[] {"E1", "P3", 2020, 4, 0, 1},                                             // left
            new Object[] {"E1", "P4", 2020, 2, 0, 1}, new Object[] {"E1", "P4", 2021, 2, 0, 0},
            new Object[] {"E1", "P4", 2023, 2, 0, 0},                                             // absent in 2022, a gap
            new Object[] {"E1", "P5", 2020, 3, 0, 1}, new Object[] {"E1", "P5", 2021, 2, 0, 0},
            new Object[] {"E1", "P5", 2022, 2, 0, 0},                                             // demoted, not promoted
            new Object[] {"E1", "P6", 2022, 3, 0, 1}, new Object[] {"E1", "P6", 2023, 3, 0, 0},   // censored (2024 > 2023)
            new Object[] {"E2", "P1", 2020, 1, 0, 1}, new Object[] {"E2", "P1", 2021, 1, 1, 0},   // promoted by the flag
            new Object[] {"E2", "P1", 2022, 2, 0, 0});

    static CubeSource source(Path dir, List<Object[]> rows) throws IOException {
        List<Field> fields = Schema.EMPLOYEES.fields();
        StringBuilder csv = new StringBuilder(String.join(",", fields.stream().map(Field::name).toList())).append('\n');
        for (Object[] r : rows) {
            List<String> values = new ArrayList<>();
            for (Field f : fields) {
                Map<Field, Object> given = Map.of(Field.EMPLOYER_ID, r[0], Field.PERSON_ID, r[1], Field.YEAR, r[2],
                        Field.GRADE, r[3], Field.PROMOTED, r[4], Field.TRAINING, r[5]);
                values.add(given.containsKey(f) ? given.get(f).toString() : switch (f.kind()) {
                    case TEXT -> "x";
                    case CODE -> f == Field.PARENTAL_OCCUPATION ? "professional" : f.codebook().codes().get(0);
                    case INT -> Integer.toString(f.min());
                    case DECIMAL -> "";
                });
            }
            csv.append(String.join(",", values)).append('\n');
        }
        Path file = dir.resolve("people.csv");
        Files.writeString(file, csv);
        return CubeSource.of(Loader.load(Schema.EMPLOYEES, List.of(file)).table(), Filter.ALL, 2);
    }

    @Test
    void eachKindOfPersonIsCountedAsTheRulesSay(@TempDir Path dir) throws IOException {
        ProgressionAfter after = ProgressionAfter.of(source(dir, PEOPLE), ProgressionAfter.Question.defaults());
        long[] professional = after.status()[Seb.PROFESSIONAL.ordinal()];
        // promoted, not_promoted, left, absent_at_end, censored
        assertEquals(List.of(2L, 2L, 1L, 1L, 1L), java.util.Arrays.stream(professional).boxed().toList());
        assertEquals(2023, after.lastYear());
        assertEquals(new ProgressionAfter.Linkage(PEOPLE.size(), 7, 1, 1, 1), after.linkage());
        assertEquals(List.of(new ProgressionAfter.Demotion("E1", "P5", 2020, 3, 2021, 2)), after.demotions());
        ResultTable demotions = after.tables().stream().filter(t -> t.name().equals("demotions")).findFirst().orElseThrow();
        assertEquals(List.of(List.of("E1", "P5", 2020L, 3L, 2021L, 2L)), demotions.rows());
        assertTrue(after.notes().stream().anyMatch(n -> n.contains("1 demotions")), after.notes().toString());
        assertTrue(after.publishable().tables().stream().filter(t -> t.name().equals("demotions")).findFirst()
                .orElseThrow().rows().isEmpty(), "no person listed for publication");
    }

    @Test
    void aOneYearWindowFollowsTwoYearsOfTraining(@TempDir Path dir) throws IOException {
        ProgressionAfter after = ProgressionAfter.of(source(dir, PEOPLE),
                new ProgressionAfter.Question(ProgressionAfter.Cohort.TRAINING, 1, true, 0.95));
        long[] professional = after.status()[Seb.PROFESSIONAL.ordinal()];
        // 2020 cohort: P1, P2, P4, P5 present in 2021 not promoted; P3 left; E2 P1 promoted by the flag in 2021.
        // 2022 cohort: P6 present in 2023, not promoted.
        assertEquals(List.of(1L, 5L, 1L, 0L, 0L), java.util.Arrays.stream(professional).boxed().toList());
    }

    @Test
    void cubeFilesAreRefusedInOneLine() {
        ladder.engine.cube.Cube empty = new ladder.engine.cube.Cube.Cells(1, 0, 1).build(
                List.of(new ladder.engine.cube.Dimension("year", List.of("2024"))), List.of(), "",
                ladder.engine.cube.Cube.Provenance.NONE);
        LadderException e = assertThrows(LadderException.class,
                () -> ProgressionAfter.of(CubeSource.of(empty), ProgressionAfter.Question.defaults()));
        assertTrue(e.getMessage().startsWith("following people across years needs rows"), e.getMessage());
    }
}
