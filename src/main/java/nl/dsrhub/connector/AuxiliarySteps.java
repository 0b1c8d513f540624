package nl.dsrhub.connector;

import java.util.ArrayList;
import java.util.List;
import nl.dsrhub.connector.ConnectorDefinition.Step;
import nl.dsrhub.model.TaskResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of one run marked {@code auxiliary}: when one fails, the other steps still run, so a lookup of
 * something secondary (a store's abandoned carts) never stops the call that matters (deleting the member). What
 * failed is said, never hidden: a failure the processor will not get over (an error answer such as a 404 for a
 * feature the account lacks, a 403, an answer that is not JSON) is named in the outcome's detail, as not checked
 * (a lookup) or not removed (a data-changing call); a passing one (a 5xx, a 429, no answer) makes the task
 * fail once the other steps ran, so it is retried, naming what was done meanwhile; the call journal keeps a
 * retry from sending a data-changing call again.
 */
public final class AuxiliarySteps {

    private static final String NOT_CHECKED = "; not checked";
    private static final String NOT_REMOVED = "; not removed: ";

    private static final Logger LOG = LoggerFactory.getLogger(AuxiliarySteps.class);

    private final String requestId;
    private final String connector;
    private final boolean erasure;
    private final List<String> notChecked = new ArrayList<>();
    private final List<String> notRemoved = new ArrayList<>();
    private TransientFailure passing;

    /** @param requestId for the log; null for a connector check */
    AuxiliarySteps(String requestId, String connector, boolean erasure) {
        this.requestId = requestId;
        this.connector = connector;
        this.erasure = erasure;
    }

    /**
     * Runs the step; an auxiliary step's failure is noted instead of thrown.
     *
     * @param lookup a {@code find} step (else an {@code erase} step)
     */
    void run(Step step, boolean lookup, Runnable body) {
        if (step.auxiliary() == null) {
            body.run();
            return;
        }
        try {
            body.run();
        } catch (TransientFailure e) {
            LOG.warn("request {} {}: auxiliary step {} failed ({}); the other steps run, the task is retried after them",
                    requestId, connector, step.id(), e.getMessage());
            if (passing == null) {
                passing = e;
            }
        } catch (PermanentFailure e) {
            LOG.warn("request {} {}: auxiliary step {} failed ({}); the other steps run, the outcome says so",
                    requestId, connector, step.id(), e.getMessage());
            (lookup ? notChecked : notRemoved).add(step.auxiliary() + " (" + why(e) + ")");
        }
    }

    /** Whether an outcome's detail says an auxiliary step could not check or remove something: told to the subject too. */
    public static boolean incomplete(String detail) {
        return detail != null && (detail.contains(NOT_CHECKED) || detail.contains(NOT_REMOVED));
    }

    /** True when an auxiliary step failed: the lookups are incomplete, so what they no longer find is not proof. */
    boolean anyFailed() {
        return passing != null || !notChecked.isEmpty() || !notRemoved.isEmpty();
    }

    /**
     * The run's outcome with what its auxiliary steps could not do added to the detail; or, when one failed in
     * passing, that failure, naming the outcome so far, for the task to be retried.
     */
    TaskResult outcome(TaskResult soFar) {
        if (passing != null) {
            throw new TransientFailure(passing.getMessage() + " (an auxiliary step: the others ran; so far "
                    + soFar.outcome() + ", " + soFar.detail() + ")", passing.retryAfter());
        }
        String said = detail();
        return said.isEmpty() ? soFar
                : new TaskResult(soFar.outcome(), soFar.detail() + said, soFar.retained(), soFar.provided());
    }

    private String detail() {
        StringBuilder sb = new StringBuilder();
        if (!notChecked.isEmpty()) {
            sb.append(NOT_CHECKED).append(erasure ? ", so data there may remain: " : ": ")
                    .append(String.join("; ", notChecked));
        }
        if (!notRemoved.isEmpty()) {
            sb.append(NOT_REMOVED).append(String.join("; ", notRemoved));
        }
        return sb.toString();
    }

    /** The failure without the connector's name, which the detail's reader knows: {@code store-carts: HTTP 404 (...)}. */
    private String why(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        String prefix = connector + " step ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
