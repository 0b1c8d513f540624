package nl.dsrhub.result;

import nl.dsrhub.model.RequestType;

/** The confirmation of an objection to direct marketing (art. 21): every recipient, what it did, what it could not do and why. */
public class ObjectionConfirmationWriter extends ConfirmationWriter {

    public ObjectionConfirmationWriter() {
        super(RequestType.OBJECTION);
    }
}
