package ladder.engine.io;

import ladder.engine.LadderException;
import ladder.engine.contract.Schema;

/**
 * The refusal of a file that holds another table of the contract than the one being read (an
 * applicants file where employees are read, or the reverse), naming the table it holds, so that a
 * command that reads either table can read it as what it is.
 */
public final class WrongTableException extends LadderException {
    private final transient Schema held;

    /** The refusal of {@code file}, of table {@code held}, read as {@code expected}. */
    public WrongTableException(String file, Schema expected, Schema held) {
        super(file + ": " + expected.mixUp(held));
        this.held = held;
    }

    /** The table the file holds. */
    public Schema held() {
        return held;
    }
}
