package ladder.engine;

/**
 * A mistake of the user's (a bad file, an unknown column, a filter that does not parse), with a
 * message that says what was wrong and what was expected. Front ends show the message alone,
 * never a stack trace; a programming error is any other exception.
 */
public class LadderException extends RuntimeException {
    public LadderException(String message) {
        super(message);
    }

    public LadderException(String message, Throwable cause) {
        super(message, cause);
    }
}
