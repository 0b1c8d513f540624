package nl.dsrhub.connector;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import nl.dsrhub.files.PrivateFiles;

/**
 * A processor's answer body, read under its {@link AnswerLimits}: into a private file in the task's data
 * folder (answers hold personal data: never the system's temp folder, and removed with the request), or into
 * memory when there is no task ({@code connectors --check}). Closing it deletes the file unless it was kept.
 */
final class AnswerBody implements AutoCloseable {

    /** Temporary answers in a task's folder start so; a run of the task clears its folder first. */
    static final String PREFIX = ".answer-";
    private static final int BUFFER = 64 * 1024;

    private final Path file;
    private final byte[] bytes;
    private final long size;
    private boolean moved;

    private AnswerBody(Path file, byte[] bytes, long size) {
        this.file = file;
        this.bytes = bytes;
        this.size = size;
    }

    static AnswerBody empty() {
        return new AnswerBody(null, new byte[0], 0);
    }

    /**
     * Reads the stream to its end, at most {@code limits.maxBytes()}; over that, or on any failure, the call is
     * cut off (never read to its end) and nothing of it is left on disk.
     *
     * @param folder where the answer is written; null: kept in memory
     * @param what   the connector and step, for messages
     */
    static AnswerBody read(InputStream in, AnswerLimits limits, CallWatch watch, Path folder, String what) {
        if (in == null) {
            return empty();
        }
        Path file = null;
        boolean complete = false;
        try {
            file = folder == null ? null : PrivateFiles.createTempFile(folder, PREFIX, ".part");
            ByteArrayOutputStream memory = folder == null ? new ByteArrayOutputStream() : null;
            long size;
            try (OutputStream out = memory != null ? memory : PrivateFiles.newOutputStream(file)) {
                size = copy(in, out, limits, what);
            }
            complete = true;
            return new AnswerBody(file, memory == null ? null : memory.toByteArray(), size);
        } catch (IOException e) {
            if (watch.expired()) {
                throw limits.tooSlow(what);
            }
            // the connection broke off, or the answer could not be written: both may pass
            throw new TransientFailure(what + ": answer not read (" + e.getClass().getSimpleName() + ")", null);
        } finally {
            if (!complete) {
                watch.cutOff();
                deleteQuietly(file);
            }
            close(in);
        }
    }

    private static long copy(InputStream in, OutputStream out, AnswerLimits limits, String what) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > limits.maxBytes()) {
                throw limits.tooLarge(what);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    long size() {
        return size;
    }

    InputStream open() throws IOException {
        return file == null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
    }

    /** Keeps the answer as received under {@code target}: the file is moved, not written again. */
    void moveTo(Path target) throws IOException {
        if (file == null) {
            PrivateFiles.write(target, bytes);
            return;
        }
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        moved = true;
    }

    @Override
    public void close() {
        if (!moved) {
            delete(file);
        }
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete a processor's answer in the task's folder", e);
        }
    }

    /** On the way out of a failure, which says more than a failed delete (the task's next run clears the folder). */
    private static void deleteQuietly(Path file) {
        try {
            delete(file);
        } catch (UncheckedIOException e) {
            // the failure being thrown is the one to report
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException e) {
            // cut off or read to its end: nothing is left to read
        }
    }
}
