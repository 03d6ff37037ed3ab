package ladder.models.pay;

import java.util.Objects;

/**
 * The pay of one group at one employer: hourly pay and, optionally, bonus pay over the same people, in
 * pence. The bonus histogram includes those paid no bonus (value 0), so it has the same n as the hourly one.
 *
 * @param bonus null when there is no bonus data
 */
public record EmployerPay(String employer, String group, PayHistogram hourly, PayHistogram bonus) {
    public EmployerPay {
        Objects.requireNonNull(employer);
        Objects.requireNonNull(group);
        Objects.requireNonNull(hourly);
        if (bonus != null && bonus.n() != hourly.n()) {
            throw new IllegalArgumentException("bonus histogram of " + bonus.n() + " people but hourly of "
                    + hourly.n() + " for " + group + " at " + employer);
        }
    }
}
