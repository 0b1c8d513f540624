package nl.dsrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.dsrhub.HubConfig;
import nl.dsrhub.Services;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.request.DsrRequest;
import nl.dsrhub.request.RequestType;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.Test;

class LettersTest {

    private final Letters letters = new Letters("dsr-hub@shop.example.nl");

    @Test
    void erasureLetterIsBilingualAndNamesWhatWhomBasisDeadlineAndToken() {
        DsrRequest r = Requests.of(RequestType.ERASURE, "persoon@example.nl", Map.of()).withId("R1");
        Letters.Mail mail = letters.letter(connector("paynl"), r, Map.of(), "DSR-ABCDEFGHJK");

        assertThat(mail.subject()).contains("Erasure request", "[DSR-ABCDEFGHJK]").doesNotContain("persoon@example.nl");
        assertThat(mail.text()).contains("Geachte heer/mevrouw", "Dear Sir or Madam",
                "art. 17", "Art. 17 GDPR", "Art. 28(3)(e)", "persoon@example.nl", "Test Persoon",
                r.deadline().toLocalDate().toString(), "DSR-ABCDEFGHJK");
    }

    @Test
    void letterCarriesOnlyTheIdentifiersOfThatProcessor() {
        DsrRequest r = Requests.of(RequestType.EXPORT, "persoon@example.nl", Map.of()).withId("R2");
        Map<String, List<String>> ids = Map.of("postnl.barcode", List.of("3SABCD1234567"),
                "mollie.customerId", List.of("cst_secret"), "woocommerce.customerId", List.of("42"));
        Letters.Mail mail = letters.letter(connector("postnl"), r, ids, "DSR-ABCDEFGHJK");

        assertThat(mail.text()).contains("barcode: 3SABCD1234567", "Art. 15").doesNotContain("cst_secret").doesNotContain("42\n");
    }

    @Test
    void aNameOrIdentifierWithLineBreaksStaysOnItsOwnLineOfTheLetter() {
        DsrRequest stored = Requests.of(RequestType.ERASURE, "persoon@example.nl", Map.of()).withId("R4");
        DsrRequest r = new DsrRequest(stored.id(), stored.type(), stored.receivedAt(), stored.deadline(),
                new nl.dsrhub.request.Subject("persoon@example.nl", "Piet\r\nBcc: eve@example.com\u2028Forged", Map.of()),
                stored.verification(), null, List.of(), stored.reference(), stored.source(), stored.fingerprint());
        // a processor's answer provides identifiers too: they are not checked by the request schema
        Map<String, List<String>> ids = Map.of("postnl.barcode", List.of("3SABCD\n1234567"));

        String text = letters.letter(connector("postnl"), r, ids, "DSR-ABCDEFGHJK").text();

        assertThat(text.lines()).contains("  naam / name: Piet Bcc: eve@example.com Forged", "  barcode: 3SABCD 1234567")
                .noneMatch(l -> l.startsWith("Bcc:") || l.startsWith("1234567"));
        assertThat(text).doesNotContain("\u2028");
    }

    @Test
    void reminderRepeatsTheTokenAndTheDeadline() {
        DsrRequest r = Requests.of(RequestType.ERASURE, "persoon@example.nl", Map.of()).withId("R3");
        Letters.Mail mail = letters.reminder(r, "DSR-ABCDEFGHJK", LocalDate.of(2026, 11, 21));

        assertThat(mail.subject()).contains("Reminder", "[DSR-ABCDEFGHJK]");
        assertThat(mail.text()).contains("2026-11-21", r.deadline().toLocalDate().toString(), "DSR-ABCDEFGHJK");
    }

    private static Connector connector(String name) {
        return Services.loadConnectors(HubConfig.load(null, Map.of("dsr.connectors.dir", Path.of("no-such-dir").toString()), Map.of()), false)
                .find(name).orElseThrow();
    }
}
