package ladder.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.engine.Excerpt;
import ladder.engine.LadderException;
import ladder.engine.io.csv.CsvReader;

/**
 * The files a load reads, from the files and folders a user named.
 *
 * <p>A folder contributes every file at any depth (symbolic links followed) whose name a reader
 * handles, in order of their paths inside the folder compared name by name. It skips, with one
 * warning line per kind naming the first few: hidden files and folders (names starting with
 * {@code "."}, as macOS's {@code ._a.csv} and {@code .git}; name a hidden file explicitly to read
 * it); Ladder's own rejected-rows files (CSV files whose first line is exactly
 * {@value RejectsWriter#HEADER}), so that a run never reads an earlier run's rejects as data;
 * Ladder snapshot folders ({@code ladder import}), whose column files are not data files;
 * symbolic links to files that do not exist; files that cannot be read (permission denied, not a
 * regular file, a folder that cannot be listed); and links that loop back to a folder being read.
 *
 * <p>A file named explicitly is read whatever its name, but refused if it does not exist, is a
 * broken link, is not a regular file, cannot be read, or is of no kind a reader handles.
 *
 * <p>Every file is read once whatever paths reach it (named twice, named and inside a named
 * folder, spelt two ways, reached through a link): the first path to reach a file's real path is
 * kept, and a warning says how many were dropped.
 */
public final class InputFiles {
    /** How many names a warning lists before "and N more". */
    private static final int NAMED = 5;

    /** The files to read, each once, as first reached, and the warnings of what was skipped. */
    public record Expansion(List<Path> files, List<String> warnings) {}

    private InputFiles() {}

    public static Expansion expand(List<Path> paths) {
        Map<Path, Path> byRealPath = new LinkedHashMap<>();
        List<String> repeated = new ArrayList<>();
        Skipped skipped = new Skipped();
        for (Path path : paths) {
            List<Path> files;
            if (Files.isDirectory(path)) {
                Skipped here = new Skipped();
                files = walk(path, here);
                if (files.isEmpty()) {
                    throw new LadderException(path + ": the folder holds no file to read (accepted: " + Loader.accepted()
                            + (here.isEmpty() ? "" : "; skipped " + here.count()
                                    + " hidden, rejects or unreadable files and links") + ")");
                }
                skipped.add(here);
            } else {
                checkNamedFile(path);
                files = List.of(path);
            }
            for (Path file : files) {
                if (byRealPath.putIfAbsent(OutputFiles.canonical(file), file) != null) {
                    repeated.add(file.toString());
                }
            }
        }
        List<String> warnings = skipped.warnings();
        if (!repeated.isEmpty()) {
            warnings.add("read once " + repeated.size() + (repeated.size() == 1 ? " file" : " files")
                    + " reached by more than one path: " + Excerpt.firstFew(repeated, NAMED));
        }
        return new Expansion(List.copyOf(byRealPath.values()), warnings);
    }

    /**
     * Whether a file at {@code relative} inside an input folder would be read with it: no part of
     * the path is hidden and a reader handles its name.
     */
    static boolean wouldRead(Path relative) {
        for (Path name : relative) {
            if (hidden(name)) {
                return false;
            }
        }
        return relative.getFileName() != null && handled(relative);
    }

    private static void checkNamedFile(Path path) {
        if (!Files.exists(path)) {
            if (Files.isSymbolicLink(path)) {
                throw new LadderException(path + ": a symbolic link to " + linkTarget(path) + ", which does not exist");
            }
            throw new LadderException(path + ": no such file or folder");
        }
        if (!Files.isRegularFile(path)) {
            throw new LadderException(path + ": not a regular file (a pipe, socket or device); Ladder reads files and folders");
        }
        Loader.readerOf(path);
        if (!Files.isReadable(path)) {
            throw new LadderException(path + ": permission denied");
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a file";
        }
    }

    /** The files to read inside {@code folder}, in order; what is skipped goes to {@code skipped}. */
    private static List<Path> walk(Path folder, Skipped skipped) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (!dir.equals(folder) && hidden(dir.getFileName())) {
                                skipped.hidden.add(dir + "/");
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            if (ladder.engine.snapshot.Snapshot.is(dir)) {
                                skipped.snapshots.add(dir + "/");
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (!handled(file)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (hidden(file.getFileName())) {
                                skipped.hidden.add(file.toString());
                            } else if (attrs.isSymbolicLink()) {
                                // Links are followed, so a link still seen as one points nowhere.
                                skipped.brokenLinks.add(file.toString());
                            } else if (!attrs.isRegularFile()) {
                                skipped.unreadable.add(file + " (not a regular file)");
                            } else if (!Files.isReadable(file)) {
                                skipped.unreadable.add(file + " (permission denied)");
                            } else {
                                try {
                                    if (isRejectsFile(file)) {
                                        skipped.rejects.add(file.toString());
                                    } else {
                                        found.add(file);
                                    }
                                } catch (IOException e) {
                                    skipped.unreadable.add(file + " (" + e.getClass().getSimpleName() + ")");
                                }
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                            if (file.equals(folder)) {
                                throw e;
                            }
                            if (e instanceof FileSystemLoopException) {
                                skipped.loops.add(file.toString());
                            } else if (!hidden(file.getFileName())) {
                                skipped.unreadable.add(file + " (" + e.getClass().getSimpleName() + ")");
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new LadderException(folder + ": the folder cannot be listed (" + e.getClass().getSimpleName() + ")", e);
        }
        found.sort((a, b) -> byNames(folder.relativize(a), folder.relativize(b)));
        return found;
    }

    /** Paths compared name by name, each name as a string: a stable order on every platform. */
    private static int byNames(Path a, Path b) {
        int common = Math.min(a.getNameCount(), b.getNameCount());
        for (int i = 0; i < common; i++) {
            int c = a.getName(i).toString().compareTo(b.getName(i).toString());
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.getNameCount(), b.getNameCount());
    }

    private static boolean hidden(Path name) {
        return name != null && name.toString().startsWith(".");
    }

    private static boolean handled(Path file) {
        return Loader.READERS.stream().anyMatch(reader -> reader.handles(file));
    }

    /** Whether {@code file} is a CSV file whose first line is exactly the rejected-rows file's header. */
    private static boolean isRejectsFile(Path file) throws IOException {
        if (!(Loader.readerOf(file) instanceof CsvReader)) {
            return false;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(RejectsWriter.HEADER.length() + 5);
        }
        String text = new String(head, StandardCharsets.UTF_8);
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end > 0 && text.charAt(end - 1) == '\r' ? end - 1 : end);
        return first.equals(RejectsWriter.HEADER);
    }

    /** What a folder's reading skipped, by kind. */
    private static final class Skipped {
        final List<String> hidden = new ArrayList<>();
        final List<String> rejects = new ArrayList<>();
        final List<String> brokenLinks = new ArrayList<>();
        final List<String> unreadable = new ArrayList<>();
        final List<String> loops = new ArrayList<>();
        final List<String> snapshots = new ArrayList<>();

        void add(Skipped other) {
            hidden.addAll(other.hidden);
            rejects.addAll(other.rejects);
            brokenLinks.addAll(other.brokenLinks);
            unreadable.addAll(other.unreadable);
            loops.addAll(other.loops);
            snapshots.addAll(other.snapshots);
        }

        int count() {
            return hidden.size() + rejects.size() + brokenLinks.size() + unreadable.size() + loops.size() + snapshots.size();
        }

        boolean isEmpty() {
            return count() == 0;
        }

        /** One warning line per kind skipped. */
        List<String> warnings() {
            List<String> out = new ArrayList<>();
            warn(out, hidden, "hidden files and folders (names starting with '.'; name a file explicitly to read it)");
            warn(out, rejects, "files that are Ladder rejects files (their first line is " + RejectsWriter.HEADER + ")");
            warn(out, brokenLinks, "symbolic links to files that do not exist");
            warn(out, unreadable, "files and folders that cannot be read");
            warn(out, loops, "links to folders that loop back to a folder being read");
            warn(out, snapshots, "Ladder snapshots (ladder import; name one alone as --data to read it)");
            return out;
        }

        private static void warn(List<String> out, List<String> names, String what) {
            if (!names.isEmpty()) {
                names.sort(null);
                out.add("skipped " + names.size() + " " + what + ": " + Excerpt.firstFew(names, NAMED));
            }
        }
    }
}
