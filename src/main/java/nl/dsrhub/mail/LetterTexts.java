package nl.dsrhub.mail;

import java.util.Map;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Retention.Words;

/**
 * What a letter says, by the recipient's role and the request's type, in Dutch and English: the opening that
 * names the controller and the recipient's role, what is asked, the legal basis, and how to answer (the last three,
 * and the request in the opening, are the type's own words: {@link RequestType#words()}).
 * <ul>
 *   <li>a processor (it processes the shop's data on its behalf) assists the controller in answering the request:
 *       art. 28(3)(e) GDPR, with art. 17 for an erasure and art. 15 and 20 for an access request;</li>
 *   <li>a controller that received the data from the shop (PostNL, DHL for their delivery data) is notified of an
 *       erasure as a recipient (art. 19) and assesses its own duty under art. 17; an access request is forwarded
 *       to it for its own duty under art. 15.</li>
 * </ul>
 */
final class LetterTexts {

    private LetterTexts() {
    }

    /**
     * The scope entries {@code intro}, {@code ask}, {@code basis} and {@code how}, each with {@code nl} and {@code en}:
     * the request type's words for the recipient's role, framed by the opening that names the controller.
     */
    static Map<String, Object> of(boolean controller, RequestType type, String controllerName) {
        RequestType.LetterWords w = controller ? type.words().toController() : type.words().toProcessor();
        Map<String, String> intro = controller
                ? bi(controllerIntroNl(controllerName) + " " + w.intro().nl(), controllerIntroEn(controllerName) + " " + w.intro().en())
                : bi(processorIntroNl(controllerName, w.intro().nl()), processorIntroEn(controllerName, w.intro().en()));
        return Map.of("intro", intro, "ask", bi(w.ask()), "basis", bi(w.basis()), "how", bi(w.how()));
    }

    private static String processorIntroNl(String us, String asked) {
        return "Wij, " + us + ", zijn verwerkingsverantwoordelijke voor de gegevens die u als verwerker in onze opdracht verwerkt (art. 28"
                + " AVG). Een betrokkene heeft ons gevraagd " + asked + ". Als verwerker helpt u ons dat verzoek te beantwoorden"
                + " (art. 28 lid 3 sub e AVG); daarom vragen wij u het volgende.";
    }

    private static String processorIntroEn(String us, String asked) {
        return "We, " + us + ", are the controller of the data you process on our behalf as our processor (Art. 28 GDPR). A data subject"
                + " has asked us " + asked + ". As our processor you assist us in answering that request (Art. 28(3)(e)"
                + " GDPR); we therefore ask you the following.";
    }

    private static String controllerIntroNl(String us) {
        return "Wij, " + us + ", hebben persoonsgegevens van de hieronder aangeduide betrokkene aan u verstrekt. Voor die gegevens bent u"
                + " zelf verwerkingsverantwoordelijke.";
    }

    private static String controllerIntroEn(String us) {
        return "We, " + us + ", disclosed personal data of the data subject identified below to you. You are a controller of those data"
                + " yourself.";
    }

    private static Map<String, String> bi(Words words) {
        return bi(words.nl(), words.en());
    }

    private static Map<String, String> bi(String nl, String en) {
        return Map.of("nl", nl, "en", en);
    }
}
