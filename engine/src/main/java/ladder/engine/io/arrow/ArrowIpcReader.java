package ladder.engine.io.arrow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import ladder.engine.contract.Schema;
import ladder.engine.io.RecordSink;
import ladder.engine.io.RowValidator;
import ladder.engine.io.SourceReader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.DictionaryUtility;

/**
 * Reads a contract table from an Arrow IPC file ({@code .arrow}, {@code .feather}, {@code .ipc}):
 * the random-access file format (Feather V2), or the streaming format when the file does not
 * start with the {@code ARROW1} magic. Bodies compressed with LZ4 or ZSTD are read too.
 *
 * <p>Columns are bound to the contract by name and rows handed to the sink as {@link BatchRecords}
 * describes; a file Arrow cannot read is refused as a whole.
 */
public final class ArrowIpcReader implements SourceReader {
    private static final List<String> EXTENSIONS = List.of(".arrow", ".feather", ".ipc");
    private static final byte[] FILE_MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);
    /**
     * The direct memory one read may hold: half the heap size, which is the JVM's default
     * direct-memory limit, so that a corrupt batch claiming billions of rows fails in Arrow's
     * allocator (and is refused) rather than exhausting the JVM.
     */
    private static final long MEMORY_LIMIT = Runtime.getRuntime().maxMemory() / 2;

    @Override
    public List<String> extensions() {
        return EXTENSIONS;
    }

    @Override
    public void read(Path file, Schema schema, RecordSink sink, Consumer<String> warnings) {
        read(file, schema, warnings, (records, reader) -> records.emit(reader, sink));
    }

    /** Reads the file straight into the validator's table from its typed values ({@link BatchRecords#load}). */
    @Override
    public void load(Path file, Schema schema, RowValidator validator, Consumer<String> warnings) {
        read(file, schema, warnings, (records, reader) -> records.load(reader, validator));
    }

    private void read(Path file, Schema schema, Consumer<String> warnings, BatchRecords.Use use) {
        SourceFile source = new SourceFile(file.toString(), "Arrow IPC");
        try (FileChannel channel = source.open(file);
                BufferAllocator allocator = new RootAllocator(MEMORY_LIMIT);
                ArrowReader reader = source.attempt(() -> open(channel, allocator))) {
            List<Field> fields = source.attempt(() -> messageFields(reader));
            if (reader instanceof ArrowFileReader fileReader) {
                source.run(() -> checkBlocks(fileReader, channel.size()));
            }
            use.with(BatchRecords.bind(source, fields, schema, warnings), reader);
        } catch (IOException e) {
            throw source.unreadable(e);
        }
    }

    private static ArrowReader open(FileChannel channel, BufferAllocator allocator) throws IOException {
        if (startsWithFileMagic(channel)) {
            return new ArrowFileReader(channel, allocator, IpcCodecs.INSTANCE);
        }
        return new ArrowStreamReader(new BoundedMessageReader(channel, allocator), allocator,
                IpcCodecs.INSTANCE);
    }

    /** Whether the file starts with the IPC file format's magic; positional reads leave the channel at byte 0. */
    private static boolean startsWithFileMagic(FileChannel channel) throws IOException {
        ByteBuffer start = ByteBuffer.allocate(FILE_MAGIC.length);
        int read;
        do {
            read = channel.read(start, start.position());
        } while (read >= 0 && start.hasRemaining());
        return !start.hasRemaining() && start.flip().equals(ByteBuffer.wrap(FILE_MAGIC));
    }

    /** The file's columns as written, a dictionary-encoded column typed by its values. */
    private static List<Field> messageFields(ArrowReader reader) throws IOException {
        return reader.getVectorSchemaRoot().getSchema().getFields().stream()
                .map(field -> DictionaryUtility.toMessageFormat(field, reader, new HashSet<>()))
                .toList();
    }

    /**
     * Checks that every block the footer lists lies within the file: Arrow allocates a block's
     * declared length before reading it.
     */
    private static void checkBlocks(ArrowFileReader reader, long size) throws IOException {
        for (List<ArrowBlock> blocks : List.of(reader.getDictionaryBlocks(), reader.getRecordBlocks())) {
            for (ArrowBlock block : blocks) {
                if (block.getOffset() < 0 || block.getMetadataLength() <= 0 || block.getBodyLength() < 0
                        || block.getOffset() + block.getMetadataLength() + block.getBodyLength() > size) {
                    throw new IOException("its footer lists a block at byte " + block.getOffset()
                            + " that runs past the end of the file");
                }
            }
        }
    }
}
