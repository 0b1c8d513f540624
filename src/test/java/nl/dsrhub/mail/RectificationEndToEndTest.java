package nl.dsrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.EBoekhoudenSimulator;
import nl.dsrhub.demo.LapostaSimulator;
import nl.dsrhub.demo.MailServer;
import nl.dsrhub.demo.MailchimpSimulator;
import nl.dsrhub.demo.MoneybirdSimulator;
import nl.dsrhub.demo.RecordedCall;
import nl.dsrhub.demo.SimulatorServer;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.store.TaskStore;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rectification end to end: the request file in the inbox, the database, real HTTP to every processor's simulator and
 * real mail to the processors asked by letter. Jan corrects his postal address and e-mail address: every recipient is
 * asked (art. 19), each simulator sees exactly the calls that correct what it holds, Mailchimp's member moves to the
 * new address's hash, and the booked invoices and placed orders are not rewritten but reported as they stay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RectificationEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAYNL = "privacy@pay.example.com";
    private static final String POSTNL = "privacy@postnl.example.com";
    private static final String NEW_EMAIL = "jan.jansen.nieuw@example.com";
    private static final DemoPeople.Person JAN = DemoPeople.JAN;

    MailServer mail;
    HubFixture fixture;
    String id;
    Map<String, JsonNode> recipients;

    @BeforeAll
    void rectify(@TempDir Path dataDir) throws Exception {
        mail = MailServer.start();
        fixture = Mails.startHub(mail, dataDir, Map.of("dsr.connector.paynl.enabled", "true",
                "dsr.connector.paynl.privacy-contact", PAYNL, "dsr.connector.postnl.enabled", "true",
                "dsr.connector.postnl.privacy-contact", POSTNL, "dsr.sweep.interval-seconds", "3600"));
        fixture.drop("rectification-jan.json", """
                { "type": "rectification", "receivedAt": "%s",
                  "subject": { "email": "%s", "name": "Jan Jansen" },
                  "verification": { "method": "account-login", "verifiedBy": "privacy@shop.example.nl", "verifiedAt": "%s" },
                  "changes": {
                    "email": "%s", "newEmailVerifiedAt": "%s",
                    "address": { "street": "Nieuwe Gracht", "houseNumber": "12-A", "postalCode": "3512 LT", "city": "Utrecht", "country": "NL" }
                  },
                  "processors": "all", "reference": "E2E-RECTIFY-JAN" }
                """.formatted(Requests.now(), JAN.email(), Requests.now(), NEW_EMAIL, Requests.now()));
        id = fixture.awaitRequest("E2E-RECTIFY-JAN");
        // the recipients asked by letter answer that they hold nothing of him
        for (String contact : List.of(PAYNL, POSTNL)) {
            MimeMessage letter = awaitLetter(contact);
            mail.send(contact, MailServer.HUB, "Re: " + Mails.subject(letter), "Wij hebben geen gegevens van deze persoon.", Map.of());
        }
        fixture.awaitCompleted(id);
        recipients = new HashMap<>();
        JSON.readTree(fixture.outbox(id).resolve("confirmation.json").toFile()).path("recipients")
                .forEach(r -> recipients.put(r.path("connector").asText(), r));
    }

    @AfterAll
    void stop() {
        fixture.close();
        mail.close();
    }

    @Test
    void everyRecipientIsAskedAndAnswersForItself() {
        assertThat(fixture.hub().services().tasks.forRequest(id)).extracting(TaskStore.TaskRow::connector)
                .containsExactlyInAnyOrder("woocommerce", "mollie", "sendcloud", "mailchimp", "laposta", "moneybird",
                        "eboekhouden", "paynl", "postnl");
        assertThat(recipients).containsOnlyKeys("woocommerce", "mollie", "sendcloud", "mailchimp", "laposta", "moneybird",
                "eboekhouden", "paynl", "postnl");
        assertThat(recipients.get("laposta").path("outcome").asText()).isEqualTo(Outcome.RECTIFIED.name());
        // corrected, with what stays as it was listed
        for (String partly : List.of("woocommerce", "mailchimp", "mollie", "moneybird", "eboekhouden")) {
            assertThat(recipients.get(partly).path("outcome").asText()).as(partly).isEqualTo(Outcome.PARTIAL.name());
        }
        // everything SendCloud has of him was shipped: it stays as it was sent
        assertThat(recipients.get("sendcloud").path("outcome").asText()).isEqualTo(Outcome.RETAINED.name());
        assertThat(recipients.get("paynl").path("outcome").asText()).isEqualTo(Outcome.NOT_FOUND.name());
    }

    @Test
    void eachSimulatorSawExactlyTheCallsThatCorrectWhatItHolds() throws Exception {
        var sims = fixture.simulators;
        String hash = MailchimpSimulator.subscriberHash(JAN.email());
        String address = "\"address_1\": \"Nieuwe Gracht 12-A\", \"postcode\": \"3512 LT\", \"city\": \"Utrecht\", \"country\": \"NL\"";
        assertThat(changes(sims.woo)).containsExactly("PUT /wp-json/wc/v3/customers/" + JAN.wooCustomerId() + " " + json("""
                {"email": "%s", "billing": {%s, "email": "%s"}, "shipping": {%s}}""".formatted(NEW_EMAIL, address, NEW_EMAIL, address)));
        assertThat(changes(sims.mailchimp)).containsExactlyInAnyOrder(
                "PATCH /3.0/lists/" + DemoPeople.LIST_NEWSLETTER + "/members/" + hash + " " + json("{\"email_address\": \"" + NEW_EMAIL + "\"}"),
                "PATCH /3.0/lists/" + DemoPeople.LIST_CUSTOMERS + "/members/" + hash + " " + json("{\"email_address\": \"" + NEW_EMAIL + "\"}"),
                "PATCH /3.0/ecommerce/stores/" + DemoPeople.MAILCHIMP_STORE + "/customers/" + DemoPeople.mailchimpCustomerId(JAN) + " "
                        + json("{\"address\": {\"address1\": \"Nieuwe Gracht 12-A\", \"postal_code\": \"3512 LT\", \"city\": \"Utrecht\", \"country_code\": \"NL\"}}"));
        assertThat(changes(sims.laposta)).containsExactlyInAnyOrder(
                "POST /v2/member/" + JAN.email() + " list_id=" + LapostaSimulator.LIST_NEWSLETTER + "&email=jan.jansen.nieuw%40example.com",
                "POST /v2/member/" + JAN.email() + " list_id=" + LapostaSimulator.LIST_PANEL + "&email=jan.jansen.nieuw%40example.com");
        assertThat(changes(sims.mollie)).containsExactly("PATCH /v2/customers/" + JAN.mollieCustomerId() + " "
                + json("{\"email\": \"" + NEW_EMAIL + "\"}"));
        assertThat(changes(sims.moneybird)).containsExactly("PATCH /api/v2/" + MoneybirdSimulator.ADMINISTRATION_ID + "/contacts/"
                + MoneybirdSimulator.JAN_CONTACT_ID + ".json " + json("""
                {"contact": {"address1": "Nieuwe Gracht 12-A", "zipcode": "3512 LT", "city": "Utrecht", "country": "NL",
                             "email": "%s", "send_invoices_to_email": "%s"}}""".formatted(NEW_EMAIL, NEW_EMAIL)));
        assertThat(changes(sims.eboekhouden)).filteredOn(c -> !c.startsWith("POST /v1/session")).containsExactly(
                "PATCH /v1/relation/" + EBoekhoudenSimulator.JAN_RELATION_ID + " " + json("""
                {"name": "Jan Jansen", "address": "Nieuwe Gracht 12-A", "postalCode": "3512 LT", "city": "Utrecht", "country": "NL",
                 "emailAddress": "%s", "emailAddressInvoice": "%s"}""".formatted(NEW_EMAIL, NEW_EMAIL)));
        assertThat(changes(sims.sendcloud)).isEmpty();
    }

    @Test
    void theCorrectionsConformToTheProcessorsPublishedSpecs() {
        // Mailchimp's member and store-customer PATCHes, Mollie's customer PATCH: as the specs in ../shared/specs say
        assertThat(fixture.simulators.mailchimp.callsMatching("PATCH", ".*")).isNotEmpty();
        nl.dsrhub.demo.MailchimpContract.assertConforms(fixture.simulators.mailchimp.calls());
        assertThat(fixture.simulators.mollie.calls()).anyMatch(c -> c.method().equals("PATCH"));
        nl.dsrhub.demo.MollieContract.assertConforms(fixture.simulators.mollie.calls());
        nl.dsrhub.demo.SendCloudContract.assertConforms(fixture.simulators.sendcloud.calls());
    }

    @Test
    void mailchimpsMemberNowLivesAtTheNewAddressesHash() {
        for (String list : JAN.mailchimpListIds()) {
            assertThat(fixture.simulators.mailchimp.memberStatus(list, NEW_EMAIL)).isEqualTo("subscribed");
            assertThat(fixture.simulators.mailchimp.memberStatus(list, JAN.email())).isNull();
        }
    }

    @Test
    void aBookedInvoiceIsNotRewrittenButSaidToStayAsItWasIssued() {
        assertThat(fixture.simulators.moneybird.calls()).noneMatch(c -> c.path().contains("sales_invoices") && !c.method().equals("GET"));
        JsonNode kept = recipients.get("moneybird").path("retained");
        assertThat(kept).hasSize(2).allSatisfy(k -> {
            assertThat(k.path("record").asText()).isEqualTo("invoice");
            assertThat(k.path("basis").asText()).isEqualTo("AWR art. 52 lid 4; Wet OB art. 35a");
        });
        // the shop's placed orders keep the details they were placed with: never written
        assertThat(fixture.simulators.woo.calls()).noneMatch(c -> c.path().contains("/orders/") && !c.method().equals("GET"));
        assertThat(recipients.get("woocommerce").path("retained")).isNotEmpty()
                .allSatisfy(k -> assertThat(k.path("record").asText()).isEqualTo("order"));
    }

    @Test
    void theLettersSayWhatToCorrectOfWhatEachRecipientHolds() {
        assertThat(Mails.text(Mails.to(mail, PAYNL).get(0))).contains("art. 16 AVG", "e-mail: " + NEW_EMAIL,
                "adres / address: Nieuwe Gracht 12-A, 3512 LT Utrecht, NL");
        // PostNL, asked by the parcel's barcode, is told of the address only
        assertThat(Mails.text(Mails.to(mail, POSTNL).get(0))).contains(JAN.postnlBarcodes().get(0),
                "adres / address: Nieuwe Gracht 12-A, 3512 LT Utrecht, NL").doesNotContain(NEW_EMAIL, JAN.email());
    }

    /** The simulator's data-changing calls, each as "METHOD path body" (JSON bodies normalised). */
    private static List<String> changes(SimulatorServer sim) throws Exception {
        List<String> out = new ArrayList<>();
        for (RecordedCall c : sim.calls()) {
            if (!c.method().equals("GET")) {
                String body = c.requestBody().startsWith("{") ? json(c.requestBody()) : c.requestBody();
                out.add(c.method() + " " + c.path() + " " + body);
            }
        }
        return out;
    }

    private static String json(String text) throws Exception {
        return JSON.readTree(text).toString();
    }

    private MimeMessage awaitLetter(String contact) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(mail, contact).stream().findFirst().orElse(null),
                m -> m != null);
    }
}
