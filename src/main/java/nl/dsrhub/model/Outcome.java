package nl.dsrhub.model;

/**
 * What a processor's task came to: a legal fact that goes into the bundle, the confirmation and the ledger.
 * Only {@link #isFinal() final} outcomes let a request complete; the others keep it open.
 */
public enum Outcome {
    /** data received from the processor and kept for the bundle */
    EXPORTED,
    /** the processor erased the person's data */
    ERASED,
    /** the processor corrected the person's data as the request's changes say (art. 16) */
    RECTIFIED,
    /** the processor no longer uses the person's data, only stores them (art. 18) */
    RESTRICTED,
    /** the restriction the processor applied was lifted, after the subject was told (art. 18(3)) */
    LIFTED,
    /** the processor no longer uses the person's data for direct marketing: unsubscribed everywhere (art. 21(2)-(3)) */
    OPTED_OUT,
    /** the processor holds nothing on the person (or the identifiers it needs could not be found) */
    NOT_FOUND,
    /**
     * nothing done as asked because the processor keeps the data as they are (by law, or without a duty: what, the
     * basis where there is one, and until when are recorded)
     */
    RETAINED,
    /** some done as asked, some not (kept, left unchanged, still processed): what stays is named */
    PARTIAL,
    /** a request was mailed; the processor has not answered yet */
    AWAITING_REPLY,
    /** a permanent failure (bad credentials, refused request) an officer has to look at */
    NEEDS_ATTENTION,
    /**
     * not carried out (further): the officer refused the request (art. 12(4) GDPR: unverifiable, manifestly unfounded
     * or excessive), so the processor was not asked, or was told the request is withdrawn. Only a refusal sets it.
     */
    REFUSED;

    public boolean isFinal() {
        return this != AWAITING_REPLY && this != NEEDS_ATTENTION;
    }

    /** An outcome the officer may record by hand for one processor (a refusal is of the whole request, not a task's). */
    public boolean settleable() {
        return isFinal() && this != REFUSED;
    }
}
