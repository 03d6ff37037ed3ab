package ladder.models.result;

import java.util.List;
import java.util.Map;

/**
 * What every analysis returns: an immutable value carrying its numbers as {@link ResultTable}s,
 * and the inputs that produced them (filter, reference levels, rows used and excluded, and why),
 * so that a rendering is self-describing and a reader can reproduce it.
 */
public interface Result {

    /** A one-line title, e.g. "Class composition by year". */
    String title();

    /** The inputs and counts that qualify the numbers, in display order (values are strings or numbers). */
    Map<String, Object> inputs();

    /** The tables, the first being the main one. */
    List<ResultTable> tables();

    /**
     * Notes a reader should see: what the result says in words, methods, caveats, warnings. A note that
     * counts the rows an analysis left out opens with {@link #LEFT_OUT}.
     */
    default List<String> notes() {
        return List.of();
    }

    /** How a note counting the rows left out opens ("Left out: seb missing 40 ..."). */
    String LEFT_OUT = "Left out";

    /**
     * The notes (each also in {@link #notes()}) that state findings of the data: what the result says in
     * words ("People from working-class backgrounds had 0.63 times the odds ..."), or how many people a cell
     * or a linkage holds. Each rests on the tables' figures, so a publisher that withholds more of the
     * tables than the analysis's own disclosure control did leaves these out with them; the rest of the
     * notes are methods and caveats.
     */
    default List<String> findings() {
        return List.of();
    }

    /** The charts that show the result, if any, first the main one. */
    default List<Chart> charts() {
        return List.of();
    }
}
