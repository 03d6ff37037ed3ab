package ladder.models.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ladder.engine.LadderException;
import org.junit.jupiter.api.Test;

/**
 * A coarse band nested over a fine dimension (structural zeros), and cells withheld because a publication
 * beside the plan's withholds them ({@link Reason#LINKED}).
 */
class NestedAndLinkedPlanTest {
    private static final String T = SuppressionPlan.TOTAL;
    private static final List<String> GRADES = List.of("1", "2", "3", "4", "5", "6");
    private static final List<String> SEB = List.of("professional", "working_class");
    private static final List<String> BANDS = List.of("1-3", "4-6");
    /** Grade by seb: the working class at grades 4 to 6 are 3, 2 and 2, seven people, each above none. */
    private static final long[] BY_GRADE = {50, 40, 30, 20, 15, 12, 30, 25, 20, 3, 2, 2};

    private static CountTable grades() {
        long[] counts = new long[12];
        for (int g = 0; g < 6; g++) {
            counts[2 * g] = BY_GRADE[g];
            counts[2 * g + 1] = BY_GRADE[6 + g];
        }
        return new CountTable("grades", List.of("grade", "seb"), List.of(GRADES, SEB), counts);
    }

    /** Band x grade x seb: each grade's counts in its band, zero by construction in the other. */
    private static SuppressionPlan.Builder nested(SuppressionPlan.Builder b) {
        long[] counts = new long[2 * 6 * 2];
        List<List<String>> empty = new ArrayList<>();
        for (int band = 0; band < 2; band++) {
            for (int g = 0; g < 6; g++) {
                for (int s = 0; s < 2; s++) {
                    if ((g >= 3) == (band == 1)) {
                        counts[(band * 6 + g) * 2 + s] = BY_GRADE[6 * s + g];
                    } else {
                        empty.add(List.of(BANDS.get(band), GRADES.get(g), SEB.get(s)));
                    }
                }
            }
        }
        b.table("senior", List.of("band", "grade", "seb"), List.of(BANDS, GRADES, SEB), counts);
        empty.forEach(c -> b.structuralZero("senior", c));
        return b;
    }

    @Test
    void aBandsSumOfSmallCellsIsWorkedBackFromTheFineTableAloneAndProtectedWhenTheBandIsNested() {
        SuppressionPlan fine = SuppressionPlan.builder(10).table(grades()).build();
        // Without the band the plan protects each of the three small cells, not their sum: the working
        // class's margin and grades 1 to 3 are printed, and give 7 = 82 - 75 at grades 4 to 6.
        List<String> printed = new ArrayList<>();
        for (String g : List.of("1", "2", "3", T)) {
            if (!fine.isSuppressed("grades", List.of(g, "working_class"))) {
                printed.add(g);
            }
        }
        assertEquals(List.of("1", "2", "3", T), printed);

        SuppressionPlan plan = nested(SuppressionPlan.builder(10).table(grades())).build();
        assertEquals(Optional.of(Reason.PRIMARY), plan.reason("senior", List.of("4-6", T, "working_class")));
        assertEquals(7, plan.value("senior", List.of("4-6", T, "working_class")));
        assertTrue(plan.audit().sound(), plan.audit().entries().toString());
        // A structural zero is printed as the zero every reader knows, margins of them too.
        assertFalse(plan.isSuppressed("senior", List.of("1-3", "5", "working_class")));
        assertFalse(plan.isSuppressed("senior", List.of("1-3", "5", T)));
        // The grades printed no longer give the band back.
        boolean rowKnown = !plan.isSuppressed("grades", List.of(T, "working_class"));
        boolean lowKnown = List.of("1", "2", "3").stream()
                .noneMatch(g -> plan.isSuppressed("grades", List.of(g, "working_class")));
        assertFalse(rowKnown && lowKnown);
        // And the audit over both tables as printed agrees, the structural zeros known to the reader.
        List<CountTable> tables = plan.tables();
        SuppressionAudit joint = SuppressionPlan.audit(tables, 10, plan::isSuppressed);
        assertTrue(joint.entries().stream().noneMatch(SuppressionAudit.Entry::determined));
    }

    @Test
    void aCountWithheldBesideThePlanIsProtectedAndNeverReleased() {
        CountTable t = new CountTable("t", List.of("a", "b"), List.of(List.of("x", "y", "z"), List.of("u", "v")),
                new long[] {40, 50, 30, 60, 70, 80});
        SuppressionPlan none = SuppressionPlan.builder(10).table(t).build();
        assertEquals(0, none.count(Reason.PRIMARY) + none.count(Reason.SECONDARY) + none.count(Reason.LINKED));

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

    @Test
    void aStructuralZeroThatHoldsACountOrIsLinkedIsRefused() {
        LadderException holds = assertThrows(LadderException.class, () -> SuppressionPlan.builder(10).table(grades())
                .structuralZero("grades", List.of("4", "working_class")).build());
        assertTrue(holds.getMessage().contains("empty by construction"), holds.getMessage());
        SuppressionPlan.Builder b = nested(SuppressionPlan.builder(10).table(grades()));
        b.withheld("senior", List.of("1-3", "5", "working_class"));
        assertThrows(LadderException.class, b::build);
    }
}
