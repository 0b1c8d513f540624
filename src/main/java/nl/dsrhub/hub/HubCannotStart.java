package nl.dsrhub.hub;

/**
 * The hub refuses to start, before anything of it runs, for a reason outside it that the operator must resolve: its
 * HTTP port is taken, or another hub runs on its data dir. The message is one line saying which and what to do.
 */
public final class HubCannotStart extends RuntimeException {

    public HubCannotStart(String message) {
        super(message, null, false, false);
    }
}
