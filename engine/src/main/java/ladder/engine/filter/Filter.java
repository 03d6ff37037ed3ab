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

    /** The columns whose values the filter reads (none for {@link #ALL}), so a source can read only those. */
    default java.util.Set<Column> columns() {
        java.util.Set<Column> out = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<Filter> open = new java.util.ArrayDeque<>(List.of(this));
        while (!open.isEmpty()) {
            Filter f = open.pop();
            if (f instanceof CodeIn c) {
                out.add(c.column());
            } else if (f instanceof DecimalCompare c) {
                out.add(c.column());
            } else if (f instanceof DecimalMissing c) {
                out.add(c.column());
            } else if (f instanceof And a) {
                open.addAll(a.terms());
            } else if (f instanceof Or o) {
                open.addAll(o.terms());
            } else if (f instanceof Not n) {
                open.push(n.inner());
            }
        }
        return out;
    }

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
            Codes codes = chunk.codes(column);
            // Branch-free, a mask word at a time: a mispredicted branch per row would cost more than the rest of the loop.
            if (codes instanceof Codes.Bytes b) {
                int[] run = run();
                if (run != null) {
                    return Masks.bytesBetween(b.values(), chunk.rows(), run[0], run[1], run[2] == 1);
                }
                long[] bit = bits(256);
                byte[] v = b.values();
                return Masks.of(chunk.rows(), (from, to) -> {
                    long m = 0;
                    for (int r = from; r < to; r++) {
                        m |= bit[v[r] & 0xFF] << r;
                    }
                    return m;
                });
            }
            if (codes instanceof Codes.Shorts s) {
                long[] bit = bits(accepted.length);
                short[] v = s.values();
                return Masks.of(chunk.rows(), (from, to) -> {
                    long m = 0;
                    for (int r = from; r < to; r++) {
                        int code = v[r] & 0xFFFF;
                        m |= (code < bit.length ? bit[code] : 0L) << r;
                    }
                    return m;
                });
            }
            boolean[] ok = accepted;
            return Masks.of(chunk.rows(), (from, to) -> {
                long m = 0;
                for (int r = from; r < to; r++) {
                    int code = codes.get(r);
                    m |= (code < ok.length && ok[code] ? 1L : 0L) << r;
                }
                return m;
            });
        }

        /**
         * Of the byte codes 0 to 255, {@code {lo, hi, 0}} if those accepted are {@code lo .. hi},
         * {@code {lo, hi, 1}} if those refused are (as for {@code >=}, {@code <}, {@code !=}, or
         * an {@code in} list of neighbouring codes), else {@code null}.
         */
        private int[] run() {
            int[] edges = new int[2];
            int changes = 0;
            for (int code = 1; code < 256; code++) {
                if (accepts(code) != accepts(code - 1)) {
                    if (changes == 2) {
                        return null;
                    }
                    edges[changes++] = code;
                }
            }
            boolean first = accepts(0);
            if (changes == 0) {
                // All or none: none is everything refused.
                return new int[] {0, 255, first ? 0 : 1};
            }
            if (changes == 1) {
                return first ? new int[] {0, edges[0] - 1, 0} : new int[] {edges[0], 255, 0};
            }
            return new int[] {edges[0], edges[1] - 1, first ? 1 : 0};
        }

        private boolean accepts(int code) {
            return code < accepted.length && accepted[code];
        }

        /** {@code 1} at each accepted code below {@code codes}, {@code 0} elsewhere. */
        private long[] bits(int codes) {
            long[] bit = new long[codes];
            for (int code = 0; code < Math.min(accepted.length, codes); code++) {
                bit[code] = accepted[code] ? 1 : 0;
            }
            return bit;
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

    /**
     * Rows whose decimal value compares true with a constant; a missing value never passes.
     *
     * <p>Every comparison but {@code !=} holds on a closed interval of values ({@code > c} is
     * {@code >= Math.nextUp(c)}), and {@code !=} off one; so a row's bit is one interval test,
     * branch-free, on the values as stored: for {@link Decimals.Hundredths} on the int units
     * ({@link Masks#unitsBetween}, the null mask folded in), with the interval's ends found
     * exactly ({@link #unitsFrom}), so no row is divided by 100.
     */
    record DecimalCompare(Column column, Comparison comparison, double constant, String text) implements Filter {
        public long[] select(Chunk chunk) {
            Decimals values = chunk.decimals(column);
            if (values instanceof Decimals.Hundredths h) {
                return Masks.unitsBetween(h.units(), chunk.rows(), unitsFrom(lowest()),
                        unitsFrom(Math.nextUp(highest())) - 1, comparison == Comparison.NE, h.nulls());
            }
            long flip = comparison == Comparison.NE ? 1 : 0;
            double[] v = ((Decimals.Doubles) values).values();
            double lo = lowest();
            double hi = highest();
            long[] mask = Masks.of(chunk.rows(), (from, to) -> {
                long m = 0;
                for (int r = from; r < to; r++) {
                    m |= ((v[r] >= lo & v[r] <= hi ? 1L : 0L) ^ flip) << r;
                }
                return m;
            });
            long[] nulls = values.nulls();
            if (nulls != null) {
                for (int w = 0; w < mask.length; w++) {
                    mask[w] &= ~nulls[w];
                }
            }
            return mask;
        }

        /** The lowest value of the interval (of {@code =} for {@code !=}). */
        private double lowest() {
            return switch (comparison) {
                case GT -> Math.nextUp(constant);
                case GE, EQ, NE -> constant;
                case LT, LE -> Double.NEGATIVE_INFINITY;
            };
        }

        /** The highest value of the interval (of {@code =} for {@code !=}). */
        private double highest() {
            return switch (comparison) {
                case LT -> Math.nextDown(constant);
                case LE, EQ, NE -> constant;
                case GT, GE -> Double.POSITIVE_INFINITY;
            };
        }

        /**
         * The least int {@code u} with {@code u / 100.0 >= value} (as a long; one past
         * {@code Integer.MAX_VALUE} if none). A binary search, exact because {@code u / 100.0},
         * correctly rounded, never decreases as {@code u} grows.
         */
        static long unitsFrom(double value) {
            long lo = Integer.MIN_VALUE;
            long hi = Integer.MAX_VALUE + 1L;
            while (lo < hi) {
                long mid = (lo + hi) >> 1;
                if (mid / 100.0 >= value) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }
    }

    /** Rows whose decimal value is missing. */
    record DecimalMissing(Column column, String text) implements Filter {
        public long[] select(Chunk chunk) {
            long[] nulls = chunk.decimals(column).nulls();
            return nulls == null ? words(chunk.rows()) : java.util.Arrays.copyOf(nulls, words(chunk.rows()).length);
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
