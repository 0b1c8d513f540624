package nl.dsrhub.connector;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import nl.dsrhub.demo.Simulators;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.TaskResult;
import nl.dsrhub.model.TaskStatus;
import nl.dsrhub.store.CallJournal;
import nl.dsrhub.store.Database;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.TaskStore;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The engine with the shipped connector files, a real H2 store and every simulator, without the
 * routes: one task run at a time, for tests of a single processor's behaviour.
 */
final class EngineHarness implements AutoCloseable {

    final Simulators simulators;
    final DefaultCamelContext camel;
    final Database db;
    final RequestStore requests;
    final TaskStore tasks;
    final CallJournal journal;
    final HttpEngine engine;
    final ConnectorCatalog catalog;
    private final Path dir;

    EngineHarness(Path dir) {
        this(dir, Map.of());
    }

    /** @param settings connector settings over the simulators' own, e.g. a shop's choice */
    EngineHarness(Path dir, Map<String, String> settings) {
        this.dir = dir;
        simulators = Simulators.start();
        Map<String, String> props = new java.util.HashMap<>(simulators.settings());
        props.putAll(settings);
        catalog = ConnectorCatalog.load(null, new SettingsSource(k -> Optional.ofNullable(props.get(k)), Map.of()));
        camel = new DefaultCamelContext();
        HttpEngine.prepare(camel);
        camel.start();
        db = Database.openDefault(dir, 4);
        EventLog events = new EventLog(db.jdbc(), Clock.systemUTC());
        requests = new RequestStore(db.jdbc(), Clock.systemUTC(), events);
        tasks = new TaskStore(db.jdbc(), Clock.systemUTC(), events);
        journal = new CallJournal(db.jdbc(), Clock.systemUTC());
        engine = new HttpEngine(() -> camel, journal, Clock.systemUTC(), AnswerLimits::defaults);
    }

    /** Stores the request, makes its task for the connector and runs it once. */
    TaskResult run(String connector, DsrRequest request) {
        long taskId = newTask(request, connector);
        return engine.run(catalog.get(connector), context(taskId));
    }

    long newTask(DsrRequest request, String connector) {
        String id = requests.store(request).requestId();
        db.jdbc().inTransaction(tx -> {
            tasks.create(tx, id, connector, TaskStatus.PENDING);
            return null;
        });
        return tasks.forRequest(id).get(0).id();
    }

    TaskContext context(long taskId) {
        DsrRequest request = requests.get(tasks.find(taskId).orElseThrow().requestId());
        return new TaskContext(taskId, request, requests.identifiers(request.id()),
                dir.resolve("work").resolve(request.id()).resolve(String.valueOf(taskId)));
    }

    @Override
    public void close() {
        camel.stop();
        db.close();
        simulators.close();
    }
}
