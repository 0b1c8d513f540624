package nl.dsrhub.result;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import nl.dsrhub.request.DsrRequest;

/**
 * Writes {@code receipt.json}, the acknowledgement that a request was taken in:
 * {@code {requestId, type, received, deadline, reference}}, and {@code "awaitingConfirmation": true} while a
 * mailed request that was not authenticated waits for the officer's confirmation (written again without it
 * when confirmed). It holds no personal data.
 */
public class ReceiptWriter {

    public static final String FILE_NAME = "receipt.json";

    /** Writes {@code outboxDir/receipt.json} atomically (creating the folder) and returns its path. */
    public Path write(DsrRequest r, Path outboxDir) throws IOException {
        return write(r, outboxDir, false);
    }

    public Path write(DsrRequest r, Path outboxDir, boolean awaitingConfirmation) throws IOException {
        Objects.requireNonNull(r, "request");
        Objects.requireNonNull(r.id(), "request id (the request must be stored first)");
        Objects.requireNonNull(r.receivedAt(), "receivedAt");
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("requestId", r.id());
        receipt.put("type", r.type().wire());
        receipt.put("received", Display.iso(r.receivedAt()));
        receipt.put("deadline", Display.iso(Display.deadline(r)));
        receipt.put("reference", r.reference());
        if (awaitingConfirmation) {
            receipt.put("awaitingConfirmation", true);
        }
        return AtomicFiles.write(outboxDir.resolve(FILE_NAME), out -> Json.write(receipt, out));
    }
}
