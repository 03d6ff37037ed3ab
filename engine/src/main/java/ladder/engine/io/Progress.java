package ladder.engine.io;

/**
 * How far a load has got, for a front end to show: the rows read, the bytes read (of the total,
 * where known) and the phase of the work. The loader updates it once per block or file, never per
 * row, from the one thread that merges blocks; any thread may read it. It prints nothing: only
 * {@code reports} prints.
 */
public final class Progress {
    /** A progress nobody watches. */
    public static final Progress NONE = new Progress();

    private volatile String phase = "reading";
    private volatile long totalBytes = -1;
    private volatile long rows;
    private final java.util.concurrent.atomic.AtomicLong bytesDone = new java.util.concurrent.atomic.AtomicLong();
    /** The file being read: its size, where it starts in the bytes read, its rows before it and its expected rows. */
    private volatile long fileBytes;
    private volatile long fileRowsBefore;
    private volatile long fileExpectedRows;

    /** What is being done now, e.g. {@code "reading"} or {@code "analysing"}. */
    public String phase() {
        return phase;
    }

    public void phase(String now) {
        phase = now;
    }

    /** The bytes there are to read, or -1 if unknown. */
    public long totalBytes() {
        return totalBytes;
    }

    /** Rows read so far. */
    public long rows() {
        return rows;
    }

    /**
     * Bytes read so far: the files finished, and of the file being read the share of the rows
     * its reader expected (where it said) that have been read.
     */
    public long bytes() {
        long done = bytesDone.get();
        long expected = fileExpectedRows;
        if (expected > 0) {
            done += Math.min(fileBytes, (long) ((double) fileBytes * (rows - fileRowsBefore) / expected));
        }
        return done;
    }

    void rows(long read) {
        rows = read;
    }

    void fileStarted(long bytes) {
        fileBytes = bytes;
        fileRowsBefore = rows;
        fileExpectedRows = 0;
    }

    void expectRows(long expected) {
        if (fileExpectedRows == 0) {
            fileExpectedRows = expected;
        }
    }

    /** A file (or a snapshot's column file) of {@code bytes} has been read whole. */
    public void fileDone(long bytes) {
        bytesDone.addAndGet(bytes);
        fileExpectedRows = 0;
    }

    /** Sets how many bytes there are to read. */
    public void expectBytes(long bytes) {
        totalBytes = bytes;
    }
}
