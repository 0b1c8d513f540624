package nl.dsrhub.result;

import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;

/**
 * How an {@link Outcome} is put into words for the data subject, in Dutch and English.
 * Shared by the bundle index, the confirmations and a refusal's letter so all say the same thing.
 *
 * @param nl       Dutch wording, e.g. "gegevens ontvangen"
 * @param en       English wording, e.g. "data received"
 * @param cssClass a style hint for the templates: {@code done}, {@code none}, {@code kept}, {@code open}, {@code attention}
 */
public record OutcomeText(String nl, String en, String cssClass) {

    /**
     * For a recipient of a request of {@code type}: what RETAINED and PARTIAL mean depends on what was asked ("not
     * erased", "not corrected", ...); the other outcomes say the same for every type.
     */
    public static OutcomeText of(RequestType type, Outcome outcome) {
        if (outcome == Outcome.RETAINED) {
            return new OutcomeText(type.words().notDone().nl(), type.words().notDone().en(), "kept");
        }
        if (outcome == Outcome.PARTIAL) {
            return new OutcomeText(type.words().partlyDone().nl(), type.words().partlyDone().en(), "kept");
        }
        return of(outcome);
    }

    /** @param outcome null for a processor still being asked (an interim answer): said as such */
    public static OutcomeText of(Outcome outcome) {
        if (outcome == null) {
            return new OutcomeText("nog in behandeling: wij wachten nog op deze ontvanger", "still in progress: we are still"
                    + " waiting for this recipient", "open");
        }
        return switch (outcome) {
            case EXPORTED -> new OutcomeText("gegevens ontvangen", "data received", "done");
            case ERASED -> new OutcomeText("gegevens verwijderd", "data erased", "done");
            case RECTIFIED -> new OutcomeText("gegevens gecorrigeerd", "data corrected", "done");
            case RESTRICTED -> new OutcomeText("verwerking beperkt: uw gegevens worden alleen nog bewaard",
                    "processing restricted: your data are only stored", "done");
            case LIFTED -> new OutcomeText("beperking opgeheven", "restriction lifted", "done");
            case OPTED_OUT -> new OutcomeText("afgemeld: geen direct marketing meer", "unsubscribed: no more direct marketing",
                    "done");
            case NOT_FOUND -> new OutcomeText("geen gegevens gevonden", "no data found", "none");
            // what remains may be kept by law, by the recipient's own duty or without any duty: the items say which
            case RETAINED -> new OutcomeText("niet gewist: hieronder staat wat er nog is en waarom",
                    "not erased: what is still there, and why, is listed below", "kept");
            case PARTIAL -> new OutcomeText("deels gewist: hieronder staat wat er nog is en waarom",
                    "partly erased: what is still there, and why, is listed below", "kept");
            case AWAITING_REPLY -> new OutcomeText("verzoek verstuurd, wacht nog op antwoord",
                    "request sent, still awaiting a reply", "open");
            case NEEDS_ATTENTION -> new OutcomeText("nog niet afgehandeld: vraagt aandacht van onze contactpersoon voor privacyzaken",
                    "not yet handled: needs attention from our privacy contact", "attention");
            case REFUSED -> new OutcomeText("niet uitgevoerd: wij hebben uw verzoek geweigerd", "not carried out: we refused"
                    + " your request", "none");
        };
    }

    public static String nl(Outcome outcome) {
        return of(outcome).nl();
    }

    public static String en(Outcome outcome) {
        return of(outcome).en();
    }
}
