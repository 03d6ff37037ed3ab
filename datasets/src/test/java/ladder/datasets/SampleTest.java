package ladder.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample is what {@link Sample#SPEC} generates today, byte for byte, and stays small. */
class SampleTest {
    private static final long MAX_BYTES = 4L << 20;

    @Test
    void committedSampleIsTheGeneratorsOutput() throws IOException {
        PoolGenerator generator = new PoolGenerator(Sample.SPEC);
        List<Path> expected = new ArrayList<>();
        long rows = 0;
        for (int j = 0; j < generator.employers(); j++) {
            for (int year = Sample.SPEC.firstYear(); year <= Sample.SPEC.lastYear(); year++) {
                Path file = Sample.directory().resolve(Sample.fileName(generator.employerId(j), year));
                expected.add(file);
                ByteArrayOutputStream fresh = new ByteArrayOutputStream();
                rows += generator.writeEmployerYear(j, year, fresh);
                assertArrayEquals(fresh.toByteArray(), Files.readAllBytes(file),
                        file + " differs from what the generator writes now; regenerate with SampleWriter");
            }
        }
        assertEquals(expected, Sample.files(), "the sample folder holds exactly one file per employer and year");
        assertEquals(Sample.SPEC.rows(), rows);
    }

    @Test
    void sampleIsSmall() throws IOException {
        long bytes = 0;
        for (Path file : Sample.files()) {
            bytes += Files.size(file);
        }
        assertTrue(bytes > 0 && bytes < MAX_BYTES, "sample is " + bytes + " bytes");
        assertTrue(Files.isRegularFile(Sample.directory().resolve("README.md")));
    }

    @Test
    void writerRegeneratesTheSample(@TempDir Path dir) throws IOException {
        SampleWriter.main(new String[] {dir.toString()});
        for (Path committed : Sample.files()) {
            assertArrayEquals(Files.readAllBytes(committed), Files.readAllBytes(dir.resolve(committed.getFileName())),
                    committed.getFileName().toString());
        }
    }
}
