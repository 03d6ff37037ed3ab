package ladder.models.pay;

import java.util.Objects;

/**
 * The pay of one group at one employer, in pence: hourly pay of those whose hourly pay is recorded and,
 * optionally, bonus pay of those whose bonus is recorded (value 0 for those paid none). The two may rest on
 * different people, as either value may be missing.
 *
 * @param bonus null when there is no bonus data
 */
public record EmployerPay(String employer, String group, PayHistogram hourly, PayHistogram bonus) {
    public EmployerPay {
        Objects.requireNonNull(employer);
        Objects.requireNonNull(group);
        Objects.requireNonNull(hourly);
    }
}
