package nl.dsrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.hub.Services;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Particulars.Changes;
import nl.dsrhub.model.Particulars.PostalAddress;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.Test;

/** The letters' text: the recipient's role and legal basis, the controller, the declared identifiers, the processors' date. */
class LettersTest {

    static final Controller SHOP = new Controller("Testwinkel B.V.", "Proefstraat 1, 1234 AB Teststad", "privacy@shop.example.nl");
    private static final LocalDate ANSWER_BY = LocalDate.of(2026, 12, 4);

    private final Letters letters = new Letters("dsr-hub@shop.example.nl", SHOP);

    @Test
    void aProcessorsErasureLetterAsksItsAssistanceUnderArticle28AndNamesTheController() {
        DsrRequest r = Requests.of(RequestType.ERASURE, "persoon@example.nl", Map.of()).withId("R1");
        Letters.Mail mail = letters.letter(connector("paynl"), r, Map.of(), "DSR-ABCDEFGHJK", ANSWER_BY);

        assertThat(mail.subject()).contains("Erasure request", "[DSR-ABCDEFGHJK]").doesNotContain("persoon@example.nl");
        assertThat(mail.text()).contains("Geachte heer/mevrouw", "Dear Sir or Madam",
                "Wij, Testwinkel B.V., zijn verwerkingsverantwoordelijke", "We, Testwinkel B.V., are the controller",
                "Verwerkingsverantwoordelijke: Testwinkel B.V., Proefstraat 1, 1234 AB Teststad", "privacy@shop.example.nl",
                "art. 28 lid 3 sub e AVG", "Art. 17 GDPR; Art. 28(3)(e) GDPR", "DSR-ABCDEFGHJK")
                .doesNotContain("art. 19", "Art. 19");
    }

    @Test
    void aControllersErasureLetterNotifiesItAsARecipientForItsOwnArticle17Duty() {
        DsrRequest r = Requests.of(RequestType.ERASURE, "persoon@example.nl", Map.of()).withId("R2");
        Letters.Mail mail = letters.letter(connector("postnl"), r, Map.of("postnl.barcode", List.of("3SABCD1234567")),
                "DSR-ABCDEFGHJK", ANSWER_BY);

        assertThat(mail.text()).contains("Voor die gegevens bent u zelf verwerkingsverantwoordelijke",
                "art. 19 AVG (kennisgeving aan ontvangers); uw eigen plicht uit art. 17 AVG",
                "Art. 19 GDPR (notification of recipients); your own duty under Art. 17 GDPR", "Testwinkel B.V.")
                .doesNotContain("28 lid 3", "Art. 28(3)(e)", "verwerker");
    }

    @Test
    void aControllersAccessLetterForwardsTheRequestForItsOwnArticle15Duty() {
        DsrRequest r = Requests.of(RequestType.EXPORT, "persoon@example.nl", Map.of()).withId("R3");
        Letters.Mail mail = letters.letter(connector("postnl"), r, Map.of("postnl.barcode", List.of("3SABCD1234567")),
                "DSR-ABCDEFGHJK", ANSWER_BY);

        assertThat(mail.text()).contains("doorgestuurd verzoek om inzage (art. 15 AVG)", "Art. 15 GDPR: your own duty as a controller")
                .doesNotContain("Art. 28(3)(e)");
    }

    @Test
    void theLetterAsksAnAnswerByTheProcessorsDeadlineNotTheSubjects() {
        DsrRequest r = Requests.of(RequestType.ERASURE, "persoon@example.nl", Map.of()).withId("R4");
        String text = letters.letter(connector("paynl"), r, Map.of(), "DSR-ABCDEFGHJK", ANSWER_BY).text();

        assertThat(text).contains("Antwoord uiterlijk op: 2026-12-04 (het einde van die dag, Nederlandse tijd)",
                "Please reply by: 2026-12-04 (the end of that day, Dutch time)").doesNotContain(r.dueDate().toString());
    }

    @Test
    void aLetterCarriesOnlyTheIdentifiersItsConnectorFileDeclares() {
        DsrRequest r = Requests.of(RequestType.EXPORT, "persoon@example.nl", Map.of()).withId("R5");
        Map<String, List<String>> ids = Map.of("postnl.barcode", List.of("3SABCD1234567"),
                "mollie.customerId", List.of("cst_secret"), "woocommerce.customerId", List.of("42"));

        String postnl = letters.letter(connector("postnl"), r, ids, "DSR-ABCDEFGHJK", ANSWER_BY).text();
        String paynl = letters.letter(connector("paynl"), r, ids, "DSR-ABCDEFGHJK", ANSWER_BY).text();

        assertThat(postnl).contains("  barcode: 3SABCD1234567").doesNotContain("persoon@example.nl", "Test Persoon", "cst_secret")
                .doesNotContain("customerId");
        assertThat(paynl).contains("  e-mail: persoon@example.nl", "  naam / name: Test Persoon")
                .doesNotContain("3SABCD1234567", "cst_secret", "customerId");
    }

    @Test
    void aNameOrIdentifierWithLineBreaksStaysOnItsOwnLineOfTheLetter() {
        DsrRequest stored = Requests.of(RequestType.ERASURE, "persoon@example.nl", Map.of()).withId("R6");
        DsrRequest r = new DsrRequest(stored.id(), stored.type(), stored.receivedAt(), stored.deadline(),
                new nl.dsrhub.model.Subject("persoon@example.nl", "Piet\r\nBcc: eve@example.com\u2028Forged", Map.of()),
                stored.verification(), null, List.of(), stored.reference(), stored.source(), stored.fingerprint());
        // a processor's answer provides identifiers too: they are not checked by the request schema
        Map<String, List<String>> ids = Map.of("postnl.barcode", List.of("3SABCD\n1234567"));

        String byName = letters.letter(connector("paynl"), r, ids, "DSR-ABCDEFGHJK", ANSWER_BY).text();
        String byBarcode = letters.letter(connector("postnl"), r, ids, "DSR-ABCDEFGHJK", ANSWER_BY).text();

        assertThat(byName.lines()).contains("  naam / name: Piet Bcc: eve@example.com Forged").noneMatch(l -> l.startsWith("Bcc:"));
        assertThat(byBarcode.lines()).contains("  barcode: 3SABCD 1234567").noneMatch(l -> l.startsWith("1234567"));
        assertThat(byName + byBarcode).doesNotContain("\u2028");
    }

    @Test
    void aControllerSettingWithALineBreakStaysOnItsLine() {
        Letters forged = new Letters("dsr-hub@shop.example.nl", new Controller("Testwinkel B.V.\r\nBcc: eve@example.com",
                "Proefstraat 1", "privacy@shop.example.nl"));
        DsrRequest r = Requests.of(RequestType.ERASURE, "persoon@example.nl", Map.of()).withId("R7");

        assertThat(forged.letter(connector("paynl"), r, Map.of(), "DSR-ABCDEFGHJK", ANSWER_BY).text().lines())
                .noneMatch(l -> l.startsWith("Bcc:"));
    }

    @Test
    void theReminderRepeatsTheTokenTheControllerAndTheProcessorsDeadline() {
        DsrRequest r = Requests.of(RequestType.ERASURE, "persoon@example.nl", Map.of()).withId("R8");
        Letters.Mail mail = letters.reminder(r, "DSR-ABCDEFGHJK", LocalDate.of(2026, 11, 21), ANSWER_BY);

        assertThat(mail.subject()).contains("Reminder", "[DSR-ABCDEFGHJK]");
        assertThat(mail.text()).contains("2026-11-21", "uiterlijk op 2026-12-04", "reply by 2026-12-04", "namens Testwinkel B.V.",
                "DSR-ABCDEFGHJK");
    }

    @Test
    void aRectificationLetterListsTheCorrectedDataItsProcessorHolds() {
        DsrRequest r = Requests.rectification("persoon@example.nl", new Changes("nieuw.adres@example.com", "Anna", "de Boer",
                "+31 6 1234 5678", new PostalAddress("Nieuwe Gracht", "12-A", "3512 LT", "Utrecht", "NL"), null)).withId("R7");

        Letters.Mail mail = letters.letter(connector("paynl"), r, Map.of(), "DSR-ABCDEFGHJK", ANSWER_BY);

        assertThat(mail.subject()).contains("Rectification request").doesNotContain("nieuw.adres@example.com");
        assertThat(mail.text()).contains("art. 16 AVG", "Art. 16 GDPR", "Te corrigeren (de juiste gegevens):",
                "To correct (the correct data):", "  naam / name: Anna de Boer", "  e-mail: nieuw.adres@example.com",
                "  adres / address: Nieuwe Gracht 12-A, 3512 LT Utrecht, NL")
                // Pay.nl keeps no phone number of the person: a corrected one is not told to it
                .doesNotContain("+31 6 1234 5678");
        // found by what it knows the person by: the known address, not the corrected one
        assertThat(mail.text()).contains("e-mail: persoon@example.nl");
    }

    @Test
    void aControllerOfDeliveryDataIsToldOfACorrectedNameAndAddressOnly() {
        DsrRequest r = Requests.rectification("persoon@example.nl", new Changes("nieuw.adres@example.com", null, null, null,
                new PostalAddress("Nieuwe Gracht", "12-A", "3512 LT", "Utrecht", "NL"), null)).withId("R8");

        Letters.Mail mail = letters.letter(connector("postnl"), r, Map.of("postnl.barcode", List.of("3SABCD1234567")),
                "DSR-ABCDEFGHJK", ANSWER_BY);

        assertThat(mail.text()).contains("art. 19 AVG", "adres / address: Nieuwe Gracht 12-A, 3512 LT Utrecht, NL", "3SABCD1234567")
                .doesNotContain("nieuw.adres@example.com", "persoon@example.nl");
        assertThat(Letters.corrections(connector("postnl"), Requests.rectification("persoon@example.nl",
                new Changes("nieuw.adres@example.com", null, null, null, null, null)))).isEmpty();
    }

    @Test
    void anotherTypesLetterListsNoCorrections() {
        DsrRequest r = Requests.of(RequestType.ERASURE, "persoon@example.nl", Map.of()).withId("R9");

        assertThat(letters.letter(connector("paynl"), r, Map.of(), "DSR-ABCDEFGHJK", ANSWER_BY).text())
                .doesNotContain("Te corrigeren", "To correct");
    }

    private static Connector connector(String name) {
        return Services.loadConnectors(HubConfig.load(null, Map.of("dsr.connectors.dir", Path.of("no-such-dir").toString()), Map.of()), false)
                .find(name).orElseThrow();
    }
}
