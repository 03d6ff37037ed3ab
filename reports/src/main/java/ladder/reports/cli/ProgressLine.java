package ladder.reports.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import ladder.engine.io.Progress;

/**
 * Shows a {@link Progress} on standard error while the work runs: bytes read (of the total), rows
 * read, the rate and, once a tenth is done, the time left; then one line of account at the end.
 * On a terminal the line is rewritten in place ({@code \r}); elsewhere (with {@code --progress})
 * each update is a line of its own. A timer thread samples the progress, so the loader only keeps
 * its counts; nothing is written to standard output.
 */
final class ProgressLine implements AutoCloseable {
    /** Work shorter than this shows no progress on a terminal. */
    static final long QUIET_MILLIS = 2000;
    private static final long TERMINAL_EVERY_MILLIS = 500;
    private static final long LINES_EVERY_MILLIS = 1000;

    private final Progress progress = new Progress();
    private final PrintWriter err;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService timer;
    private boolean shown;
    private boolean closed;
    private int width;

    private ProgressLine(PrintWriter err, boolean terminal, long afterMillis) {
        this.err = err;
        this.terminal = terminal;
        if (err == null) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ladder-progress");
            t.setDaemon(true);
            return t;
        });
        if (afterMillis == 0) {
            show();
        }
        timer.scheduleAtFixedRate(this::show, afterMillis == 0 ? LINES_EVERY_MILLIS : afterMillis, terminal ? TERMINAL_EVERY_MILLIS : LINES_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** No progress shown: the loader's counts go nowhere. */
    static ProgressLine off() {
        return new ProgressLine(null, false, 0);
    }

    static ProgressLine start(PrintWriter err, boolean terminal, long afterMillis) {
        return new ProgressLine(err, terminal, afterMillis);
    }

    /** What the loader reports to. */
    Progress progress() {
        return progress;
    }

    /** The work has moved on to {@code phase}, e.g. "analysing". */
    void phase(String phase) {
        progress.phase(phase);
    }

    private synchronized void show() {
        if (closed) {
            return;
        }
        String line = line();
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            width = line.length();
        } else {
            err.println(line);
        }
        err.flush();
        shown = true;
    }

    /** The progress as one line, e.g. {@code "reading: 1.2 GB of 12.6 GB (9%), 9,512,000 rows, 310 MB/s, about 37 s left"}. */
    String line() {
        double seconds = seconds();
        long bytes = progress.bytes();
        long total = progress.totalBytes();
        StringBuilder s = new StringBuilder(progress.phase()).append(": ");
        if (!progress.phase().equals("reading")) {
            return s.append(String.format(Locale.ROOT, "%.0f s", seconds)).toString();
        }
        s.append(size(bytes));
        if (total > 0) {
            s.append(" of ").append(size(total)).append(String.format(Locale.ROOT, " (%d%%)", 100 * bytes / total));
        }
        if (progress.rows() > 0) {
            s.append(String.format(Locale.ROOT, ", %,d rows", progress.rows()));
        }
        if (seconds > 0 && bytes > 0) {
            s.append(", ").append(size((long) (bytes / seconds))).append("/s");
            if (total > 0 && bytes * 10 >= total && bytes < total) {
                double left = seconds * (total - bytes) / bytes;
                s.append(left < 1 ? ", under a second left" : String.format(Locale.ROOT, ", about %.0f s left", left));
            }
        }
        return s.toString();
    }

    /**
     * Stops the updates and, if any was shown, ends with one line of account: the time taken, what
     * was read and how fast.
     */
    @Override
    public synchronized void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        closed = true;
        if (!shown) {
            return;
        }
        double seconds = seconds();
        String done = String.format(Locale.ROOT, "Done in %.1f s: read %s", seconds, size(progress.bytes()))
                + (progress.rows() > 0 ? String.format(Locale.ROOT, ", %,d rows", progress.rows()) : "")
                + (seconds > 0 ? ", " + size((long) (progress.bytes() / seconds)) + "/s" : "");
        err.println((terminal ? "\r" : "") + done + (terminal ? " ".repeat(Math.max(0, width - done.length())) : ""));
        err.flush();
        shown = false;
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** A size in bytes for people: B, kB, MB, GB (powers of 1000, as disks are sold). */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }
}
