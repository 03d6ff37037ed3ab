package ladder.engine.io.csv;

/**
 * The opening bytes ("magic numbers") of files that are not UTF-8 text, each with the reason a
 * text reader refuses such a file.
 */
enum FileSignature {
    GZIP("compressed (gzip); decompress it first", 0x1F, 0x8B),
    ZIP("compressed (zip); extract it first", 'P', 'K', 0x03, 0x04),
    BZIP2("compressed (bzip2); decompress it first", 'B', 'Z', 'h'),
    XZ("compressed (xz); decompress it first", 0xFD, '7', 'z', 'X', 'Z', 0x00),
    ZSTD("compressed (zstd); decompress it first", 0x28, 0xB5, 0x2F, 0xFD),
    UTF16_BE("not UTF-8 text: it starts with a UTF-16 byte-order mark; save it as UTF-8", 0xFE, 0xFF),
    UTF16_LE("not UTF-8 text: it starts with a UTF-16 byte-order mark; save it as UTF-8", 0xFF, 0xFE);

    /** The most bytes any signature needs. */
    static final int LONGEST = 6;

    private final String refusal;
    private final int[] magic;

    FileSignature(String refusal, int... magic) {
        this.refusal = refusal;
        this.magic = magic;
    }

    /** Why a file starting like this is refused, as the end of a sentence about the file. */
    String refusal() {
        return refusal;
    }

    /** The signature that the first {@code n} bytes of {@code head} start with, or {@code null}. */
    static FileSignature of(byte[] head, int n) {
        for (FileSignature signature : values()) {
            if (signature.matches(head, n)) {
                return signature;
            }
        }
        return null;
    }

    private boolean matches(byte[] head, int n) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
