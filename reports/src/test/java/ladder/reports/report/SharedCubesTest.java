package ladder.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ladder.Ladder;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.models.benchmark.EmployerComparison;
import ladder.models.pay.ClassPayGap;
import ladder.reports.render.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An employer's pay read off the pool's cube the comparison built: one scan, the same gap as on the employer's rows. */
class SharedCubesTest {
    @TempDir
    static Path dir;

    /** The cubes asked of a source, by their dimensions (cubes only: the analyses here need no rows). */
    private static final class Counting implements CubeSource {
        final CubeSource source;
        final List<List<String>> asked = new ArrayList<>();

        Counting(CubeSource source) {
            this.source = source;
        }

        @Override
        public synchronized Cube cube(List<String> dimensions, List<String> measures) {
            asked.add(List.copyOf(dimensions));
            return source.cube(dimensions, measures);
        }

        @Override
        public String filter() {
            return source.filter();
        }
    }

    @Test
    void theEmployersPayIsReadOffThePoolsCubeWithTheSameGap() throws IOException {
        CubeSource rows = Ladder.load(HandPool.write(dir.resolve("data"), HandPool.POOL).toString()).cubes();
        Counting counted = new Counting(rows);
        SharedCubes pool = new SharedCubes(counted);
        EmployerComparison.of(pool, "E1", 0.95);
        long scans = counted.asked.stream().filter(d -> d.contains("hourly_pay")).count();
        assertEquals(1, scans, "the comparison reads pay once: " + counted.asked);

        ClassPayGap.Question q = ClassPayGap.Question.defaults();
        ClassPayGap sliced = ClassPayGap.of(pool.slice("employer_id", "E1"), q, 1);
        assertEquals(scans, counted.asked.stream().filter(d -> d.contains("hourly_pay")).count(),
                "the employer's pay is read off the pool's cube: " + counted.asked);
        ClassPayGap own = ClassPayGap.of(rows.where("employer_id", "E1"), q, 1);
        assertEquals(own.tables().size(), sliced.tables().size());
        for (int t = 0; t < own.tables().size(); t++) {
            assertEquals(Format.csv(own.tables().get(t)), Format.csv(sliced.tables().get(t)));
        }
        assertEquals(own.inputs(), sliced.inputs());
        assertEquals(own.notes(), sliced.notes());
    }
}
