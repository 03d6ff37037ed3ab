package ladder.reports.report;

import java.util.List;
import ladder.models.survival.TimeToPromotion;

/**
 * Time to promotion by SEB ({@link TimeToPromotion}): Kaplan-Meier curves and medians, the
 * log-rank test within employers, and the Cox model with a baseline per employer and errors robust
 * to clustering by employer.
 */
final class PromotionTimeSection implements Section {
    private final TimeToPromotion survival;

    PromotionTimeSection(ReportInputs inputs) {
        TimeToPromotion.Question d = TimeToPromotion.Question.defaults();
        survival = TimeToPromotion.of(inputs.cubes(), new TimeToPromotion.Question(d.time(), d.event(), d.by(),
                d.levels(), List.of("employer_id"), List.of("employer_id"), d.ties(), d.times(), d.level())).publishable();
    }

    @Override
    public void publish(Disclosure disclosure, PartWriter out) {
        out.analysis(survival);
    }
}
