package ladder;

import java.util.List;
import ladder.engine.LadderException;
import ladder.engine.Threads;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.engine.filter.Filter;
import ladder.engine.filter.FilterParser;
import ladder.engine.contract.Schema;
import ladder.engine.io.LoadReport;
import ladder.engine.snapshot.SnapshotReader;
import ladder.engine.snapshot.SnapshotSource;
import ladder.engine.table.Table;
import ladder.models.describe.Description;
import ladder.models.result.Result;
import ladder.reports.LoadSummary;

/**
 * A pool to ask questions of: loaded rows or a snapshot's, optionally narrowed by a filter, or
 * merged cube files. Immutable: {@link #where} answers a new view; the analyses answer result
 * values that render as tables and charts. Every analysis reads its cube through {@link #cubes},
 * so it runs alike on rows and on cubes. A snapshot's columns are read as the questions need
 * them, each once ({@link SnapshotSource.Reading#KEEP}), and every column when rows are asked for.
 */
public final class Pool {
    private final Table table;
    private final SnapshotReader snapshot;
    private final LoadReport report;
    private final Cube merged;
    private final String where;
    /** The rows passing {@link #where}: the loaded table's or the snapshot's; null for merged cubes. */
    private final CubeSource rows;

    private Pool(Table table, SnapshotReader snapshot, LoadReport report, Cube merged, String where) {
        this.table = table;
        this.snapshot = snapshot;
        this.report = report;
        this.merged = merged;
        this.where = where;
        this.rows = merged == null ? rows(where) : null;
    }

    static Pool of(Table table, LoadReport report) {
        return new Pool(table, null, report, null, "");
    }

    /** The rows of a snapshot, read column by column as the questions need them; the account is the import's. */
    static Pool of(SnapshotReader snapshot) {
        return new Pool(null, snapshot, snapshot.report(), null, "");
    }

    static Pool of(Cube merged) {
        return new Pool(null, null, null, merged, "");
    }

    /**
     * The rows, for analyses that read columns (of a snapshot, every column, read on first use); a
     * {@link LadderException} for a pool of cube files.
     */
    public Table table() {
        if (merged != null) {
            throw new LadderException("this pool is merged cube files, which hold no rows; load the rows for this");
        }
        return rows.rows().orElseThrow().table();
    }

    /** What loading read, accepted and rejected, and why. */
    public Result validation() {
        return report != null ? new LoadSummary(report) : new ladder.reports.CubesSummary(List.of(), merged);
    }

    /** The pool narrowed to rows passing {@code filter} (and any filter already applied), e.g. {@code "grade >= 4"}. */
    public Pool where(String filter) {
        if (merged != null) {
            throw new LadderException("a filter applies to rows; cubes are filtered when they are built (ladder cube --where)");
        }
        rows(filter);
        return new Pool(table, snapshot, report, null, where.isBlank() ? filter : "(" + where + ") and (" + filter + ")");
    }

    /** Where the analyses get their cubes: the kernel over the rows passing the filter, or the merged cube files. */
    public CubeSource cubes() {
        return rows != null ? rows : CubeSource.of(merged);
    }

    /** The rows passing {@code filter}, which is compiled now (a {@link LadderException} if it is wrong). */
    private CubeSource rows(String filter) {
        return table != null ? CubeSource.of(table, FilterParser.parse(filter, table), Threads.all())
                : new SnapshotSource(snapshot, filter, Threads.all(), SnapshotSource.Reading.KEEP);
    }

    public Description describe() {
        return Description.of(cubes());
    }

    /** The class composition of the whole pool; {@link CompositionQuery#by} breaks it down. */
    public CompositionQuery composition() {
        return new CompositionQuery(this, List.of(), 0.95, false);
    }

    /** The odds of an outcome by background; see {@link OddsQuery}. Default: promotion by SEB against professional. */
    public OddsQuery odds() {
        return OddsQuery.of(this);
    }

    /** Time to promotion by background; see {@link SurvivalQuery}. Default: months_in_grade and promoted by SEB. */
    public SurvivalQuery survival() {
        return new SurvivalQuery(this, ladder.models.survival.TimeToPromotion.Question.defaults(), false);
    }

    /** A share over periods; see {@link TrendQuery}. Default: working class among classifiable SEB, by year. */
    public TrendQuery trend() {
        return TrendQuery.of(this);
    }

    /** The class ceiling: SEB by grade and the odds of reaching each grade; see {@link CeilingQuery}. */
    public CeilingQuery ceiling() {
        return CeilingQuery.of(this);
    }

    /** A rate across intersecting groups; see {@link IntersectQuery}. Default: promotion by seb x gender. */
    public IntersectQuery intersect() {
        return IntersectQuery.of(this);
    }

    /** The class pay gap by background; see {@link PayQuery}. Default: against professional, for the whole pool. */
    public PayQuery pay() {
        return PayQuery.of(this);
    }

    /** Intersectional MAIHDA of an outcome; see {@link MaihdaQuery}. Default: promotion over seb x gender x ethnicity. */
    public MaihdaQuery maihda() {
        return MaihdaQuery.of(this);
    }

    /** The recruitment funnel of a pool of applications ({@link Ladder#applicants}); see {@link FunnelQuery}. */
    public FunnelQuery funnel() {
        return new FunnelQuery(requireApplications("the funnel"), ladder.models.funnel.RecruitmentFunnel.Question.defaults(),
                false);
    }

    /** This pool, when it holds applications (or cubes); {@code user} (e.g. "the funnel") is refused a pool of employees. */
    Pool requireApplications(String user) {
        Schema schema = table != null ? table.schema() : snapshot != null ? snapshot.schema() : null;
        if (schema != null && schema != Schema.APPLICANTS) {
            throw new LadderException(user + " reads applications, and this pool holds employees; load the"
                    + " applicants files with Ladder.applicants(...)");
        }
        return this;
    }

    /** Where employer {@code id} stands beside the coalition, its sector and the nation; see {@link EmployerQuery}. */
    public EmployerQuery employer(String id) {
        return new EmployerQuery(this, id, 0.95, false);
    }

    /** The SMC scorecard of every employer; see {@link ScorecardQuery}. */
    public ScorecardQuery scorecard() {
        return ScorecardQuery.of(this);
    }

    /** The steering group's evidence report of this pool; see {@link ReportQuery}. */
    public ReportQuery report() {
        return new ReportQuery(this);
    }

    /** What a report of this pool is made from, with the command line that reproduces it. */
    ladder.reports.report.ReportInputs reportInputs(String title) {
        if (merged != null) {
            return ladder.reports.report.ReportInputs.ofCubes(cubes(), List.of(), merged,
                    "ladder report --cubes CUBE_FILES --title " + ladder.reports.report.ReportInputs.shellWord(title) + " --out OUT",
                    title);
        }
        return ladder.reports.report.ReportInputs.ofRows(cubes(), report,
                ReportQuery.command(report.files(), where, title), title);
    }

    /** Entry routes: SEB composition by route and progression by route and SEB; see {@link RoutesQuery}. */
    public RoutesQuery routes() {
        return new RoutesQuery(this, ladder.models.progression.EntryRoutes.Question.defaults(), false);
    }

    /** Training take-up by SEB: crude, within employers, adjusted and by grade; see {@link TrainingQuery}. */
    public TrainingQuery training() {
        return new TrainingQuery(this, ladder.models.progression.TrainingTakeUp.Question.defaults(), false);
    }

    /** Promotion within two years after training, people followed across years; see {@link AfterTrainingQuery}. */
    public AfterTrainingQuery afterTraining() {
        return new AfterTrainingQuery(this, ladder.models.progression.ProgressionAfter.Question.defaults(), false);
    }

    /** The filter compiled against {@link #table()}, for analyses of rows. */
    Filter filter() {
        return rows.rows().orElseThrow().filter();
    }

    @Override
    public String toString() {
        return merged == null ? "Pool of " + (table != null ? table.rows() : snapshot.rows()) + " rows"
                + (where.isBlank() ? "" : " where " + where) : "Pool of merged cubes: " + merged;
    }
}
