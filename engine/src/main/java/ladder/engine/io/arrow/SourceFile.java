package ladder.engine.io.arrow;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import ladder.engine.LadderException;

/**
 * A columnar file being read: its name as the user gave it and its format, which together word
 * every refusal, so that a failure inside Arrow reaches the user as one line naming the file.
 */
record SourceFile(String name, String format) {

    /** A step of Arrow's reading that may fail because the file's bytes are not what they claim. */
    interface Step<T> {
        T run() throws IOException;
    }

    /** Like {@link Step}, with no value. */
    interface Action {
        void run() throws IOException;
    }

    /**
     * Runs {@code step}, turning Arrow's failures (I/O errors, and the runtime exceptions its
     * parsers and native code throw on malformed bytes) into a refusal of the file.
     */
    <T> T attempt(Step<T> step) {
        try {
            return step.run();
        } catch (LadderException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    /** {@link #attempt(Step)} for a step with no value. */
    void run(Action action) {
        attempt(() -> {
            action.run();
            return null;
        });
    }

    /** Opens the file for reading, refusing it if it is missing or unreadable. */
    FileChannel open(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw refused("no such file");
        } catch (AccessDeniedException e) {
            throw refused("permission denied");
        } catch (IOException e) {
            throw refused("cannot be opened (" + reason(e) + ")");
        }
    }

    /** The refusal of a file whose bytes Arrow could not read as {@link #format()}; keeps the cause. */
    LadderException unreadable(Throwable cause) {
        return new LadderException(
                name + ": not a readable " + format + " file (" + reason(cause) + ")", cause);
    }

    /** The refusal of the whole file, for {@code reason}. */
    LadderException refused(String reason) {
        return new LadderException(name + ": " + reason);
    }

    /**
     * The first line of a cause's message (native errors append their C++ context below it),
     * after the exception's name when the message alone says nothing, as a bare number does.
     */
    private static String reason(Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage().strip();
        String line = message.lines().findFirst().orElse("");
        return line.chars().anyMatch(Character::isLetter) ? line
                : cause.getClass().getSimpleName() + (line.isEmpty() ? "" : ": " + line);
    }
}
