package ladder.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evidence report as a person sees it: the sample pool's report opened in headless Chromium
 * (installed by {@code reports/install-chromium} where missing) without a console error, a failed
 * load or a fetch from outside, every chart drawn, a screenshot taken, and printed to a PDF with a
 * page or more per section. An integration test (failsafe, {@code mvn verify}): it needs Chromium.
 * The screenshot and PDF are left in {@code target/report-it/} to look at.
 */
class ReportInBrowserIT {
    private static final Path OUT = Path.of("target/report-it").toAbsolutePath();

    @BeforeAll
    static void installChromiumAndWriteTheReport() throws IOException, InterruptedException {
        Process install = new ProcessBuilder(Path.of("install-chromium").toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        install.getOutputStream().close();
        String said = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(install.waitFor(15, TimeUnit.MINUTES), "reports/install-chromium did not finish");
        assertEquals(0, install.exitValue(), () -> "reports/install-chromium failed:\n" + said);
        EvidenceReportTest.Run r = EvidenceReportTest.run("report", "--data", EvidenceReportTest.SAMPLE,
                "--out", OUT.resolve("report").toString());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void theReportOpensCleanlyShowsItsChartsAndPrintsToPdf() throws Exception {
        try (Chromium browser = Chromium.start(Files.createTempDirectory("ladder-chromium"))) {
            browser.open(OUT.resolve("report/index.html").toUri().toString());
            assertEquals(List.of(), browser.problems(), "the page is not clean in the browser");
            assertEquals(0, browser.evaluate("[...document.images].filter(i => !i.complete || i.naturalWidth === 0)"
                    + ".length").asInt(), "an image is missing");
            assertTrue(browser.evaluate("document.querySelectorAll('figure svg').length").asInt() >= 12, "charts missing");
            assertEquals(0, browser.evaluate("[...document.querySelectorAll('figure svg')].filter(s =>"
                    + " s.getBoundingClientRect().width < 200 || s.querySelectorAll('text').length < 3).length").asInt(),
                    "a chart is drawn empty or too small");
            assertEquals(EvidenceReport.SECTIONS.size() + 1, browser.evaluate("document.querySelectorAll('section').length")
                    .asInt(), "every section and the methods appendix");
            byte[] png = browser.screenshot();
            assertTrue(png.length > 20_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "no screenshot");
            Chromium.write(OUT.resolve("report.png"), png);
            byte[] pdf = browser.pdf();
            Chromium.write(OUT.resolve("report.pdf"), pdf);
            assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"), "not a PDF");
            int pages = Chromium.pages(pdf);
            assertTrue(pages >= 11, "each section starts a page, so at least 11 pages; got " + pages);
        }
    }

    @Test
    void aPageWithAConsoleErrorOrAMissingImageIsCaught() throws Exception {
        Path broken = OUT.resolve("broken.html");
        Files.writeString(broken, "<!DOCTYPE html><html><body><img src=\"absent.png\" alt=\"x\">"
                + "<script>console.error('this page fails on purpose')</script></body></html>");
        try (Chromium browser = Chromium.start(Files.createTempDirectory("ladder-chromium"))) {
            browser.open(broken.toUri().toString());
            List<String> problems = browser.problems();
            assertTrue(problems.stream().anyMatch(p -> p.contains("this page fails on purpose")), problems.toString());
            assertEquals(1, browser.evaluate("[...document.images].filter(i => !i.complete || i.naturalWidth === 0)"
                    + ".length").asInt(), "the missing image is not seen");
            assertFalse(problems.stream().noneMatch(p -> p.contains("absent.png") || p.contains("load failed")),
                    "the failed load is not reported: " + problems);
        }
    }
}
