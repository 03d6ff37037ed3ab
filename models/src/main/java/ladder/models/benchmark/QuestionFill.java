package ladder.models.benchmark;

import java.util.List;

/**
 * How many of a group's rows answered each of the SMC's four SEB questions: an answer is any
 * non-empty value ("prefer not to say" and "don't know" included, which show the question was
 * asked). A question counts as collected when at least {@value #COLLECTED} of the rows answered it;
 * parent_degree is asked of graduate hires only, so a lower share is expected.
 *
 * @param population the group: applicants, new hires, apprentices or workforce
 * @param rows the group's rows; null when the group is not assessed
 * @param answered per question of {@link #QUESTIONS}, the rows that answered
 * @param note why the group is not assessed, or how it is defined
 */
public record QuestionFill(String population, Long rows, long[] answered, String note) {

    /** The SMC's four questions, the key question first. */
    public static final List<String> QUESTIONS = List.of("parental_occupation", "school_type", "free_school_meals",
            "parent_degree");

    /** The share of rows answered at which a question counts as collected. */
    public static final double COLLECTED = 0.25;

    public QuestionFill {
        answered = answered.clone();
    }

    /** A group with no rows to assess, and why. */
    static QuestionFill notAssessed(String population, String why) {
        return new QuestionFill(population, null, new long[QUESTIONS.size()], why);
    }

    boolean assessed() {
        return rows != null && rows > 0;
    }

    /** Whether each question is collected. */
    boolean[] collected() {
        boolean[] c = new boolean[QUESTIONS.size()];
        for (int q = 0; q < c.length; q++) {
            c[q] = assessed() && answered[q] >= COLLECTED * rows;
        }
        return c;
    }
}
