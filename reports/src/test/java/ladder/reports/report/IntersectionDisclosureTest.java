package ladder.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ladder.Ladder;
import ladder.models.disclosure.CountTable;
import ladder.models.disclosure.SuppressionAudit;
import ladder.models.disclosure.SuppressionPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intersection table under the report's one plan: a pool in which the professional x other x
 * white cell has exactly 7 people. That cell, and enough others, are withheld in the breakdown and
 * in MAIHDA's strata, and no withheld count of any of the report's tables, the intersection table
 * among them, can be worked back from all of them put together.
 */
class IntersectionDisclosureTest {
    @TempDir
    static Path dir;

    /**
     * A generated pool of 2,000 rows edited so that professional x other x white holds 7 people
     * (seed 1: MAIHDA can be fitted to it, so its strata are printed; at seed 7 one ethnicity has no
     * promotions and the model is not fitted).
     */
    private static Path poolWithASevenPersonCell() throws IOException {
        Path generated = dir.resolve("generated.csv");
        EvidenceReportTest.Run g = EvidenceReportTest.run("generate", "--rows", "2000", "--employers", "6", "--seed", "1",
                "--out", generated.toString());
        assertEquals(0, g.status(), g.err());
        List<String> lines = Files.readAllLines(generated, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(",", -1));
        int occupation = header.indexOf("parental_occupation"), gender = header.indexOf("gender"),
                ethnicity = header.indexOf("ethnicity");
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        int moved = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            // professional and manager are the professional group (DATA-CONTRACT); other x white is emptied first.
            boolean professional = f[occupation].equals("professional") || f[occupation].equals("manager");
            if (professional && f[gender].equals("other") && f[ethnicity].equals("white")) {
                f[gender] = "woman";
            }
            if (professional && moved < 7 && !f[gender].equals("other")) {
                f[gender] = "other";
                f[ethnicity] = "white";
                moved++;
            }
            out.add(String.join(",", f));
        }
        assertEquals(7, moved);
        Path pool = dir.resolve("seven.csv");
        Files.write(pool, out, StandardCharsets.UTF_8);
        return pool;
    }

    @Test
    void aSevenPersonCellIsWithheldWithEnoughOthersAndNothingCanBeWorkedBack() throws IOException {
        Path pool = poolWithASevenPersonCell();
        List<CountTable> tables = PlanTables.of(Ladder.load(pool.toString()).cubes());
        CountTable intersection = tables.stream().filter(t -> t.name().equals(PlanTables.INTERSECTION)).findFirst()
                .orElseThrow();
        Disclosure plan = ReportDisclosureTest.assertSoundAfterTheRelease("the 2,000-row pool with a cell of 7", tables);
        String total = SuppressionPlan.TOTAL;
        assertTrue(plan.withheld(PlanTables.INTERSECTION, "professional", "other", "white", total));
        SuppressionAudit joint = SuppressionPlan.audit(tables, Disclosure.THRESHOLD, plan::withheld);
        assertTrue(joint.sound(), "a withheld count can be worked back: "
                + joint.entries().stream().filter(e -> e.determined() || e.width() < 1 - 1e-7).toList());
        assertTrue(joint.entries().stream().anyMatch(e -> e.table().equals(PlanTables.INTERSECTION)
                && e.labels().equals(List.of("professional", "other", "white", total))));

        Path report = dir.resolve("report");
        EvidenceReportTest.Run r = EvidenceReportTest.run("report", "--data", pool.toString(), "--out", report.toString());
        assertEquals(0, r.status(), r.err());
        int blank = 0, primary = 0, secondary = 0;
        boolean seven = false;
        int note = csv(report.resolve("tables").resolve("intersections-cells.csv")).get(0).indexOf("note");
        for (List<String> row : rows(report, "intersections-cells")) {
            // Each row the plan cuts says why: a count under 10 (primary), or withheld to protect one (secondary).
            List<ladder.models.disclosure.Reason> reasons = java.util.stream.Stream.of(total, "1", "0")
                    .map(p -> plan.reason(PlanTables.INTERSECTION, List.of(row.get(0), row.get(1), row.get(2), p)))
                    .flatMap(java.util.Optional::stream).toList();
            String why = String.join(",", row.subList(note, row.size()));
            boolean under = reasons.contains(ladder.models.disclosure.Reason.PRIMARY);
            boolean protects = reasons.contains(ladder.models.disclosure.Reason.SECONDARY);
            assertEquals(!reasons.isEmpty(), why.startsWith("withheld: "), row.toString());
            assertEquals(under, why.contains("fewer than 10"), row.toString());
            assertEquals(protects, why.contains("protects a suppressed cell"), row.toString());
            primary += under ? 1 : 0;
            secondary += protects && !under ? 1 : 0;
            // seb, gender, ethnicity, rank, n, events, rate, ...
            boolean withheld = plan.withheld(PlanTables.INTERSECTION, row.get(0), row.get(1), row.get(2), total)
                    || plan.withheld(PlanTables.INTERSECTION, row.get(0), row.get(1), row.get(2), "1")
                    || plan.withheld(PlanTables.INTERSECTION, row.get(0), row.get(1), row.get(2), "0");
            assertTrue(!withheld || row.get(4).isEmpty() && row.get(5).isEmpty() && row.get(6).isEmpty(),
                    "the plan withholds " + row);
            blank += row.get(4).isEmpty() ? 1 : 0;
            if (row.subList(0, 3).equals(List.of("professional", "other", "white"))) {
                seven = true;
                assertTrue(row.get(4).isEmpty(), "the 7-person cell is published: " + row);
                assertTrue(why.startsWith("withheld: n: fewer than 10;"), why);
            }
        }
        assertTrue(seven, "the 7-person cell is not in the breakdown");
        assertTrue(blank >= 2, "a lone withheld cell could be worked back from its margins");
        assertTrue(primary > 0 && secondary > 0, primary + " rows under 10, " + secondary + " withheld to protect them");
        String page = Files.readString(report.resolve("index.html"));
        assertTrue(page.contains("Disclosure control under the report's one plan: of the"), "no note says why cells are blank");
        assertTrue(page.contains(primary + " are withheld because a count (n, events or non-events) is under 10"),
                "the note does not count the rows under 10");
        List<String> header = csv(report.resolve("tables").resolve("intersections-strata.csv")).get(0);
        int strata = 0, predicted = 0;
        for (List<String> row : rows(report, "intersections-strata")) {
            String seb = row.get(header.indexOf("seb")), gender = row.get(header.indexOf("gender")),
                    ethnicity = row.get(header.indexOf("ethnicity"));
            boolean withheld = plan.withheld(PlanTables.INTERSECTION, seb, gender, ethnicity, total)
                    || plan.withheld(PlanTables.INTERSECTION, seb, gender, ethnicity, "1");
            assertTrue(!withheld || row.get(header.indexOf("predicted")).isEmpty(), "MAIHDA predicts withheld " + row);
            // Each stratum the plan cuts says why, in the words of the cells' notes.
            List<ladder.models.disclosure.Reason> reasons = java.util.stream.Stream.of(total, "1", "0")
                    .map(p -> plan.reason(PlanTables.INTERSECTION, List.of(seb, gender, ethnicity, p)))
                    .flatMap(java.util.Optional::stream).toList();
            String why = String.join(",", row.subList(header.indexOf("note"), row.size()));
            assertEquals(!reasons.isEmpty(), why.startsWith("withheld: "), row.toString());
            assertEquals(reasons.contains(ladder.models.disclosure.Reason.PRIMARY), why.contains("fewer than 10"), row.toString());
            assertEquals(reasons.contains(ladder.models.disclosure.Reason.SECONDARY), why.contains("protects a suppressed cell"),
                    row.toString());
            assertTrue(reasons.isEmpty() || why.endsWith("rate and the model's estimates: rests on a suppressed count"), why);
            strata += withheld ? 1 : 0;
            predicted += row.get(header.indexOf("predicted")).isEmpty() ? 0 : 1;
        }
        assertTrue(strata >= 2 && predicted > 0, strata + " strata withheld, " + predicted + " predicted");
        assertTrue(intersection.levels().get(1).contains("prefer_not_to_say"),
                "the intersection table keeps the non-answers, so its seb x promoted margin is the pool's");
    }

    /**
     * The size of the report's one plan on the sample pool: ten tables, and as many published
     * quantities as their cells and margins with each shared margin counted once.
     */
    @Test
    void theJointPlanHoldsEveryTableOnce() {
        List<CountTable> tables = PlanTables.of(Ladder.load(EvidenceReportTest.SAMPLE).cubes());
        assertEquals(List.of(PlanTables.RESPONSE, PlanTables.GRADES, PlanTables.PROMOTION, PlanTables.REGIONS,
                PlanTables.ROUTES, PlanTables.TRAINING, PlanTables.SCHOOL, PlanTables.MEALS, PlanTables.DEGREE,
                PlanTables.INTERSECTION), tables.stream().map(CountTable::name).toList());
        SuppressionPlan plan = new Disclosure(tables).plan();
        assertEquals(tables.stream().map(CountTable::name).toList(), plan.tableNames());
        long cells = 0;
        java.util.Set<java.util.Map<String, String>> distinct = new java.util.HashSet<>();
        for (CountTable t : tables) {
            long published = 1;
            for (List<String> l : t.levels()) {
                published *= l.size() + 1;
            }
            cells += published;
            // Each published cell as the dimensions it fixes and their levels: a shared margin is one.
            int[] size = t.levels().stream().mapToInt(l -> l.size() + 1).toArray();
            for (int c = 0; c < published; c++) {
                java.util.Map<String, String> key = new java.util.TreeMap<>();
                for (int d = size.length - 1, rest = c; d >= 0; rest /= size[d], d--) {
                    int p = rest % size[d];
                    if (p < size[d] - 1) {
                        key.put(t.dimensions().get(d), t.levels().get(d).get(p));
                    }
                }
                distinct.add(key);
            }
        }
        assertEquals(distinct.size(), plan.size());
        assertTrue(plan.size() < cells, "shared margins are counted once");
        assertEquals(4 * 4 * 6 * 2, tables.get(9).counts().length, "seb x gender x ethnicity x promoted");
    }

    private static List<List<String>> csv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            rows.add(List.of(line.split(",", -1)));
        }
        return rows;
    }

    private static List<List<String>> rows(Path report, String table) throws IOException {
        List<List<String>> rows = csv(report.resolve("tables").resolve(table + ".csv"));
        return rows.subList(1, rows.size());
    }
}
