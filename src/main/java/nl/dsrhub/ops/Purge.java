package nl.dsrhub.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
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
 * A file rejected from the inbox (it names a person) and its report go from {@code error/} as long after
 * their rejection.
 */
public final class Purge {

    private static final Logger LOG = LoggerFactory.getLogger(Purge.class);

    private final Jdbc jdbc;
    private final EventLog events;
    private final Path outbox;
    private final Path workDir;
    private final Path errorDir;
    private final Clock clock;
    private final int afterDays;

    public Purge(Jdbc jdbc, EventLog events, Path outbox, Path workDir, Path errorDir, Clock clock, int afterDays) {
        this.jdbc = jdbc;
        this.events = events;
        this.outbox = outbox;
        this.workDir = workDir;
        this.errorDir = errorDir;
        this.clock = clock;
        this.afterDays = afterDays;
    }

    /**
     * Completed and refused requests whose delivery window has passed and that still hold personal data (a refusal's
     * letter is delivered like a result: its {@code completed_at} is when it was refused).
     */
    public List<String> due() {
        return jdbc.query("SELECT id FROM dsr_request WHERE status IN (?, ?) AND purged_at IS NULL AND completed_at < ? "
                        + "ORDER BY completed_at", rs -> rs.getString(1), RequestStore.COMPLETED, RequestStore.REFUSED,
                OffsetDateTime.now(clock).minusDays(afterDays));
    }

    /** Purges one request; returns its id. */
    public String purge(String requestId) {
        // the database first: once purged_at is set nothing writes into the request's folders again (a refusal letter
        // found missing would otherwise be written anew between the two); a stop before the folders go is mended by
        // purgeLeftoverFolders
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.inTransaction(tx -> {
            if (RequestStore.erasePersonalData(tx, requestId, now)) {
                events.record(tx, requestId, null, "purged", "personal data deleted " + afterDays + " day(s) after completion"
                        + " (or refusal)");
            }
            return null;
        });
        deleteFiles(requestId);
        LOG.info("request {}: personal data purged", requestId);
        return requestId;
    }

    /**
     * Deletes a request's outbox and work folders (its result, letters, the processors' data). Called once the
     * database says the request is purged: folders that cannot go now (a file being written into them) are left to
     * purgeLeftoverFolders, and the caller goes on (tells the officer, purges the next request).
     */
    public void deleteFiles(String requestId) {
        try {
            nl.dsrhub.files.PrivateFiles.deleteTree(outbox.resolve(requestId));
            nl.dsrhub.files.PrivateFiles.deleteTree(workDir.resolve(requestId));
        } catch (java.io.UncheckedIOException e) {
            LOG.warn("request {}: its folders could not be deleted yet ({}); purge-leftovers deletes them", requestId,
                    e.getCause() == null ? "I/O error" : e.getCause().getClass().getSimpleName());
        }
    }

    /**
     * Requests closed and purged in the database before their folders were deleted (a stop in between, when a request
     * was discarded or closed for inactivity): their folders go now. Returns how many requests' folders went.
     */
    public int purgeLeftoverFolders() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Path dir : List.of(outbox, workDir)) {
            try (Stream<Path> folders = Files.list(dir)) {
                folders.filter(f -> Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)).forEach(f -> names.add(f.getFileName().toString()));
            } catch (java.nio.file.NoSuchFileException e) {
                // no such folder yet
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        int purged = 0;
        for (String id : names) {
            boolean gone = jdbc.queryOne("SELECT 1 FROM dsr_request WHERE id = ? AND purged_at IS NOT NULL", rs -> 1, id).isPresent();
            if (gone) {
                deleteFiles(id);
                purged++;
            }
        }
        return purged;
    }

    /**
     * Deletes the files in {@code error/} rejected longer than {@code afterDays} ago: the time the hub wrote them
     * there is their rejection (a file dropped and rejected again is written again, and its period starts again).
     * Returns how many files went.
     */
    public int purgeRejectedFiles() {
        Instant before = clock.instant().minus(Duration.ofDays(afterDays));
        int deleted = 0;
        try (Stream<Path> files = Files.list(errorDir)) {
            for (Path f : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                if (Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before) && Files.deleteIfExists(f)) {
                    deleted++;
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot purge the rejected files in error/", e);
        }
        if (deleted > 0) {
            // the names may name the person: the count only
            LOG.info("{} rejected file(s) and report(s) purged from error/, {} day(s) after their rejection", deleted, afterDays);
        }
        return deleted;
    }
}
