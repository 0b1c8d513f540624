package nl.dsrhub.mail;

import java.util.Map;

/**
 * What a letter says, by the recipient's role and the request's type, in Dutch and English: the opening that
 * names the controller and the recipient's role, what is asked, the legal basis, and how to answer.
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

    /** The scope entries {@code intro}, {@code ask}, {@code basis} and {@code how}, each with {@code nl} and {@code en}. */
    static Map<String, Object> of(boolean controller, boolean erasure, String controllerName) {
        if (controller) {
            return erasure ? controllerErasure(controllerName) : controllerAccess(controllerName);
        }
        return erasure ? processorErasure(controllerName) : processorAccess(controllerName);
    }

    private static Map<String, Object> processorErasure(String us) {
        return Map.of(
                "intro", bi(processorIntroNl(us, "te wissen"), processorIntroEn(us, "to erase their data")),
                "ask", bi("wissen van alle persoonsgegevens van de betrokkene (art. 17 AVG)",
                        "erasure of all personal data of the data subject (Art. 17 GDPR)"),
                "basis", bi("art. 17 AVG; art. 28 lid 3 sub e AVG (bijstand door de verwerker)",
                        "Art. 17 GDPR; Art. 28(3)(e) GDPR (assistance by the processor)"),
                "how", bi("Bevestig na het wissen per e-mail dat de gegevens zijn verwijderd, of dat u geen gegevens heeft; "
                                + "noem wat u op grond van een wettelijke plicht moet bewaren, met de rechtsgrond en tot wanneer.",
                        "After erasing, please confirm by e-mail that the data have been erased, or that you hold no data; "
                                + "name anything you must keep by law, with its legal basis and until when."));
    }

    private static Map<String, Object> processorAccess(String us) {
        return Map.of(
                "intro", bi(processorIntroNl(us, "inzage en een kopie van zijn of haar gegevens te geven"),
                        processorIntroEn(us, "for access to and a copy of their data")),
                "ask", bi("inzage in en een kopie van alle persoonsgegevens van de betrokkene (art. 15 en 20 AVG)",
                        "access to and a copy of all personal data of the data subject (Art. 15 and 20 GDPR)"),
                "basis", bi("art. 15 en 20 AVG; art. 28 lid 3 sub e AVG (bijstand door de verwerker)",
                        "Art. 15 and 20 GDPR; Art. 28(3)(e) GDPR (assistance by the processor)"),
                "how", bi("Stuur de gegevens als bijlage (bij voorkeur JSON of CSV), of laat weten dat u geen gegevens heeft.",
                        "Please send the data as attachments (JSON or CSV preferred), or tell us that you hold no data."));
    }

    private static Map<String, Object> controllerErasure(String us) {
        return Map.of(
                "intro", bi(controllerIntroNl(us) + " De betrokkene heeft ons gevraagd zijn of haar gegevens te wissen (art. 17"
                                + " AVG). Als ontvanger van die gegevens stellen wij u daarvan in kennis (art. 19 AVG). Of u de gegevens"
                                + " moet wissen, beoordeelt u zelf: art. 17 AVG geldt ook voor u.",
                        controllerIntroEn(us) + " The data subject has asked us to erase their data (Art. 17 GDPR). As a"
                                + " recipient of those data we notify you of this (Art. 19 GDPR). Whether you must erase the data"
                                + " is yours to assess: Art. 17 GDPR applies to you as well."),
                "ask", bi("kennisgeving van een verzoek tot wissen (art. 17 en 19 AVG)",
                        "notification of a request for erasure (Art. 17 and 19 GDPR)"),
                "basis", bi("art. 19 AVG (kennisgeving aan ontvangers); uw eigen plicht uit art. 17 AVG",
                        "Art. 19 GDPR (notification of recipients); your own duty under Art. 17 GDPR"),
                "how", bi("Laat ons per e-mail weten wat u heeft gewist, of dat u geen gegevens van de betrokkene heeft; noem wat"
                                + " u bewaart, met de wettelijke grondslag en tot wanneer.",
                        "Please tell us by e-mail what you have erased, or that you hold no data of the data subject; name what"
                                + " you keep, with its legal basis and until when."));
    }

    private static Map<String, Object> controllerAccess(String us) {
        return Map.of(
                "intro", bi(controllerIntroNl(us) + " De betrokkene heeft ons om inzage en een kopie van zijn of haar gegevens"
                                + " gevraagd (art. 15 AVG). Wij sturen dat verzoek aan u door: voor de gegevens die u verwerkt geldt"
                                + " uw eigen plicht uit art. 15 AVG.",
                        controllerIntroEn(us) + " The data subject has asked us for access to and a copy of their data (Art. 15"
                                + " GDPR). We forward that request to you: for the data you process, your own duty under Art. 15"
                                + " GDPR applies."),
                "ask", bi("doorgestuurd verzoek om inzage (art. 15 AVG)", "forwarded request for access (Art. 15 GDPR)"),
                "basis", bi("art. 15 AVG: uw eigen plicht als verwerkingsverantwoordelijke",
                        "Art. 15 GDPR: your own duty as a controller"),
                "how", bi("Stuur ons de gegevens die u van de betrokkene verwerkt als bijlage bij uw antwoord (bij voorkeur JSON of"
                                + " CSV), dan geven wij ze aan de betrokkene door; of laat weten dat u geen gegevens heeft.",
                        "Please send us the data you process about the data subject as attachments to your reply (JSON or CSV"
                                + " preferred) and we pass them on to the data subject; or tell us that you hold no data."));
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

    private static Map<String, String> bi(String nl, String en) {
        return Map.of("nl", nl, "en", en);
    }
}
