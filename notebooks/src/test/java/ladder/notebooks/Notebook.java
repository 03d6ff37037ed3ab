package ladder.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A notebook file as the tests read it: its JSON document, cells and outputs. */
record Notebook(Path path, JsonNode document) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Notebook read(Path path) {
        try {
            return new Notebook(path, JSON.readTree(path.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read notebook " + path, e);
        }
    }

    /** The notebooks researchers start from: every {@code *.ipynb} directly in {@code folder}, by name. */
    static List<Path> committed(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return path.getFileName().toString();
    }

    List<JsonNode> codeCells() {
        List<JsonNode> cells = new ArrayList<>();
        document.get("cells").forEach(c -> {
            if (c.get("cell_type").asText().equals("code")) {
                cells.add(c);
            }
        });
        return cells;
    }

    /** Every output of every code cell, in order. */
    List<JsonNode> outputs() {
        List<JsonNode> outputs = new ArrayList<>();
        codeCells().forEach(c -> c.get("outputs").forEach(outputs::add));
        return outputs;
    }

    /** The source of a cell as one string. */
    static String source(JsonNode cell) {
        return text(cell.get("source"));
    }

    /** A MIME type's content in an output's data as one string; null if absent. */
    static String data(JsonNode output, String mime) {
        JsonNode value = output.path("data").get(mime);
        return value == null ? null : text(value);
    }

    /** A text as nbformat stores it, a string or a list of lines, as one string. */
    private static String text(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        StringBuilder text = new StringBuilder();
        value.forEach(line -> text.append(line.asText()));
        return text.toString();
    }
}
