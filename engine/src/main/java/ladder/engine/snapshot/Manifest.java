package ladder.engine.snapshot;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.engine.LadderException;
import ladder.engine.io.LoadReport;
import ladder.engine.io.Rejection;

/**
 * A snapshot's table of contents ({@value Snapshot#MANIFEST}): what it holds, the account of the
 * load that made it, and the checksums its column files are checked against.
 *
 * <p>Text, one entry a line: a key, then its fields, each URL-encoded, separated by tabs. The
 * last line is {@code manifest_sha256} and the SHA-256 of every byte before it, so a manifest
 * that was edited or cut short is refused.
 *
 * @param table the contract table ({@code employees} or {@code applicants})
 * @param rows the rows of the table
 * @param columns the column files, in the table's column order
 * @param inputs the files imported, with the SHA-256 of their bytes
 * @param report the account of the import's load (read, accepted, rejected and why)
 */
record Manifest(String table, long rows, List<ColumnEntry> columns, List<Input> inputs, LoadReport report) {

    static final String FORMAT = "ladder-snapshot";
    static final String FORMAT_VERSION = "1";
    /** The version of the data contract whose codes the columns hold. */
    static final String CONTRACT_VERSION = "1";
    private static final String CHECKSUM_KEY = "manifest_sha256";

    /** A file imported: its name as given and the SHA-256 of its bytes. */
    record Input(String file, String sha256) {
    }

    /**
     * One column's file: how its values are stored ({@link ColumnFile.Storage}), the range of codes
     * present (-1 for none), its size in bytes and the CRC-32C of its content.
     */
    record ColumnEntry(String name, ColumnFile.Storage storage, int minCode, int maxCode, String file, long bytes,
            long crc32c) {
    }

    /** The manifest as text. */
    String text() {
        StringBuilder s = new StringBuilder();
        line(s, "format", FORMAT);
        line(s, "format_version", FORMAT_VERSION);
        line(s, "contract_version", CONTRACT_VERSION);
        line(s, "table", table);
        line(s, "rows", Long.toString(rows));
        for (ColumnEntry c : columns) {
            line(s, "column", c.name(), c.storage().name(), Integer.toString(c.minCode()), Integer.toString(c.maxCode()),
                    c.file(), Long.toString(c.bytes()), Long.toHexString(c.crc32c()));
        }
        for (Input in : inputs) {
            line(s, "input", in.file(), in.sha256());
        }
        for (String f : report.files()) {
            line(s, "file", f);
        }
        line(s, "read", Long.toString(report.read()));
        line(s, "accepted", Long.toString(report.accepted()));
        line(s, "rejected", Long.toString(report.rejected()));
        report.rejectedByRule().forEach((rule, n) -> line(s, "rejected_by_rule", rule, Long.toString(n)));
        for (Rejection r : report.firstRejections()) {
            String[] fields = {r.file(), Long.toString(r.line()), r.column(), r.value(), r.rule(), r.raw()};
            line(s, "rejection", r.raw() == null ? Arrays.copyOf(fields, 5) : fields);
        }
        for (String w : report.warnings()) {
            line(s, "warning", w);
        }
        if (report.rejectsFile() != null) {
            line(s, "rejects_file", report.rejectsFile().toString());
        }
        line(s, CHECKSUM_KEY, sha256(s.toString()));
        return s.toString();
    }

    private static void line(StringBuilder s, String key, String... fields) {
        s.append(key);
        for (String f : fields) {
            s.append('\t').append(URLEncoder.encode(f, StandardCharsets.UTF_8));
        }
        s.append('\n');
    }

    /**
     * Parses a manifest's text; {@code where} names it in the one-line refusal of a manifest that
     * is cut short, edited, of another format or contract version, or inconsistent.
     */
    static Manifest parse(String text, String where) {
        int last = text.lastIndexOf(CHECKSUM_KEY + "\t");
        if (last < 0 || (last > 0 && text.charAt(last - 1) != '\n')) {
            throw refused(where, "it has no checksum line (cut short?)");
        }
        String sum = text.substring(last + CHECKSUM_KEY.length() + 1).strip();
        if (!sum.equals(sha256(text.substring(0, last)))) {
            throw refused(where, "its content does not match its checksum (edited or corrupted)");
        }
        Map<String, List<String[]>> entries = new LinkedHashMap<>();
        for (String line : text.substring(0, last).split("\n")) {
            String[] parts = line.split("\t", -1);
            String[] fields = Arrays.copyOfRange(parts, 1, parts.length);
            for (int i = 0; i < fields.length; i++) {
                fields[i] = URLDecoder.decode(fields[i], StandardCharsets.UTF_8);
            }
            entries.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(fields);
        }
        try {
            if (!FORMAT.equals(one(entries, "format"))) {
                throw refused(where, "not a Ladder snapshot manifest");
            }
            if (!FORMAT_VERSION.equals(one(entries, "format_version"))) {
                throw refused(where, "snapshot format version " + one(entries, "format_version")
                        + ", but this Ladder reads version " + FORMAT_VERSION + "; import the data again");
            }
            if (!CONTRACT_VERSION.equals(one(entries, "contract_version"))) {
                throw refused(where, "made under data contract version " + one(entries, "contract_version")
                        + ", but this Ladder uses version " + CONTRACT_VERSION + "; import the data again");
            }
            List<ColumnEntry> columns = new ArrayList<>();
            for (String[] f : all(entries, "column")) {
                columns.add(new ColumnEntry(f[0], ColumnFile.Storage.valueOf(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]), f[4], Long.parseLong(f[5]), Long.parseUnsignedLong(f[6], 16)));
            }
            List<Input> inputs = all(entries, "input").stream().map(f -> new Input(f[0], f[1])).toList();
            Map<String, Long> byRule = new LinkedHashMap<>();
            all(entries, "rejected_by_rule").forEach(f -> byRule.put(f[0], Long.parseLong(f[1])));
            List<Rejection> first = all(entries, "rejection").stream()
                    .map(f -> new Rejection(f[0], Long.parseLong(f[1]), f[2], f[3], f[4], f.length > 5 ? f[5] : null))
                    .toList();
            String rejects = entries.containsKey("rejects_file") ? one(entries, "rejects_file") : null;
            LoadReport report = new LoadReport(all(entries, "file").stream().map(f -> f[0]).toList(),
                    Long.parseLong(one(entries, "read")), Long.parseLong(one(entries, "accepted")),
                    Long.parseLong(one(entries, "rejected")), byRule, first,
                    all(entries, "warning").stream().map(f -> f[0]).toList(), rejects == null ? null : Path.of(rejects));
            return new Manifest(one(entries, "table"), Long.parseLong(one(entries, "rows")), columns, inputs, report);
        } catch (IllegalArgumentException | IndexOutOfBoundsException | IllegalStateException e) {
            throw refused(where, "its entries are malformed or inconsistent (" + e.getMessage() + ")");
        }
    }

    private static String one(Map<String, List<String[]>> entries, String key) {
        List<String[]> found = entries.get(key);
        if (found == null || found.size() != 1 || found.get(0).length != 1) {
            throw new IllegalArgumentException("expected one " + key + " entry");
        }
        return found.get(0)[0];
    }

    private static List<String[]> all(Map<String, List<String[]>> entries, String key) {
        return entries.getOrDefault(key, List.of());
    }

    static LadderException refused(String where, String why) {
        return new LadderException(where + ": not a readable Ladder snapshot: " + why);
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
