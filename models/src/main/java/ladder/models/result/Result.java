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

    /** Notes a reader should see: methods, caveats, warnings. */
    default List<String> notes() {
        return List.of();
    }

    /** The charts that show the result, if any, first the main one. */
    default List<Chart> charts() {
        return List.of();
    }
}
