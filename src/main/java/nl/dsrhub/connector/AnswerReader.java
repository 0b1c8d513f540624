package nl.dsrhub.connector;

import java.io.InputStream;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The call route's last step (routes/processor-call.yaml): reads the processor's answer, still an unread stream,
 * into an {@link AnswerBody} under the connector's {@link AnswerLimits}, inside the exchange. Once the exchange is
 * done camel-http closes the answer, which reads what is left of it to its end: here it is read (or cut off) first.
 * What to read with travels in the exchange's properties, set by {@link HttpCall}.
 */
public final class AnswerReader {

    static final String LIMITS = "dsrAnswerLimits";
    static final String FOLDER = "dsrAnswerFolder";
    static final String WHAT = "dsrCall";
    static final String WATCH = "dsrCallWatch";

    /** The http component was not prepared ({@link HttpCall#prepare}): no call can be cut off, none is read. */
    static final class Unbounded extends IllegalStateException {
        Unbounded() {
            super("the http component was not prepared (HttpEngine.prepare): answers cannot be bounded");
        }
    }

    /** Replaces the body (the answer's stream) with the {@link AnswerBody} read from it. */
    public void read(Exchange exchange) {
        Message out = exchange.getMessage();
        InputStream in = out.getBody(InputStream.class);
        CallWatch watch = exchange.getProperty(WATCH, CallWatch.class);
        if (in != null && (watch == null || !watch.watching())) {
            throw new Unbounded();
        }
        out.setBody(AnswerBody.read(in, exchange.getProperty(LIMITS, AnswerLimits.class), watch,
                exchange.getProperty(FOLDER, Path.class), exchange.getProperty(WHAT, String.class)));
    }
}
