package ladder.reports.report;

import ladder.models.funnel.RecruitmentFunnel;
import ladder.models.progression.EntryRoutes;
import ladder.models.progression.ProgressionAfter;
import ladder.models.progression.TrainingTakeUp;

/**
 * Getting in and getting on: the recruitment funnel by SEB ({@link RecruitmentFunnel}, from the
 * applicants files when given), entry routes ({@link EntryRoutes}), training take-up
 * ({@link TrainingTakeUp}) and promotion within two years after training ({@link ProgressionAfter},
 * which follows people across years and so needs rows). Each analysis applies its own disclosure control.
 */
final class GettingInSection implements Section {
    private final Attempt funnel;
    private final Attempt routes;
    private final Attempt training;
    private final Attempt after;

    GettingInSection(ReportInputs inputs) {
        funnel = inputs.applicants().isEmpty() ? null : Attempt.of("The recruitment funnel", () -> RecruitmentFunnel.of(
                inputs.applicants().get(), RecruitmentFunnel.Question.defaults()).publishable());
        routes = Attempt.of("Entry routes", () -> EntryRoutes.of(inputs.cubes(), EntryRoutes.Question.defaults())
                .publishable());
        training = Attempt.of("Training", () -> TrainingTakeUp.of(inputs.cubes(), TrainingTakeUp.Question.defaults())
                .publishable());
        after = Attempt.of("Promotion after training", () -> ProgressionAfter.of(inputs.cubes(),
                ProgressionAfter.Question.defaults()).publishable());
    }

    @Override
    public void publish(Disclosure disclosure, PartWriter out) {
        out.paragraph("Where the working-class share changes on the way in (from application to hire), by entry"
                + " route, in who takes part in training, and who is promoted within two years after training.");
        if (funnel != null) {
            out.prefix("funnel").analysis(funnel);
        } else {
            out.heading("The recruitment funnel").paragraph("The funnel reads the applicants files, and none were given"
                    + " (ladder report --applicants PATH).");
        }
        out.prefix("routes").analysis(routes).prefix("training").analysis(training).prefix("after_training")
                .analysis(after);
    }
}
