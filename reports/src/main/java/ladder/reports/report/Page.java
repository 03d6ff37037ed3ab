package ladder.reports.report;

import java.util.List;
import ladder.reports.render.Html;

/**
 * The report as one self-contained HTML page: its styles inline, charts inline as SVG, no scripts,
 * fonts or anything else fetched; print styles that start each section on a new page and keep
 * figures and table rows whole.
 */
final class Page {
    private static final String STYLE = """
            body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 14px; color: #111; margin: 2em auto;
                   max-width: 1100px; padding: 0 1em; line-height: 1.4; }
            h1 { font-size: 26px; margin-bottom: 0.2em; }
            h2 { font-size: 21px; border-bottom: 2px solid #333; padding-bottom: 4px; margin-top: 2em; }
            h3 { font-size: 16px; margin-top: 1.5em; }
            table { border-collapse: collapse; margin: 0.5em 0 0.2em; font-size: 12px; }
            caption { text-align: left; font-weight: bold; padding: 4px 0; }
            th, td { border: 1px solid #999; padding: 2px 6px; }
            th { background: #eee; }
            div.table { overflow-x: auto; }
            p.csv { font-size: 11px; color: #444; margin-top: 0; }
            figure { margin: 1em 0; }
            figure svg { max-width: 100%; height: auto; display: block; }
            ul.words li { margin-bottom: 0.3em; }
            pre.command { white-space: pre-wrap; word-break: break-all; background: #f4f4f4; padding: 0.6em; }
            nav ol { columns: 2; }
            @media print {
              body { max-width: none; margin: 0; font-size: 10pt; }
              section { break-before: page; page-break-before: always; }
              figure, tr, caption { break-inside: avoid; page-break-inside: avoid; }
              h2, h3 { break-after: avoid; page-break-after: avoid; }
              div.table { overflow: visible; }
              p.csv { display: none; }
              a { color: inherit; text-decoration: none; }
            }
            @page { size: A4; margin: 15mm; }
            """;

    private Page() {
    }

    static String html(String title, String subtitle, List<Part> parts) {
        StringBuilder s = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
        s.append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n");
        s.append("</head>\n<body>\n<header>\n<h1>").append(Html.escape(title)).append("</h1>\n<p>")
                .append(Html.escape(subtitle)).append("</p>\n");
        s.append("<p>NA in a table: a value withheld by disclosure control or one that does not exist; each section"
                + " says which.</p>\n<nav><h2>Contents</h2><ol>\n");
        for (Part p : parts) {
            s.append("<li><a href=\"#").append(p.id()).append("\">").append(Html.escape(p.title())).append("</a></li>\n");
        }
        s.append("</ol></nav>\n</header>\n");
        for (Part p : parts) {
            s.append("<section id=\"").append(p.id()).append("\">\n<h2>").append(Html.escape(p.title())).append("</h2>\n")
                    .append(p.html()).append("</section>\n");
        }
        return s.append("</body>\n</html>\n").toString();
    }
}
