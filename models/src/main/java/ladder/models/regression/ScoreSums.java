package ladder.models.regression;

/**
 * The sums a fit needs at its estimate besides X'WX: per cluster the score
 * u<sub>g</sub> = &Sigma;<sub>i&isin;g</sub> x<sub>i</sub>(y<sub>i</sub> - n<sub>i</sub>&mu;<sub>i</sub>) (the sandwich's meat is
 * &Sigma;<sub>g</sub> u<sub>g</sub>u<sub>g</sub>'), and per column the people and events in rows where it is
 * non-zero (what a coefficient rests on, for output checking). From cells the score sums equal
 * those of the cells' people, since each person of a cell has the cell's x and &mu;.
 */
final class ScoreSums {

    private final int p;
    private final double[] scores;
    private final double[] people;
    private final double[] events;
    private int extreme;

    /** Sums for p columns and {@code clusters} clusters (0 for none). */
    ScoreSums(int p, int clusters) {
        this.p = p;
        this.scores = new double[clusters * p];
        this.people = new double[p];
        this.events = new double[p];
    }

    /** Adds a row of design x, trials n, events y, fitted probability mu, in cluster g (ignored without clusters). */
    void add(double[] x, double n, double y, double mu, int g) {
        if (n == 0) {
            return;
        }
        if (mu < LogisticRegression.EXTREME || mu > 1 - LogisticRegression.EXTREME) {
            extreme++;
        }
        double residual = y - n * mu;
        int base = g * p;
        for (int j = 0; j < p; j++) {
            if (x[j] != 0) {
                people[j] += n;
                events[j] += y;
                if (scores.length > 0) {
                    scores[base + j] += x[j] * residual;
                }
            }
        }
    }

    ScoreSums combine(ScoreSums other) {
        for (int i = 0; i < scores.length; i++) {
            scores[i] += other.scores[i];
        }
        for (int j = 0; j < p; j++) {
            people[j] += other.people[j];
            events[j] += other.events[j];
        }
        extreme += other.extreme;
        return this;
    }

    /** &Sigma;<sub>g</sub> u<sub>g</sub>u<sub>g</sub>' over the columns marked kept, in their order. */
    double[][] meat(boolean[] kept, int clusters) {
        int[] index = Covariances.keptIndex(kept);
        double[][] m = new double[index.length][index.length];
        for (int g = 0; g < clusters; g++) {
            int base = g * p;
            for (int a = 0; a < index.length; a++) {
                double ua = scores[base + index[a]];
                if (ua == 0) {
                    continue;
                }
                for (int b = 0; b < index.length; b++) {
                    m[a][b] += ua * scores[base + index[b]];
                }
            }
        }
        return m;
    }

    /** Rows whose fitted probability is within 10 &epsilon; of 0 or 1 (R's "numerically 0 or 1"). */
    int extreme() {
        return extreme;
    }

    double people(int column) {
        return people[column];
    }

    double events(int column) {
        return events[column];
    }
}
