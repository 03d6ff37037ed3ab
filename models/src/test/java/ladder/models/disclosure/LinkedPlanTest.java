package ladder.models.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cells withheld because a publication printed beside the plan's withholds them ({@link Reason#LINKED}). */
class LinkedPlanTest {
    private static final String T = SuppressionPlan.TOTAL;

    @Test
    void aCountWithheldBesideThePlanIsProtectedAndNeverReleased() {
        CountTable t = new CountTable("t", List.of("a", "b"), List.of(List.of("x", "y", "z"), List.of("u", "v")),
                new long[] {40, 50, 30, 60, 70, 80});
        SuppressionPlan none = SuppressionPlan.builder(10).table(t).build();
        assertEquals(0, none.count(Reason.PRIMARY) + none.count(Reason.SECONDARY) + none.count(Reason.LINKED));

        assertSame(none, none.linked(Map.of("t", List.of())), "nothing given, nothing planned again");
        SuppressionPlan linked = none.linked(Map.of("t", List.of(List.of("y", "u"))));
        assertEquals(Optional.of(Reason.LINKED), linked.reason("t", List.of("y", "u")));
        assertTrue(linked.count(Reason.SECONDARY) >= 3, "a box protects it");
        assertTrue(linked.audit().sound());
        SuppressionPlan built = SuppressionPlan.builder(10).table(t).withheld("t", List.of("y", "u")).build();
        for (List<String> cell : List.of(List.of("x", "u"), List.of("x", "v"), List.of("y", "v"), List.of("z", "u"),
                List.of("z", "v"))) {
            assertEquals(built.isSuppressed("t", cell), linked.isSuppressed("t", cell), cell.toString());
        }
        // A margin may be linked too.
        SuppressionPlan margin = none.linked(Map.of("t", List.of(List.of("y", T))));
        assertTrue(margin.isSuppressed("t", List.of("y", T)));
        assertTrue(margin.audit().sound());
    }
}
