package ladder.models.pay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import ladder.engine.LadderException;
import ladder.engine.filter.Filter;
import ladder.engine.table.Chunk;
import ladder.engine.table.Codes;
import ladder.engine.table.Column;
import ladder.engine.table.Decimals;
import ladder.engine.table.Table;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;

/**
 * The adjusted class pay gap and its Oaxaca-Blinder decompositions, from the rows (they need each person's log
 * pay, which no cube holds): the OLS of log hourly pay on seb + gender + ethnicity + age_band + grade + year, all
 * treatment coded, with employer-clustered standard errors ({@link AdjustedPayGap}), and for each comparison group
 * the two-fold decomposition of its gap in mean log pay against the reference ({@link OaxacaBlinder}) on the other
 * covariates.
 *
 * <p>Rows passing the filter whose seb is one of the three groups are used; those whose hourly pay or a covariate
 * is missing are left out and counted. A covariate's levels are those present among the rows used, the first
 * (in code order) its reference; seb's reference is the one asked for. The chunks of the table are read in
 * parallel, each into its own {@link OlsAccumulator}, combined in chunk order so that the numbers do not depend
 * on the thread count.
 *
 * @param roundedPay rows whose hourly pay was not whole pence and was rounded to it
 */
public record PayModel(AdjustedPayGap adjusted, List<OaxacaBlinder> decompositions, long roundedPay) implements Result {

    /** The covariates of the regression, seb first. */
    public static final List<String> COVARIATES = List.of("seb", "gender", "ethnicity", "age_band", "grade", "year");

    public PayModel {
        decompositions = List.copyOf(decompositions);
    }

    /** One chunk's rows in the SEB groups: level codes per covariate (-1: missing), pay in pence (0: missing), employer. */
    private record Rows(int[][] codes, long[] pence, int[] employer, long rounded) {
    }

    /** Fits the rows of {@code table} passing {@code filter}; {@code reference} is the reference SEB group. */
    public static PayModel of(Table table, Filter filter, String reference, double level, int threads) {
        String ref = ClassPayGap.reference(reference);
        List<String> groups = new ArrayList<>(List.of(ref));
        groups.addAll(ClassPayGap.comparisonGroups(ref));
        Column[] columns = COVARIATES.stream().map(table::column).toArray(Column[]::new);
        // code -> level candidate: for seb the group's position, else 0 for an answer and -1 for no answer
        int[][] candidate = new int[columns.length][];
        for (int f = 0; f < columns.length; f++) {
            candidate[f] = new int[columns[f].cardinality()];
            for (int code = 0; code < candidate[f].length; code++) {
                String label = columns[f].label(code);
                candidate[f][code] = f == 0 ? groups.indexOf(label) : label.equals(Column.EMPTY_LABEL) ? -1 : 0;
            }
        }
        List<Chunk> chunks = table.chunks();
        Column pay = table.column("hourly_pay");
        Column employer = table.column("employer_id");
        List<Rows> rows = parallel(threads, chunks.size(), i -> read(chunks.get(i), filter, columns, candidate, pay, employer));
        // Levels present among the usable rows, then codes renumbered into them.
        List<Factor> factors = new ArrayList<>();
        int[][] recode = new int[columns.length][];
        for (int f = 0; f < columns.length; f++) {
            boolean[] seen = new boolean[candidate[f].length];
            for (Rows r : rows) {
                for (int i = 0; i < r.pence().length; i++) {
                    if (usable(r, i) && r.codes()[f][i] >= 0) {
                        seen[r.codes()[f][i]] = true;
                    }
                }
            }
            List<String> levels = new ArrayList<>();
            recode[f] = new int[seen.length];
            java.util.Arrays.fill(recode[f], -1);
            List<Integer> order = new ArrayList<>();
            for (int code = 0; code < seen.length; code++) {
                order.add(code);
            }
            if (f == 0) {
                order.sort(java.util.Comparator.comparingInt(code -> candidate[0][code] < 0 ? 99 : candidate[0][code]));
            }
            for (int code : order) {
                if (seen[code]) {
                    recode[f][code] = levels.size();
                    levels.add(columns[f].label(code));
                }
            }
            if (levels.isEmpty()) {
                throw new LadderException("no rows with hourly pay and every covariate (" + String.join(", ", COVARIATES)
                        + ") in the SEB groups; the adjusted gap cannot be fitted");
            }
            if (f == 0 && !levels.contains(ref)) {
                throw new LadderException("nobody in the reference group " + ref + " has hourly pay and every covariate;"
                        + " the adjusted gap needs them");
            }
            if (f == 0 && levels.size() < 2) {
                throw new LadderException("only the reference group " + ref + " has rows for the adjusted gap; it needs a"
                        + " comparison group");
            }
            factors.add(new Factor(COVARIATES.get(f), levels, f == 0 ? ref : levels.get(0)));
        }
        List<Rows> coded = rows.stream().map(r -> recoded(r, recode)).toList();
        TreatmentCoding coding = new TreatmentCoding(factors);
        OlsAccumulator all = new OlsAccumulator(coding, employer.cardinality());
        parallel(threads, coded.size(), i -> {
            Rows r = coded.get(i);
            OlsAccumulator acc = new OlsAccumulator(coding, employer.cardinality());
            acc.add(r.codes(), r.pence(), r.employer(), 0, r.pence().length);
            return acc;
        }).forEach(all::combine);
        AdjustedPayGap adjusted = AdjustedPayGap.of(all, "seb", level);
        List<OaxacaBlinder> decompositions = decompose(coded, factors, level);
        return new PayModel(adjusted, decompositions, rows.stream().mapToLong(Rows::rounded).sum());
    }

    private static boolean usable(Rows r, int i) {
        if (r.pence()[i] <= 0) {
            return false;
        }
        for (int[] c : r.codes()) {
            if (c[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static Rows read(Chunk chunk, Filter filter, Column[] columns, int[][] candidate, Column pay, Column employer) {
        long[] mask = filter.select(chunk);
        Codes seb = chunk.codes(columns[0]);
        int m = 0;
        for (int r = 0; r < chunk.rows(); r++) {
            if ((mask[r >>> 6] & (1L << r)) != 0 && candidate[0][seb.get(r)] >= 0) {
                m++;
            }
        }
        int[][] codes = new int[columns.length][m];
        long[] pence = new long[m];
        int[] cluster = new int[m];
        long rounded = 0;
        Decimals values = chunk.decimals(pay);
        Codes employers = chunk.codes(employer);
        Codes[] covariates = new Codes[columns.length];
        for (int f = 0; f < columns.length; f++) {
            covariates[f] = chunk.codes(columns[f]);
        }
        int i = 0;
        for (int r = 0; r < chunk.rows(); r++) {
            if ((mask[r >>> 6] & (1L << r)) == 0 || candidate[0][seb.get(r)] < 0) {
                continue;
            }
            for (int f = 0; f < columns.length; f++) {
                int code = covariates[f].get(r);
                codes[f][i] = candidate[f][code] < 0 ? -1 : code;
            }
            if (!values.isNull(r)) {
                if (values instanceof Decimals.Hundredths h) {
                    pence[i] = h.units()[r];
                } else {
                    double exact = values.get(r) * 100;
                    pence[i] = Math.round(exact);
                    rounded += pence[i] == exact ? 0 : 1;
                }
            }
            cluster[i] = employers.get(r);
            i++;
        }
        return new Rows(codes, pence, cluster, rounded);
    }

    private static Rows recoded(Rows r, int[][] recode) {
        int[][] codes = new int[r.codes().length][];
        for (int f = 0; f < codes.length; f++) {
            codes[f] = new int[r.codes()[f].length];
            for (int i = 0; i < codes[f].length; i++) {
                int code = r.codes()[f][i];
                codes[f][i] = code < 0 ? -1 : recode[f][code];
            }
        }
        return new Rows(codes, r.pence(), r.employer(), r.rounded());
    }

    /** Each comparison group against the reference, on the covariates other than seb. */
    private static List<OaxacaBlinder> decompose(List<Rows> rows, List<Factor> factors, double level) {
        int n = rows.stream().mapToInt(r -> r.pence().length).sum();
        int[][] codes = new int[factors.size() - 1][n];
        long[] pence = new long[n];
        int[] seb = new int[n];
        int at = 0;
        for (Rows r : rows) {
            int m = r.pence().length;
            for (int f = 1; f < factors.size(); f++) {
                System.arraycopy(r.codes()[f], 0, codes[f - 1], at, m);
            }
            System.arraycopy(r.pence(), 0, pence, at, m);
            System.arraycopy(r.codes()[0], 0, seb, at, m);
            at += m;
        }
        TreatmentCoding coding = new TreatmentCoding(factors.subList(1, factors.size()));
        Factor sebFactor = factors.get(0);
        int reference = sebFactor.levels().indexOf(sebFactor.reference());
        List<OaxacaBlinder> out = new ArrayList<>();
        for (int g = 0; g < sebFactor.levels().size(); g++) {
            if (g == reference) {
                continue;
            }
            int[] group = new int[n];
            for (int i = 0; i < n; i++) {
                group[i] = seb[i] == reference ? 0 : seb[i] == g ? 1 : -1;
            }
            out.add(OaxacaBlinder.of(coding, codes, pence, group, List.of(sebFactor.reference(),
                    sebFactor.levels().get(g)), level));
        }
        return out;
    }

    private static <T> List<T> parallel(int threads, int count, java.util.function.IntFunction<T> task) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> IntStream.range(0, count).parallel().mapToObj(task).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    // ---- Rendering ----

    @Override
    public String title() {
        return adjusted.title();
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>(adjusted.inputs());
        inputs.remove("confidence_level");
        return inputs;
    }

    /** adjusted_gaps and adjusted_coefficients ({@link AdjustedPayGap}), oaxaca and oaxaca_coefficients (one per group). */
    @Override
    public List<ResultTable> tables() {
        List<ResultTable> tables = new ArrayList<>();
        for (ResultTable t : adjusted.tables()) {
            tables.add(new ResultTable("adjusted_" + t.name(), t.title(), t.columns(), t.rows()));
        }
        for (String name : List.of("oaxaca", "oaxaca_coefficients")) {
            int table = name.equals("oaxaca") ? 0 : 1;
            Map<String, ResultTable> each = new LinkedHashMap<>();
            decompositions.forEach(d -> each.put(d.group(), d.tables().get(table)));
            tables.add(Stacked.of(name, "group", "comparison group (against " + adjusted.reference() + ")", each));
        }
        return tables;
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>(adjusted.notes());
        decompositions.forEach(d -> notes.add(d.notes().get(0)));
        notes.addAll(decompositions.get(0).notes().subList(1, decompositions.get(0).notes().size()));
        if (roundedPay > 0) {
            notes.add(String.format(Locale.ROOT, "%,d hourly pay values were not whole pence and were rounded to the"
                    + " penny for the regression.", roundedPay));
        }
        return notes;
    }
}
