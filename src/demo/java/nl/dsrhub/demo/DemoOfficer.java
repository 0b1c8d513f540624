package nl.dsrhub.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import nl.dsrhub.hub.Hub;
import nl.dsrhub.ops.Operations;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.store.RequestStore;

/**
 * What the demo's officer does with the open requests, as an officer would on the dashboard: DEMO-3 waits for DHL, so
 * its deadline is extended (art. 12(3)); DEMO-4, Kees asking for the same erasure again while DEMO-3 is in hand, is
 * refused as excessive (art. 12(4) and (5)) once DHL was written to, so DHL is told it is withdrawn.
 */
final class DemoOfficer {

    static final String REPEAT = "DEMO-4";
    static final String EXTENSION_REASON = "Een van de ontvangers (DHL Parcel) heeft nog niet geantwoord; wij hebben meer tijd"
            + " nodig om bij alle ontvangers na te gaan wat er is gewist.";
    static final String REFUSAL_REASON = "U vroeg ons op dezelfde dag al om hetzelfde (ons kenmerk DEMO-3); dat verzoek behandelen"
            + " wij. Wij voeren het een tweede keer niet uit: u krijgt het antwoord op uw eerste verzoek.";

    private DemoOfficer() {
    }

    /** DEMO-4: Kees's erasure again, for DHL only, with the parcel's barcode; written beside the inbox and moved in. */
    static void dropRepeat(Path inbox, String receivedAt) {
        String request = DemoSamples.sampleYaml("erasure", DemoPeople.KEES, receivedAt, REPEAT)
                .replace("processors: all", "processors: [dhl]")
                .replace("  name: " + DemoPeople.KEES.name() + "\n", "  name: " + DemoPeople.KEES.name()
                        + "\n  identifiers:\n    dhl.barcode: " + DemoRunner.KEES_DHL_BARCODE + "\n");
        try {
            Path tmp = inbox.resolve(".repeat-kees.yaml.tmp");
            Files.writeString(tmp, request);
            Files.move(tmp, inbox.resolve("repeat-kees.yaml"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the sample request " + REPEAT + ": " + e.getMessage(), e);
        }
    }

    /**
     * Extends DEMO-3 once it waits only for DHL, and refuses DEMO-4 once DHL was written to. Returns false when they did
     * not get that far within the demo's time.
     */
    static boolean act(Hub hub, java.util.function.Predicate<java.util.function.BooleanSupplier> awaitUntil) {
        Operations officer = hub.services().operations(Clock.systemDefaultZone());
        Optional<String> repeat = awaitDhlLetter(hub, awaitUntil);
        Optional<String> first = id(hub, "DEMO-3");
        if (repeat.isEmpty() || first.isEmpty()) {
            return false;
        }
        if (hub.services().requests.row(first.get()).map(r -> r.originalDueDate() == null && RequestStore.isOpen(r.status()))
                .orElse(false)) {
            officer.extend(first.get(), 1, EXTENSION_REASON);
        }
        officer.refuse(repeat.get(), "excessive", REFUSAL_REASON);
        return true;
    }

    private static Optional<String> awaitDhlLetter(Hub hub, java.util.function.Predicate<java.util.function.BooleanSupplier> awaitUntil) {
        boolean written = awaitUntil.test(() -> id(hub, REPEAT).map(id -> hub.services().tasks.forRequest(id).stream()
                .anyMatch(t -> t.connector().equals("dhl") && t.outcome() == Outcome.AWAITING_REPLY)).orElse(false));
        return written ? id(hub, REPEAT) : Optional.empty();
    }

    private static Optional<String> id(Hub hub, String reference) {
        return hub.services().requests.all().stream().filter(r -> reference.equals(r.reference()))
                .map(RequestStore.RequestRow::id).findFirst();
    }
}
