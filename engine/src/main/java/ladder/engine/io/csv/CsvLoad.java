package ladder.engine.io.csv;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import ladder.engine.io.FieldDecoder;
import ladder.engine.io.RowValidator;

/**
 * One CSV file loaded into a {@link RowValidator}'s table on several threads, with exactly the
 * outcome of the sequential {@link CsvReader#read}: the same rows in the same order with the same
 * codes, the same rejections with the same lines and messages, the same counts.
 *
 * <p>The data after the header is cut into blocks of {@code blockBytes}. Worker threads parse
 * blocks into {@link CsvBlock}s at once, each guessing that its first record starts after the
 * first LF in its range (RFC 4180 allows line breaks inside quoted fields, so a guess can be
 * wrong); the calling thread merges the blocks in file order ({@link RowValidator#merge}), which
 * is what makes codes follow the order of first appearance and lets the duplicate check name the
 * first occurrence by file order. Before merging a block it checks the guess: the block before
 * must have ended exactly where this one started; if not, the block is parsed again from where
 * the one before really ended. Line numbers are carried from block to block by counting line
 * breaks. A record too long for a block, or a header that is, hands the rest of the file to the
 * sequential reader. At most {@code 2 * threads + 1} blocks are in flight, so memory stays a few
 * blocks' worth whatever the file's size.
 */
final class CsvLoad {
    private final String name;
    private final FileChannel channel;
    private final long size;
    private final Schema schema;
    private final RowValidator validator;
    private final int threads;
    private final int blockBytes;
    /** Whether the rows of the file have been estimated, from its first block, for the duplicate check. */
    private boolean estimated;

    private CsvLoad(String name, FileChannel channel, long size, Schema schema, RowValidator validator,
            int threads, int blockBytes) {
        this.name = name;
        this.channel = channel;
        this.size = size;
        this.schema = schema;
        this.validator = validator;
        this.threads = threads;
        this.blockBytes = blockBytes;
    }

    /**
     * Loads {@code file} (named {@code name}), open as {@code channel}, into {@code validator} on
     * {@code threads} threads in blocks of {@code blockBytes}; refuses it as {@link CsvReader} does.
     */
    static void load(String name, FileChannel channel, Schema schema, RowValidator validator,
            Consumer<String> warnings, int threads, int blockBytes) throws IOException {
        CsvLoad load = new CsvLoad(name, channel, channel.size(), schema, validator, threads, blockBytes);
        load.run(warnings);
    }

    private void run(Consumer<String> warnings) throws IOException {
        byte[] head = new byte[(int) Math.min(size, FileSignature.LONGEST)];
        readFully(head, 0);
        long dataStart = CsvReader.checkOpeningBytes(name, head, head.length);
        Header header = readHeader(dataStart, warnings);
        if (header == null) {
            return;
        }
        if (threads == 1) {
            sequentialBlocks(header);
        } else {
            parallelBlocks(header);
        }
    }

    /** The header bound to the schema, and the position and line where the records after it start. */
    private record Header(CsvHeader columns, long end, long nextLine) {}

    /**
     * Finds the header row (the first record that is not a blank line) and binds it, each record
     * judged by the tokeniser itself; a header longer than a block's longest record is left, with
     * the whole file, to the sequential reader.
     */
    private Header readHeader(long dataStart, Consumer<String> warnings) throws IOException {
        CsvBlock scan = new CsvBlock(channel, size, schema, null, null);
        long position = dataStart;
        long line = 1;
        while (position < size) {
            scan.parse(position, position + 1);
            if (scan.handover() >= 0) {
                readSequentially(dataStart, 1, null, warnings);
                return null;
            }
            byte[] bytes = new byte[(int) (scan.end() - position)];
            readFully(bytes, position);
            CsvTokeniser record = new CsvTokeniser(new InputStreamReader(new ByteArrayInputStream(bytes),
                    CsvReader.replacingDecoder()), line);
            line += scan.lineBreaks();
            position = scan.end();
            if (record.next()) {
                return new Header(CsvHeader.bind(name, record, schema, warnings), position, line);
            }
        }
        throw CsvReader.refusal(name, "the file is empty (no header row)");
    }

    /** Blocks parsed and merged one after another on this thread, when one thread is asked for. */
    private void sequentialBlocks(Header header) throws IOException {
        CsvBlock block = newBlock(header.columns());
        long position = header.end();
        long line = header.nextLine();
        while (position < size) {
            block.parse(position, Math.min(size, position + blockBytes));
            if (!merge(block, header.columns(), line)) {
                return;
            }
            position = block.end();
            line += block.lineBreaks();
        }
    }

    private void parallelBlocks(Header header) throws IOException {
        int inFlight = 2 * threads + 1;
        ArrayDeque<CsvBlock> free = new ArrayDeque<>();
        for (int i = 0; i < inFlight; i++) {
            free.add(newBlock(header.columns()));
        }
        ThreadPoolExecutor workers = (ThreadPoolExecutor) Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "ladder-csv");
            thread.setDaemon(true);
            return thread;
        });
        ArrayDeque<Future<CsvBlock>> pending = new ArrayDeque<>();
        try {
            long next = header.end();
            long position = header.end();
            long line = header.nextLine();
            while (next < size || !pending.isEmpty()) {
                while (next < size && !free.isEmpty()) {
                    pending.add(workers.submit(parseTask(free.poll(), next, Math.min(size, next + blockBytes),
                            next == header.end())));
                    next = Math.min(size, next + blockBytes);
                }
                CsvBlock block = await(pending.poll(), workers);
                if (block.start() != position) {
                    block.parse(position, block.limit());
                }
                if (!merge(block, header.columns(), line)) {
                    return;
                }
                position = block.end();
                line += block.lineBreaks();
                free.add(block);
            }
        } finally {
            pending.forEach(task -> task.cancel(false));
            workers.shutdown();
        }
    }

    /** Parses {@code [from, limit)} into {@code block}, guessing where its first record starts unless it is the first block. */
    private static Callable<CsvBlock> parseTask(CsvBlock block, long from, long limit, boolean knownStart) {
        return () -> {
            if (knownStart) {
                block.parse(from, limit);
            } else {
                block.parseGuessingStart(from, limit);
            }
            return block;
        };
    }

    /**
     * Merges a block into the table; at a record too long for a block, reads the rest of the file
     * sequentially. Returns false once the file has been read to its end that way.
     */
    private boolean merge(CsvBlock block, CsvHeader header, long line) throws IOException {
        if (!estimated && block.rows() > 0 && block.end() > block.start()) {
            estimated = true;
            // A record that can pass holds a comma and at least one character per field, so never
            // fewer bytes than twice its fields: a first block of short broken records cannot inflate the guess.
            double bytesPerRow = Math.max((double) (block.end() - block.start()) / block.rows(),
                    2.0 * schema.fields().size());
            validator.expectRows((long) ((size - block.start()) / bytesPerRow));
        }
        validator.merge(block, name, line);
        if (block.handover() < 0) {
            return true;
        }
        readSequentially(block.handover(), line + block.handoverLine(), header, null);
        return false;
    }

    /**
     * Reads from {@code position} (where a record starts, on {@code line}) to the end of the file
     * with the sequential reader; from the start of the file, header included, if {@code header}
     * is null.
     */
    private void readSequentially(long position, long line, CsvHeader header, Consumer<String> warnings)
            throws IOException {
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel.position(position)), 1 << 16);
        CsvTokeniser records = new CsvTokeniser(new InputStreamReader(in, CsvReader.replacingDecoder()), line);
        CsvHeader columns = header;
        if (columns == null) {
            if (!records.next()) {
                throw CsvReader.refusal(name, "the file is empty (no header row)");
            }
            columns = CsvHeader.bind(name, records, schema, warnings);
        }
        CsvReader.readRecords(name, records, columns, schema.fields().size(), validator);
    }

    private CsvBlock newBlock(CsvHeader header) {
        return new CsvBlock(channel, size, schema, header, new FieldDecoder(schema, validator.builder()));
    }

    /**
     * The block {@code parsed} on one of {@code workers}. A worker that runs out of memory between
     * taking a task and running it dies, and the task it took never completes: so a wait that finds,
     * twice a second apart, nothing running and nothing queued ends as running out of memory would,
     * instead of waiting for ever.
     */
    private static CsvBlock await(Future<CsvBlock> parsed, ThreadPoolExecutor workers) throws IOException {
        try {
            int idle = 0;
            while (true) {
                try {
                    return parsed.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    boolean lost = !parsed.isDone() && workers.getActiveCount() == 0 && workers.getQueue().isEmpty();
                    idle = lost ? idle + 1 : 0;
                    if (idle == 2) {
                        throw new OutOfMemoryError("a CSV parsing thread ended without parsing its block");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LadderException("interrupted while loading", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    private void readFully(byte[] bytes, long position) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(bytes);
        while (target.hasRemaining()) {
            if (channel.read(target, position + target.position()) < 0) {
                throw new IOException("the file ended early at byte " + (position + target.position()));
            }
        }
    }
}
