package ladder.engine.io.arrow;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.MessageChannelReader;
import org.apache.arrow.vector.ipc.message.MessageResult;

/**
 * Reads the messages of an Arrow IPC stream from a file, first checking that each message's
 * metadata and body lie within the file.
 *
 * <p>Arrow sizes its buffers by the lengths a message declares before it reads a byte of them, so
 * a file that is not a stream (or is truncated) could otherwise ask for gigabytes; here it fails
 * with an {@link IOException} saying where the declared message runs past the end.
 */
final class BoundedMessageReader extends MessageChannelReader {
    /** Marks an 8-byte message prefix (IPC format 0.15 and later); older streams have a 4-byte one. */
    private static final int CONTINUATION = 0xFFFFFFFF;

    private final FileChannel file;

    BoundedMessageReader(FileChannel file, BufferAllocator allocator) {
        super(new ReadChannel(file), allocator);
        this.file = file;
    }

    @Override
    public MessageResult readNext() throws IOException {
        checkNextMessage();
        return super.readNext();
    }

    private void checkNextMessage() throws IOException {
        long position = file.position();
        long remaining = file.size() - position;
        if (remaining < 4) {
            return; // Arrow's reader takes fewer bytes than a length prefix as the end of the stream
        }
        ByteBuffer prefix = ByteBuffer.allocate((int) Math.min(8, remaining)).order(ByteOrder.LITTLE_ENDIAN);
        readFully(prefix, position);
        int prefixLength = 4;
        int length = prefix.getInt(0);
        if (length == CONTINUATION) {
            if (remaining < 8) {
                return;
            }
            prefixLength = 8;
            length = prefix.getInt(4);
        }
        if (length == 0) {
            return; // the end-of-stream marker
        }
        if (length < 0 || length > remaining - prefixLength) {
            throw new IOException(position == 0
                    ? "it starts with neither the Arrow file magic ARROW1 nor an Arrow stream message"
                    : "the message at byte " + position + " runs past the end of the file");
        }
        ByteBuffer metadata = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        readFully(metadata, position + prefixLength);
        long body = Message.getRootAsMessage(metadata.flip()).bodyLength();
        if (body < 0 || body > remaining - prefixLength - length) {
            throw new IOException("the body of the message at byte " + position + " runs past the end of the file");
        }
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("unexpected end of file at byte " + (position + buffer.position()));
            }
        }
    }
}
