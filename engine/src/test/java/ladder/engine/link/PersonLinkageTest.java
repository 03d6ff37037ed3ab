package ladder.engine.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.filter.Filter;
import ladder.engine.filter.FilterParser;
import ladder.engine.table.Table;
import ladder.engine.table.TableBuilder;
import org.junit.jupiter.api.Test;

/**
 * The linkage kernel against a naive linkage (rows as objects, sorted by a comparator) on random
 * pools with gaps, demotions, the same person_id at two employers, rows in random order, several
 * chunk sizes and thread counts; and on an empty and a one-row table.
 */
class PersonLinkageTest {

    /** One row as the test writes it. */
    record Row(String employer, String person, int year, int grade, int promoted, int training, int route, int occupation) {
    }

    static List<Row> pool(long seed, int people) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            String employer = "E" + r.nextInt(7);
            String person = "P" + r.nextInt(people / 2 + 1);  // the same id at several employers, sometimes
            int grade = 1 + r.nextInt(6);
            for (int year = 2018 + r.nextInt(3); year <= 2024; year++) {
                if (r.nextDouble() < 0.15) {
                    continue;  // a gap (or a late start)
                }
                grade = Math.max(1, Math.min(6, grade + (r.nextDouble() < 0.1 ? -1 : r.nextInt(2))));
                rows.add(new Row(employer, person, year, grade, r.nextInt(2), r.nextInt(2),
                        1 + r.nextInt(Field.ENTRY_ROUTE.codebook().size()),
                        r.nextInt(Field.PARENTAL_OCCUPATION.codebook().size() + 1)));
            }
        }
        // (employer, person, year) is unique in the contract: keep the first of each.
        java.util.Set<String> seen = new java.util.HashSet<>();
        rows.removeIf(row -> !seen.add(row.employer() + "|" + row.person() + "|" + row.year()));
        Collections.shuffle(rows, new java.util.Random(seed));
        return rows;
    }

    static Table table(List<Row> rows, int chunkRows) {
        TableBuilder b = new TableBuilder(Schema.EMPLOYEES, chunkRows);
        List<Field> fields = Schema.EMPLOYEES.fields();
        for (Row row : rows) {
            for (int c = 0; c < fields.size(); c++) {
                Field f = fields.get(c);
                if (f == Field.EMPLOYER_ID) {
                    b.setCode(c, b.intern(c, row.employer()));
                } else if (f == Field.PERSON_ID) {
                    b.setCode(c, b.intern(c, row.person()));
                } else if (f == Field.YEAR) {
                    b.setInt(c, row.year());
                } else if (f == Field.GRADE) {
                    b.setInt(c, row.grade());
                } else if (f == Field.PROMOTED) {
                    b.setInt(c, row.promoted());
                } else if (f == Field.TRAINING) {
                    b.setInt(c, row.training());
                } else if (f == Field.ENTRY_ROUTE) {
                    b.setCode(c, row.route());
                } else if (f == Field.PARENTAL_OCCUPATION) {
                    b.setCode(c, row.occupation());
                } else {
                    switch (f.kind()) {
                        case TEXT -> b.setCode(c, b.intern(c, "x"));
                        case CODE -> b.setCode(c, 1);
                        case INT -> b.setInt(c, f.min());
                        case DECIMAL -> b.setMissing(c);
                    }
                }
            }
            b.commitRow();
        }
        return b.build();
    }

    /** What the kernel should find, the slow way. */
    record Naive(List<Row> sorted, long persons, long gaps, long personsWithGaps, long demotions) {
        static Naive of(List<Row> rows) {
            List<Row> sorted = new ArrayList<>(rows);
            sorted.sort(java.util.Comparator.comparing(Row::employer).thenComparing(Row::person)
                    .thenComparingInt(Row::year));
            long persons = 0, gaps = 0, gapPeople = 0, down = 0;
            boolean gapped = false;
            for (int i = 0; i < sorted.size(); i++) {
                Row a = i == 0 ? null : sorted.get(i - 1), b = sorted.get(i);
                if (a == null || !a.employer().equals(b.employer()) || !a.person().equals(b.person())) {
                    persons++;
                    gapped = false;
                    continue;
                }
                if (b.year() - a.year() > 1) {
                    gaps++;
                    gapPeople += gapped ? 0 : 1;
                    gapped = true;
                }
                down += b.grade() < a.grade() ? 1 : 0;
            }
            return new Naive(sorted, persons, gaps, gapPeople, down);
        }
    }

    private static void agree(List<Row> rows, Table table, Filter filter, int threads) {
        PersonLinkage link = PersonLinkage.link(table, filter, threads);
        Naive naive = Naive.of(rows);
        String where = rows.size() + " rows, " + table.chunks().size() + " chunks, " + threads + " threads";
        assertEquals(naive.sorted().size(), link.size(), where);
        assertEquals(naive.persons(), link.persons(), where);
        assertEquals(naive.gaps(), link.gaps(), where);
        assertEquals(naive.personsWithGaps(), link.personsWithGaps(), where);
        assertEquals(naive.demotions(), link.demotions(), where);
        // People are in code order, not label order: compare the rows as a multiset, and check that
        // each person's rows are one run in year order.
        List<Row> linked = new ArrayList<>();
        java.util.Set<String> runs = new java.util.HashSet<>();
        for (int i = 0; i < link.size(); i++) {
            int occupation = firstOccupation(link.seb(i));
            Row got = new Row(link.employerLabel(link.employer(i)), link.personLabel(link.person(i)), link.year(i),
                    link.grade(i), link.promoted(i), link.training(i), link.route(i), occupation);
            linked.add(got);
            Row before = i == 0 ? null : linked.get(i - 1);
            boolean same = before != null && before.employer().equals(got.employer()) && before.person().equals(got.person());
            assertEquals(same, i > 0 && link.samePerson(i - 1, i), where + ", entries " + (i - 1) + ", " + i);
            if (same) {
                assertTrue(got.year() > before.year(), where + ": years out of order at entry " + i);
            } else {
                assertTrue(runs.add(got.employer() + "|" + got.person()), where + ": a person in two runs at " + i);
            }
        }
        // Compare with occupations mapped to the first code of their SEB group, as the key holds only the group.
        List<Row> expected = new ArrayList<>();
        for (Row r : naive.sorted()) {
            int first = firstOccupation(ladder.engine.contract.Seb.ofParentalOccupation(r.occupation() - 1).ordinal());
            expected.add(new Row(r.employer(), r.person(), r.year(), r.grade(), r.promoted(), r.training(), r.route(), first));
        }
        linked.sort(java.util.Comparator.comparing(Row::employer).thenComparing(Row::person).thenComparingInt(Row::year));
        assertEquals(expected, linked, where);
    }

    /** The first Q1 code (0 = empty) in SEB group {@code seb}. */
    private static int firstOccupation(int seb) {
        for (int code = 0; code <= Field.PARENTAL_OCCUPATION.codebook().size(); code++) {
            if (ladder.engine.contract.Seb.ofParentalOccupation(code - 1).ordinal() == seb) {
                return code;
            }
        }
        throw new IllegalStateException("no occupation in SEB group " + seb);
    }

    @Test
    void agreesWithANaiveLinkageOnRandomPools() {
        for (long seed = 1; seed <= 6; seed++) {
            List<Row> rows = pool(seed, 40 + (int) seed * 300);
            for (int chunk : new int[] {64, 1000, 1 << 16}) {
                Table table = table(rows, chunk);
                for (int threads : new int[] {1, 2, 3}) {
                    agree(rows, table, Filter.ALL, threads);
                }
            }
        }
    }

    @Test
    void readsOnlyTheRowsPassingTheFilter() {
        List<Row> rows = pool(11, 800);
        Table table = table(rows, 100);
        List<Row> passing = rows.stream().filter(r -> r.grade() >= 3).toList();
        agree(passing, table, FilterParser.parse("grade >= 3", table), 2);
    }

    @Test
    void emptyAndOneRowTables() {
        agree(List.of(), table(List.of(), 10), Filter.ALL, 2);
        List<Row> one = List.of(new Row("E1", "P1", 2024, 6, 0, 1, 2, 3));
        agree(one, table(one, 10), Filter.ALL, 1);
        PersonLinkage link = PersonLinkage.link(table(one, 10), Filter.ALL, 1);
        assertEquals(2024, link.lastYear());
        assertTrue(link.routeCode("apprenticeship") > 0);
    }
}
