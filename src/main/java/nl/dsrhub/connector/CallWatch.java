package nl.dsrhub.connector;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Bounds one HTTP call of the engine in time, from sending it to the last byte of its answer, and lets the
 * engine cut a call off at once. The HttpClient's own timeouts bound each read, not the whole: a processor
 * trickling a byte every 20 s never ends. Cutting off cancels the request, which closes its connection:
 * closing the answer's stream instead would read the rest of it first (for ever, for an endless one).
 *
 * <p>The http component runs a call in the thread that sends it; {@link #interceptor()}, installed in the
 * component's HttpClient, hands the running request to that thread's watch.
 */
final class CallWatch implements AutoCloseable {

    private static final ThreadLocal<CallWatch> CURRENT = new ThreadLocal<>();
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dsr-http-call-watch");
        t.setDaemon(true);
        return t;
    });

    private final ScheduledFuture<?> deadline;
    private Cancellable call;       // guarded by this
    private boolean expired;        // guarded by this
    private boolean cutOff;         // guarded by this

    private CallWatch(Duration maxTime) {
        this.deadline = TIMER.schedule(this::expire, maxTime.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Watches the calls this thread makes until {@link #close()}; at most {@code maxTime} in all. */
    static CallWatch start(Duration maxTime) {
        CallWatch watch = new CallWatch(maxTime);
        CURRENT.set(watch);
        return watch;
    }

    /** The HttpClient exec interceptor that gives the running request to the sending thread's watch. */
    static ExecChainHandler interceptor() {
        return (request, scope, chain) -> {
            CallWatch watch = CURRENT.get();
            if (watch != null && scope.originalRequest instanceof Cancellable c) {
                watch.attach(c);
            }
            return chain.proceed(request, scope);
        };
    }

    /** True once the running request was handed over: without it, neither bound could be kept. */
    synchronized boolean watching() {
        return call != null;
    }

    /** True when the time ran out and the call was cut off for it. */
    synchronized boolean expired() {
        return expired;
    }

    /** Closes the call's connection now, without reading what is left of the answer. */
    synchronized void cutOff() {
        cutOff = true;
        if (call != null) {
            call.cancel();
        }
    }

    private synchronized void attach(Cancellable c) {
        call = c;
        if (expired || cutOff) {
            c.cancel();
        }
    }

    private synchronized void expire() {
        expired = true;
        if (call != null) {
            call.cancel();
        }
    }

    @Override
    public void close() {
        deadline.cancel(false);
        CURRENT.remove();
    }
}
