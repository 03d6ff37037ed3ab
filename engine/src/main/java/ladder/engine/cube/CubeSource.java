package ladder.engine.cube;

import java.util.List;

/**
 * Where an analysis gets its cube: the rows of a loaded pool, built by the kernel, or cube files
 * merged. An analysis states the dimensions and measures it needs and reads the answer through
 * labels; it never knows which source answered.
 */
public interface CubeSource {

    /**
     * The cube over {@code dimensions} (in that order) and {@code measures}; a
     * {@link ladder.engine.LadderException} naming what is missing when the source cannot give it.
     */
    Cube cube(List<String> dimensions, List<String> measures);

    /** The filter the rows passed, as text ({@code ""}: every row). */
    String filter();

    /** The rows and filter behind the cubes, for analyses that need rows; empty for merged cube files. */
    default java.util.Optional<Rows> rows() {
        return java.util.Optional.empty();
    }

    /**
     * The rows and filter behind the cubes, holding at least {@code columns} and the filter's, for
     * an analysis of rows that reads those alone: a source that reads columns as they are asked for
     * (a snapshot's) reads only these; any other gives {@link #rows()}.
     */
    default java.util.Optional<Rows> rows(java.util.Collection<String> columns) {
        return rows();
    }

    /**
     * The threads its cubes are built on, for an analysis that also computes on several (1 for
     * merged cube files); unlike {@link #rows()}, asking does not make a source load its rows.
     */
    default int threads() {
        return rows().map(Rows::threads).orElse(1);
    }

    /**
     * This source narrowed to the rows whose {@code dimension} is {@code level} (e.g. one employer): on
     * rows, the filter and {@code dimension = 'level'}, so analyses of rows are narrowed too; on merged
     * cubes, each cube taken with that dimension and sliced to the level.
     */
    default CubeSource where(String dimension, String level) {
        String text = whereText(filter(), dimension, level);
        java.util.Optional<Rows> rows = rows();
        if (rows.isPresent()) {
            ladder.engine.table.Table table = rows.get().table();
            return of(table, ladder.engine.filter.FilterParser.parse(text, table), rows.get().threads());
        }
        CubeSource whole = this;
        return new CubeSource() {
            @Override
            public Cube cube(List<String> dimensions, List<String> measures) {
                List<String> with = new java.util.ArrayList<>(dimensions);
                if (!with.contains(dimension)) {
                    with.add(dimension);
                }
                return whole.cube(with, measures).where(dimension, level::equals).marginalise(dimensions);
            }

            @Override
            public String filter() {
                return text;
            }
        };
    }

    /**
     * The text of {@code filter} and {@code dimension = 'level'}, as {@link #where} narrows a source;
     * a level with a quote, which the filter's words cannot hold, is refused.
     */
    static String whereText(String filter, String dimension, String level) {
        if (level.indexOf('\'') >= 0) {
            throw new ladder.engine.LadderException("a level with a quote (" + level + ") cannot be selected here");
        }
        String condition = dimension + " = '" + level + "'";
        return filter.isBlank() ? condition : "(" + filter + ") and (" + condition + ")";
    }

    /** A table's rows that pass a filter, read on {@code threads} threads. */
    record Rows(ladder.engine.table.Table table, ladder.engine.filter.Filter filter, int threads) {
    }

    /**
     * Refuses, naming it, any column of {@code columns} that is not categorical (pay and bonus are
     * amounts: they can be a cube's histogram, but not a stratum, exposure or breakdown); {@code role}
     * says what the columns were asked to be, e.g. "a stratum".
     */
    static void requireCategorical(java.util.Collection<String> columns, String role) {
        for (String c : columns) {
            ladder.engine.contract.Schema.EMPLOYEES.field(c.strip().toLowerCase(java.util.Locale.ROOT))
                    .filter(f -> f.kind() == ladder.engine.contract.Field.Kind.DECIMAL)
                    .ifPresent(f -> {
                        throw new ladder.engine.LadderException(f.name() + " is an amount, not categorical, so it cannot be "
                                + role + "; use a coded column such as employer_id, year, grade or gender");
                    });
        }
    }

    /** The rows built from a table: each question runs the kernel over the rows passing {@code filter}. */
    static CubeSource of(ladder.engine.table.Table table, ladder.engine.filter.Filter filter, int threads) {
        return new CubeSource() {
            @Override
            public Cube cube(List<String> dimensions, List<String> measures) {
                return CubeKernel.build(table, filter, dimensions, measures, threads);
            }

            @Override
            public String filter() {
                return filter.text();
            }

            @Override
            public java.util.Optional<Rows> rows() {
                return java.util.Optional.of(new Rows(table, filter, threads));
            }
        };
    }

    /**
     * Cubes already built (from cube files, employers or partitions), merged: each question is
     * answered by marginalising the merge, so the cubes must hold every dimension and measure an
     * analysis needs.
     */
    static CubeSource of(Cube merged) {
        return new CubeSource() {
            @Override
            public Cube cube(List<String> dimensions, List<String> measures) {
                List<String> missing = dimensions.stream().filter(d -> !merged.hasDimension(d)).toList();
                if (!missing.isEmpty()) {
                    throw new ladder.engine.LadderException("the cubes have no dimension " + String.join(", ", missing)
                            + ", which this analysis needs; they hold "
                            + String.join(", ", merged.dimensions().stream().map(Dimension::name).toList())
                            + " (build cubes with it: ladder cube --dims ...)");
                }
                return merged.withMeasures(measures).marginalise(dimensions);
            }

            @Override
            public String filter() {
                return merged.filter();
            }
        };
    }
}
