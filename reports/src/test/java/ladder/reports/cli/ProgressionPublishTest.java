package ladder.reports.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --publish} on {@code routes}, {@code training} and {@code after-training}, on one
 * employer of the sample (small counts): no published count is under 10 (nor is a row's
 * non-events, n - events), something is withheld, every withheld value says why, and no person is
 * listed.
 */
class ProgressionPublishTest {
    private static final Map<String, List<String>> COUNTS = Map.of(
            "composition", List.of("count", "route_total"),
            "progression", List.of("n", "events"),
            "take_up", List.of("n", "events"),
            "promotion", List.of("n", "events"),
            "follow_up", List.of("cohort", "followed", "promoted", "not_promoted", "left", "absent_at_end", "censored"));

    private static JsonNode run(String... args) throws IOException {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--data", "../datasets/sample", "--where", "employer_id = E003", "--publish", "--format",
                "json"));
        return OddsAgainstRTest.run(all);
    }

    @Test
    void noSmallCountIsPublished() throws IOException {
        int withheld = 0;
        for (JsonNode result : List.of(run("routes"), run("training", "--cluster", "none"), run("after-training"),
                run("after-training", "--cohort", "apprenticeship", "--window", "1"))) {
            for (JsonNode table : result.get("tables")) {
                List<String> columns = COUNTS.get(table.get("name").asText());
                if (table.get("name").asText().equals("demotions")) {
                    assertTrue(table.get("rows").isEmpty(), "no person listed for publication");
                }
                if (columns == null) {
                    continue;
                }
                for (JsonNode row : table.get("rows")) {
                    boolean any = false;
                    for (String c : columns) {
                        JsonNode v = row.get(c);
                        if (v.isNull()) {
                            any = true;
                            withheld++;
                        } else {
                            assertTrue(v.asLong() >= 10,
                                    table.get("name") + " " + c + " = " + v + " in " + row);
                        }
                    }
                    if (row.has("events") && !row.get("events").isNull()) {
                        assertTrue(row.get("n").asLong() - row.get("events").asLong() >= 10, "non-events in " + row);
                    }
                    if (any) {
                        assertFalse(row.get("note").isNull(), "a withheld value says why: " + row);
                    }
                }
            }
        }
        assertTrue(withheld > 0, "one employer's small counts are withheld");
    }

    /** The pool's row is the sum of the grades' rows: a withheld count never stands alone among them. */
    @Test
    void noTakeUpCountCanBeWorkedBackFromThePoolsRow() throws IOException {
        JsonNode takeUp = ProgressionAgainstRTest.table(run("training", "--cluster", "none"), "take_up");
        for (String seb : List.of("professional", "intermediate", "working_class")) {
            int hidden = 0;
            for (JsonNode row : takeUp.get("rows")) {
                hidden += row.get("seb").asText().equals(seb) && row.get("events").isNull() ? 1 : 0;
            }
            assertTrue(hidden != 1, seb + ": one withheld row could be worked back from the others and the pool's");
        }
    }
}
