package ladder.engine.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import ladder.engine.LadderException;

/**
 * The two rules for every file Ladder writes: it is never one of the run's inputs, and it appears
 * whole or not at all.
 *
 * <p>An output may not be an input file, nor lie where a later run reading an input folder would
 * read it (see {@link #checkNotInput}); paths are compared as the files they reach, through
 * symbolic links and spellings such as {@code a/../a/x.csv}. An output is written to a hidden
 * temporary file beside it ({@code .name.<random>.tmp}, which no load reads) and renamed over the
 * target in one atomic step, so that a failed or interrupted run leaves the previous file whole.
 *
 * <p>The rejected-rows file is the one output that may lie in an input folder: a folder's load
 * skips the files that are rejects files ({@link Loader}), so {@link Loader#load} only refuses a
 * rejects file that is itself one of the files read.
 */
public final class OutputFiles {

    /** Writes a file: like {@link java.util.function.Consumer}, allowed to fail with an {@link IOException}. */
    @FunctionalInterface
    public interface IOConsumer<T> {
        void accept(T value) throws IOException;
    }

    private OutputFiles() {}

    /**
     * Refuses {@code output} if it is one of {@code inputs} (files), or would be read with an
     * input folder: it lies at any depth inside it, in no hidden folder, with a name a reader
     * handles.
     *
     * @param what what the output is, as the message names it (e.g. "the table file")
     * @throws LadderException naming the output and the input it would overwrite
     */
    public static void checkNotInput(Path output, List<Path> inputs, String what) {
        Path target = canonical(output);
        for (Path input : inputs) {
            Path reached = canonical(input);
            if (Files.isDirectory(reached)) {
                if (target.startsWith(reached) && InputFiles.wouldRead(reached.relativize(target))) {
                    throw new LadderException(what + " " + output + " lies inside the input folder " + input
                            + " and would be read as data by the next run; write it elsewhere");
                }
            } else if (target.equals(reached)) {
                throw new LadderException(what + " " + output + " is the input file " + input
                        + "; Ladder never writes over its inputs, so write it elsewhere");
            }
        }
    }

    /**
     * Writes {@code target} atomically: {@code writeTemp} writes a temporary file in the same
     * folder, which is then renamed over {@code target}; if writing fails the temporary file is
     * deleted and {@code target} is left as it was. A target that is a symbolic link is written
     * where the link points.
     *
     * @throws LadderException if the file cannot be written
     */
    public static void writeAtomically(Path target, IOConsumer<Path> writeTemp) {
        Path temp = temporaryBeside(target);
        boolean written = false;
        try {
            writeTemp.accept(temp);
            moveIntoPlace(temp, target);
            written = true;
        } catch (IOException e) {
            throw cannotWrite(target, e);
        } finally {
            if (!written) {
                deleteQuietly(temp);
            }
        }
    }

    /**
     * Writes the folder {@code target} atomically: {@code writeTemp} fills a new hidden folder
     * beside it, which then takes {@code target}'s place (an earlier folder there is moved aside
     * first and deleted once the new one is in place); if writing fails the new folder is deleted
     * and {@code target} is left as it was.
     *
     * @throws LadderException if the folder cannot be written
     */
    public static void writeFolderAtomically(Path target, IOConsumer<Path> writeTemp) {
        Path temp = temporaryBeside(target);
        Path old = null;
        boolean written = false;
        try {
            Files.delete(temp);
            Files.createDirectory(temp);
            writeTemp.accept(temp);
            Path real = canonical(target);
            if (Files.exists(real)) {
                old = temporaryBeside(target);
                Files.delete(old);
                Files.move(real, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE);
            written = true;
        } catch (IOException e) {
            throw cannotWrite(target, e);
        } finally {
            deleteTree(written ? old : temp);
        }
    }

    /** Deletes a folder and what it holds, quietly: what cannot be deleted is left, hidden. */
    private static void deleteTree(Path folder) {
        if (folder == null || !Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(OutputFiles::deleteQuietly);
        } catch (IOException e) {
            // Left behind under a hidden name; no load reads it.
        }
    }

    /** A new empty hidden file in {@code target}'s folder, to be written and then moved over {@code target}. */
    static Path temporaryBeside(Path target) {
        Path real = canonical(target);
        for (int attempt = 0; ; attempt++) {
            Path temp = real.resolveSibling("." + real.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
            try {
                // createFile, unlike createTempFile, gives the usual permissions (0666 less the umask).
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw cannotWrite(target, e);
                }
            } catch (IOException e) {
                throw cannotWrite(target, e);
            }
        }
    }

    /** Renames {@code temp} over {@code target} in one step, where the file system can. */
    static void moveIntoPlace(Path temp, Path target) throws IOException {
        Path real = canonical(target);
        try {
            Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Some network file systems cannot rename atomically; a rename within a folder is the next best.
            Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The hidden temporary file is left behind; no load reads it.
        }
    }

    static LadderException cannotWrite(Path target, IOException e) {
        return new LadderException("cannot write " + target + " (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + ladder.engine.Excerpt.of(e.getMessage(), 200)) + ")", e);
    }

    /**
     * The file {@code path} reaches: its real path (links followed, {@code ..} resolved) where it
     * exists, else the real path of its nearest existing folder followed by the rest of the path.
     */
    static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath();
        if (Files.exists(absolute)) {
            try {
                return absolute.toRealPath();
            } catch (IOException e) {
                // Vanished or unreadable on the way: judged by its folder like a file that does not exist.
            }
        }
        Path parent = absolute.getParent();
        return parent == null ? absolute.normalize() : canonical(parent).resolve(absolute.getFileName()).normalize();
    }
}
