package nl.dsrhub.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.RequestStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub is not a new honeypot: {@code afterDays} after a request completed, its bundle, letters and
 * work files are deleted, and so is every personal field in the database (the document, identifiers,
 * the call journal's keys, free-text details). Only the ledger's pseudonym and the outcomes remain.
 * Files go first, then the rows in one transaction: after a crash in between the next run finishes it.
 */
public final class Purge {

    private static final Logger LOG = LoggerFactory.getLogger(Purge.class);

    private final Jdbc jdbc;
    private final EventLog events;
    private final Path outbox;
    private final Path workDir;
    private final Clock clock;
    private final int afterDays;

    public Purge(Jdbc jdbc, EventLog events, Path outbox, Path workDir, Clock clock, int afterDays) {
        this.jdbc = jdbc;
        this.events = events;
        this.outbox = outbox;
        this.workDir = workDir;
        this.clock = clock;
        this.afterDays = afterDays;
    }

    /** Completed requests whose delivery window has passed and that still hold personal data. */
    public List<String> due() {
        return jdbc.query("SELECT id FROM dsr_request WHERE status = ? AND purged_at IS NULL AND completed_at < ? ORDER BY completed_at",
                rs -> rs.getString(1), RequestStore.COMPLETED, OffsetDateTime.now(clock).minusDays(afterDays));
    }

    /** Purges one request; returns its id. */
    public String purge(String requestId) {
        deleteTree(outbox.resolve(requestId));
        deleteTree(workDir.resolve(requestId));
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.inTransaction(tx -> {
            int n = tx.update("UPDATE dsr_request SET document = NULL, source = NULL, reference = NULL, extension_reason = NULL, "
                    + "fingerprint = ?, purged_at = ?, updated_at = ? WHERE id = ? AND purged_at IS NULL", "purged:" + requestId, now, now, requestId);
            if (n == 0) {
                return null;
            }
            tx.update("DELETE FROM dsr_identifier WHERE request_id = ?", requestId);
            tx.update("DELETE FROM dsr_call WHERE task_id IN (SELECT id FROM dsr_task WHERE request_id = ?)", requestId);
            tx.update("UPDATE dsr_event SET detail = NULL WHERE request_id = ?", requestId);
            tx.update("UPDATE dsr_task SET last_error = NULL WHERE request_id = ?", requestId);
            // the officer's reason for a settlement is free text: it may name the person
            tx.update("UPDATE dsr_task SET detail = 'settled by hand' WHERE request_id = ? AND detail LIKE 'settled by hand%'", requestId);
            events.record(tx, requestId, null, "purged", "personal data deleted " + afterDays + " day(s) after completion");
            return null;
        });
        LOG.info("request {}: personal data purged", requestId);
        return requestId;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
