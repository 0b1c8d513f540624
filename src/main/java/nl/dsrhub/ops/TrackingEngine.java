package nl.dsrhub.ops;

import java.time.Duration;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorEngine;
import nl.dsrhub.connector.TaskContext;
import nl.dsrhub.model.TaskResult;

/** Wraps a channel's engine to tell the tracker how each attempt went and how long it took. */
public final class TrackingEngine implements ConnectorEngine {

    private final ConnectorEngine delegate;
    private final ConnectorTracker tracker;

    public TrackingEngine(ConnectorEngine delegate, ConnectorTracker tracker) {
        this.delegate = delegate;
        this.tracker = tracker;
    }

    @Override
    public TaskResult run(Connector connector, TaskContext task) {
        long start = System.nanoTime();
        try {
            TaskResult finish = delegate.run(connector, task);
            tracker.success(connector.name(), Duration.ofNanos(System.nanoTime() - start));
            return finish;
        } catch (RuntimeException e) {
            // the engines' failure messages name status codes and hosts, never the person
            tracker.failure(connector.name(), Duration.ofNanos(System.nanoTime() - start),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
    }
}
