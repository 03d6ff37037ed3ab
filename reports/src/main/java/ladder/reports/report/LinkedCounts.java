package ladder.reports.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import ladder.engine.contract.Seb;
import ladder.models.disclosure.CountTable;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.result.Answers;

/**
 * The employer comparison's counts of the employer as the report's plan knows them, so that the two plans
 * printed side by side in an employer's pack withhold the same counts of the employer.
 *
 * <p>The comparison has a plan of its own, over the employer, the rest of its sector and the other employers
 * (whose sum is the coalition), and it groups the employer's rows more coarsely than the report does: grades
 * into 1 to 3 and 4 to 6, entry routes into three, pay into "has an hourly pay". Each of its counts of the
 * employer is a cell of the report's plan (its promotions by class) or a sum of some levels of one dimension
 * of one (those at grade 4 or above: grades 4, 5 and 6), read as {@link Disclosure#sumWithheld} reads such a
 * sum: printed when it follows from printed counts. A count of the pool the comparison splits otherwise (pay
 * or class missing) is no such sum and is left to the comparison's plan alone.
 *
 * <p>{@link EvidenceReport#link} gives each plan, as withheld, the employer's counts the other withholds
 * ({@link ladder.models.disclosure.Reason#LINKED}): the comparison's plan then protects them against the
 * coalition's and the sector's counts it prints, and the report's against its own margins.
 */
final class LinkedCounts {
    private static final String TOTAL = SuppressionPlan.TOTAL;

    /** One comparison cell of the employer (labels from the part on) and the report's count of it. */
    record Link(String table, List<String> labels, String planTable, Disclosure.Count count) {
    }

    private final List<Link> links;

    private LinkedCounts(List<Link> links) {
        this.links = links;
    }

    /**
     * Every count of part {@code part} of {@code comparison}'s tables that {@code report} (the report's plan)
     * holds as a cell or a one-dimension sum.
     */
    static LinkedCounts of(Disclosure report, SuppressionPlan comparison, String part) {
        List<Link> links = new ArrayList<>();
        for (CountTable c : comparison.tables()) {
            List<List<String>> levels = c.levels().subList(1, c.levels().size());
            for (List<String> labels : cells(levels)) {
                count(report, c.name(), labels).ifPresent(m -> {
                    List<String> at = new ArrayList<>(List.of(part));
                    at.addAll(labels);
                    links.add(new Link(c.name(), at, m.getKey(), m.getValue()));
                });
            }
        }
        return new LinkedCounts(links);
    }

    /** The comparison's cells of the employer the report's plan withholds, by table. */
    Map<String, List<List<String>>> withheldByReport(Disclosure report) {
        Map<String, List<List<String>>> cells = new LinkedHashMap<>();
        for (Link l : links) {
            if (report.withheld(l.planTable(), l.count())) {
                cells.computeIfAbsent(l.table(), k -> new ArrayList<>()).add(l.labels());
            }
        }
        return cells;
    }

    /**
     * The report's cells to withhold so that it no longer prints a count of the employer that {@code comparison}
     * withholds ({@link Disclosure#hiding(String, Disclosure.Count)}). Empty when the report prints none.
     */
    Map<String, List<List<String>>> withheldByComparisonOnly(SuppressionPlan comparison, Disclosure report) {
        Map<String, List<List<String>>> cells = new LinkedHashMap<>();
        for (Link l : links) {
            if (!comparison.isSuppressed(l.table(), l.labels()) || report.withheld(l.planTable(), l.count())) {
                continue;
            }
            if (l.count().dim() >= 0 && l.count().parts().isEmpty()) {
                continue; // a level no row of the employer takes: no count the report prints
            }
            cells.computeIfAbsent(l.planTable(), k -> new ArrayList<>()).addAll(report.hiding(l.planTable(), l.count()));
        }
        cells.values().removeIf(List::isEmpty);
        return cells;
    }

    /** The report's count of the comparison's cell {@code labels} (after the part) of table {@code table}, if it has one. */
    private static Optional<Map.Entry<String, Disclosure.Count>> count(Disclosure d, String table, List<String> labels) {
        String a = labels.get(0);
        String b = labels.size() > 1 ? labels.get(1) : null;
        return switch (table) {
            case "seb" -> cell(d, PlanTables.RESPONSE, TOTAL, TOTAL, seb(a));
            case "promotion" -> yesNo(d, PlanTables.PROMOTION, List.of(TOTAL, seb(a), TOTAL), 2, b);
            case "training" -> yesNo(d, PlanTables.TRAINING, List.of(TOTAL, seb(a), TOTAL), 2, b);
            case "senior" -> sum(d, PlanTables.GRADES, List.of(TOTAL, seb(b)), 0, a,
                    g -> a.equals("4-6") == (grade(g) >= 4));
            case "school" -> answer(d, PlanTables.SCHOOL, List.of(TOTAL, TOTAL), 0, a, "independent");
            case "meals" -> answer(d, PlanTables.MEALS, List.of(TOTAL, TOTAL), 0, a, "yes");
            case "routes" -> sum(d, PlanTables.ROUTES, List.of(TOTAL, seb(b), TOTAL), 0, a,
                    r -> a.equals(route(r)));
            case "degree" -> switch (a) {
                case "not_graduate_scheme" -> sum(d, PlanTables.DEGREE, List.of(TOTAL, TOTAL, TOTAL), 0, a,
                        r -> !r.equals("graduate_scheme"));
                case TOTAL -> cell(d, PlanTables.DEGREE, TOTAL, TOTAL, TOTAL);
                default -> d.has(PlanTables.DEGREE) && d.levels(PlanTables.DEGREE, 0).contains("graduate_scheme")
                        ? answer(d, PlanTables.DEGREE, List.of("graduate_scheme", TOTAL, TOTAL), 1, a, "no")
                        : Optional.empty();
            };
            case "pay" -> a.equals(TOTAL) ? cell(d, PaySection.HOURLY, TOTAL, TOTAL)
                    : classified(a) ? sum(d, PaySection.HOURLY, List.of(a, TOTAL), 1, a, q -> !q.equals(PaySection.NO_PAY))
                    : Optional.empty();
            case "tenure" -> a.equals(TOTAL) ? cell(d, PromotionTimeSection.TIME, TOTAL, TOTAL, TOTAL)
                    : classified(a) && d.has(PromotionTimeSection.TIME)
                    && List.of("0", "1").containsAll(d.levels(PromotionTimeSection.TIME, 2))
                    ? sum(d, PromotionTimeSection.TIME, List.of(a, TOTAL, TOTAL), 1, a, m -> !m.equals(MonthBands.NONE))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<Map.Entry<String, Disclosure.Count>> cell(Disclosure d, String table, String... labels) {
        return d.has(table) ? Optional.of(Map.entry(table, Disclosure.Count.cell(labels))) : Optional.empty();
    }

    /** A 0/1 column's count: 1 is its cell, 0 every other level, the margin the margin. */
    private static Optional<Map.Entry<String, Disclosure.Count>> yesNo(Disclosure d, String table, List<String> at, int dim,
            String level) {
        return sum(d, table, at, dim, level, l -> level.equals("1") == l.equals("1"));
    }

    /** A supplementary question's count: the level counted, the other answers, or the non-answers. */
    private static Optional<Map.Entry<String, Disclosure.Count>> answer(Disclosure d, String table, List<String> at, int dim,
            String level, String counted) {
        return sum(d, table, at, dim, level, l -> switch (level) {
            case "other_answer" -> !l.equals(counted) && Answers.isAnswer(l);
            case "no_answer" -> !Answers.isAnswer(l);
            default -> l.equals(counted);
        });
    }

    /** The sum over the levels of {@code dim} that {@code in} takes ({@code level} TOTAL: the margin at {@code at}). */
    private static Optional<Map.Entry<String, Disclosure.Count>> sum(Disclosure d, String table, List<String> at, int dim,
            String level, Predicate<String> in) {
        if (!d.has(table)) {
            return Optional.empty();
        }
        if (level == null || level.equals(TOTAL)) {
            return Optional.of(Map.entry(table, new Disclosure.Count(at, -1, List.of())));
        }
        List<String> parts = d.levels(table, dim).stream().filter(in).toList();
        return Optional.of(Map.entry(table, Disclosure.Count.sum(at, dim, parts)));
    }

    /** Every cell and margin over {@code levels}. */
    private static List<List<String>> cells(List<List<String>> levels) {
        List<List<String>> cells = new ArrayList<>(List.of(List.of()));
        for (List<String> dim : levels) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> c : cells) {
                for (String l : dim) {
                    List<String> more = new ArrayList<>(c);
                    more.add(l);
                    next.add(more);
                }
                List<String> margin = new ArrayList<>(c);
                margin.add(TOTAL);
                next.add(margin);
            }
            cells = next;
        }
        return cells;
    }

    /** The report's seb level of the comparison's group (not classifiable: the report's no answer). */
    private static String seb(String group) {
        return group == null || group.equals(TOTAL) ? TOTAL : group.equals("not_classifiable") ? PlanTables.NO_ANSWER : group;
    }

    private static boolean classified(String seb) {
        return Seb.CLASSIFIABLE.stream().anyMatch(s -> s.level().equals(seb));
    }

    /** A grade as a number, 0 when it is not one. */
    private static int grade(String level) {
        try {
            return Integer.parseInt(level);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String route(String route) {
        return route.equals("graduate_scheme") || route.equals("apprenticeship") ? route : "other_routes";
    }
}
