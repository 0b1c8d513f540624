package nl.dsrhub.result;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import nl.dsrhub.files.AtomicFiles;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Retention;

/**
 * Writes {@code receipt.json}, the acknowledgement that a request was taken in:
 * {@code {requestId, type, received, deadline, reference}} for programs and the same in plain words for the subject
 * ({@code summary}: {@code nl}, {@code en}), {@code onBehalfOf.capacity} for a request a representative made, and {@code "awaitingConfirmation": true} while a
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
        // for the subject: the same in plain words; the fields above are for programs
        receipt.put("summary", Display.words(summary(r)));
        // made by a representative: in which capacity (the receipt names no one)
        if (r.byRepresentative()) {
            receipt.put("onBehalfOf", Map.of("capacity", r.representative().capacity()));
        }
        if (awaitingConfirmation) {
            receipt.put("awaitingConfirmation", true);
        }
        return AtomicFiles.write(outboxDir.resolve(FILE_NAME), out -> Json.write(receipt, out));
    }

    /** "We received your request for erasure on ...; we answer by ..." in the AVG's own terms. */
    static Retention.Words summary(DsrRequest r) {
        String nlWhat = r.type().words().request().nl();
        String enWhat = r.type().words().request().en();
        Retention.Words behalf = Display.behalf(r);
        if (r.carriesOutObjection().isPresent()) {
            // the subject asked for no erasure: their objection, upheld, is why the data go
            Retention.Words upheld = ConfirmationParticulars.upheld(r.carriesOutObjection().get());
            return new Retention.Words(upheld.nl() + " U krijgt uiterlijk op " + Display.nlDate(Display.deadline(r))
                    + " antwoord van ons." + (behalf == null ? "" : " " + behalf.nl()), upheld.en() + " You will have our"
                    + " answer by " + Display.enDate(Display.deadline(r)) + " at the latest." + (behalf == null ? "" : " " + behalf.en()));
        }
        return new Retention.Words("Wij hebben " + nlWhat + " ontvangen op " + Display.nlDate(r.receivedAt()) + ". U krijgt"
                + " uiterlijk op " + Display.nlDate(Display.deadline(r)) + " antwoord van ons." + (behalf == null ? "" : " " + behalf.nl()),
                "We received " + enWhat + " on " + Display.enDate(r.receivedAt()) + ". You will have our answer by "
                        + Display.enDate(Display.deadline(r)) + " at the latest." + (behalf == null ? "" : " " + behalf.en()));
    }
}
