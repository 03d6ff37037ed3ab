package ladder.engine.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import ladder.engine.Excerpt;
import ladder.engine.LadderException;
import ladder.engine.table.Chunk;
import ladder.engine.table.Column;
import ladder.engine.table.Table;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of {@link FilterParser} and {@link Filter#select}: random token soup,
 * grammar-shaped filters (deep nesting, long chains, unicode and quoted values) and mutations of
 * them. Every outcome must be a filter that evaluates, or a {@link LadderException} of one line
 * under 1,000 characters; a grammar-shaped filter that parses must select exactly the rows its
 * meaning, computed beside it, selects.
 *
 * <p>{@code -Dladder.fuzz.cases=N} sets the cases per kind (default {@value #DEFAULT_CASES}, a
 * few seconds), {@code -Dladder.fuzz.seed=S} the first seed; a failure names the seed of its case.
 */
class FilterFuzzTest {
    static final int DEFAULT_CASES = 1_600;
    private static final int CASES = Integer.getInteger("ladder.fuzz.cases", DEFAULT_CASES);
    private static final long SEED = Long.getLong("ladder.fuzz.seed", 20_240_901L);
    private static final Table TABLE = FilterTables.employees(9, 700);

    private static final String[] WORDS = {
        "grade", "GRADE", "year", "gender", "seb", "hourly_pay", "bonus", "sector", "employer_id", "nope", "parental_occupation",
        "and", "or", "not", "in", "is", "missing", "AND", "Or", "NOT", "IS", "Missing", "(", ")", ",", "(", ")",
        "=", "==", "!=", "<>", "<", "<=", ">", ">=", "!", "=<", "<<", "!==",
        "0", "1", "3", "6", "7", "-1", "2.5", "1e309", "-0", "NaN", "Infinity", "0x10", "2147483648", "-2147483649",
        "99999999999999999999", "woman", "man", "professional", "working_class", "excluded", "(missing)", "e3", "s1",
        "'woman'", "\"man\"", "'", "\"", "''", "'a b'", "é", "名前", "\uD83D\uDE00", "\uD800", "\u0000", "\n", "\r\n", "\t",
        "\u2028", "\u00A0", "\uFEFF", "\u202E", "x".repeat(300),
    };

    /** What a generated filter means, row by row, computed without the parser. */
    interface Meaning {
        boolean test(Chunk chunk, int row);
    }

    record Generated(String text, Meaning meaning) {}

    /** Checks one case; returns whether the filter parsed (else it was refused). */
    private static boolean check(long seed, String filter, Meaning meaning) {
        Filter parsed;
        try {
            parsed = FilterParser.parse(filter, TABLE);
        } catch (LadderException e) {
            String message = e.getMessage();
            assertTrue(message.indexOf('\n') < 0 && message.indexOf('\r') < 0 && message.length() < 1_000,
                    () -> "seed " + seed + ": " + Excerpt.of(message, 400) + " for " + Excerpt.of(filter, 200));
            return false;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError("seed " + seed + ": " + e + " for " + Excerpt.of(filter, 300), e);
        }
        for (Chunk chunk : TABLE.chunks()) {
            long[] mask;
            try {
                mask = parsed.select(chunk);
                assertTrue(parsed.text() != null);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("seed " + seed + ": evaluating " + Excerpt.of(filter, 300) + ": " + e, e);
            }
            assertEquals(Filter.words(chunk.rows()).length, mask.length);
            for (int r = 0; r < mask.length * 64; r++) {
                boolean selected = (mask[r >>> 6] >>> r & 1) != 0;
                if (r >= chunk.rows()) {
                    if (selected) {
                        fail("seed " + seed + ": bit " + r + " set past the chunk's " + chunk.rows() + " rows");
                    }
                } else if (meaning != null && selected != meaning.test(chunk, r)) {
                    fail("seed " + seed + ": row " + r + " of a chunk selected=" + selected + " for " + Excerpt.of(filter, 300));
                }
            }
        }
        return true;
    }

    private static void report(String kind, int parsed) {
        System.out.println("fuzz filter " + kind + ": " + CASES + " cases, " + parsed + " parsed, " + (CASES - parsed) + " refused");
    }

    @Test
    void tokenSoupIsParsedOrRefusedInOneLine() {
        int parsed = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = SEED + i;
            SplittableRandom random = new SplittableRandom(seed);
            int count = random.nextInt(1, 40);
            StringBuilder filter = new StringBuilder();
            for (int t = 0; t < count; t++) {
                filter.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(4) == 0 ? "" : " ");
            }
            parsed += check(seed, filter.toString(), null) ? 1 : 0;
        }
        report("token soup", parsed);
    }

    @Test
    void grammarShapedFiltersSelectWhatTheyMean() {
        int parsed = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = SEED + i;
            SplittableRandom random = new SplittableRandom(seed);
            Generated g = switch (random.nextInt(10)) {
                case 0 -> deep(random);
                case 1 -> chain(random, 2 + random.nextInt(random.nextInt(40) == 0 ? 3_000 : 50), 0);
                default -> filter(random, random.nextInt(6));
            };
            parsed += check(seed, g.text(), g.meaning()) ? 1 : 0;
        }
        report("grammar-shaped", parsed);
    }

    @Test
    void mutatedFiltersAreParsedOrRefusedInOneLine() {
        int parsed = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = SEED + i;
            SplittableRandom random = new SplittableRandom(seed);
            StringBuilder text = new StringBuilder(filter(random, random.nextInt(5)).text());
            for (int m = random.nextInt(1, 6); m > 0; m--) {
                int at = random.nextInt(text.length() + 1);
                switch (random.nextInt(4)) {
                    case 0 -> text.insert(at, WORDS[random.nextInt(WORDS.length)]);
                    case 1 -> text.delete(at, Math.min(text.length(), at + random.nextInt(1, 8)));
                    case 2 -> text.insert(at, (char) random.nextInt(0x20, 0x7F));
                    default -> text.insert(at, text.substring(random.nextInt(at + 1), at));
                }
            }
            parsed += check(seed, text.toString(), null) ? 1 : 0;
        }
        report("mutated", parsed);
    }

    /** A filter nested up to a little past {@link FilterParser#MAX_DEPTH} in parentheses and nots. */
    private static Generated deep(SplittableRandom random) {
        Generated inner = comparison(random);
        StringBuilder prefix = new StringBuilder();
        StringBuilder suffix = new StringBuilder();
        boolean negated = false;
        for (int d = random.nextInt(FilterParser.MAX_DEPTH + 20); d > 0; d--) {
            if (random.nextBoolean()) {
                prefix.append("not ");
                negated = !negated;
            } else {
                prefix.append('(');
                suffix.append(')');
            }
        }
        boolean flip = negated;
        Meaning meaning = inner.meaning();
        return new Generated(prefix + inner.text() + suffix, (c, r) -> flip != meaning.test(c, r));
    }

    /** An and/or chain of {@code terms} comparisons, each term sometimes a small filter of its own. */
    private static Generated chain(SplittableRandom random, int terms, int depth) {
        boolean and = random.nextBoolean();
        List<Generated> parts = new ArrayList<>();
        for (int t = 0; t < terms; t++) {
            parts.add(depth > 0 && random.nextInt(3) == 0 ? parenthesised(filter(random, depth - 1)) : comparison(random));
        }
        StringBuilder text = new StringBuilder();
        for (int t = 0; t < parts.size(); t++) {
            text.append(t == 0 ? "" : and ? (random.nextBoolean() ? " and " : " AND ") : " or ").append(parts.get(t).text());
        }
        List<Meaning> meanings = parts.stream().map(Generated::meaning).toList();
        return new Generated(text.toString(), (c, r) -> {
            for (Meaning m : meanings) {
                if (m.test(c, r) != and) {
                    return !and;
                }
            }
            return and;
        });
    }

    private static Generated parenthesised(Generated g) {
        return new Generated("(" + g.text() + ")", g.meaning());
    }

    private static Generated filter(SplittableRandom random, int depth) {
        return switch (depth == 0 ? 0 : random.nextInt(4)) {
            case 0 -> comparison(random);
            case 1 -> {
                Generated inner = filter(random, depth - 1);
                // 'not' binds tighter than 'and' and 'or': only a comparison may go without parentheses.
                boolean paren = depth > 1 || random.nextBoolean();
                yield new Generated("not " + (paren ? "(" + inner.text() + ")" : inner.text()),
                        (c, r) -> !inner.meaning().test(c, r));
            }
            case 2 -> parenthesised(filter(random, depth - 1));
            default -> chain(random, 2 + random.nextInt(6), depth - 1);
        };
    }

    private static Generated comparison(SplittableRandom random) {
        Column grade = TABLE.column("grade");
        Column gender = TABLE.column("gender");
        Column pay = TABLE.column("hourly_pay");
        Column occupation = TABLE.column("parental_occupation");
        return switch (random.nextInt(6)) {
            case 0 -> {
                String[] ops = {"=", "==", "!=", "<>", "<", "<=", ">", ">="};
                String op = ops[random.nextInt(ops.length)];
                int k = random.nextInt(1, 7);
                yield new Generated("grade " + op + " " + k, (c, r) -> compare(op, number(c, grade, r), k));
            }
            case 1 -> {
                List<String> codes = gender.field().codebook().codes();
                List<String> chosen = new ArrayList<>();
                for (int n = random.nextInt(1, 4); n > 0; n--) {
                    chosen.add(codes.get(random.nextInt(codes.size())));
                }
                boolean not = random.nextBoolean();
                List<String> quoted = chosen.stream().map(v -> random.nextBoolean() ? v : random.nextBoolean()
                        ? "'" + v + "'" : "\"" + v + "\"").toList();
                yield new Generated("Gender " + (not ? "not in" : "IN") + " (" + String.join(", ", quoted) + ")",
                        (c, r) -> not != chosen.contains(label(c, gender, r)));
            }
            case 2 -> {
                double k = random.nextInt(1, 500_000) / 100.0;
                yield new Generated("hourly_pay > " + k, (c, r) -> !c.decimals(pay).isNull(r) && c.decimals(pay).get(r) > k);
            }
            case 3 -> new Generated("hourly_pay is " + "missing", (c, r) -> c.decimals(pay).isNull(r));
            case 4 -> new Generated("parental_occupation is not missing",
                    (c, r) -> !label(c, occupation, r).equals(Column.EMPTY_LABEL));
            default -> {
                // A long list, as a pasted one would be.
                List<String> values = new ArrayList<>();
                boolean[] in = new boolean[7];
                for (int n = random.nextInt(1, random.nextInt(20) == 0 ? 2_000 : 10); n > 0; n--) {
                    int k = random.nextInt(1, 7);
                    in[k] = true;
                    values.add(Integer.toString(k));
                }
                yield new Generated("grade in (" + String.join(",", values) + ")", (c, r) -> in[number(c, grade, r)]);
            }
        };
    }

    private static boolean compare(String op, int value, int k) {
        return switch (op) {
            case "=", "==" -> value == k;
            case "!=", "<>" -> value != k;
            case "<" -> value < k;
            case "<=" -> value <= k;
            case ">" -> value > k;
            default -> value >= k;
        };
    }

    private static String label(Chunk chunk, Column column, int row) {
        return column.label(chunk.codes(column).get(row));
    }

    /** A whole number's value: its code plus the field's minimum (see {@link Column}). */
    private static int number(Chunk chunk, Column column, int row) {
        return chunk.codes(column).get(row) + column.field().min();
    }
}
