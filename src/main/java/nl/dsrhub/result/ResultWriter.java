package nl.dsrhub.result;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.RequestType;

/**
 * Writes the result of one request type into the request's outbox folder: the bundle of an export
 * ({@link BundleWriter}), the confirmation of a type that changes data ({@link ConfirmationWriter} and its subclasses:
 * erasure, rectification, restriction, its lifting, objection). One writer per type, found by
 * {@link ResultWriters#of} through {@code META-INF/services/nl.dsrhub.result.ResultWriter}; the result service and
 * mail delivery ask it what to write, what to mail and how, and never compare the type themselves.
 */
public interface ResultWriter {

    /** The request type whose result this writes. */
    RequestType type();

    /**
     * Writes the result (complete or so far) for {@code r} into {@code dir} and returns its files, the main one first
     * (its SHA-256 is the ledger's proof of what was sent). Each file is written atomically.
     */
    List<Path> writeInto(DsrRequest r, List<ProcessorResult> results, Instant completedAt, Path dir) throws IOException;

    /** The main file of a result written into {@code dir}: what the timeline names. */
    Path main(Path dir);

    /** What the result is, for the officer and the timeline: {@code bundle}, {@code erasure confirmation}, ... */
    String title();

    /**
     * Whether the result holds the person's data: then it is mailed AES-256 encrypted (the main file), its
     * passphrase to the officer, never to the subject; otherwise {@link #attachments} are mailed as they are.
     */
    boolean holdsPersonalData();

    /** The files of a result in {@code dir} that are mailed as they are, in the order they are attached. */
    List<Path> attachments(Path dir);

    /**
     * The mail to the subject with the result.
     *
     * @param notAllDone some recipient kept something (RETAINED or PARTIAL): the mail never claims more than the result
     */
    SubjectMails.Mail mail(boolean notAllDone);

    /**
     * Whether the result is written already when only processors asked by mail are still to answer (art. 12(3): the
     * subject is answered within the month even if a processor is slow), and again when the last reply is in.
     */
    default boolean writtenWhileAwaitingLetters() {
        return false;
    }
}
