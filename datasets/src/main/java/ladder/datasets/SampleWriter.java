package ladder.datasets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Regenerates the committed sample pool ({@link Sample}). From the project root, after building:
 *
 * <pre>
 * java -cp engine/target/classes:datasets/target/classes ladder.datasets.SampleWriter datasets/sample
 * </pre>
 *
 * <p>The one argument is the folder to write into; without it, {@link Sample#RELATIVE} under the
 * working directory. Prints nothing.
 */
public final class SampleWriter {
    private SampleWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 1) {
            throw new IllegalArgumentException("usage: SampleWriter [folder]");
        }
        Sample.write(args.length == 1 ? Path.of(args[0]) : Sample.RELATIVE);
    }
}
