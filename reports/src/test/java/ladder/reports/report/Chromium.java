package ladder.reports.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium driven through the DevTools protocol on a WebSocket (Java's HttpClient), as a
 * person's browser: it opens a page, records what the console and the network said, evaluates
 * expressions, takes a screenshot and prints to PDF. Started with the flags that keep it from
 * reaching the network on its own, and a fresh profile.
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    private Chromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Starts Chromium with a fresh profile in {@code profile} and connects to its one page. */
    static Chromium start(Path profile) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1280,1800", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        String browser = null;
        StringBuilder said = new StringBuilder();
        for (String line; browser == null && (line = err.readLine()) != null; ) {
            said.append(line).append('\n');
            Matcher m = Pattern.compile("DevTools listening on (ws://\\S+)").matcher(line);
            if (m.find()) {
                browser = m.group(1);
            }
        }
        if (browser == null) {
            p.destroyForcibly();
            throw new IOException("Chromium did not start its DevTools endpoint:\n" + said);
        }
        // The rest of its log is drained so that a full pipe cannot stall it.
        Thread drain = new Thread(() -> err.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        URI list = URI.create(browser.replaceFirst("^ws://([^/]+)/.*$", "http://$1/json/list"));
        HttpClient http = HttpClient.newHttpClient();
        String page = null;
        for (JsonNode target : JSON.readTree(http.send(HttpRequest.newBuilder(list).build(),
                HttpResponse.BodyHandlers.ofString()).body())) {
            if (target.get("type").asText().equals("page")) {
                page = target.get("webSocketDebuggerUrl").asText();
            }
        }
        if (page == null) {
            p.destroyForcibly();
            throw new IOException("Chromium has no page to drive at " + list);
        }
        Listener listener = new Listener();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(page), listener).join();
        Chromium chromium = new Chromium(p, socket);
        listener.chromium = chromium;
        for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
            chromium.call(domain + ".enable", Map.of());
        }
        return chromium;
    }

    /** Receives the protocol's messages, each possibly in parts. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();
        volatile Chromium chromium;

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String text = message.toString();
                message.setLength(0);
                chromium.receive(text);
            }
            socket.request(1);
            return null;
        }
    }

    private void receive(String text) {
        try {
            JsonNode m = JSON.readTree(text);
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                if (f != null) {
                    f.complete(m);
                }
            } else {
                events.add(m);
                if ("Page.loadEventFired".equals(m.path("method").asText())) {
                    loaded.complete(null);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Calls a protocol method; answers its result, or fails with the error it gave. */
    JsonNode call(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        ObjectNode request = JSON.createObjectNode().put("id", id).put("method", method);
        request.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(request.toString(), true).join();
        JsonNode m;
        try {
            m = answer.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(method + " gave no answer", e);
        }
        if (m.has("error")) {
            throw new AssertionError(method + " failed: " + m.get("error"));
        }
        return m.get("result");
    }

    /** Opens {@code url} and waits until its load event. */
    void open(String url) {
        loaded = new CompletableFuture<>();
        call("Page.navigate", Map.of("url", url));
        try {
            loaded.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(url + " did not load", e);
        }
    }

    /** The value of a JavaScript expression in the page. */
    JsonNode evaluate(String expression) {
        return call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true)).path("result").path("value");
    }

    /**
     * What went wrong while the page loaded, as a person would see it in the console: errors
     * logged by the page or the browser, uncaught exceptions, failed loads, and any request that
     * is not for a local file or inline data.
     */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        synchronized (events) {
            for (JsonNode e : events) {
                JsonNode p = e.path("params");
                switch (e.path("method").asText()) {
                    case "Runtime.consoleAPICalled" -> {
                        String type = p.path("type").asText();
                        if (type.equals("error") || type.equals("assert") || type.equals("warning")) {
                            out.add("console " + type + ": " + p.path("args"));
                        }
                    }
                    case "Runtime.exceptionThrown" -> out.add("exception: " + p.path("exceptionDetails"));
                    case "Log.entryAdded" -> {
                        if (p.path("entry").path("level").asText().equals("error")) {
                            out.add("log error: " + p.path("entry").path("text").asText() + " "
                                    + p.path("entry").path("url").asText());
                        }
                    }
                    case "Network.loadingFailed" -> out.add("load failed: " + p.path("errorText").asText());
                    case "Network.requestWillBeSent" -> {
                        String url = p.path("request").path("url").asText();
                        if (!url.startsWith("file:") && !url.startsWith("data:") && !url.equals("about:blank")) {
                            out.add("fetched from outside: " + url);
                        }
                    }
                    default -> { }
                }
            }
        }
        return out;
    }

    /** A PNG of the page as shown. */
    byte[] screenshot() {
        return Base64.getDecoder().decode(call("Page.captureScreenshot", Map.of("format", "png")).get("data").asText());
    }

    /** The page printed to PDF (its print styles, A4 as it asks). */
    byte[] pdf() {
        return Base64.getDecoder().decode(call("Page.printToPDF", Map.of("printBackground", true,
                "preferCSSPageSize", true)).get("data").asText());
    }

    /** The number of pages of a PDF: its page objects ({@code /Type /Page}, not the {@code /Pages} tree). */
    static int pages(byte[] pdf) {
        Matcher m = Pattern.compile("/Type\\s*/Page(?![s\\w])").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    @Override
    public void close() throws InterruptedException {
        socket.abort();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
