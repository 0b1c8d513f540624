package nl.dsrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.MailServer;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.TaskStore;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Letters to mail-only processors as they arrive over real SMTP: a processor is asked for its assistance
 * (art. 28(3)(e)), a controller is notified (art. 19) for its own duty; both name the shop and give the processors'
 * deadline; each carries only the identifiers its connector file declares, so PostNL learns a barcode, never the
 * person's name or address, and is not written to at all when the shop has no barcode for them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessorLettersTest {

    static final String PAYNL = "privacy@pay.example.com";
    static final String POSTNL = "privacy@postnl.example.com";

    MailServer mail;
    HubFixture fixture;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        mail = MailServer.start();
        fixture = Mails.startHub(mail, dataDir, Map.of("dsr.connector.paynl.enabled", "true", "dsr.connector.paynl.privacy-contact",
                PAYNL, "dsr.connector.postnl.enabled", "true", "dsr.connector.postnl.privacy-contact", POSTNL,
                "dsr.deadline.processor-days", "10"));
    }

    @AfterAll
    void stop() {
        fixture.close();
        mail.close();
    }

    @Test
    void aProcessorIsAskedForItsAssistanceUnderArticle28OnBehalfOfTheNamedShopByTheProcessorsDeadline() {
        String id = submit("erasure", "pay.letter@example.nl", "Pieter Proef", "LETTER-PROCESSOR", "paynl");
        RequestStore.RequestRow row = fixture.requests().row(id).orElseThrow();

        String text = Mails.text(awaitLetter(PAYNL, id));

        assertThat(text).contains("Wij, Testwinkel B.V., zijn verwerkingsverantwoordelijke",
                "Verwerkingsverantwoordelijke: Testwinkel B.V., Proefstraat 1, 1234 AB Teststad",
                "Contact voor privacyzaken:    privacy@shop.example.nl", "art. 28 lid 3 sub e AVG", "Art. 28(3)(e) GDPR",
                "Antwoord uiterlijk op: " + row.processorDueDate(), "Please reply by: " + row.processorDueDate(),
                "  e-mail: pay.letter@example.nl", "  naam / name: Pieter Proef")
                .doesNotContain("Art. 19", row.dueDate().toString());
        assertThat(row.processorDueDate()).isEqualTo(row.createdAt().atZoneSameInstant(nl.dsrhub.model.Deadlines.ZONE)
                .toLocalDate().plusDays(10));
    }

    @Test
    void aControllerIsNotifiedUnderArticle19WithTheBarcodeTheShopHoldsAndNothingElseAboutThePerson() {
        // the shop's orders name Jan's PostNL barcode: the PostNL task waits for it, and its letter carries it alone
        String id = submit("erasure", DemoPeople.JAN.email(), DemoPeople.JAN.name(), "LETTER-CONTROLLER", "woocommerce", "postnl");
        RequestStore.RequestRow row = fixture.requests().row(id).orElseThrow();

        String text = Mails.text(awaitLetter(POSTNL, id));

        assertThat(text).contains("  barcode: " + DemoPeople.JAN.postnlBarcodes().get(0),
                "Voor die gegevens bent u zelf verwerkingsverantwoordelijke", "art. 19 AVG (kennisgeving aan ontvangers)",
                "uw eigen plicht uit art. 17 AVG", "Art. 19 GDPR (notification of recipients); your own duty under Art. 17 GDPR",
                "Testwinkel B.V.", "Antwoord uiterlijk op: " + row.processorDueDate())
                .doesNotContain(DemoPeople.JAN.email(), DemoPeople.JAN.lastName(), DemoPeople.JAN.address().street(),
                        DemoPeople.JAN.mollieCustomerId(), "Art. 28(3)(e)");
    }

    @Test
    void aCourierTheShopHasNoBarcodeForIsNotWrittenToAndItsOutcomeSaysWhy() {
        String id = submit("erasure", DemoPeople.SANNE.email(), DemoPeople.SANNE.name(), "LETTER-NO-BARCODE", "woocommerce", "postnl");

        await().atMost(Duration.ofSeconds(30)).ignoreException(java.util.NoSuchElementException.class).until(() -> task(id, "postnl").outcome() == Outcome.NOT_FOUND);
        assertThat(task(id, "postnl").detail()).isEqualTo("cannot be asked without postnl.barcode, and none of woocommerce found one");
        fixture.awaitCompleted(id);
        assertThat(Mails.to(mail, POSTNL)).noneMatch(m -> Mails.text(m).contains(DemoPeople.SANNE.email())
                || Mails.text(m).contains(DemoPeople.SANNE.lastName()));
    }

    @Test
    void aHubThatWouldWriteLettersWithoutNamingTheControllerDoesNotStart(@TempDir Path otherDir) {
        HubFixture unnamed = HubFixture.create(otherDir);
        try (unnamed) {
            mail.settings().forEach(unnamed::set);
            unnamed.set("dsr.connector.paynl.enabled", "true").set("dsr.controller.name", "").set("dsr.controller.address", "");

            assertThatThrownBy(unnamed::startHub).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("dsr.controller.name, dsr.controller.address: not set; letters to the mail connectors' processors"
                            + " (paynl) must name the controller: the shop's legal name, postal address and privacy e-mail address");
        }
    }

    private String submit(String type, String email, String name, String reference, String... processors) {
        fixture.drop(reference + ".json", """
                { "type": "%s", "receivedAt": "%s",
                  "subject": { "email": "%s", "name": "%s" },
                  "verification": { "method": "known-email", "verifiedBy": "privacy@shop.example.nl", "verifiedAt": "%s" },
                  "processors": ["%s"], "reference": "%s" }
                """.formatted(type, Requests.now(), email, name, Requests.now(), String.join("\", \"", processors), reference));
        return fixture.awaitRequest(reference);
    }

    private MimeMessage awaitLetter(String contact, String requestId) {
        String connector = contact.equals(PAYNL) ? "paynl" : "postnl";
        MailStore store = new MailStore(fixture.hub().services().jdbc, java.time.Clock.systemUTC(), fixture.hub().services().events);
        String token = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> store.letterOfTask(
                task(requestId, connector).id()).map(MailStore.Letter::token).orElse(null), t -> t != null);
        return await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(mail, contact).stream()
                .filter(m -> Mails.subject(m).contains(token)).findFirst().orElse(null), m -> m != null);
    }

    private TaskStore.TaskRow task(String requestId, String connector) {
        return fixture.hub().services().tasks.forRequest(requestId).stream().filter(t -> t.connector().equals(connector))
                .findFirst().orElseThrow();
    }
}
