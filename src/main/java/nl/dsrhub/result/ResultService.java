package nl.dsrhub.result;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.TaskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a finished request's result into {@code outbox/<id>/} with its type's {@link ResultWriter}: the portability
 * bundle for an export, the confirmation for a type that changes data. Claimed through the request's status, so it is
 * written once; written atomically, so a crash midway leaves no half result and is redone on restart.
 */
public final class ResultService {

    private static final Logger LOG = LoggerFactory.getLogger(ResultService.class);

    private final RequestStore requests;
    private final TaskStore tasks;
    private final EventLog events;
    private final ConnectorCatalog catalog;
    private final ProcessorResults processorResults;
    private final ResultWriters writers;
    private final Path outbox;
    private final java.util.function.BiFunction<String, String, Path> dataDirs;
    private final Clock clock;
    private final java.util.Map<String, Object> locks = new java.util.concurrent.ConcurrentHashMap<>();
    /** Told before a result is written (delivery stores its intent then, so a stop before mailing loses nothing). */
    private volatile java.util.function.Consumer<DsrRequest> beforeWrite = r -> { };

    /** @param journal the data-changing calls that took effect: what the confirmation says was done, in plain words */
    public ResultService(RequestStore requests, TaskStore tasks, EventLog events, ConnectorCatalog catalog,
                         nl.dsrhub.store.CallJournal journal, ResultWriters writers,
                         Path outbox, java.util.function.BiFunction<String, String, Path> dataDirs, Clock clock) {
        this.requests = requests;
        this.tasks = tasks;
        this.events = events;
        this.catalog = catalog;
        this.processorResults = new ProcessorResults(tasks, catalog, journal, dataDirs);
        this.writers = writers;
        this.outbox = outbox;
        this.dataDirs = dataDirs;
        this.clock = clock;
    }

    /** Runs {@code hook} with the request after the result is claimed and before it is written. */
    public ResultService beforeWrite(java.util.function.Consumer<DsrRequest> hook) {
        this.beforeWrite = hook;
        return this;
    }

    /** Writes the result if every task is final; returns the path written, or null if not (yet) complete. */
    public Path complete(String requestId) throws java.io.IOException {
        synchronized (lock(requestId)) {
            return completeNow(requestId);
        }
    }

    /**
     * A request whose processors have all answered except those asked by mail, of a type whose result is written
     * then ({@link ResultWriter#writtenWhileAwaitingLetters}: a confirmation): the result is written
     * now, listing those as awaiting their reply (art. 12(3): the subject is answered within the month
     * even if a processor is slow), and written again, complete, when the last reply is in. The request
     * stays open and nothing is delivered yet. Returns the confirmation written, or null.
     */
    public Path provisional(String requestId) throws java.io.IOException {
        synchronized (lock(requestId)) {
            if (!requests.row(requestId).map(r -> RequestStore.PLANNED.equals(r.status())).orElse(false)) {
                return null;
            }
            DsrRequest request = requests.get(requestId);
            ResultWriter writer = writers.of(request.type());
            if (!writer.writtenWhileAwaitingLetters()) {
                return null;
            }
            List<ProcessorResult> results = results(request);
            List<String> awaiting = results.stream().filter(p -> p.outcome() == Outcome.AWAITING_REPLY)
                    .map(ProcessorResult::connector).toList();
            if (awaiting.isEmpty() || results.stream().anyMatch(p -> p.outcome() == null
                    || !(p.outcome().isFinal() || p.outcome() == Outcome.AWAITING_REPLY))) {
                return null;
            }
            String detail = writer.title() + " written; still awaiting a reply from " + String.join(", ", awaiting);
            Path dir = outbox.resolve(requestId);
            boolean unchanged = events.timeline(requestId).stream().filter(e -> e.kind().equals("provisional-confirmation"))
                    .reduce((a, b) -> b).map(e -> e.detail().equals(detail)).orElse(false);
            if (unchanged && Files.exists(writer.main(dir))) {
                return null;    // written already for the same processors (e.g. progress again after a restart)
            }
            nl.dsrhub.files.PrivateFiles.folder(dir);
            writer.writeInto(request, results, clock.instant(), dir);
            events.record(requestId, null, "provisional-confirmation", detail);
            LOG.info("request {}: provisional {} written, awaiting {}", requestId, writer.title(), awaiting);
            return writer.main(dir);
        }
    }

    /** The folder of a request's answer so far (art. 12(3)), beside its outbox's final result. */
    public static final String INTERIM = "interim";

    /**
     * The answer so far, for a request that cannot be complete by its deadline (art. 12(3)): the bundle of what the
     * processors sent (an export) or the confirmation so far (an erasure), each naming the processors not answered yet
     * and saying that the complete answer follows, written into {@code outbox/<id>/interim/}. The request stays open;
     * its complete result is written and delivered as usual. Null when the request is no longer open.
     */
    public Interim interim(String requestId) throws java.io.IOException {
        synchronized (lock(requestId)) {
            if (!requests.row(requestId).map(r -> RequestStore.PLANNED.equals(r.status())).orElse(false)) {
                return null;
            }
            DsrRequest request = requests.get(requestId);
            List<ProcessorResult> results = results(request);
            Path dir = outbox.resolve(requestId).resolve(INTERIM);
            nl.dsrhub.files.PrivateFiles.folder(dir);
            List<Path> files = writers.of(request.type()).writeInto(request, results, clock.instant(), dir);
            List<String> awaiting = results.stream().filter(p -> !p.isFinal()).map(ProcessorResult::connector).toList();
            return new Interim(request, files, awaiting, sha256(files.get(0)));
        }
    }

    /**
     * An answer so far as written: its files (the bundle, or the confirmation's JSON then HTML), the processors not
     * answered yet, and the SHA-256 of its first file, which the ledger keeps as proof of what was sent.
     */
    public record Interim(DsrRequest request, List<Path> files, List<String> awaiting, String sha256) {
    }

    private static String sha256(Path file) throws java.io.IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One lock per request: a provisional confirmation never overwrites the final one being written. */
    private Object lock(String requestId) {
        return locks.computeIfAbsent(requestId, k -> new Object());
    }

    private Path completeNow(String requestId) throws java.io.IOException {
        boolean claimed = requests.transition(requestId, RequestStore.PLANNED, RequestStore.COMPLETING);
        String status = requests.row(requestId).map(RequestStore.RequestRow::status).orElse("");
        if (!claimed && !RequestStore.COMPLETING.equals(status)) {
            return null;
        }
        DsrRequest request = requests.get(requestId);
        beforeWrite.accept(request);
        List<ProcessorResult> results = results(request);
        Instant now = clock.instant();
        Path dir = outbox.resolve(requestId);
        nl.dsrhub.files.PrivateFiles.folder(dir);
        ResultWriter writer = writers.of(request.type());
        writer.writeInto(request, results, now, dir);
        Path written = writer.main(dir);
        // the event and the status in one transaction: a stop before it writes the result again and records it once
        requests.complete(requestId, tx -> events.record(tx, requestId, null, "completed",
                request.type().wire() + " result written: " + written.getFileName()));
        locks.remove(requestId);
        LOG.info("request {} completed: {}", requestId, written.getFileName());
        return written;
    }

    List<ProcessorResult> results(DsrRequest request) {
        return processorResults.of(request);
    }
}
