package ladder.engine.filter;

/** Filter masks built a 64-row word at a time, so each word is assembled in a register and stored once. */
final class Masks {
    private Masks() {
    }

    /** The bits of one mask word: of rows {@code from .. to - 1}, bit {@code r & 63} set when row {@code r} passes. */
    interface Word {
        long of(int from, int to);
    }

    /** The mask of a chunk of {@code rows} rows, by {@code word}; no bit is set past the last row. */
    static long[] of(int rows, Word word) {
        long[] mask = Filter.words(rows);
        for (int w = 0; w < mask.length; w++) {
            mask[w] = word.of(w << 6, Math.min(rows, (w + 1) << 6));
        }
        return mask;
    }
}
