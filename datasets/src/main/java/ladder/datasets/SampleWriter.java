package ladder.datasets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Regenerates the committed sample pool and sample of applications ({@link Sample}). From the
 * project root, after building:
 *
 * <pre>
 * java -cp engine/target/classes:datasets/target/classes ladder.datasets.SampleWriter datasets/sample datasets/sample-applicants
 * </pre>
 *
 * <p>The arguments are the folders to write the employees and the applications into; without
 * them, {@link Sample#RELATIVE} and {@link Sample#APPLICANTS_RELATIVE} under the working
 * directory. Prints nothing.
 */
public final class SampleWriter {
    private SampleWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 2) {
            throw new IllegalArgumentException("usage: SampleWriter [employees-folder [applicants-folder]]");
        }
        Sample.write(args.length >= 1 ? Path.of(args[0]) : Sample.RELATIVE);
        Sample.writeApplicants(args.length == 2 ? Path.of(args[1]) : Sample.APPLICANTS_RELATIVE);
    }
}
