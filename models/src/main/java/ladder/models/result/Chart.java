package ladder.models.result;

import java.util.List;
import java.util.Objects;

/**
 * A chart a result offers, as data: what to draw, not how. The reports module draws each kind
 * once (as an image for notebooks, as SVG for reports), so an analysis that offers a chart needs
 * no drawing code of its own. A value that is withheld or does not exist is {@code null} and is
 * not drawn.
 */
public sealed interface Chart permits Chart.IntervalBars, Chart.Forest, Chart.Lines {

    String title();

    /** A line under the title: what the marks mean, the method, the filter. */
    String subtitle();

    /**
     * A horizontal line across the plot, e.g. a national benchmark; {@code series} picks its colour
     * (-1: grey). {@code figure} names the figure (as the tables name it, e.g.
     * {@code share_working_class}) whose national value the line is, so that a pack can draw another
     * population's value of the same figure beside it; null for a line that is no figure's national
     * value (a target of the user's, no gap). Two figures may share a national value (the workforce's
     * and the applicants' working-class share are both read against 42%), so the value never names one.
     */
    record Reference(String label, double value, int series, String figure) {
        public Reference {
            Objects.requireNonNull(label);
        }

        /** A line that is no figure's national value. */
        public Reference(String label, double value, int series) {
            this(label, value, series, null);
        }
    }

    /** One series of values per category (or x position), each with its interval. */
    record Series(String name, List<Double> values, List<Double> lower, List<Double> upper) {
        public Series {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
            lower = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(lower));
            upper = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(upper));
            if (values.size() != lower.size() || values.size() != upper.size()) {
                throw new IllegalArgumentException("series " + name + " has " + values.size() + " values, "
                        + lower.size() + " lower and " + upper.size() + " upper bounds");
            }
        }
    }

    /** Grouped bars: per category, one bar per series with its interval as a whisker, and reference lines. */
    record IntervalBars(String title, String subtitle, String categoryAxis, String valueAxis, boolean percent,
            List<String> categories, List<Series> series, List<Reference> references) implements Chart {
        public IntervalBars {
            categories = List.copyOf(categories);
            series = List.copyOf(series);
            references = List.copyOf(references);
            for (Series s : series) {
                if (s.values().size() != categories.size()) {
                    throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size()
                            + " values for " + categories.size() + " categories");
                }
            }
        }
    }

    /** Lines over ordered x positions (e.g. years), each with an interval band, and reference lines. */
    record Lines(String title, String subtitle, String xAxis, String valueAxis, boolean percent, List<String> x,
            List<Series> series, List<Reference> references) implements Chart {
        public Lines {
            x = List.copyOf(x);
            series = List.copyOf(series);
            references = List.copyOf(references);
        }
    }

    /**
     * A forest plot: one row per estimate with its interval, on a log scale for ratios, a line at
     * the null value labelled {@code nullLabel} (e.g. "no difference"; "overall" in a ranked dot
     * plot, whose line is the overall rate), and summary rows (a pooled estimate) drawn as diamonds.
     */
    record Forest(String title, String subtitle, String axis, boolean logScale, double nullValue, String nullLabel,
            List<Row> rows) implements Chart {
        public Forest {
            Objects.requireNonNull(nullLabel);
            rows = List.copyOf(rows);
        }

        /** A forest plot whose line marks no difference. */
        public Forest(String title, String subtitle, String axis, boolean logScale, double nullValue, List<Row> rows) {
            this(title, subtitle, axis, logScale, nullValue, "no difference", rows);
        }

        /**
         * A row: its label, estimate and interval ({@code null} where none exists), its n, whether
         * it rests on few people (marked), and whether it is a summary (a diamond).
         */
        public record Row(String label, Double estimate, Double lower, Double upper, long n, boolean small,
                boolean summary) {
        }
    }
}
