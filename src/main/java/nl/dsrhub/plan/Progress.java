package nl.dsrhub.plan;

import java.util.List;

/**
 * What to do next for a request: the tasks now ready to run, whether every task is final so the
 * result can be written, and whether only processors asked by mail are still to answer (an erasure's
 * confirmation is then written with them listed as awaiting their reply).
 */
public record Progress(String requestId, List<TaskRef> ready, boolean complete, boolean awaitingReplyOnly) {
    public Progress {
        ready = List.copyOf(ready);
    }

    public Progress(String requestId, List<TaskRef> ready, boolean complete) {
        this(requestId, ready, complete, false);
    }
}
