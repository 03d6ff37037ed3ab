package ladder.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every committed notebook headlessly with {@code notebooks/run-all} (jupyter nbconvert
 * --execute on the "ladder" kernel) and fails on any cell error. An integration test: it runs after
 * the package phase, when the kernel's jar and Ladder's jar exist.
 */
class NotebooksIT {
    /** A Jupyter data dir of the build's own, so that the tests leave the user's kernelspecs alone. */
    private static final Shell SHELL = Shell.here()
            .with("JUPYTER_DATA_DIR", Shell.here().notebooks().resolve("target/jupyter").toString());
    private static final Path EXECUTED = SHELL.notebooks().resolve("target/executed");
    private static final Path RESOURCES = Path.of("src/test/resources").toAbsolutePath();

    @BeforeAll
    static void install() {
        Shell.Run run = SHELL.run(15, "notebooks/install");
        assertEquals(0, run.exitCode(), () -> "notebooks/install failed:\n" + run.output());
    }

    private static Shell.Run execute(Path notebook) {
        return SHELL.run(5, "notebooks/run-all", "--output-dir", EXECUTED.toString(), notebook.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyCommittedNotebookRunsWithoutError() {
        return Notebook.committed(SHELL.notebooks()).stream().map(path -> dynamicTest(path.getFileName().toString(), () -> {
            Shell.Run run = execute(path);
            assertEquals(0, run.exitCode(), () -> "a cell of " + path.getFileName() + " failed:\n" + run.output());
            Notebook executed = Notebook.read(EXECUTED.resolve(path.getFileName()));
            assertTrue(executed.outputs().stream().map(o -> Notebook.data(o, "text/html"))
                            .anyMatch(html -> html != null && html.contains("class=\"ladder-result\"")),
                    path.getFileName() + " shows no Ladder result as an HTML table");
        }));
    }

    @Test
    void resultsShowAsHtmlTablesAndACompositionByOneDimensionAlsoAsAChart() {
        Shell.Run run = execute(RESOURCES.resolve("display.ipynb"));
        assertEquals(0, run.exitCode(), run::output);
        List<JsonNode> results = Notebook.read(EXECUTED.resolve("display.ipynb")).outputs().stream()
                .filter(o -> o.get("output_type").asText().equals("execute_result")).toList();
        assertEquals(2, results.size(), "one result per cell but the first, a declaration");

        JsonNode byYear = results.get(0);
        String html = Notebook.data(byYear, "text/html");
        assertNotNull(html, "no HTML for pool.composition().by(\"year\")");
        assertTrue(html.contains("<h3>Class composition by year</h3>") && html.contains("<table>"), html);
        assertTrue(html.contains("<img src=\"data:image/png;base64,"), "the chart is not in the HTML");
        assertTrue(Notebook.data(byYear, "image/png").startsWith("iVBORw0KGgo"), "image/png is not a PNG");
        assertTrue(Notebook.data(byYear, "text/plain").startsWith("Class composition by year"));

        JsonNode description = results.get(1);
        assertTrue(Notebook.data(description, "text/html").contains("<h3>Pool description</h3>"));
        assertNull(Notebook.data(description, "image/png"), "a description has no chart");
    }

    @Test
    void aCellThatFailsFailsTheCheck() {
        Shell.Run run = execute(RESOURCES.resolve("broken.ipynb"));
        assertNotEquals(0, run.exitCode(), () -> "run-all passed a notebook whose cell throws:\n" + run.output());
        assertTrue(run.output().contains("FAILED  broken.ipynb"), run.output());
        assertTrue(run.output().contains("this cell fails on purpose"), "the error is not reported:\n" + run.output());
    }
}
