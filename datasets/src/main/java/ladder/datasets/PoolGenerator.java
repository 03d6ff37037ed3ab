package ladder.datasets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.datasets.PersonModel.PersonYear;

/**
 * Writes a synthetic pool of employer records, table {@code employees} of the data contract, with
 * known true effects ({@link GeneratorSpec}), as CSV: UTF-8, a header of the contract's column
 * names in {@link Schema#EMPLOYEES} order, LF line endings, no quoting needed. Rows are written one
 * at a time into a block buffer, so memory does not grow with the number of rows (it grows with
 * employers x years), and the output for a spec is byte-identical on every run and every JVM.
 * Rows come employer by employer, year by year within an employer, people in number order.
 *
 * <h2>The generating model</h2>
 *
 * <p><b>Employers and people.</b> Employer {@code j} ({@code E001}, ...) is in sector
 * {@code j mod 10} ({@code Financial services}, {@code Legal services}, {@code Creative industries},
 * {@code Public sector}, {@code Technology}, {@code Professional services}, {@code Health and social
 * care}, {@code Retail}, {@code Manufacturing}, {@code Transport and logistics}) and has a main region
 * drawn from national weights (London 18%). Its headcount is log-normal (log-SD 1) and grows by
 * Uniform(-3%, 8%) a year; rows are split over employer-years in proportion, exactly summing to
 * {@code rows}. Each year Uniform(10%, 18%) of its staff leave (the longest-serving) and joiners take
 * new numbers, so {@code person_id} ({@code E001-P000123}) recurs in consecutive years and
 * (employer, year, person) is unique. A person keeps their class, answers, gender, ethnicity,
 * disability, entry route and region; their age rises by one each year.
 *
 * <p><b>Class and answers.</b> Class (latent SEB) is working class with the employer-year's
 * probability (see {@link GeneratorSpec#workingClassTrend()}; sector offsets from -12 to +12 points,
 * summing to zero), intermediate with {@code intermediateShare}, else professional. Q1 is empty with
 * the employer's non-response rate, {@code other} 3%, {@code prefer_not_to_say} 2%, else an answer
 * of the person's group (professional 60 / manager 40; small business 40 / clerical 60; technical
 * and craft 35 / routine 55 / long-term unemployed 10). School type, free school meals and parent
 * degree depend on class (independent school 20% / 6% / 1.5%; free school meals at state school
 * 5% / 15% / 35%; parent degree 62% / 28% / 10%); they are mostly empty when Q1 is, free school
 * meals are {@code not_applicable} for those schooled abroad or born before 1962, and parent degree
 * is asked only of graduates.
 *
 * <p><b>Grade.</b> In a person's first year in the data (every person in {@code firstYear}, joiners
 * in their joining year) {@code P(grade >= k) = logit^-1(aWC*WC + aWC/2*INT + aWoman*woman
 * + aMinority*minority + aDisabled*disabled + aAge[age_band] - theta_k)} with
 * {@code theta = (-2.2, -0.6, 0.6, 1.9, 3.5)} for {@code k = 2..6} and
 * {@code aAge = (-2.5, -1.0, 0, 0.3, 0.3, 0)} by age band. After that, grade rises by one in the year
 * after each promotion: {@code grade_(t+1) = grade_t + promoted_t}.
 *
 * <p><b>Promotion.</b> {@code promoted ~ Bernoulli(logit^-1(-2.0 + u_j + bWC*WC + bWC/2*INT
 * + bWoman*woman + bMinority*minority + bDisabled*disabled + bGrade[grade] + bAge[age_band]))},
 * {@code u_j ~ N(0, employerPromotionSd^2)}, {@code bGrade = (0.2, 0.1, 0, -0.2, -0.5)} for grades
 * 1..5, {@code bAge = (0.2, 0.2, 0, -0.3, -0.7, -1.2)}; 0 at grade 6. Every term is in the row, so a
 * logistic model with these covariates and an employer random intercept is correctly specified.
 * {@code months_in_grade} is the months from entering the grade to the promotion month
 * (Uniform 1..12) or to year end, at most 600.
 *
 * <p><b>Pay.</b> {@code hourly_pay = base[grade] * sectorFactor * regionFactor * employerLevel
 * * 1.03^(year - firstYear) * (1 - gapWC*WC - gapWC/2*INT) * (1 - gapWoman*woman) * e_i * e_it},
 * {@code base = (11.80, 15.50, 21.00, 29.00, 42.00, 70.00)}, person and year noises log-normal
 * (log-SD 0.18 and 0.03) with mean 1; rounded to pence, empty 3%. {@code bonus} is 0 unless a bonus
 * is paid (probability by sector and grade), then {@code hourly_pay * 1800 * share[grade]} times a
 * log-normal noise; empty 5%. {@code training} is Bernoulli with log-odds
 * {@code -0.1 - 0.3*WC - 0.15*INT + 0.3*[grade <= 2]}.
 *
 * <p>Instances are immutable and may write from several threads at once.
 */
public final class PoolGenerator {
    private static final int BUFFER_BYTES = 1 << 20;
    private static final long PERSON_STREAM = 2;

    private final GeneratorSpec spec;
    private final PoolLayout layout;
    private final Column[] columns;
    private final byte[] header;
    private final byte[][] years;
    private final byte[][] employerIds;
    private final byte[][] personPrefixes;
    private final byte[][] sectors;

    public PoolGenerator(GeneratorSpec spec) {
        this.spec = spec;
        this.layout = new PoolLayout(spec);
        List<Field> fields = Schema.EMPLOYEES.fields();
        columns = new Column[fields.size()];
        StringBuilder names = new StringBuilder();
        for (int c = 0; c < columns.length; c++) {
            columns[c] = Column.of(fields.get(c));
            ascii(fields.get(c).name());
            names.append(c == 0 ? "" : ",").append(fields.get(c).name());
        }
        header = names.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
        years = new byte[spec.years()][];
        for (int t = 0; t < years.length; t++) {
            years[t] = ascii(Integer.toString(spec.firstYear() + t));
        }
        employerIds = new byte[layout.employers()][];
        personPrefixes = new byte[layout.employers()][];
        sectors = new byte[layout.employers()][];
        for (int j = 0; j < employerIds.length; j++) {
            Employer employer = layout.employer(j);
            employerIds[j] = ascii(employer.id());
            personPrefixes[j] = ascii(employer.id() + "-P");
            sectors[j] = ascii(employer.sector().label);
        }
    }

    /** Writes the whole pool described by {@code spec} to {@code file} (replacing it); returns the rows written. */
    public static long write(GeneratorSpec spec, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return write(spec, out);
        }
    }

    /** Writes the whole pool described by {@code spec} to {@code out}, flushed, not closed; returns the rows written. */
    public static long write(GeneratorSpec spec, OutputStream out) throws IOException {
        return new PoolGenerator(spec).writeAll(out);
    }

    public GeneratorSpec spec() {
        return spec;
    }

    /** The number of employers, indexed from 0. */
    public int employers() {
        return layout.employers();
    }

    /** The {@code employer_id} of employer {@code index}. */
    public String employerId(int index) {
        return layout.employer(employerIndex(index)).id();
    }

    /** The number of rows employer {@code index} has in {@code year}. */
    public long rows(int index, int year) {
        return layout.rows(employerIndex(index), yearIndex(year));
    }

    /** Writes the header and every row to {@code out}, flushed, not closed; returns the rows written. */
    public long writeAll(OutputStream out) throws IOException {
        Writing writing = new Writing(out);
        long written = 0;
        for (int j = 0; j < layout.employers(); j++) {
            for (int t = 0; t < years.length; t++) {
                written += writing.cell(j, t);
            }
        }
        writing.csv.flush();
        return written;
    }

    /**
     * Writes the header and the rows of one employer in one year to {@code out}, flushed, not
     * closed; returns the rows written. They are the same bytes as those rows in {@link #writeAll}.
     */
    public long writeEmployerYear(int index, int year, OutputStream out) throws IOException {
        int j = employerIndex(index);
        int t = yearIndex(year);
        Writing writing = new Writing(out);
        long written = writing.cell(j, t);
        writing.csv.flush();
        return written;
    }

    private int employerIndex(int index) {
        if (index < 0 || index >= layout.employers()) {
            throw new IllegalArgumentException("no employer " + index + " in a pool of " + layout.employers()
                    + " (indexed from 0)");
        }
        return index;
    }

    private int yearIndex(int year) {
        if (year < spec.firstYear() || year > spec.lastYear()) {
            throw new IllegalArgumentException("year " + year + " is outside the pool's years "
                    + spec.firstYear() + ".." + spec.lastYear());
        }
        return year - spec.firstYear();
    }

    /** One write: its buffer, its model and the row it fills, none shared. */
    private final class Writing {
        final CsvBytes csv;
        final PersonModel model = new PersonModel(spec);
        final PersonYear row = new PersonYear();
        final long personStream = SplitMix.key(spec.seed(), PERSON_STREAM);

        Writing(OutputStream out) {
            csv = new CsvBytes(out, BUFFER_BYTES);
            csv.bytes(header);
        }

        long cell(int j, int t) throws IOException {
            Employer employer = layout.employer(j);
            long employerStream = SplitMix.key(personStream, j);
            long from = layout.start(j, t);
            long to = layout.end(j, t);
            int segment = 0;
            for (long person = from; person < to; person++) {
                while (person >= layout.end(j, segment)) {
                    segment++;
                }
                model.generate(employer, SplitMix.key(employerStream, person), spec.firstYear() + segment,
                        layout.joinerWorkingClass(j, segment), spec.firstYear() + t, row);
                writeRow(j, t, person);
                csv.endRow();
            }
            return to - from;
        }

        private void writeRow(int j, int t, long person) {
            for (int c = 0; c < columns.length; c++) {
                if (c > 0) {
                    csv.comma();
                }
                switch (columns[c]) {
                    case EMPLOYER_ID -> csv.bytes(employerIds[j]);
                    case YEAR -> csv.bytes(years[t]);
                    case PERSON_ID -> {
                        csv.bytes(personPrefixes[j]);
                        csv.padded(person + 1, layout.personDigits());
                    }
                    case SECTOR -> csv.bytes(sectors[j]);
                    case REGION -> code(Column.REGION, row.region);
                    case GRADE -> csv.number(row.grade);
                    case PARENTAL_OCCUPATION -> code(Column.PARENTAL_OCCUPATION, row.parentalOccupation);
                    case SCHOOL_TYPE -> code(Column.SCHOOL_TYPE, row.schoolType);
                    case FREE_SCHOOL_MEALS -> code(Column.FREE_SCHOOL_MEALS, row.freeSchoolMeals);
                    case PARENT_DEGREE -> code(Column.PARENT_DEGREE, row.parentDegree);
                    case GENDER -> code(Column.GENDER, row.gender);
                    case ETHNICITY -> code(Column.ETHNICITY, row.ethnicity);
                    case DISABILITY -> code(Column.DISABILITY, row.disability);
                    case AGE_BAND -> code(Column.AGE_BAND, row.ageBand);
                    case ENTRY_ROUTE -> code(Column.ENTRY_ROUTE, row.entryRoute);
                    case HOURLY_PAY -> money(row.payCents);
                    case BONUS -> money(row.bonusCents);
                    case PROMOTED -> csv.number(row.promoted);
                    case MONTHS_IN_GRADE -> csv.number(row.monthsInGrade);
                    case TRAINING -> csv.number(row.training);
                }
            }
        }

        private void code(Column column, int index) {
            if (index >= 0) {
                csv.bytes(column.codes[index]);
            }
        }

        private void money(long pence) {
            if (pence >= 0) {
                csv.pounds(pence);
            }
        }
    }

    /** The contract columns this generator fills, each with its field (and its codes' bytes). */
    private enum Column {
        EMPLOYER_ID(Field.EMPLOYER_ID), YEAR(Field.YEAR), PERSON_ID(Field.PERSON_ID), SECTOR(Field.SECTOR),
        REGION(Field.REGION), GRADE(Field.GRADE), PARENTAL_OCCUPATION(Field.PARENTAL_OCCUPATION),
        SCHOOL_TYPE(Field.SCHOOL_TYPE), FREE_SCHOOL_MEALS(Field.FREE_SCHOOL_MEALS),
        PARENT_DEGREE(Field.PARENT_DEGREE), GENDER(Field.GENDER), ETHNICITY(Field.ETHNICITY),
        DISABILITY(Field.DISABILITY), AGE_BAND(Field.AGE_BAND), ENTRY_ROUTE(Field.ENTRY_ROUTE),
        HOURLY_PAY(Field.HOURLY_PAY), BONUS(Field.BONUS), PROMOTED(Field.PROMOTED),
        MONTHS_IN_GRADE(Field.MONTHS_IN_GRADE), TRAINING(Field.TRAINING);

        final Field field;
        final byte[][] codes;

        Column(Field field) {
            this.field = field;
            this.codes = field.kind() == Field.Kind.CODE
                    ? field.codebook().codes().stream().map(PoolGenerator::ascii).toArray(byte[][]::new)
                    : null;
        }

        static Column of(Field field) {
            for (Column column : values()) {
                if (column.field.equals(field)) {
                    return column;
                }
            }
            throw new IllegalStateException("the generator writes no values for contract column " + field.name());
        }
    }

    /** The bytes of a value that CSV can hold unquoted; anything else is a bug in the generator. */
    private static byte[] ascii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < 0x20 || ch > 0x7e || ch == ',' || ch == '"') {
                throw new IllegalStateException("value needs quoting or is not ASCII: " + value);
            }
        }
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}
