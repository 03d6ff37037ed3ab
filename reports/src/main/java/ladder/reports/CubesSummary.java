package ladder.reports;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.engine.cube.Cube;
import ladder.engine.cube.Dimension;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;

/** The account of merged cube files: what they hold, what the rows behind them were, and their input files. */
public record CubesSummary(List<Path> files, Cube merged) implements Result {

    @Override
    public String title() {
        return "Merged cubes of " + files.size() + (files.size() == 1 ? " file" : " files");
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("cube_files", files.stream().map(Path::toString).toList());
        inputs.put("dimensions", String.join(", ", merged.dimensions().stream().map(Dimension::name).toList()));
        inputs.put("measures", String.join(", ", merged.measures().stream().map(Cube.Measure::name).toList()));
        inputs.put("filter", merged.filter().isEmpty() ? "none" : merged.filter());
        inputs.put("read", merged.provenance().read());
        inputs.put("accepted", merged.provenance().accepted());
        inputs.put("rejected", merged.provenance().rejected());
        inputs.put("rows_in_cells", merged.total());
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        ResultTable.Builder sources = ResultTable.builder("sources", "Input files behind the cubes")
                .column("file", Kind.LABEL, "an employee file a cube was built from")
                .column("sha256", Kind.LABEL, "SHA-256 of the file's bytes");
        merged.provenance().sources().forEach(s -> sources.row(s.file(), s.sha256()));
        return List.of(sources.build());
    }

    /** One line for people, as the load's account is. */
    public String line() {
        return String.format("Merged %d cube file(s): %,d rows in cells, built from %,d rows read (%,d accepted, %,d rejected)",
                files.size(), merged.total(), merged.provenance().read(), merged.provenance().accepted(),
                merged.provenance().rejected());
    }
}
