package nl.dsrhub.connector;

import nl.dsrhub.model.TaskResult;

/** Carries out one task against one processor, by its channel (http now; mail and manual to come). */
public interface ConnectorEngine {

    /**
     * @throws TransientFailure when the processor could not be reached or answered 5xx/429
     * @throws PermanentFailure when retrying will not help
     */
    TaskResult run(Connector connector, TaskContext task);
}
