package ladder.engine.io.parquet;

/**
 * A Parquet file, or a column of one, that uses something Ladder's own decoder does not read (a
 * nested schema, an encryption, a codec such as LZO or Hadoop's LZ4 framing, a physical or logical type the data
 * contract has no use for); the caller reads such files another way. Said before any row is decoded.
 */
public final class UnsupportedParquet extends Exception {
    public UnsupportedParquet(String message) {
        super(message, null, false, false);
    }
}
