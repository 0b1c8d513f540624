package nl.dsrhub.result;

import nl.dsrhub.model.RequestType;

/** The confirmation of a rectification (art. 16): every recipient, what it did, what it could not do and why. */
public class RectificationConfirmationWriter extends ConfirmationWriter {

    public RectificationConfirmationWriter() {
        super(RequestType.RECTIFICATION);
    }
}
