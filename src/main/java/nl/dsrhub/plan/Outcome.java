package nl.dsrhub.plan;

/**
 * What a processor's task came to: a legal fact that goes into the bundle, the confirmation and the ledger.
 * Only {@link #isFinal() final} outcomes let a request complete; the others keep it open.
 */
public enum Outcome {
    /** data received from the processor and kept for the bundle */
    EXPORTED,
    /** the processor erased the person's data */
    ERASED,
    /** the processor holds nothing on the person (or the identifiers it needs could not be found) */
    NOT_FOUND,
    /** the processor must keep the data by law: what, legal basis and until when are recorded */
    RETAINED,
    /** some erased, some retained */
    PARTIAL,
    /** a request was mailed; the processor has not answered yet */
    AWAITING_REPLY,
    /** a permanent failure (bad credentials, refused request) an officer has to look at */
    NEEDS_ATTENTION;

    public boolean isFinal() {
        return this != AWAITING_REPLY && this != NEEDS_ATTENTION;
    }
}
