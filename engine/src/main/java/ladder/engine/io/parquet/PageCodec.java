package ladder.engine.io.parquet;

import io.airlift.compress.Decompressor;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.format.CompressionCodec;
import org.brotli.dec.BrotliInputStream;

/**
 * Decompresses one page of a column chunk: Snappy, Zstandard and LZ4 (raw blocks) with
 * aircompressor's pure-Java decompressors, gzip with the JDK's, Brotli with Google's decoder.
 * One instance per thread.
 */
final class PageCodec {
    private final CompressionCodec codec;
    private final Decompressor decompressor;

    PageCodec(CompressionCodec codec) {
        this.codec = codec;
        decompressor = switch (codec) {
            case SNAPPY -> new SnappyDecompressor();
            case ZSTD -> new ZstdDecompressor();
            case LZ4_RAW -> new Lz4Decompressor();
            default -> null;
        };
    }

    /** Whether pages compressed with {@code codec} can be read. */
    static boolean reads(CompressionCodec codec) {
        return switch (codec) {
            case UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW, BROTLI -> true;
            default -> false;
        };
    }

    /**
     * Decompresses {@code in[from..from+length)} into {@code out[at..at+size)}, checking that it
     * comes to exactly {@code size} bytes, the page header's uncompressed size.
     */
    void decompress(byte[] in, int from, int length, byte[] out, int at, int size) throws IOException {
        int made;
        if (codec == CompressionCodec.UNCOMPRESSED) {
            if (length != size) {
                throw new IOException("an uncompressed page of " + length + " bytes claims " + size);
            }
            System.arraycopy(in, from, out, at, size);
            made = size;
        } else if (codec == CompressionCodec.GZIP || codec == CompressionCodec.BROTLI) {
            made = inflate(in, from, length, out, at, size);
        } else {
            try {
                made = decompressor.decompress(in, from, length, out, at, size);
            } catch (MalformedInputException | IndexOutOfBoundsException e) {
                throw new IOException("a " + codec + " page does not decompress (" + e.getMessage() + ")", e);
            }
        }
        if (made != size) {
            throw new IOException("a " + codec + " page decompressed to " + made + " bytes, not the " + size
                    + " its header gives");
        }
    }

    /** Decompresses a gzip or Brotli page, the codecs read as streams. */
    private int inflate(byte[] in, int from, int length, byte[] out, int at, int size) throws IOException {
        ByteArrayInputStream bytes = new ByteArrayInputStream(in, from, length);
        try (InputStream stream = codec == CompressionCodec.GZIP ? new GZIPInputStream(bytes, 65_536)
                : new BrotliInputStream(bytes)) {
            int made = stream.readNBytes(out, at, size);
            if (stream.read() >= 0) {
                throw new IOException("a " + codec + " page decompresses to more than the " + size + " bytes its header gives");
            }
            return made;
        } catch (IllegalStateException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IOException("a " + codec + " page does not decompress (" + e.getMessage() + ")", e);
        }
    }
}
