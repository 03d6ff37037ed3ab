package ladder.engine.filter;

import java.util.List;
import ladder.engine.table.Chunk;
import ladder.engine.table.Codes;
import ladder.engine.table.Column;
import ladder.engine.table.Decimals;

/**
 * A row filter compiled against a table's columns. {@link #select} answers, for one chunk, a bit
 * mask with bit {@code r} set when row {@code r} passes.
 *
 * <p>Users write filters as text ({@link FilterParser}): {@code grade>=4},
 * {@code gender in (woman, man)}, {@code year = 2024 and not seb = excluded},
 * {@code hourly_pay is missing}; {@code and}, {@code or}, {@code not} and parentheses combine them.
 */
public sealed interface Filter {

    /** The filter that passes every row. */
    Filter ALL = new All();

    /** The rows of {@code chunk} that pass, as {@code (rows + 63) / 64} mask words. */
    long[] select(Chunk chunk);

    /** The filter as a user would write it. */
    String text();

    static long[] words(int rows) {
        return new long[(rows + 63) >>> 6];
    }

    record All() implements Filter {
        public long[] select(Chunk chunk) {
            long[] mask = words(chunk.rows());
            java.util.Arrays.fill(mask, -1L);
            int tail = chunk.rows() & 63;
            if (tail != 0) {
                mask[mask.length - 1] = (1L << tail) - 1;
            }
            return mask;
        }

        public String text() {
            return "";
        }
    }

    /** Rows whose code in a coded column is one of the accepted codes ({@code accepted[code]}). */
    record CodeIn(Column column, boolean[] accepted, String text) implements Filter {
        public long[] select(Chunk chunk) {
            long[] mask = words(chunk.rows());
            Codes codes = chunk.codes(column);
            boolean[] ok = accepted;
            if (codes instanceof Codes.Bytes b) {
                // Branch-free: a mispredicted branch per row would cost more than the rest of the loop.
                long[] bit = new long[256];
                for (int code = 0; code < Math.min(ok.length, bit.length); code++) {
                    bit[code] = ok[code] ? 1 : 0;
                }
                byte[] v = b.values();
                for (int r = 0; r < v.length; r++) {
                    mask[r >>> 6] |= bit[v[r] & 0xFF] << r;
                }
            } else {
                for (int r = 0; r < chunk.rows(); r++) {
                    int code = codes.get(r);
                    if (code < ok.length && ok[code]) {
                        mask[r >>> 6] |= 1L << r;
                    }
                }
            }
            return mask;
        }
    }

    /** How a decimal is compared with a constant. */
    enum Comparison {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        boolean test(double value, double constant) {
            return switch (this) {
                case EQ -> value == constant;
                case NE -> value != constant;
                case LT -> value < constant;
                case LE -> value <= constant;
                case GT -> value > constant;
                case GE -> value >= constant;
            };
        }
    }

    /** Rows whose decimal value compares true with a constant; a missing value never passes. */
    record DecimalCompare(Column column, Comparison comparison, double constant, String text) implements Filter {
        public long[] select(Chunk chunk) {
            long[] mask = words(chunk.rows());
            Decimals values = chunk.decimals(column);
            for (int r = 0; r < chunk.rows(); r++) {
                if (!values.isNull(r) && comparison.test(values.get(r), constant)) {
                    mask[r >>> 6] |= 1L << r;
                }
            }
            return mask;
        }
    }

    /** Rows whose decimal value is missing. */
    record DecimalMissing(Column column, String text) implements Filter {
        public long[] select(Chunk chunk) {
            long[] mask = words(chunk.rows());
            Decimals values = chunk.decimals(column);
            for (int r = 0; r < chunk.rows(); r++) {
                if (values.isNull(r)) {
                    mask[r >>> 6] |= 1L << r;
                }
            }
            return mask;
        }
    }

    /**
     * Rows that pass every one of {@code terms}. N-ary, so that a chain of thousands of
     * {@code and}s is evaluated in a loop rather than by recursion as deep as the chain.
     */
    record And(List<Filter> terms) implements Filter {
        public And {
            terms = atLeastTwo(terms);
        }

        public long[] select(Chunk chunk) {
            long[] a = terms.get(0).select(chunk);
            for (int t = 1; t < terms.size(); t++) {
                long[] b = terms.get(t).select(chunk);
                for (int w = 0; w < a.length; w++) {
                    a[w] &= b[w];
                }
            }
            return a;
        }

        public String text() {
            return joined(terms, " and ");
        }
    }

    /** Rows that pass at least one of {@code terms}; n-ary for the reason {@link And} is. */
    record Or(List<Filter> terms) implements Filter {
        public Or {
            terms = atLeastTwo(terms);
        }

        public long[] select(Chunk chunk) {
            long[] a = terms.get(0).select(chunk);
            for (int t = 1; t < terms.size(); t++) {
                long[] b = terms.get(t).select(chunk);
                for (int w = 0; w < a.length; w++) {
                    a[w] |= b[w];
                }
            }
            return a;
        }

        public String text() {
            return joined(terms, " or ");
        }
    }

    private static List<Filter> atLeastTwo(List<Filter> terms) {
        if (terms.size() < 2) {
            throw new IllegalArgumentException("and/or need at least two terms, got " + terms.size());
        }
        return List.copyOf(terms);
    }

    private static String joined(List<Filter> terms, String operator) {
        return "(" + String.join(operator, terms.stream().map(Filter::text).toList()) + ")";
    }

    record Not(Filter inner) implements Filter {
        public long[] select(Chunk chunk) {
            long[] all = ALL.select(chunk);
            long[] in = inner.select(chunk);
            for (int w = 0; w < all.length; w++) {
                all[w] &= ~in[w];
            }
            return all;
        }

        public String text() {
            return "not " + inner.text();
        }
    }
}
