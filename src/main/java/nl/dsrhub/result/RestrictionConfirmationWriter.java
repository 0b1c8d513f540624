package nl.dsrhub.result;

import nl.dsrhub.model.RequestType;

/** The confirmation of a restriction of processing (art. 18): every recipient, what it did, what it could not do and why. */
public class RestrictionConfirmationWriter extends ConfirmationWriter {

    public RestrictionConfirmationWriter() {
        super(RequestType.RESTRICTION);
    }
}
