package nl.dsrhub.plan;

import java.util.List;

/**
 * What to do next for a request: the tasks now ready to run, and whether every task is final so the
 * result can be written.
 */
public record Progress(String requestId, List<TaskRef> ready, boolean complete) {
    public Progress {
        ready = List.copyOf(ready);
    }
}
