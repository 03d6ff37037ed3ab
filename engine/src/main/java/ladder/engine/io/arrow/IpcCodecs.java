package ladder.engine.io.arrow;

import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;

/**
 * The codecs of Arrow IPC body compression: none, LZ4 frame and ZSTD (pyarrow writes Feather V2
 * with LZ4 by default). Commons Compress's factory knows only the last two.
 *
 * <p>A compressed buffer starts with its uncompressed length, which the codec allocates before it
 * decompresses a byte; a corrupt file can claim any length, so one beyond a quarter of the heap is
 * refused before the codec sees it.
 */
final class IpcCodecs implements CompressionCodec.Factory {
    static final IpcCodecs INSTANCE = new IpcCodecs();

    private IpcCodecs() {}

    @Override
    public CompressionCodec createCodec(CompressionUtil.CodecType type) {
        if (type == CompressionUtil.CodecType.NO_COMPRESSION) {
            return NoCompressionCodec.INSTANCE;
        }
        return new Bounded(CommonsCompressionFactory.INSTANCE.createCodec(type), Runtime.getRuntime().maxMemory() / 4);
    }

    @Override
    public CompressionCodec createCodec(CompressionUtil.CodecType type, int level) {
        return createCodec(type);
    }

    /** A codec that refuses a buffer declaring more than {@code limit} bytes uncompressed. */
    private record Bounded(CompressionCodec codec, long limit) implements CompressionCodec {
        @Override
        public ArrowBuf decompress(BufferAllocator allocator, ArrowBuf compressed) {
            if (compressed.writerIndex() >= CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH) {
                long length = compressed.getLong(0);
                if (length != CompressionUtil.NO_COMPRESSION_LENGTH && (length < 0 || length > limit)) {
                    compressed.close(); // decompress owns the buffer it is given, as Arrow's codecs do
                    throw new IllegalArgumentException("a compressed buffer declares " + length
                            + " bytes uncompressed, more than can be read");
                }
            }
            return codec.decompress(allocator, compressed);
        }

        @Override
        public ArrowBuf compress(BufferAllocator allocator, ArrowBuf uncompressed) {
            return codec.compress(allocator, uncompressed);
        }

        @Override
        public CompressionUtil.CodecType getCodecType() {
            return codec.getCodecType();
        }
    }
}
