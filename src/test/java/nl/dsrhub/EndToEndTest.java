package nl.dsrhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.MailchimpContract;
import nl.dsrhub.demo.RecordedCall;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path through real files, the real H2 database and real HTTP: a request file in the
 * inbox, the processors' simulators called, a bundle or confirmation in the outbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    HubFixture fixture;

    @BeforeAll
    void startHub(@TempDir Path dataDir) {
        // the sweep only picks up what is lost or due later: the main path must not lean on it
        fixture = HubFixture.start(dataDir, Map.of("dsr.sweep.interval-seconds", "3600"));
    }

    @AfterAll
    void stopHub() {
        fixture.close();
    }

    @Test
    void exportBundleHoldsEachProcessorsDataAsReceivedWithItsHash() throws Exception {
        String receivedAt = Requests.now();
        String id = submit("export", DemoPeople.JAN.email(), receivedAt, "E2E-EXPORT-JAN");

        Map<String, byte[]> zip = unzip(fixture.outbox(id).resolve("bundle.zip"));
        JsonNode manifest = JSON.readTree(zip.get("manifest.json"));
        assertThat(manifest.path("requestId").asText()).isEqualTo(id);
        assertThat(outcomes(manifest.path("processors"))).containsEntry("woocommerce", "EXPORTED")
                .containsEntry("mailchimp", "EXPORTED").containsEntry("laposta", "EXPORTED")
                .containsEntry("moneybird", "EXPORTED").containsEntry("eboekhouden", "EXPORTED")
                // reached with the ids from the shop's orders
                .containsEntry("mollie", "EXPORTED").containsEntry("sendcloud", "EXPORTED");
        assertThat(zip.keySet()).anyMatch(n -> n.startsWith("laposta/member-"))
                .anyMatch(n -> n.startsWith("moneybird/invoices-")).anyMatch(n -> n.startsWith("eboekhouden/invoices-"));
        assertThat(zip.keySet()).contains("woocommerce/customer.json", "woocommerce/orders-p0001.json",
                "mailchimp/member-" + DemoPeople.LIST_NEWSLETTER + ".json",
                "mailchimp/member-" + DemoPeople.LIST_CUSTOMERS + ".json",
                "mailchimp/activity-" + DemoPeople.LIST_NEWSLETTER + ".json",
                "mailchimp/notes-" + DemoPeople.LIST_NEWSLETTER + ".json",
                "mailchimp/tags-" + DemoPeople.LIST_NEWSLETTER + ".json",
                "index.html");
        for (JsonNode p : manifest.path("processors")) {
            for (JsonNode f : p.path("files")) {
                assertThat(sha256(zip.get(f.path("path").asText()))).as(f.path("path").asText())
                        .isEqualTo(f.path("sha256").asText());
            }
        }
        String index = new String(zip.get("index.html"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(index).contains("Autoriteit Persoonsgegevens", "The Rocket Science Group LLC");

        JsonNode receipt = JSON.readTree(fixture.outbox(id).resolve("receipt.json").toFile());
        assertThat(receipt.path("deadline").asText())
                .isEqualTo(nl.dsrhub.model.Deadlines.dateOf(OffsetDateTime.parse(receivedAt)).plusMonths(1).toString());
    }

    @Test
    void exportKeepsOnlyThePersonsOwnOrdersFromASubstringSearch() throws Exception {
        String id = submit("export", DemoPeople.JAN.email(), Requests.now(), "E2E-EXPORT-JAN-ORDERS");

        JsonNode orders = JSON.readTree(unzip(fixture.outbox(id).resolve("bundle.zip")).get("woocommerce/orders-p0001.json"));
        List<Long> ids = StreamSupport.stream(orders.spliterator(), false).map(o -> o.path("id").asLong()).toList();
        // the shop's search for jan@example.nl also matches marjan@example.nl: her orders must not leak
        assertThat(ids).containsExactlyInAnyOrderElementsOf(DemoPeople.JAN.wooOrderIds());
    }

    @Test
    void personKnownNowhereGetsABundleSayingSo() throws Exception {
        String id = submit("export", DemoPeople.SANNE.email(), Requests.now(), "E2E-EXPORT-SANNE");

        JsonNode manifest = JSON.readTree(unzip(fixture.outbox(id).resolve("bundle.zip")).get("manifest.json"));
        assertThat(outcomes(manifest.path("processors"))).containsEntry("woocommerce", "NOT_FOUND")
                .containsEntry("mailchimp", "NOT_FOUND").containsEntry("laposta", "NOT_FOUND")
                .containsEntry("moneybird", "NOT_FOUND").containsEntry("eboekhouden", "NOT_FOUND");
    }

    @Test
    void erasureDeletesAtEachProcessorOnceAndConfirmsWithRetention() throws Exception {
        DemoPeople.Person anna = DemoPeople.ANNA;
        // SendCloud's v3 orders of her parcels, as the shop's order metadata names them
        List<String> sendcloudOrders = anna.sendcloudParcelIds().stream().map(fixture.simulators.sendcloud::orderIdFor).toList();
        String id = submit("erasure", anna.email(), Requests.now(), "E2E-ERASE-ANNA");

        JsonNode confirmation = JSON.readTree(fixture.outbox(id).resolve("confirmation.json").toFile());
        Map<String, JsonNode> recipients = byConnector(confirmation.path("recipients"));
        assertThat(recipients.get("mailchimp").path("outcome").asText()).isEqualTo("ERASED");
        assertThat(recipients.get("laposta").path("outcome").asText()).isEqualTo("ERASED");
        // booked in the accounts: kept by law, archived at Moneybird, minimised at e-Boekhouden
        assertThat(recipients.get("moneybird").path("outcome").asText()).isEqualTo("RETAINED");
        assertThat(recipients.get("eboekhouden").path("outcome").asText()).isEqualTo("PARTIAL");
        // payments cannot be deleted; orders can, parcels can only be cancelled
        assertThat(recipients.get("mollie").path("outcome").asText()).isEqualTo("PARTIAL");
        assertThat(recipients.get("sendcloud").path("outcome").asText()).isEqualTo("PARTIAL");
        assertThat(fixture.simulators.mollie.callsMatching("DELETE", ".*/customers/" + anna.mollieCustomerId()))
                .singleElement().satisfies(c -> assertThat(c.requestHeader("idempotency-key")).isNotBlank());
        JsonNode shop = recipients.get("woocommerce");
        assertThat(shop.path("outcome").asText()).isEqualTo("PARTIAL");
        assertThat(shop.path("retained").get(0).path("basis").asText()).isEqualTo("AWR art. 52 lid 4");
        assertThat(shop.path("retained").get(0).path("until").asText()).isNotBlank();
        assertThat(shop.path("notifiedAt").asText()).isNotBlank();
        assertThat(fixture.outbox(id).resolve("confirmation.html")).content().contains("Mailchimp");

        List<RecordedCall> deletes = fixture.woo.callsMatching("DELETE", ".*/customers/" + anna.wooCustomerId());
        assertThat(deletes).hasSize(1);
        assertThat(deletes.get(0).rawQuery()).contains("force=true");
        assertThat(fixture.woo.customerExists(anna.wooCustomerId())).isFalse();
        assertThat(anna.wooOrderIds()).allMatch(fixture.woo::orderExists);

        for (String list : anna.mailchimpListIds()) {
            assertThat(fixture.mailchimp.callsMatching("POST",
                    ".*/lists/" + list + "/members/" + anna.subscriberHash() + "/actions/delete-permanent")).hasSize(1);
            assertThat(fixture.mailchimp.memberStatus(list, anna.email())).isNull();
        }
        // a plain DELETE only archives at Mailchimp: it must never be used
        assertThat(fixture.mailchimp.callsMatching("DELETE", ".*/lists/.*" + anna.subscriberHash() + ".*")).isEmpty();
        // the shop's copies in Mailchimp's e-commerce store: her abandoned cart and her orders, then her as a customer
        assertThat(fixture.mailchimp.callsMatching("DELETE", ".*/ecommerce/stores/.*/carts/.*")).hasSize(1);
        assertThat(fixture.mailchimp.callsMatching("DELETE", ".*/ecommerce/stores/.*")).hasSize(anna.molliePaymentIds().size() + 2);
        assertThat(fixture.mailchimp.storeCustomerExists(DemoPeople.MAILCHIMP_STORE, DemoPeople.mailchimpCustomerId(anna))).isFalse();

        // every other processor: exactly the calls that erase, once each
        var sims = fixture.simulators;
        assertThat(sims.laposta.callsMatching("DELETE", ".*/member/" + java.util.regex.Pattern.quote(anna.email())))
                .extracting(RecordedCall::rawQuery).containsExactlyInAnyOrder(
                        "list_id=" + nl.dsrhub.demo.LapostaSimulator.LIST_NEWSLETTER,
                        "list_id=" + nl.dsrhub.demo.LapostaSimulator.LIST_PANEL);
        String contact = nl.dsrhub.demo.MoneybirdSimulator.ANNA_CONTACT_ID;
        assertThat(sims.moneybird.callsMatching("DELETE", ".*/contacts/" + contact + "\\.json")).hasSize(1);
        assertThat(sims.moneybird.callsMatching("PATCH", ".*/contacts/" + contact + "/archive")).hasSize(1);
        assertThat(sims.eboekhouden.callsMatching("PATCH", ".*/relation/" + nl.dsrhub.demo.EBoekhoudenSimulator.ANNA_RELATION_ID))
                .hasSize(1);
        assertThat(sims.eboekhouden.callsMatching("DELETE", ".*/relation/.*")).isEmpty();
        for (String parcel : anna.sendcloudParcelIds()) {
            assertThat(sims.sendcloud.callsMatching("POST", ".*/parcels/" + parcel + "/cancel")).hasSize(1);
        }
        for (String order : sendcloudOrders) {
            assertThat(sims.sendcloud.callsMatching("DELETE", ".*/v3/orders/" + order)).hasSize(1);
            assertThat(sims.sendcloud.orderExists(order)).isFalse();
        }
    }

    @Test
    void guestBuyerErasureIsRetainedAtTheShop() throws Exception {
        String id = submit("erasure", DemoPeople.EVA.email(), Requests.now(), "E2E-ERASE-EVA");

        Map<String, JsonNode> recipients = byConnector(
                JSON.readTree(fixture.outbox(id).resolve("confirmation.json").toFile()).path("recipients"));
        assertThat(recipients.get("woocommerce").path("outcome").asText()).isEqualTo("RETAINED");
        assertThat(recipients.get("mailchimp").path("outcome").asText()).isEqualTo("ERASED");
    }

    @Test
    void shopUserWithAnotherRoleIsFoundAndErased() throws Exception {
        DemoPeople.Person pieter = DemoPeople.PIETER;
        String id = submit("erasure", pieter.email(), Requests.now(), "E2E-ERASE-PIETER");

        Map<String, JsonNode> recipients = byConnector(
                JSON.readTree(fixture.outbox(id).resolve("confirmation.json").toFile()).path("recipients"));
        // a subscriber is only found with role=all
        assertThat(recipients.get("woocommerce").path("outcome").asText()).isEqualTo("ERASED");
        assertThat(fixture.woo.customerExists(pieter.wooCustomerId())).isFalse();
        assertThat(recipients.get("mailchimp").path("outcome").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void trafficConformsToThePublishedSpecs() throws Exception {
        submit("export", DemoPeople.KEES.email(), Requests.now(), "E2E-CONTRACT-EXPORT");
        submit("erasure", DemoPeople.DAAN.email(), Requests.now(), "E2E-CONTRACT-ERASE");

        List<RecordedCall> calls = fixture.mailchimp.calls();
        assertThat(calls).extracting(RecordedCall::method).contains("GET", "POST");
        MailchimpContract.assertConforms(calls);
        assertThat(fixture.simulators.mollie.calls()).isNotEmpty();
        nl.dsrhub.demo.MollieContract.assertConforms(fixture.simulators.mollie.calls());
        nl.dsrhub.demo.SendCloudContract.assertConforms(fixture.simulators.sendcloud.calls());
    }

    private String submit(String type, String email, String receivedAt, String reference) {
        fixture.drop(reference.toLowerCase() + ".json", Requests.file(type, email, receivedAt, reference));
        String id = fixture.awaitRequest(reference);
        fixture.awaitCompleted(id);
        return id;
    }

    private static Map<String, String> outcomes(JsonNode processors) {
        Map<String, String> out = new HashMap<>();
        processors.forEach(p -> out.put(p.path("connector").asText(), p.path("outcome").asText()));
        return out;
    }

    private static Map<String, JsonNode> byConnector(JsonNode recipients) {
        Map<String, JsonNode> out = new HashMap<>();
        recipients.forEach(r -> out.put(r.path("connector").asText(), r));
        return out;
    }

    static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
