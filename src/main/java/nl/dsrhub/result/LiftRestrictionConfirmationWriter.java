package nl.dsrhub.result;

import nl.dsrhub.model.RequestType;

/** The confirmation of the lifting of a restriction (art. 18(3)): every recipient, what it did, what it could not do and why. */
public class LiftRestrictionConfirmationWriter extends ConfirmationWriter {

    public LiftRestrictionConfirmationWriter() {
        super(RequestType.LIFT_RESTRICTION);
    }
}
