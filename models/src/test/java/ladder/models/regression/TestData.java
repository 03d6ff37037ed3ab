package ladder.models.regression;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data sets logistic_reference.R generated, read into {@link BinomialData} with R's level orders. */
final class TestData {

    static final List<String> SEB = List.of("professional", "intermediate", "working_class");
    static final List<String> GENDER = List.of("man", "woman");
    static final List<String> ETHNICITY = List.of("white", "asian", "black", "mixed_other");
    static final List<String> WC = List.of("other", "working_class");

    private TestData() {
    }

    /** A CSV with a header, as columns of strings. */
    static Map<String, List<String>> read(String name) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                TestData.class.getResourceAsStream("/ladder/models/regression/" + name), StandardCharsets.UTF_8))) {
            String[] header = r.readLine().split(",");
            for (String h : header) {
                columns.put(h, new ArrayList<>());
            }
            String line;
            while ((line = r.readLine()) != null) {
                String[] v = line.split(",", -1);
                for (int c = 0; c < header.length; c++) {
                    columns.get(header[c]).add(v[c]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return columns;
    }

    static double[] numbers(List<String> values) {
        return values.stream().mapToDouble(Double::parseDouble).toArray();
    }

    static String[] labels(List<String> values) {
        return values.toArray(String[]::new);
    }

    /** logistic_rows.csv: 3,000 people, one row each. */
    static BinomialData rows() {
        Map<String, List<String>> c = read("logistic_rows.csv");
        return BinomialData.builder(numbers(c.get("promoted")))
                .categorical("seb", labels(c.get("seb")), SEB)
                .categorical("gender", labels(c.get("gender")), GENDER)
                .categorical("ethnicity", labels(c.get("ethnicity")), ETHNICITY)
                .numeric("year", numbers(c.get("year")))
                .numeric("months_in_grade", numbers(c.get("months_in_grade")))
                .categorical("wc", labels(c.get("wc")), WC)
                .clusters(labels(c.get("employer_id")))
                .build();
    }

    /** logistic_cells.csv: cells (employer x seb x gender) of 40,000 people in 1,000 employers. */
    static BinomialData cells() {
        Map<String, List<String>> c = read("logistic_cells.csv");
        return BinomialData.builder(numbers(c.get("y")))
                .trials(numbers(c.get("n")))
                .categorical("seb", labels(c.get("seb")), SEB)
                .categorical("gender", labels(c.get("gender")), GENDER)
                .clusters(labels(c.get("employer_id")))
                .build();
    }
}
