package ladder.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the notebooks' scripts (install, run-all) as a person would, from the repository's root,
 * with {@code environment} added to this process's environment.
 */
record Shell(Path repo, Map<String, String> environment) {

    /** What a command printed (standard output and error, interleaved) and its exit status. */
    record Run(int exitCode, String output) {
    }

    /** The repository holding this module: the parent of the module's folder, the working directory of its tests. */
    static Shell here() {
        return new Shell(Path.of("").toAbsolutePath().getParent(), Map.of());
    }

    /** The same shell with one more environment variable. */
    Shell with(String variable, String value) {
        Map<String, String> more = new HashMap<>(environment);
        more.put(variable, value);
        return new Shell(repo, Map.copyOf(more));
    }

    Path notebooks() {
        return repo.resolve("notebooks");
    }

    /** Runs {@code command} (its first word a path relative to the repository), waiting up to {@code minutes}. */
    Run run(int minutes, String... command) {
        List<String> words = new ArrayList<>(List.of(command));
        words.set(0, repo.resolve(command[0]).toString());
        try {
            ProcessBuilder builder = new ProcessBuilder(words).directory(repo.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            // Drained on its own thread so that a full pipe cannot stall the command.
            StringBuilder output = new StringBuilder();
            Thread reader = new Thread(() -> {
                try {
                    output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    output.append("(output unreadable: ").append(e).append(')');
                }
            });
            reader.start();
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                reader.join(10_000);
                throw new AssertionError(String.join(" ", command) + " did not finish in " + minutes + " minutes:\n" + output);
            }
            reader.join();
            return new Run(process.exitValue(), output.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        }
    }
}
