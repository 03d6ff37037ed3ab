package ladder.datasets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;

/**
 * Writes a synthetic pool of applications, table {@code applicants} of the data contract, with
 * known true effects of background on each stage of recruitment ({@link ApplicantSpec}), as CSV:
 * UTF-8, a header of the contract's column names in {@link Schema#APPLICANTS} order, LF line
 * endings. Rows are written one at a time into a block buffer, so memory does not grow with the
 * number of rows, and the output for a spec is byte-identical on every run and every JVM. Rows come
 * employer by employer, year by year, applications in number order.
 *
 * <p><b>Employers.</b> Employer {@code j} ({@code E001}, ...) has a relative number of applications
 * each year, log-normal with log-SD 0.7; rows are split over employer-years in proportion, exactly
 * summing to {@code rows}. Its working-class share of applicants is
 * {@code workingClassShare + N(0, 0.06^2)}, its non-response rate as in {@link ApplicantSpec}, and
 * it shifts each stage's log odds by its own {@code u_js}.
 *
 * <p><b>Applications.</b> {@code applicant_id} is {@code E001-2022-A00001}, unique within the
 * employer-year. Class is drawn from the employer's shares; the answers to Q1-Q4, gender, ethnicity,
 * disability and the age band (that of joiners) are drawn as for employees ({@link PoolGenerator}),
 * except that free school meals are {@code not_applicable} only for those schooled abroad. Then the
 * application moves up one stage at a time with the probability of {@link ApplicantSpec} and stops
 * at the first stage it fails to reach; {@code stage_reached} is where it stopped.
 *
 * <p>Instances are immutable and may write from several threads at once.
 */
public final class ApplicantGenerator {
    private static final int BUFFER_BYTES = 1 << 20;
    private static final long EMPLOYER_STREAM = 11;
    private static final long APPLICANT_STREAM = 12;
    private static final double SIZE_LOG_SD = 0.7;
    private static final double EMPLOYER_SHARE_SD = 0.06;
    /** The columns written, in this order; the coded ones (from stage_reached) as the bytes of their codes. */
    private static final List<Field> WRITTEN = List.of(Field.EMPLOYER_ID, Field.YEAR, Field.APPLICANT_ID,
            Field.STAGE_REACHED, Field.PARENTAL_OCCUPATION, Field.SCHOOL_TYPE, Field.FREE_SCHOOL_MEALS,
            Field.PARENT_DEGREE, Field.GENDER, Field.ETHNICITY, Field.DISABILITY, Field.AGE_BAND);
    private static final byte[][][] CODED = coded();

    private final ApplicantSpec spec;
    private final byte[] header;
    private final String[] employerIds;
    private final double[] workingClass;
    private final double[] nonResponse;
    /** Per employer, stage step (0 = shortlisted) and class: the odds of progressing. */
    private final double[][][] stepOdds;
    /** Per employer-year, at {@code employer * years + t}. */
    private final long[] rows;
    private final int numberDigits;

    public ApplicantGenerator(ApplicantSpec spec) {
        this.spec = spec;
        header = (String.join(",", Schema.APPLICANTS.fields().stream().map(Field::name).toList()) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        int n = spec.employers();
        employerIds = new String[n];
        workingClass = new double[n];
        nonResponse = new double[n];
        stepOdds = new double[n][ApplicantSpec.STEPS][3];
        double[] weights = new double[n * spec.years()];
        SplitMix r = new SplitMix();
        long stream = SplitMix.key(spec.seed(), EMPLOYER_STREAM);
        int idDigits = Math.max(3, PoolLayout.digits(n));
        for (int j = 0; j < n; j++) {
            r.restart(SplitMix.key(stream, j));
            employerIds[j] = "E" + PoolLayout.zeroPadded(j + 1, idDigits);
            double size = StrictMath.exp(SIZE_LOG_SD * Normal.quantile(r.nextOpenDouble()));
            java.util.Arrays.fill(weights, j * spec.years(), (j + 1) * spec.years(), size);
            workingClass[j] = Math.max(0, Math.min(1 - spec.intermediateShare(),
                    spec.workingClassShare() + EMPLOYER_SHARE_SD * Normal.quantile(r.nextOpenDouble())));
            nonResponse[j] = spec.nonResponse() * (0.5 + r.nextDouble());
            for (int s = 0; s < ApplicantSpec.STEPS; s++) {
                double p = spec.stageRates().get(s);
                double base = StrictMath.log(p / (1 - p)) + spec.employerSd() * Normal.quantile(r.nextOpenDouble());
                double effect = spec.stageWorkingClass().get(s);
                stepOdds[j][s][PersonModel.PROFESSIONAL] = StrictMath.exp(base);
                stepOdds[j][s][PersonModel.INTERMEDIATE] = StrictMath.exp(base + effect / 2);
                stepOdds[j][s][PersonModel.WORKING_CLASS] = StrictMath.exp(base + effect);
            }
        }
        rows = PoolLayout.proportional(spec.rows(), weights);
        long largest = 0;
        for (long cell : rows) {
            largest = Math.max(largest, cell);
        }
        numberDigits = Math.max(5, PoolLayout.digits(largest));
    }

    /** Writes the whole pool described by {@code spec} to {@code file} (replacing it); returns the rows written. */
    public static long write(ApplicantSpec spec, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return new ApplicantGenerator(spec).writeAll(out);
        }
    }

    /** The {@code employer_id} of employer {@code index} (from 0). */
    public String employerId(int index) {
        return employerIds[index];
    }

    /** Writes the header and every row to {@code out}, flushed, not closed; returns the rows written. */
    public long writeAll(OutputStream out) throws IOException {
        CsvBytes csv = start(out);
        long written = 0;
        for (int j = 0; j < employerIds.length; j++) {
            for (int t = 0; t < spec.years(); t++) {
                written += cell(csv, j, t);
            }
        }
        csv.flush();
        return written;
    }

    /** Writes the header and the rows of one employer (index from 0) in one year; the same bytes as in {@link #writeAll}. */
    public long writeEmployerYear(int index, int year, OutputStream out) throws IOException {
        if (index < 0 || index >= employerIds.length || year < spec.firstYear() || year > spec.lastYear()) {
            throw new IllegalArgumentException("no employer " + index + " in year " + year + " in this pool");
        }
        CsvBytes csv = start(out);
        long written = cell(csv, index, year - spec.firstYear());
        csv.flush();
        return written;
    }

    private CsvBytes start(OutputStream out) {
        CsvBytes csv = new CsvBytes(out, BUFFER_BYTES);
        csv.bytes(header);
        return csv;
    }

    private long cell(CsvBytes csv, int j, int t) throws IOException {
        byte[] employer = ascii(employerIds[j]);
        byte[] year = ascii(Integer.toString(spec.firstYear() + t));
        byte[] prefix = ascii(employerIds[j] + "-" + (spec.firstYear() + t) + "-A");
        long stream = SplitMix.key(SplitMix.key(SplitMix.key(spec.seed(), APPLICANT_STREAM), j), t);
        SplitMix r = new SplitMix();
        long n = rows[j * spec.years() + t];
        for (long i = 0; i < n; i++) {
            r.restart(SplitMix.key(stream, i));
            csv.bytes(employer);
            csv.comma();
            csv.bytes(year);
            csv.comma();
            csv.bytes(prefix);
            csv.padded(i + 1, numberDigits);
            csv.comma();
            application(csv, j, r);
            csv.endRow();
        }
        return n;
    }

    /** Draws one application and writes its columns from {@code stage_reached} on, in contract order. */
    private void application(CsvBytes csv, int j, SplitMix r) {
        double classDraw = r.nextDouble();
        int cls = classDraw < workingClass[j] ? PersonModel.WORKING_CLASS
                : classDraw < workingClass[j] + spec.intermediateShare() ? PersonModel.INTERMEDIATE
                : PersonModel.PROFESSIONAL;
        int stage = 0;
        while (stage < ApplicantSpec.STEPS) {
            double odds = stepOdds[j][stage][cls];
            if (!(r.nextDouble() * (1 + odds) < odds)) {
                break;
            }
            stage++;
        }
        double answer = r.nextDouble();
        int q1 = PersonModel.Q1[cls].draw(r.nextDouble());
        if (answer < nonResponse[j]) {
            q1 = -1;
        } else if (answer < nonResponse[j] + PersonModel.Q1_OTHER) {
            q1 = PersonModel.Q1_OTHER_CODE;
        } else if (answer < nonResponse[j] + PersonModel.Q1_OTHER + PersonModel.Q1_PREFER_NOT_TO_SAY) {
            q1 = PersonModel.Q1_PREFER_NOT_CODE;
        }
        boolean skippedQ1 = q1 < 0;
        int school = PersonModel.SCHOOL[cls].draw(r.nextDouble());
        if (r.nextDouble() < (skippedQ1 ? PersonModel.FOLLOW_UP_EMPTY_AFTER_NO_Q1 : PersonModel.SCHOOL_EMPTY)) {
            school = -1;
        }
        int mealsBy = school == PersonModel.INDEPENDENT ? 1 : school == PersonModel.BURSARY ? 2 : 0;
        int meals = PersonModel.MEALS[cls][mealsBy].draw(r.nextDouble());
        if (school == PersonModel.OUTSIDE_UK) {
            meals = PersonModel.MEALS_NOT_APPLICABLE;
        }
        if (r.nextDouble() < (school < 0 ? PersonModel.MEALS_EMPTY_AFTER_NO_SCHOOL : PersonModel.MEALS_EMPTY)) {
            meals = -1;
        }
        boolean graduate = r.nextDouble() < PersonModel.GRADUATE[cls];
        int degree = PersonModel.DEGREE[cls].draw(r.nextDouble());
        if (r.nextDouble() < (skippedQ1 ? PersonModel.FOLLOW_UP_EMPTY_AFTER_NO_Q1 : PersonModel.DEGREE_EMPTY) || !graduate) {
            degree = -1;
        }
        int[] values = {stage, q1, school, meals, degree, PersonModel.GENDER.draw(r.nextDouble()),
                PersonModel.ETHNICITY.draw(r.nextDouble()), PersonModel.DISABILITY.draw(r.nextDouble()),
                PersonModel.AGE_OF_JOINERS.draw(r.nextDouble())};
        for (int c = 0; c < values.length; c++) {
            if (c > 0) {
                csv.comma();
            }
            if (values[c] >= 0) {
                csv.bytes(CODED[c][values[c]]);
            }
        }
    }

    private static byte[][][] coded() {
        if (!Schema.APPLICANTS.fields().equals(WRITTEN)) {
            throw new IllegalStateException("the generator writes " + WRITTEN + " but the contract's applicants table is "
                    + Schema.APPLICANTS.fields());
        }
        List<Field> coded = WRITTEN.subList(WRITTEN.indexOf(Field.STAGE_REACHED), WRITTEN.size());
        return coded.stream().map(ApplicantGenerator::codes).toArray(byte[][][]::new);
    }

    private static byte[][] codes(Field field) {
        return field.codebook().codes().stream().map(ApplicantGenerator::ascii).toArray(byte[][]::new);
    }

    private static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}
