package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.EBoekhoudenSimulator;
import nl.dsrhub.demo.LapostaSimulator;
import nl.dsrhub.demo.MoneybirdSimulator;
import nl.dsrhub.demo.RecordedCall;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.Particulars.Changes;
import nl.dsrhub.model.Particulars.PostalAddress;
import nl.dsrhub.model.Retention;
import nl.dsrhub.model.TaskResult;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rectification through each shipped connector file against its simulator: the exact calls and bodies (only what
 * the request corrects), the record as the processor then holds it, and what stays as it was, with its reason.
 */
class RectificationConnectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PostalAddress NEW_ADDRESS = new PostalAddress("Nieuwe Gracht", "12-A", "3512 LT", "Utrecht", "NL");
    private static final String NEW_EMAIL = "jan.nieuw@example.com";

    @TempDir
    Path dir;

    EngineHarness h;

    @BeforeEach
    void start() {
        h = new EngineHarness(dir);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static Changes address() {
        return new Changes(null, null, null, null, NEW_ADDRESS, null);
    }

    private static Changes email() {
        return new Changes(NEW_EMAIL, null, null, null, null, java.time.OffsetDateTime.parse("2026-11-20T10:00:00+01:00"));
    }

    // ---- WooCommerce

    @Test
    void wooCommerceCorrectsTheAccountWithOnlyTheCorrectedFieldsAndLeavesTheOrders() throws Exception {
        DemoPeople.Person jan = DemoPeople.JAN;
        JsonNode orderBefore = h.simulators.woo.order(jan.wooOrderIds().get(0)).orElseThrow();

        TaskResult r = h.run("woocommerce", Requests.rectification(jan.email(), address()));

        assertThat(h.simulators.woo.callsMatching("PUT", ".*/customers/" + jan.wooCustomerId())).singleElement()
                .satisfies(c -> assertThat(JSON.readTree(c.requestBody())).isEqualTo(JSON.readTree("""
                        {"billing": {"address_1": "Nieuwe Gracht 12-A", "postcode": "3512 LT", "city": "Utrecht", "country": "NL"},
                         "shipping": {"address_1": "Nieuwe Gracht 12-A", "postcode": "3512 LT", "city": "Utrecht", "country": "NL"}}""")));
        JsonNode customer = h.simulators.woo.customer(jan.wooCustomerId()).orElseThrow();
        assertThat(customer.at("/billing/address_1").asText()).isEqualTo("Nieuwe Gracht 12-A");
        assertThat(customer.path("first_name").asText()).isEqualTo(jan.firstName());
        assertThat(customer.path("email").asText()).isEqualTo(jan.email());
        // the orders keep the copy they were placed with: never written
        assertThat(h.simulators.woo.calls()).noneMatch(c -> c.path().contains("/orders/") && !c.method().equals("GET"));
        assertThat(h.simulators.woo.order(jan.wooOrderIds().get(0)).orElseThrow()).isEqualTo(orderBefore);
        assertThat(r.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(r.retained()).extracting(Retention::recordId).containsExactlyInAnyOrderElementsOf(
                jan.wooOrderIds().stream().map(String::valueOf).toList());
        assertThat(r.retained()).filteredOn(k -> k.kind() == Retention.Kind.SHOP_LEGAL_DUTY).isNotEmpty()
                .allSatisfy(k -> assertThat(k.law()).isEqualTo("AWR art. 52 lid 4"));
        // what a rectification leaves as it was is not erased by the retention calendar
        assertThat(r.retained()).allSatisfy(k -> assertThat(k.erasure()).isNull());
    }

    @Test
    void wooCommerceCorrectedAddressOfAnotherAccountIsTheOfficersCase() {
        Changes toAnnasAddress = new Changes(DemoPeople.ANNA.email(), null, null, null, null,
                java.time.OffsetDateTime.parse("2026-11-20T10:00:00+01:00"));

        assertThatThrownBy(() -> h.run("woocommerce", Requests.rectification(DemoPeople.JAN.email(), toAnnasAddress)))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("HTTP 400 (woocommerce_rest_customer_invalid_email)")
                .hasMessageContaining("two accounts for one person").hasMessageNotContaining(DemoPeople.ANNA.email());
        assertThat(h.simulators.woo.customer(DemoPeople.JAN.wooCustomerId()).orElseThrow().path("email").asText())
                .isEqualTo(DemoPeople.JAN.email());
    }

    // ---- Mailchimp

    @Test
    void mailchimpMovesTheMemberToTheNewAddressInEveryAudience() throws Exception {
        DemoPeople.Person jan = DemoPeople.JAN;
        Changes changes = new Changes(NEW_EMAIL, "Jan", "de Boer", null, null, java.time.OffsetDateTime.parse("2026-11-20T10:00:00+01:00"));

        TaskResult r = h.run("mailchimp", Requests.rectification(jan.email(), changes));

        for (String list : jan.mailchimpListIds()) {
            assertThat(h.simulators.mailchimp.callsMatching("PATCH", ".*/lists/" + list + "/members/" + jan.subscriberHash()))
                    .singleElement().satisfies(c -> assertThat(JSON.readTree(c.requestBody())).isEqualTo(JSON.readTree(
                            "{\"email_address\": \"" + NEW_EMAIL + "\", \"merge_fields\": {\"FNAME\": \"Jan\", \"LNAME\": \"de Boer\"}}")));
            // the member now lives at the new address's hash; the old one is gone
            assertThat(h.simulators.mailchimp.memberStatus(list, NEW_EMAIL)).isEqualTo("subscribed");
            assertThat(h.simulators.mailchimp.memberStatus(list, jan.email())).isNull();
        }
        // never an upsert: a PUT to the new hash would add a member
        assertThat(h.simulators.mailchimp.callsMatching("PUT", ".*")).isEmpty();
        assertThat(h.simulators.mailchimp.callsMatching("PATCH", ".*/ecommerce/stores/.*/customers/.*")).singleElement()
                .satisfies(c -> assertThat(JSON.readTree(c.requestBody()))
                        .isEqualTo(JSON.readTree("{\"first_name\": \"Jan\", \"last_name\": \"de Boer\"}")));
        // the store customer's e-mail address (Mailchimp changes it only by PUT) and the order copies stay, said so
        assertThat(r.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(r.retained()).extracting(Retention::record).contains("store-customer", "store-order");
        assertThat(r.retained()).filteredOn(k -> k.record().equals("store-customer")).singleElement()
                .satisfies(k -> assertThat(k.recordId()).isEqualTo(DemoPeople.mailchimpCustomerId(jan)));
    }

    @Test
    void mailchimpCorrectedAddressThatIsAlreadyAMemberIsNeverMerged() {
        DemoPeople.Person anna = DemoPeople.ANNA;
        // Marjan is a member of the newsletter, one of Anna's audiences
        Changes toMarjansAddress = new Changes(DemoPeople.MARJAN.email(), null, null, null, null,
                java.time.OffsetDateTime.parse("2026-11-20T10:00:00+01:00"));

        assertThatThrownBy(() -> h.run("mailchimp", Requests.rectification(anna.email(), toMarjansAddress)))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("HTTP 400 (Member Exists)")
                .hasMessageContaining("two records for one person").hasMessageNotContaining(DemoPeople.MARJAN.email());
        assertThat(h.simulators.mailchimp.memberStatus(DemoPeople.LIST_NEWSLETTER, anna.email())).isEqualTo("subscribed");
        assertThat(h.simulators.mailchimp.memberStatus(DemoPeople.LIST_NEWSLETTER, DemoPeople.MARJAN.email())).isEqualTo("subscribed");
    }

    @Test
    void mailchimpMoveSentBeforeACrashIsNotSentAgain() {
        DemoPeople.Person jan = DemoPeople.JAN;
        var request = Requests.rectification(jan.email(), email());
        long task = h.newTask(request, "mailchimp");
        TaskResult first = h.engine.run(h.catalog.get("mailchimp"), h.context(task));
        // as if the hub had stopped after sending each move, before recording the answers
        h.db.jdbc().update("UPDATE dsr_call SET state = 'SENT', http_status = NULL, took_effect = NULL, done_at = NULL "
                + "WHERE task_id = ?", task);

        TaskResult again = h.engine.run(h.catalog.get("mailchimp"), h.context(task));

        // the lookup no longer finds her at the old hash: the calls sent before are what moved her, counted once
        assertThat(h.simulators.mailchimp.callsMatching("PATCH", ".*/lists/.*/members/.*")).hasSize(jan.mailchimpListIds().size());
        assertThat(again.outcome()).isEqualTo(first.outcome());
        assertThat(again.detail()).contains("correct-member " + jan.mailchimpListIds().size() + "x");
        for (String list : jan.mailchimpListIds()) {
            assertThat(h.simulators.mailchimp.memberStatus(list, NEW_EMAIL)).isEqualTo("subscribed");
        }
    }

    // ---- Laposta

    @Test
    void lapostaCorrectsTheMemberOfEveryListFormEncodedWithTheListInTheBody() {
        DemoPeople.Person jan = DemoPeople.JAN;
        Changes changes = new Changes(NEW_EMAIL, "Jan", "de Boer", null, null, java.time.OffsetDateTime.parse("2026-11-20T10:00:00+01:00"));

        TaskResult r = h.run("laposta", Requests.rectification(jan.email(), changes));

        List<RecordedCall> posts = h.simulators.laposta.callsMatching("POST", ".*/member/" + java.util.regex.Pattern.quote(jan.email()));
        assertThat(posts).extracting(RecordedCall::requestBody).containsExactlyInAnyOrder(
                "list_id=" + LapostaSimulator.LIST_NEWSLETTER + "&email=jan.nieuw%40example.com"
                        + "&custom_fields%5Bvoornaam%5D=Jan&custom_fields%5Bachternaam%5D=de+Boer",
                "list_id=" + LapostaSimulator.LIST_PANEL + "&email=jan.nieuw%40example.com"
                        + "&custom_fields%5Bvoornaam%5D=Jan&custom_fields%5Bachternaam%5D=de+Boer");
        assertThat(posts).allSatisfy(c -> assertThat(c.requestHeader("content-type")).startsWith("application/x-www-form-urlencoded"));
        assertThat(h.simulators.laposta.memberExists(LapostaSimulator.LIST_NEWSLETTER, NEW_EMAIL)).isTrue();
        assertThat(h.simulators.laposta.memberExists(LapostaSimulator.LIST_PANEL, jan.email())).isFalse();
        assertThat(r.outcome()).isEqualTo(Outcome.RECTIFIED);
    }

    @Test
    void lapostaHoldsNoneOfACorrectedAddress() {
        TaskResult r = h.run("laposta", Requests.rectification(DemoPeople.JAN.email(), address()));

        assertThat(h.simulators.laposta.callsMatching("POST", ".*")).isEmpty();
        assertThat(r.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(r.detail()).startsWith("holds none of what the request changes");
    }

    // ---- Mollie

    @Test
    void mollieCorrectsTheCustomerUnderAnIdempotencyKeyAndLeavesThePayments() throws Exception {
        DemoPeople.Person jan = DemoPeople.JAN;
        Changes changes = new Changes(NEW_EMAIL, "Jan", "de Boer", null, NEW_ADDRESS, java.time.OffsetDateTime.parse("2026-11-20T10:00:00+01:00"));

        TaskResult r = h.run("mollie", Requests.rectification(jan.email(), Map.of("mollie.customerId", jan.mollieCustomerId()), changes));

        assertThat(h.simulators.mollie.callsMatching("PATCH", ".*/customers/" + jan.mollieCustomerId())).singleElement()
                .satisfies(c -> {
                    assertThat(JSON.readTree(c.requestBody())).isEqualTo(JSON.readTree(
                            "{\"name\": \"Jan de Boer\", \"email\": \"" + NEW_EMAIL + "\"}"));
                    assertThat(c.requestHeader("idempotency-key")).isNotBlank();
                });
        // a paid payment is Mollie's record: never asked to change
        assertThat(h.simulators.mollie.callsMatching("PATCH", ".*/payments/.*")).isEmpty();
        assertThat(r.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(r.retained()).isNotEmpty().allSatisfy(k -> {
            assertThat(k.kind()).isEqualTo(Retention.Kind.PROCESSOR_LEGAL_DUTY);
            assertThat(k.record()).isEqualTo("payment");
        });
    }

    @Test
    void mollieIsSentNothingForACorrectedAddressItDoesNotKeep() {
        DemoPeople.Person jan = DemoPeople.JAN;

        TaskResult r = h.run("mollie", Requests.rectification(jan.email(), Map.of("mollie.customerId", jan.mollieCustomerId()), address()));

        assertThat(h.simulators.mollie.calls()).noneMatch(c -> c.method().equals("PATCH"));
        assertThat(r.outcome()).isEqualTo(Outcome.RETAINED);
    }

    // ---- Moneybird

    @Test
    void moneybirdCorrectsTheContactAndNeverRewritesABookedInvoice() throws Exception {
        Changes changes = new Changes(null, null, null, "+31 6 1234 5678", NEW_ADDRESS, null);

        TaskResult r = h.run("moneybird", Requests.rectification(DemoPeople.JAN.email(), changes));

        String contact = MoneybirdSimulator.JAN_CONTACT_ID;
        assertThat(h.simulators.moneybird.callsMatching("PATCH", ".*/contacts/" + contact + "\\.json")).singleElement()
                .satisfies(c -> assertThat(JSON.readTree(c.requestBody())).isEqualTo(JSON.readTree("""
                        {"contact": {"address1": "Nieuwe Gracht 12-A", "zipcode": "3512 LT", "city": "Utrecht", "country": "NL",
                                     "phone": "+31 6 1234 5678"}}""")));
        assertThat(h.simulators.moneybird.contact(contact).orElseThrow().path("city").asText()).isEqualTo("Utrecht");
        // the books: no write of any invoice, each reported as it stays, with its statutory basis
        assertThat(h.simulators.moneybird.calls()).noneMatch(c -> c.path().contains("sales_invoices") && !c.method().equals("GET"));
        assertThat(r.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(r.retained()).extracting(k -> k.record() + " " + k.recordDate() + " " + k.law()).containsExactlyInAnyOrder(
                "invoice 2024-11-03 AWR art. 52 lid 4; Wet OB art. 35a", "invoice 2025-02-14 AWR art. 52 lid 4; Wet OB art. 35a");
        assertThat(r.retained()).allSatisfy(k -> {
            assertThat(k.until()).isNotNull();
            assertThat(k.erasure()).isNull();
        });
    }

    // ---- e-Boekhouden

    @Test
    void eboekhoudenSendsTheRelationsOwnNameWhenTheNameIsNotCorrected() throws Exception {
        TaskResult r = h.run("eboekhouden", Requests.rectification(DemoPeople.JAN.email(), email()));

        assertThat(h.simulators.eboekhouden.callsMatching("PATCH", ".*/relation/" + EBoekhoudenSimulator.JAN_RELATION_ID))
                .singleElement().satisfies(c -> assertThat(JSON.readTree(c.requestBody())).isEqualTo(JSON.readTree(
                        "{\"name\": \"" + DemoPeople.JAN.name() + "\", \"emailAddress\": \"" + NEW_EMAIL
                                + "\", \"emailAddressInvoice\": \"" + NEW_EMAIL + "\"}")));
        JsonNode relation = h.simulators.eboekhouden.relation(EBoekhoudenSimulator.JAN_RELATION_ID).orElseThrow();
        assertThat(relation.path("emailAddress").asText()).isEqualTo(NEW_EMAIL);
        assertThat(relation.path("inactive").asBoolean()).isFalse();
        // an invoice shows no e-mail address: nothing of it stays uncorrected
        assertThat(r.outcome()).isEqualTo(Outcome.RECTIFIED);
    }

    @Test
    void eboekhoudenTakesACorrectedNameWhole() throws Exception {
        Changes name = new Changes(null, "Jan", "de Boer", null, null, null);

        TaskResult r = h.run("eboekhouden", Requests.rectification(DemoPeople.JAN.email(), name));

        assertThat(h.simulators.eboekhouden.callsMatching("PATCH", ".*/relation/" + EBoekhoudenSimulator.JAN_RELATION_ID))
                .singleElement().satisfies(c -> assertThat(JSON.readTree(c.requestBody()))
                        .isEqualTo(JSON.readTree("{\"name\": \"Jan de Boer\", \"contact\": \"Jan de Boer\"}")));
        // the invoices keep the name they were issued with, under the fiscal duty
        assertThat(r.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(r.retained()).isNotEmpty().allSatisfy(k -> {
            assertThat(k.record()).isEqualTo("invoice");
            assertThat(k.law()).isEqualTo("AWR art. 52 lid 4; Wet OB art. 35a");
        });
    }

    // ---- SendCloud

    @Test
    void sendcloudLeavesShippedOrdersAndParcelsAsTheyWere() {
        DemoPeople.Person jan = DemoPeople.JAN;
        String parcel = jan.sendcloudParcelIds().get(0);
        String order = h.simulators.sendcloud.orderIdFor(parcel);

        TaskResult r = h.run("sendcloud", Requests.rectification(jan.email(),
                Map.of("sendcloud.parcelId", parcel, "sendcloud.orderId", order), address()));

        assertThat(h.simulators.sendcloud.calls()).allMatch(c -> c.method().equals("GET"));
        assertThat(r.outcome()).isEqualTo(Outcome.RETAINED);
        assertThat(r.retained()).extracting(k -> k.record() + " " + k.recordId())
                .containsExactlyInAnyOrder("order " + order, "parcel " + parcel);
        assertThat(r.retained()).allSatisfy(k -> assertThat(k.kind()).isEqualTo(Retention.Kind.NO_LEGAL_DUTY));
    }

    @Test
    void sendcloudCorrectsAnOrderStillToBeShippedAsItsSpecAsks() throws Exception {
        DemoPeople.Person jan = DemoPeople.JAN;
        var to = new nl.dsrhub.demo.SendCloudSimulator.Recipient(jan.name(), "Voorbeeldstraat", "12", "1234 AB", "Amsterdam",
                "NL", jan.email(), jan.phone());
        String open = String.valueOf(h.simulators.sendcloud.addOrder(null, "2001", "2001", to,
                List.of(new nl.dsrhub.demo.SendCloudSimulator.Item("Koffiebonen", 1, new java.math.BigDecimal("12.50"))),
                new java.math.BigDecimal("12.50"), java.time.Instant.parse("2026-11-27T09:00:00Z"), "open"));

        TaskResult r = h.run("sendcloud", Requests.rectification(jan.email(), Map.of("sendcloud.orderId", open), address()));

        List<RecordedCall> patches = h.simulators.sendcloud.calls().stream().filter(c -> c.method().equals("PATCH")).toList();
        assertThat(patches).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("/api/v3/orders/" + open);
            JsonNode body = JSON.readTree(c.requestBody());
            assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("shipping_address", "billing_address");
            assertThat(body.at("/shipping_address/address_line_1").asText()).isEqualTo("Nieuwe Gracht");
            assertThat(body.at("/shipping_address/house_number").asText()).isEqualTo("12-A");
            assertThat(body.at("/billing_address/postal_code").asText()).isEqualTo("3512 LT");
        });
        assertThat(r.outcome()).isEqualTo(Outcome.RECTIFIED);
        nl.dsrhub.demo.SendCloudContract.assertConforms(h.simulators.sendcloud.calls());
    }
}
