package ladder.reports.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ladder.engine.LadderException;
import ladder.engine.io.OutputFiles;
import ladder.models.benchmark.EmployerComparison;
import ladder.models.benchmark.Topic;
import ladder.models.result.ResultTable;
import ladder.reports.render.Format;

/**
 * The steering group's evidence report: every section ({@link #SECTIONS}) computed from one set of
 * the pool's cubes, each cube built once ({@link SharedCubes}), and published under one
 * {@link Disclosure} plan; then the methods appendix. Written as {@code DIR/index.html} (one
 * self-contained page) and each table as {@code DIR/tables/SECTION-TABLE.csv}.
 */
public final class EvidenceReport {
    /** A section's anchor, heading and how it is made. */
    record Entry(String id, String title, Section.Factory make) {
    }

    /** The sections in order; a new section is one class and one entry here. */
    static final List<Entry> SECTIONS = List.of(
            new Entry("data", "The data", DataSection::new),
            new Entry("composition", "Class composition", CompositionSection::new),
            new Entry("supplementary", "Supplementary questions", SupplementarySection::new),
            new Entry("ceiling", "The class ceiling", CeilingSection::new),
            new Entry("progression", "Progression", ProgressionSection::new),
            new Entry("intersections", "Intersections", IntersectionSection::new),
            new Entry("pay", "The class pay gap", PaySection::new),
            new Entry("time-to-promotion", "Time to promotion", PromotionTimeSection::new),
            new Entry("getting-in", "Getting in and getting on", GettingInSection::new),
            new Entry("regions", "Regions", RegionsSection::new));

    /** The topic of the employer comparison's figures each section of an employer's pack opens with. */
    static final java.util.Map<String, Topic> TOPICS = java.util.Map.of("composition", Topic.COMPOSITION,
            "supplementary", Topic.SUPPLEMENTARY, "ceiling", Topic.CEILING, "progression", Topic.PROGRESSION,
            "pay", Topic.PAY, "time-to-promotion", Topic.TIME_TO_PROMOTION, "getting-in", Topic.GETTING_IN);

    /** An employer's pack: where it stands ({@code comparison}), then the sections on its own data. */
    static List<Entry> employerSections(Attempt comparison) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(new Entry("standing",
                "Where the employer stands", in -> new EmployerSection(in, comparison))), SECTIONS.stream()
                .map(e -> e.id().equals("getting-in") ? new Entry(e.id(), e.title(),
                        in -> new GettingInSection(in, comparison)) : e)).toList();
    }

    private final ReportInputs inputs;
    private final List<Part> parts;

    private EvidenceReport(ReportInputs inputs, List<Part> parts) {
        this.inputs = inputs;
        this.parts = List.copyOf(parts);
    }

    /**
     * The report on {@code inputs}. A section whose analysis the inputs cannot give (cube files
     * without a dimension it needs, a model that cannot be fitted) says so in one line in its place.
     */
    public static EvidenceReport of(ReportInputs given) {
        SharedCubes cubes = new SharedCubes(given.cubes());
        ReportInputs inputs = new ReportInputs(cubes, given.account(), given.files(), given.command(), given.title(),
                given.employer().isPresent() ? new SharedCubes(given.pool()) : cubes, given.applicants(),
                given.poolApplicants(), given.employer());
        Attempt comparison = given.employer().map(id -> Attempt.of("Where " + id + " stands",
                () -> EmployerComparison.of(inputs.pool(), inputs.poolApplicants(), id, 0.95).publishable()))
                .orElse(null);
        List<Entry> entries = comparison != null ? employerSections(comparison) : SECTIONS;
        List<Section> sections = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (Entry e : entries) {
            Section made = null;
            String why = null;
            try {
                made = e.make().of(inputs);
            } catch (LadderException x) {
                why = x.getMessage();
            }
            sections.add(made);
            unavailable.add(why);
        }
        List<ladder.models.disclosure.CountTable> counts = new ArrayList<>(PlanTables.of(cubes));
        sections.stream().filter(java.util.Objects::nonNull).forEach(s -> counts.addAll(s.counts()));
        // The plan, then the sections under it; a sum they print that the plan leaves to be worked out
        // although under the threshold takes cells of its own in the next plan (Disclosure#hiding).
        Disclosure base = new Disclosure(counts);
        EmployerComparison standing = comparison != null && comparison.result() instanceof EmployerComparison c ? c : null;
        java.util.Map<String, List<List<String>>> kept = new java.util.LinkedHashMap<>();
        Disclosure disclosure;
        List<Part> parts;
        while (true) {
            Linked linked = link(base, kept, standing);
            disclosure = linked.disclosure();
            Attempt shown = standing == null ? comparison : new Attempt(comparison.title(), linked.comparison(), null);
            if (standing != null && sections.get(0) instanceof EmployerSection first) {
                sections.set(0, first.over(shown));
            }
            parts = publish(entries, sections, unavailable, disclosure, shown);
            java.util.Map<String, List<List<String>>> more = disclosure.hiding();
            if (more.isEmpty()) {
                break;
            }
            more.forEach((t, cells) -> kept.computeIfAbsent(t, k -> new ArrayList<>()).addAll(cells));
        }
        parts.add(MethodsAppendix.of(parts, inputs, disclosure));
        return new EvidenceReport(inputs, parts);
    }

    /** The pack's plan and its employer comparison, each withholding what the other does. */
    record Linked(Disclosure disclosure, EmployerComparison comparison) {
    }

    /**
     * The report's plan ({@code base} with the cells {@code given} withheld too) and, in a pack, the comparison
     * under its own plan, each given as withheld the employer's counts the other withholds ({@link LinkedCounts}),
     * in turn until a round adds none to the report's. The report's cells given only grow, so it ends; at the end
     * every count of the employer that both print is withheld by both or by neither. Without a comparison
     * ({@code standing} null), the report's plan alone.
     */
    static Linked link(Disclosure base, java.util.Map<String, List<List<String>>> given, EmployerComparison standing) {
        java.util.Map<String, List<List<String>>> toReport = new java.util.LinkedHashMap<>();
        given.forEach((t, c) -> toReport.put(t, new ArrayList<>(c)));
        Disclosure disclosure = toReport.isEmpty() ? base : base.linked(toReport);
        if (standing == null) {
            return new Linked(disclosure, null);
        }
        LinkedCounts links = LinkedCounts.of(base, standing.plan(), EmployerComparison.EMPLOYER_PART);
        while (true) {
            EmployerComparison linked = standing.linked(links.withheldByReport(disclosure));
            java.util.Map<String, List<List<String>>> more = links.withheldByComparisonOnly(linked.plan(), disclosure);
            if (more.isEmpty()) {
                return new Linked(disclosure, linked);
            }
            more.forEach((t, c) -> toReport.computeIfAbsent(t, k -> new ArrayList<>()).addAll(c));
            disclosure = base.linked(toReport);
        }
    }

    /** Each section under {@code disclosure}, in a pack opening with the comparison's figures of its topic. */
    private static List<Part> publish(List<Entry> entries, List<Section> sections, List<String> unavailable,
            Disclosure disclosure, Attempt shown) {
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            PartWriter out = new PartWriter(entries.get(i).id(), entries.get(i).title());
            Topic topic = TOPICS.get(entries.get(i).id());
            if (shown != null && shown.result() != null) {
                EmployerComparison standing = (EmployerComparison) shown.result();
                out.marks(new CoalitionMarks(standing));
                if (topic != null) {
                    comparisonAtTop(out, standing, topic);
                }
            }
            if (sections.get(i) != null) {
                sections.get(i).publish(disclosure, out);
            } else {
                out.paragraph("Not available from these inputs: " + unavailable.get(i));
            }
            parts.add(out.part());
        }
        return parts;
    }

    /**
     * The section's figures beside the coalition, the rest of the sector and the nation, as the
     * employer comparison publishes them, with their chart; then the employer's own analyses.
     */
    private static void comparisonAtTop(PartWriter out, EmployerComparison standing, Topic topic) {
        ResultTable t = standing.table(topic);
        out.heading(topic.title() + ": " + standing.employer() + " beside the coalition, its sector and the nation")
                .table(new ResultTable("comparison", t.title(), t.columns(), t.rows()));
        standing.chart(topic).ifPresent(out::chart);
    }

    /** The page. */
    public String html() {
        return Page.html(inputs.title(), inputs.employer().map(e -> "Socio-economic background in the data of employer " + e
                + ", beside the coalition, its sector and the nation; made with ladder")
                .orElse("Socio-economic background in the pooled workforce data; made with ladder"), parts);
    }

    /** Every published table, by its CSV file name under {@code tables/}. */
    public java.util.Map<String, ResultTable> tables() {
        java.util.Map<String, ResultTable> out = new java.util.LinkedHashMap<>();
        for (Part p : parts) {
            for (ResultTable t : p.tables()) {
                if (out.put(Part.csvName(p.id(), t), t) != null) {
                    throw new IllegalStateException("two tables of section " + p.id() + " are called " + t.name());
                }
            }
        }
        return out;
    }

    /** The section headings, in order. */
    public List<String> sections() {
        return parts.stream().map(Part::title).toList();
    }

    /**
     * Writes {@code dir/index.html} and {@code dir/tables/*.csv} (each file written whole, then renamed
     * into place); answers the page's path.
     */
    public Path write(Path dir) throws IOException {
        Path tables = dir.resolve("tables");
        Files.createDirectories(tables);
        for (var e : tables().entrySet()) {
            OutputFiles.writeAtomically(tables.resolve(e.getKey()),
                    temp -> Files.writeString(temp, Format.csv(e.getValue()), StandardCharsets.UTF_8));
        }
        Path index = dir.resolve("index.html");
        OutputFiles.writeAtomically(index, temp -> Files.writeString(temp, html(), StandardCharsets.UTF_8));
        return index;
    }
}
