package nl.dsrhub.request;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import nl.dsrhub.result.ReceiptWriter;
import nl.dsrhub.store.RequestStore;

/**
 * Takes request files in: validates them (a lifting also against the restriction register: {@link LiftCheck}), stores
 * the good ones (once, however often the same file is dropped) and writes their receipt; the route moves bad ones
 * aside with their error report.
 */
public final class Intake {

    /** The result of taking a file in; {@code requestId} is set when accepted. */
    public record Result(Validation validation, String requestId, boolean duplicate) {
        public boolean accepted() {
            return validation.ok();
        }

        public List<Problem> problems() {
            return validation.problems();
        }
    }

    private final RequestValidator validator;
    private final RequestStore requests;
    private final ReceiptWriter receipts;
    private final Path outbox;
    private final Clock clock;
    private final long maxBytes;
    private final LiftCheck lifts;

    /** @param lifts checks that a lifting names a restriction in force of the same subject, against the register */
    public Intake(RequestValidator validator, RequestStore requests, ReceiptWriter receipts, Path outbox, Clock clock,
                  long maxBytes, LiftCheck lifts) {
        this.lifts = lifts;
        this.validator = validator;
        this.requests = requests;
        this.receipts = receipts;
        this.outbox = outbox;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** Reads at most one byte over the limit, so an enormous file is refused without being loaded. */
    public Result acceptFile(String fileName, InputStream content) throws IOException {
        byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        return accept(fileName, bytes);
    }

    public Result accept(String fileName, byte[] content) {
        return accept(fileName, content, RequestStore.Admission.DIRECT);
    }

    /** As {@link #accept(String, byte[])}; a new request is let in as the admission says (held or not). */
    public Result accept(String fileName, byte[] content, RequestStore.Admission admission) {
        Validation v = validator.validate(fileName, content);
        List<Problem> liftProblems = v.ok() ? lifts.problems(v.request()) : List.of();
        if (!liftProblems.isEmpty()) {
            v = new Validation(v.fileName(), null, liftProblems);
        }
        if (!v.ok()) {
            return new Result(v, null, false);
        }
        RequestStore.Stored stored = requests.store(v.request(), admission);
        // written for a duplicate too when missing: a crash may have come between storing and writing it
        if (!java.nio.file.Files.exists(outbox.resolve(stored.requestId()).resolve("receipt.json"))) {
            try {
                boolean held = requests.row(stored.requestId()).map(r -> RequestStore.AWAITING_CONFIRMATION.equals(r.status()))
                        .orElse(false);
                receipts.write(requests.get(stored.requestId()), outbox.resolve(stored.requestId()), held);
            } catch (IOException e) {
                // the request is stored; dropping the file again writes the receipt
                throw new java.io.UncheckedIOException("cannot write the receipt of " + stored.requestId(), e);
            }
        }
        return new Result(v, stored.requestId(), stored.duplicate());
    }

    /** The content of {@code <file>.error.json}. */
    /**
     * The name of a rejected file's report in error/: {@code <file>.error.json}, unless that would pass the
     * file system's 255-byte limit on a name; then the name is cut and a hash of the whole name added, so the
     * report can still be written (otherwise the file would stay in the inbox, failing at every poll).
     */
    public static String reportName(String fileName) {
        String suffix = ".error.json";
        String whole = fileName + suffix;
        if (whole.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 255) {
            return whole;
        }
        String hash;
        try {
            hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(fileName.getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String tail = "~" + hash + suffix;
        StringBuilder head = new StringBuilder();
        int bytes = tail.length();
        for (int i = 0; i < fileName.length(); ) {
            int cp = fileName.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes + n > 255) {
                break;
            }
            head.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        return head + tail;
    }

    public String errorReport(Result result) {
        return ErrorReport.toJson(result.validation(), clock.instant());
    }
}
