package ladder.engine;

/** How many threads Ladder uses: the one place the default is set. */
public final class Threads {
    private Threads() {
    }

    /** Every core the JVM may use. */
    public static int all() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** {@code requested} if it is a thread count (at least 1), else a {@link LadderException} saying so; {@code null}: {@link #all}. */
    public static int of(Integer requested) {
        if (requested == null) {
            return all();
        }
        if (requested < 1) {
            throw new LadderException("--threads must be at least 1, not " + requested);
        }
        return requested;
    }
}
