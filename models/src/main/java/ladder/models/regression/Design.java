package ladder.models.regression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import ladder.engine.LadderException;

/**
 * The design matrix of a {@link Formula} over {@link BinomialData}, never materialised: {@link #row}
 * writes one row's columns, so ten million rows need p doubles, not an n &times; p matrix.
 *
 * <p>Treatment coding: a categorical variable contributes one 0/1 column per level other than its
 * reference; an interaction's columns are the products of its variables' columns, the first
 * variable varying fastest (as R's {@code model.matrix}). Columns are named
 * {@code seb=working_class}, {@code seb=working_class:gender=woman}, {@code months_in_grade}.
 * Unlike R, an interaction whose main effect is absent is still treatment-coded (R would then
 * give the variable a column for every level).
 *
 * <p>Levels with no people (trials 0 in every row) are dropped and reported; the reference is the
 * one asked for, or the first level with people.
 */
public final class Design {

    /** A level left out of the model because no row has people at it. */
    public record DroppedLevel(String variable, String level) {
    }

    /** A categorical variable as the design codes it. */
    record Factor(String name, List<String> levels, int[] codes, int reference, int[] position, int kept) {
    }

    private final BinomialData data;
    private final boolean intercept;
    private final List<String> names = new ArrayList<>();
    private final List<Integer> termOfColumn = new ArrayList<>();
    private final List<String> termLabels = new ArrayList<>();
    private final Map<String, Factor> factors = new LinkedHashMap<>();
    private final List<DroppedLevel> dropped = new ArrayList<>();
    // Per term: its variables as factors (null entry for a numeric one) and numeric values; first column.
    private final Factor[][] termFactors;
    private final double[][][] termNumbers;
    private final int[] termStart;

    /**
     * The design of {@code formula} over {@code data}, with the reference level of any categorical
     * variable named in {@code references} (others: the first level with people).
     */
    public Design(Formula formula, BinomialData data, Map<String, String> references) {
        this.data = data;
        this.intercept = formula.intercept();
        if (intercept) {
            names.add("(Intercept)");
            termOfColumn.add(-1);
        }
        for (String variable : references.keySet()) {
            boolean used = formula.terms().stream().anyMatch(t -> t.variables().stream()
                    .anyMatch(v -> v.name().equals(variable) && v.kind() == VariableKind.CATEGORICAL));
            if (!used) {
                throw new LadderException("reference level given for '" + variable
                        + "', which is not a categorical variable of the formula " + formula.text());
            }
        }
        List<Term> terms = formula.terms();
        termFactors = new Factor[terms.size()][];
        termNumbers = new double[terms.size()][][];
        termStart = new int[terms.size()];
        for (int t = 0; t < terms.size(); t++) {
            Term term = terms.get(t);
            termLabels.add(term.label());
            List<Term.Variable> vs = term.variables();
            termFactors[t] = new Factor[vs.size()];
            termNumbers[t] = new double[vs.size()][];
            List<String> columnNames = List.of("");
            for (int v = 0; v < vs.size(); v++) {
                Term.Variable variable = vs.get(v);
                List<String> parts = new ArrayList<>();
                if (variable.kind() == VariableKind.CATEGORICAL) {
                    Factor f = factors.computeIfAbsent(variable.name(), n -> factor(n, references.get(n)));
                    termFactors[t][v] = f;
                    for (int l = 0; l < f.levels().size(); l++) {
                        if (f.position()[l] >= 0) {
                            parts.add(f.name() + "=" + f.levels().get(l));
                        }
                    }
                } else {
                    termNumbers[t][v] = ((BinomialData.Numbers) data.column(variable.name())).values();
                    parts.add(variable.name());
                }
                // First variable fastest: the new variable's parts vary slowest.
                List<String> next = new ArrayList<>();
                for (String part : parts) {
                    for (String left : columnNames) {
                        next.add(left.isEmpty() ? part : left + ":" + part);
                    }
                }
                columnNames = next;
            }
            termStart[t] = names.size();
            for (String c : columnNames) {
                names.add(c);
                termOfColumn.add(t);
            }
        }
    }

    private Factor factor(String name, String reference) {
        BinomialData.Column column = data.column(name);
        List<String> levels;
        int[] codes;
        if (column instanceof BinomialData.Levels l) {
            levels = l.levels();
            codes = l.codes();
        } else {
            // C(x) of a numeric column: its distinct values in increasing order are the levels.
            double[] values = ((BinomialData.Numbers) column).values();
            TreeSet<Double> distinct = new TreeSet<>();
            for (double v : values) {
                distinct.add(v);
            }
            Map<Double, Integer> index = new HashMap<>();
            levels = new ArrayList<>();
            for (double v : distinct) {
                index.put(v, levels.size());
                levels.add(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
            }
            codes = new int[values.length];
            for (int r = 0; r < values.length; r++) {
                codes[r] = index.get(values[r]);
            }
        }
        double[] people = new double[levels.size()];
        for (int r = 0; r < codes.length; r++) {
            people[codes[r]] += data.trials(r);
        }
        int ref = -1;
        if (reference != null) {
            ref = levels.indexOf(reference);
            if (ref < 0) {
                throw new LadderException("reference level '" + reference + "' is not a level of " + name + " "
                        + levels);
            }
            if (people[ref] == 0) {
                throw new LadderException("reference level '" + reference + "' of " + name + " has no people");
            }
        } else {
            for (int l = 0; l < levels.size() && ref < 0; l++) {
                if (people[l] > 0) {
                    ref = l;
                }
            }
            if (ref < 0) {
                throw new LadderException(name + " has no people at any level");
            }
        }
        int[] position = new int[levels.size()];
        int kept = 0;
        for (int l = 0; l < levels.size(); l++) {
            if (l == ref) {
                position[l] = -1;
            } else if (people[l] == 0) {
                position[l] = -1;
                dropped.add(new DroppedLevel(name, levels.get(l)));
            } else {
                position[l] = kept++;
            }
        }
        return new Factor(name, levels, codes, ref, position, kept);
    }

    /** The number of columns p. */
    public int columns() {
        return names.size();
    }

    public List<String> columnNames() {
        return Collections.unmodifiableList(names);
    }

    /** The index of the term a column belongs to (into {@link #termLabels()}), or -1 for the intercept. */
    public int termOf(int column) {
        return termOfColumn.get(column);
    }

    public List<String> termLabels() {
        return Collections.unmodifiableList(termLabels);
    }

    /** The categorical variables' levels, references and codes, by name. */
    Map<String, Factor> factors() {
        return Collections.unmodifiableMap(factors);
    }

    /** The reference level of each categorical variable. */
    public Map<String, String> references() {
        Map<String, String> refs = new LinkedHashMap<>();
        factors.values().forEach(f -> refs.put(f.name(), f.levels().get(f.reference())));
        return refs;
    }

    /** Levels left out for having no people. */
    public List<DroppedLevel> droppedLevels() {
        return List.copyOf(dropped);
    }

    public BinomialData data() {
        return data;
    }

    public boolean intercept() {
        return intercept;
    }

    /** Writes row {@code r}'s design columns into {@code x} (length p). */
    public void row(int r, double[] x) {
        row(r, x, null, -1);
    }

    /**
     * Writes row {@code r}'s design columns with categorical variable {@code factor} set to level
     * code {@code level} (a counterfactual row, for margins); {@code factor} null for the row as it is.
     */
    void row(int r, double[] x, Factor factor, int level) {
        java.util.Arrays.fill(x, 0);
        if (intercept) {
            x[0] = 1;
        }
        for (int t = 0; t < termFactors.length; t++) {
            Factor[] fs = termFactors[t];
            int index = 0;
            int stride = 1;
            double value = 1;
            boolean zero = false;
            for (int v = 0; v < fs.length; v++) {
                Factor f = fs[v];
                if (f == null) {
                    value *= termNumbers[t][v][r];
                } else {
                    int code = f == factor ? level : f.codes()[r];
                    int pos = f.position()[code];
                    if (pos < 0) {
                        zero = true;
                        break;
                    }
                    index += pos * stride;
                    stride *= f.kept();
                }
            }
            if (!zero) {
                x[termStart[t] + index] = value;
            }
        }
    }
}
