package ladder.reports.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small pool whose key figures are worked out by hand (in {@link EmployerPackByHandTest}): six
 * employers, E1 to E3 in Finance and E4 to E6 in Law, one year. Each employer's rows are given per
 * SEB group (P professional, I intermediate, W working class, X no answer to Q1) as
 * {n, s, p, t, gr, h}: n rows, of which the first s are at grade 4 (the rest grade 1), the first p
 * promoted, the first t trained and the first gr on the graduate scheme; of the others, alternately
 * an apprentice (first) and an experienced hire, so ceil((n - gr) / 2) apprentices. Hourly pay: P
 * 30.00 for the first h and 20.00 for the rest, W 24.00 and 16.00, I 18.00, X none. Then per employer
 * {independent, state, fsm yes, fsm no, degree no, degree yes}: its rows in order (P, I, W, X)
 * attended an independent school, then a state school, the rest "dont_know"; free school meals yes,
 * then no, the rest "prefer_not_to_say"; its graduate-scheme rows in order answer parent_degree no,
 * then yes, the rest no answer (the others no answer).
 */
public final class HandPool {
    public record Employer(String sector, Map<Character, int[]> groups, int[] questions) {
    }

    public static final Map<String, Employer> POOL = new LinkedHashMap<>();

    static {
        POOL.put("E1", employer("Finance", new int[] {60, 12, 14, 24, 22, 16}, new int[] {45, 10, 10, 15, 12, 0},
                new int[] {56, 10, 10, 18, 14, 12}, new int[] {40, 10, 10, 12, 12, 0}, 20, 150, 25, 150, 24, 24));
        POOL.put("E2", employer("Finance", new int[] {30, 10, 12, 15, 10, 10}, new int[] {20, 5, 5, 10, 6, 0},
                new int[] {40, 8, 6, 20, 20, 10}, new int[] {20, 6, 6, 8, 6, 0}, 15, 70, 20, 70, 10, 20));
        POOL.put("E3", employer("Finance", new int[] {50, 20, 15, 20, 25, 30}, new int[] {20, 6, 5, 8, 8, 0},
                new int[] {20, 4, 4, 10, 6, 5}, new int[] {20, 6, 5, 9, 6, 0}, 30, 60, 10, 80, 8, 20));
        POOL.put("E4", employer("Law", new int[] {25, 5, 5, 10, 8, 5}, new int[] {25, 6, 6, 12, 10, 0},
                new int[] {50, 6, 8, 30, 15, 20}, new int[] {20, 4, 4, 8, 7, 0}, 5, 100, 40, 70, 20, 10));
        POOL.put("E5", employer("Law", new int[] {35, 15, 10, 20, 15, 20}, new int[] {15, 5, 3, 5, 5, 0},
                new int[] {30, 5, 9, 12, 10, 8}, new int[] {20, 5, 4, 10, 5, 0}, 12, 78, 18, 72, 12, 12));
        POOL.put("E6", employer("Law", new int[] {45, 18, 20, 25, 20, 25}, new int[] {20, 6, 6, 10, 8, 0},
                new int[] {25, 3, 4, 8, 5, 15}, new int[] {10, 2, 2, 3, 4, 0}, 25, 70, 12, 78, 9, 18));
    }

    /**
     * The employers' applications, per SEB group (P, I, W, X as above) {applications, offers}: the first
     * "offers" of a group reached an offer (stage_reached alternately offered and hired), the rest stopped
     * earlier (applied, shortlisted and interviewed in turn). E9 has applications and no employees' rows.
     */
    public static final Map<String, int[]> APPLICANTS = new LinkedHashMap<>();

    static {
        APPLICANTS.put("E1", new int[] {80, 20, 40, 10, 100, 12, 20, 10});
        APPLICANTS.put("E2", new int[] {50, 15, 30, 6, 60, 9, 10, 5});
        APPLICANTS.put("E3", new int[] {40, 8, 20, 4, 50, 10, 10, 5});
        APPLICANTS.put("E4", new int[] {30, 9, 20, 5, 70, 7, 10, 5});
        APPLICANTS.put("E5", new int[] {60, 12, 30, 6, 40, 10, 10, 5});
        APPLICANTS.put("E6", new int[] {40, 16, 20, 4, 90, 9, 10, 5});
        APPLICANTS.put("E9", new int[] {5, 1, 5, 1, 5, 1, 0, 0});
    }

    private HandPool() {
    }

    /** Writes {@code applications} (as {@link #APPLICANTS}) as one applicants file per employer under {@code dir}. */
    public static Path writeApplicants(Path dir, Map<String, int[]> applications) throws IOException {
        Files.createDirectories(dir);
        List<String> occupations = List.of("professional", "clerical", "routine", "");
        for (Map.Entry<String, int[]> e : applications.entrySet()) {
            StringBuilder csv = new StringBuilder("employer_id,year,applicant_id,stage_reached,parental_occupation,"
                    + "school_type,free_school_meals,parent_degree,gender,ethnicity,disability,age_band\n");
            int row = 0;
            for (int g = 0; g < 4; g++) {
                int n = e.getValue()[2 * g], offers = e.getValue()[2 * g + 1];
                for (int i = 0; i < n; i++, row++) {
                    String stage = i < offers ? (i % 2 == 0 ? "offered" : "hired")
                            : List.of("applied", "shortlisted", "interviewed").get((i - offers) % 3);
                    csv.append(String.join(",", List.of(e.getKey(), "2024", e.getKey() + "-A" + row, stage,
                            occupations.get(g), "state", "no", "no", row % 2 == 0 ? "woman" : "man", "white", "no",
                            "25-34"))).append('\n');
                }
            }
            Files.writeString(dir.resolve("applicants-" + e.getKey() + "-2024.csv"), csv.toString(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    private static Employer employer(String sector, int[] p, int[] i, int[] w, int[] x, int... questions) {
        Map<Character, int[]> groups = new LinkedHashMap<>();
        groups.put('P', p);
        groups.put('I', i);
        groups.put('W', w);
        groups.put('X', x);
        return new Employer(sector, groups, questions);
    }

    private static final String HEADER = "employer_id,year,person_id,sector,region,grade,parental_occupation,school_type,"
            + "free_school_meals,parent_degree,gender,ethnicity,disability,age_band,entry_route,hourly_pay,bonus,promoted,"
            + "months_in_grade,training";

    /** Writes {@code pool} as one employees file per employer under {@code dir}; answers dir. */
    public static Path write(Path dir, Map<String, Employer> pool) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, Employer> e : pool.entrySet()) {
            StringBuilder csv = new StringBuilder(HEADER).append('\n');
            Employer m = e.getValue();
            int[] q = m.questions();
            int row = 0, graduate = 0;
            for (Map.Entry<Character, int[]> g : m.groups().entrySet()) {
                int[] s = g.getValue();
                for (int i = 0; i < s[0]; i++, row++) {
                    boolean onScheme = i < s[4];
                    String route = onScheme ? "graduate_scheme" : (i - s[4]) % 2 == 0 ? "apprenticeship" : "experienced_hire";
                    String degree = !onScheme ? "" : graduate < q[4] ? "no" : graduate < q[4] + q[5] ? "yes" : "";
                    if (onScheme) {
                        graduate++;
                    }
                    String pay = switch (g.getKey()) {
                        case 'P' -> i < s[5] ? "30.00" : "20.00";
                        case 'W' -> i < s[5] ? "24.00" : "16.00";
                        case 'I' -> "18.00";
                        default -> "";
                    };
                    String occupation = switch (g.getKey()) {
                        case 'P' -> "professional";
                        case 'I' -> "clerical";
                        case 'W' -> "routine";
                        default -> "";
                    };
                    csv.append(String.join(",", List.of(e.getKey(), "2024", e.getKey() + "-" + row, m.sector(), "UKI",
                            i < s[1] ? "4" : "1", occupation,
                            row < q[0] ? "independent" : row < q[0] + q[1] ? "state" : "dont_know",
                            row < q[2] ? "yes" : row < q[2] + q[3] ? "no" : "prefer_not_to_say", degree,
                            row % 2 == 0 ? "woman" : "man", row % 3 == 0 ? "asian" : "white", "no",
                            row % 2 == 0 ? "25-34" : "35-44", route, pay, "0", i < s[2] ? "1" : "0",
                            i < s[2] ? "12" : "24", i < s[3] ? "1" : "0"))).append('\n');
                }
            }
            Files.writeString(dir.resolve("employees-" + e.getKey() + "-2024.csv"), csv.toString(), StandardCharsets.UTF_8);
        }
        return dir;
    }
}
