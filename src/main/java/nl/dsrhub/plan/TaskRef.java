package nl.dsrhub.plan;

/** What travels on the in-memory queues: a task id and the connector whose queue it goes on. */
public record TaskRef(long taskId, String connector) {
}
