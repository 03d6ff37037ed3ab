package ladder.models.funnel;

import java.util.Locale;
import ladder.engine.contract.Seb;
import ladder.models.composition.CompositionCell;
import ladder.models.composition.NationalBenchmark;

/**
 * The funnel's headline in words: between which consecutive stages the working-class share of
 * classifiable applications falls most, and the share among applicants and hires against the
 * national working population.
 */
final class FunnelHeadline {
    private FunnelHeadline() {
    }

    static String of(RecruitmentFunnel f) {
        int stages = f.stages().size();
        int worst = -1;
        double drop = 0;
        for (int s = 1; s < stages; s++) {
            if (!shown(f, s - 1) || !shown(f, s)) {
                continue;
            }
            double d = share(f, s - 1) - share(f, s);
            if (d > drop) {
                drop = d;
                worst = s;
            }
        }
        String ends = shown(f, 0) && shown(f, stages - 1)
                ? String.format(Locale.ROOT, " Working-class people were %s of applicants and %s of hires, against %s"
                        + " of the working population.", percent(share(f, 0)), percent(share(f, stages - 1)),
                        percent(NationalBenchmark.WORKING_CLASS))
                : "";
        if (worst < 0) {
            return "The working-class share does not fall from any stage to the next that can be shown." + ends;
        }
        return String.format(Locale.ROOT, "The working-class share drops most from %s to %s: from %s to %s"
                + " (%.1f percentage points).", f.stages().get(worst - 1), f.stages().get(worst),
                percent(share(f, worst - 1)), percent(share(f, worst)), 100 * drop) + ends;
    }

    private static boolean shown(RecruitmentFunnel f, int s) {
        CompositionCell c = f.composition(s);
        return c.classifiable() > 0 && f.published(s, Seb.WORKING_CLASS.ordinal()) && f.published(s, 0)
                && f.published(s, 1);
    }

    private static double share(RecruitmentFunnel f, int s) {
        return f.composition(s).group(Seb.WORKING_CLASS).share();
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }
}
