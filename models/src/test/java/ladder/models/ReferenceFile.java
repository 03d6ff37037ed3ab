package ladder.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reader every reference-value file of the test suite shares: a CSV made by a committed R or
 * Python script, header {@code call,quantity,value} after any {@code #} comment lines (which name
 * the script and the software versions), one row per (call, quantity): the call quoted (it holds
 * commas, and may hold quotes), the quantity without a quote, the value without a comma.
 */
public final class ReferenceFile {
    private ReferenceFile() {
    }

    /** Every call of the classpath resource {@code resource}, in file order, to its quantities and values as text. */
    public static Map<String, Map<String, String>> load(String resource) {
        Map<String, Map<String, String>> calls = new LinkedHashMap<>();
        try (InputStream in = ReferenceFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = false;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    if (!line.equals("call,quantity,value")) {
                        throw new IllegalStateException("unexpected header in " + resource + ": " + line);
                    }
                    header = true;
                    continue;
                }
                int valueComma = line.lastIndexOf(',');
                int callEnd = line.lastIndexOf("\",", valueComma);
                if (line.charAt(0) != '"' || callEnd < 1) {
                    throw new IllegalStateException("malformed reference row in " + resource + ": " + line);
                }
                calls.computeIfAbsent(line.substring(1, callEnd), c -> new LinkedHashMap<>())
                        .put(line.substring(callEnd + 2, valueComma), line.substring(valueComma + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        calls.replaceAll((call, quantities) -> Collections.unmodifiableMap(quantities));
        return Collections.unmodifiableMap(calls);
    }
}
