package ladder.engine.io.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import ladder.engine.Excerpt;
import ladder.engine.LadderException;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.io.LoadReport;
import ladder.engine.io.Loader;
import ladder.engine.io.arrow.ArrowTables.Format;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seeded fuzzing of {@link Loader#load} with mutated files: small valid CSV, Arrow IPC (file,
 * stream, LZ4 Feather) and Parquet files, bit-flipped, overwritten with awkward integers,
 * truncated, with bytes inserted, deleted or repeated. Every load must end in a result whose
 * counts add up (read = accepted + rejected = the table's rows, a short summary of rejections and
 * warnings) or a {@link LadderException} of one line under 1,000 characters, never another
 * exception or a hang; and the input file must be byte for byte as it was.
 *
 * <p>{@code -Dladder.fuzz.cases=N} sets the cases per format to N / 4 (default {@value #DEFAULT_CASES} / 4:
 * a load costs about what four filters do);
 * {@code -Dladder.fuzz.seed=S} the first seed. A failing case's bytes are kept under
 * {@code target/fuzz-failures/} for a regression test.
 */
class LoadFuzzTest {
    /** The default of {@code ladder.fuzz.cases}, as for the filter's fuzzing; a load takes a quarter of the cases. */
    static final int DEFAULT_CASES = 1_600;
    private static final int CASES = Integer.getInteger("ladder.fuzz.cases", DEFAULT_CASES) / 4;
    private static final long SEED = Long.getLong("ladder.fuzz.seed", 20_240_901L);
    private static final int[] AWKWARD_INTS = {0, 1, -1, 2, 7, 8, 255, 256, 65_535, 1 << 20, Integer.MAX_VALUE,
        Integer.MIN_VALUE, Integer.MAX_VALUE - 7, 0x7FFF_FFF8};
    private static final String[] CSV_PIECES = {"\"", ",", "\n", "\r", "\r\n", "\"\"", "\u0000", "\uFEFF", "\u00e9", "\u2028",
        "NaN", "1e999", "-0", "9999999999", "E1", "2022", "woman", ",,,,,,,,,", "x".repeat(3_000)};

    @TempDir
    Path dir;

    /** The kinds of seed file, each with its name's extension. */
    enum Kind {
        CSV(".csv"), ARROW_FILE(".arrow"), ARROW_STREAM(".ipc"), FEATHER_LZ4(".feather"), PARQUET(".parquet");

        final String extension;

        Kind(String extension) {
            this.extension = extension;
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void mutatedFilesLoadOrAreRefusedInOneLineAndStayAsTheyWere(Kind kind) throws IOException {
        List<byte[]> seeds = seeds(kind);
        Path rejects = dir.resolve("rejects.csv");
        int loaded = 0;
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = SEED + i;
            SplittableRandom random = new SplittableRandom(seed * 31 + kind.ordinal());
            byte[] bytes = seeds.get(random.nextInt(seeds.size()));
            List<String> steps = new ArrayList<>();
            for (int m = random.nextInt(1, 5); m > 0; m--) {
                bytes = mutate(bytes, random, kind == Kind.CSV, steps);
            }
            Path file = Files.write(dir.resolve("case" + kind.extension), bytes);
            String where = kind + " seed " + seed + " " + steps;
            Outcome outcome = load(file, rejects, where);
            assertArrayEquals(bytes, Files.readAllBytes(file), () -> "the input changed: " + where);
            if (outcome == Outcome.LOADED) {
                loaded++;
            } else {
                refused++;
            }
        }
        System.out.println("fuzz " + kind + ": " + CASES + " cases, " + loaded + " loaded, " + refused + " refused");
    }

    private enum Outcome { LOADED, REFUSED }

    private Outcome load(Path file, Path rejects, String where) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try {
                Loader.Loaded loaded = Loader.load(Schema.EMPLOYEES, List.of(file), rejects);
                LoadReport report = loaded.report();
                assertEquals(report.read(), report.accepted() + report.rejected(), where);
                assertEquals(report.accepted(), loaded.table().rows(), where);
                assertTrue(report.rejectedByRule().size() <= 12, () -> where + ": " + report.rejectedByRule().keySet());
                assertTrue(report.warnings().size() <= 3, () -> where + ": " + report.warnings());
                for (String warning : report.warnings()) {
                    assertTrue(warning.indexOf('\n') < 0 && warning.length() < 2_000, () -> where + ": " + warning);
                }
                return Outcome.LOADED;
            } catch (LadderException e) {
                String message = e.getMessage();
                assertTrue(message.indexOf('\n') < 0 && message.indexOf('\r') < 0 && message.length() < 1_000,
                        () -> where + ": " + Excerpt.of(message, 600));
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    if (isLadderBug(cause)) {
                        keep(file, where);
                        throw new AssertionError(where + ": refused only by a catch-all, after " + cause, cause);
                    }
                }
                return Outcome.REFUSED;
            } catch (RuntimeException | Error e) {
                keep(file, where);
                throw new AssertionError(where + ": " + e, e);
            }
        }, () -> {
            keep(file, where);
            return where + ": the load did not finish";
        });
    }

    /**
     * Whether {@code cause} of a refusal is a bug of Ladder's own code that a catch-all turned
     * into a refusal: an error, or an exception the JVM raises (a null dereferenced, an array
     * indexed out of bounds, a bad cast or division, a negative array size) in a Ladder class.
     * Ladder's checks of bytes that throw with a message of their own, and Arrow's exceptions on
     * bytes it cannot read, are refusals as they should be.
     */
    private static boolean isLadderBug(Throwable cause) {
        if (cause instanceof Error) {
            return true;
        }
        StackTraceElement[] trace = cause.getStackTrace();
        boolean raisedByJvm = cause instanceof NullPointerException || cause instanceof ArrayIndexOutOfBoundsException
                || cause instanceof StringIndexOutOfBoundsException || cause instanceof ClassCastException
                || cause instanceof ArithmeticException || cause instanceof NegativeArraySizeException;
        return raisedByJvm && trace.length > 0 && trace[0].getClassName().startsWith("ladder.");
    }

    /** Copies a failing case's file under target/fuzz-failures, named by its kind and seed. */
    private static void keep(Path file, String where) {
        try {
            Path failures = Files.createDirectories(Path.of("target", "fuzz-failures"));
            Files.copy(file, failures.resolve(where.replaceAll("[^A-Za-z0-9_]+", "-") + file.getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Valid files of the kind: a few shapes each, small enough to mutate thousands of times. */
    private List<byte[]> seeds(Kind kind) throws IOException {
        List<List<String>> rows = Employees.numbered(40);
        List<byte[]> seeds = new ArrayList<>();
        if (kind == Kind.CSV) {
            seeds.add(csv(rows, "\n", false));
            seeds.add(csv(rows, "\r\n", true));
            return seeds;
        }
        Format format = Format.valueOf(kind.name());
        seeds.add(Files.readAllBytes(format.write(dir, "typed", Employees.typed(rows), 16)));
        seeds.add(Files.readAllBytes(format.write(dir, "strings", Employees.strings(rows), 64)));
        List<ArrowTables.Column> dictionary = Employees.replace(Employees.typed(rows), "gender",
                ArrowTables.Column.dictionary("gender", Arrays.stream(Employees.column(rows, "gender"))
                        .map(v -> (String) v).toArray(String[]::new)));
        seeds.add(Files.readAllBytes(format.write(dir, "dictionary", dictionary, 8)));
        return seeds;
    }

    /** The rows as a CSV file, each value quoted when it must be or, with {@code quoteAll}, always. */
    private static byte[] csv(List<List<String>> rows, String newline, boolean quoteAll) {
        StringBuilder out = new StringBuilder(quoteAll ? "\uFEFF" : "");
        out.append(Schema.EMPLOYEES.fields().stream().map(Field::name).collect(Collectors.joining(","))).append(newline);
        for (List<String> row : rows) {
            out.append(row.stream().map(v -> v == null ? "" : quoteAll || v.contains(",") ? "\"" + v + "\"" : v)
                    .collect(Collectors.joining(","))).append(newline);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One random mutation of {@code bytes}, described in {@code steps}. */
    static byte[] mutate(byte[] bytes, SplittableRandom random, boolean text, List<String> steps) {
        int n = bytes.length;
        int at = n == 0 ? 0 : random.nextInt(n);
        switch (random.nextInt(text ? 8 : 7)) {
            case 0 -> {
                byte[] out = bytes.clone();
                if (n > 0) {
                    out[at] ^= (byte) (1 << random.nextInt(8));
                }
                steps.add("flip@" + at);
                return out;
            }
            case 1 -> {
                byte[] out = bytes.clone();
                int value = AWKWARD_INTS[random.nextInt(AWKWARD_INTS.length)];
                for (int b = 0; b < 4 && at + b < n; b++) {
                    out[at + b] = (byte) (value >>> (8 * b));
                }
                steps.add("int" + value + "@" + at);
                return out;
            }
            case 2 -> {
                steps.add("cut@" + at);
                return Arrays.copyOf(bytes, at);
            }
            case 3 -> {
                byte[] inserted = new byte[random.nextInt(1, 17)];
                random.nextBytes(inserted);
                steps.add("insert" + inserted.length + "@" + at);
                return splice(bytes, at, 0, inserted);
            }
            case 4 -> {
                int length = Math.min(n - at, random.nextInt(1, 65));
                steps.add("delete" + length + "@" + at);
                return splice(bytes, at, length, new byte[0]);
            }
            case 5 -> {
                int length = Math.min(n - at, random.nextInt(1, 257));
                steps.add("repeat" + length + "@" + at);
                return splice(bytes, at, 0, Arrays.copyOfRange(bytes, at, at + length));
            }
            case 6 -> {
                byte[] out = bytes.clone();
                byte[] awkward = {0, (byte) 0xFF, 0x7F, (byte) 0x80, 1};
                if (n > 0) {
                    out[at] = awkward[random.nextInt(awkward.length)];
                }
                steps.add("byte@" + at);
                return out;
            }
            default -> {
                String piece = CSV_PIECES[random.nextInt(CSV_PIECES.length)];
                steps.add("text" + piece.length() + "@" + at);
                return splice(bytes, at, 0, piece.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static byte[] splice(byte[] bytes, int at, int removed, byte[] inserted) {
        byte[] out = new byte[bytes.length - removed + inserted.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(bytes, at + removed, out, at + inserted.length, bytes.length - at - removed);
        return out;
    }
}
