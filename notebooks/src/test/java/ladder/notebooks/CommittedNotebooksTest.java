package ladder.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every committed notebook must be, checked without running it: saved without outputs (so that
 * diffs show only what people wrote), on the Ladder kernel, and opening on the bundled sample pool.
 * {@link NotebooksIT} runs them.
 */
class CommittedNotebooksTest {
    private final List<Notebook> notebooks =
            Notebook.committed(Shell.here().notebooks()).stream().map(Notebook::read).toList();

    @Test
    void theGettingStartedNotebookIsThere() {
        assertTrue(notebooks.stream().anyMatch(n -> n.name().equals("01-getting-started.ipynb")),
                "notebooks/01-getting-started.ipynb is missing");
    }

    @Test
    void areCommittedWithoutOutputs() {
        for (Notebook n : notebooks) {
            for (JsonNode cell : n.codeCells()) {
                assertTrue(cell.get("outputs").isEmpty() && cell.get("execution_count").isNull(),
                        n.name() + " was saved with outputs (clear them before committing), in the cell:\n"
                                + Notebook.source(cell));
            }
        }
    }

    @Test
    void runOnTheLadderKernel() {
        for (Notebook n : notebooks) {
            assertEquals("ladder", n.document().path("metadata").path("kernelspec").path("name").asText(),
                    n.name() + " must use the kernelspec \"ladder\" that notebooks/install registers");
        }
    }

    @Test
    void openOnTheBundledSample() {
        for (Notebook n : notebooks) {
            assertFalse(n.codeCells().isEmpty(), n.name() + " has no code");
            assertTrue(n.codeCells().stream().map(Notebook::source)
                            .anyMatch(s -> s.contains("Ladder.load(\"../datasets/sample\")")
                                    || s.contains("Ladder.applicants(\"../datasets/sample-applicants\")")),
                    n.name() + " must load the bundled sample pool, Ladder.load(\"../datasets/sample\")"
                            + " (or its applicants, Ladder.applicants(\"../datasets/sample-applicants\"))");
        }
    }

    @Test
    void explainThemselves() {
        for (Notebook n : notebooks) {
            JsonNode first = n.document().get("cells").get(0);
            assertTrue(first.get("cell_type").asText().equals("markdown") && Notebook.source(first).startsWith("# "),
                    n.name() + " must open with a markdown cell whose title says what it shows");
        }
    }

    @Test
    void theBrokenNotebookIsNotAmongThem() {
        assertTrue(notebooks.stream().noneMatch(n -> n.name().equals("broken.ipynb")));
        assertTrue(Path.of("src/test/resources/broken.ipynb").toFile().isFile());
    }
}
