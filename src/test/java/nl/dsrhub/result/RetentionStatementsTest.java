package nl.dsrhub.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.MoneybirdSimulator;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the erasure confirmation says is not erased, read from {@code confirmation.json} and the text of
 * {@code confirmation.html} as a real hub writes them against the simulators: every retained record with its own
 * date and end date, and three kinds never confused: the shop's statutory duty, a processor's own duty as a
 * controller, and data that merely remain. An outcome never claims more than happened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionStatementsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    HubFixture fixture;

    @BeforeAll
    void startHub(@TempDir Path dataDir) {
        fixture = HubFixture.start(dataDir);
    }

    @AfterAll
    void stopHub() {
        fixture.close();
    }

    @Test
    void aMollieErasureWithOnlyACustomerIdReportsThePaymentsMollieKeepsAsItsOwnDuty() throws Exception {
        DemoPeople.Person jan = DemoPeople.JAN;
        String id = erase(jan, "RET-MOLLIE", List.of("mollie"), Map.of("mollie.customerId", jan.mollieCustomerId()));

        JsonNode mollie = recipient(id, "mollie");
        // the customer is deleted, the payments are not: never ERASED while Mollie keeps them
        assertThat(mollie.path("outcome").asText()).isEqualTo("PARTIAL");
        assertThat(mollie.path("retained")).extracting(r -> r.path("recordId").asText())
                .containsExactlyInAnyOrderElementsOf(jan.molliePaymentIds());
        assertThat(mollie.path("retained")).allSatisfy(payment -> {
            assertThat(payment.path("basisKind").asText()).isEqualTo("processor-legal-duty");
            assertThat(payment.path("basis").asText()).isEqualTo("Wwft art. 33");
            assertThat(payment.path("keptBy").asText()).isEqualTo("Mollie B.V.");
            assertThat(payment.path("term").path("en").asText()).isEqualTo("5 years after the business relationship ends");
            assertThat(payment.path("recordDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
            // not ours to end, nor to erase
            assertThat(payment.path("until").isNull()).isTrue();
            assertThat(payment.path("scheduledErasure").isNull()).isTrue();
        });
        String card = card(id, "Mollie B.V.");
        assertThat(card).contains("Bewaard door de ontvanger zelf, op grond van een eigen wettelijke plicht",
                "Kept by the recipient itself, under a legal duty of its own", "Wwft art. 33",
                "5 jaar na het einde van de zakelijke relatie", "deels gewist", "partly erased");
        assertThat(card).doesNotContain("AWR", "Bewaard omdat de wet ons dat verplicht", "Verwijdering gepland");
    }

    @Test
    void ordersOfTwoYearsAreEachKeptUntilTheEndOfTheirOwnYearPlusSevenAndScheduledForErasure() throws Exception {
        DemoPeople.Person jan = DemoPeople.JAN;
        String id = erase(jan, "RET-WOO-YEARS", List.of("woocommerce"), Map.of());

        JsonNode shop = recipient(id, "woocommerce");
        List<String> kept = new ArrayList<>();
        shop.path("retained").forEach(r -> {
            if (r.path("basisKind").asText().equals("shop-legal-duty")) {
                kept.add(r.path("recordId").asText() + " " + r.path("recordDate").asText() + " " + r.path("basis").asText()
                        + " until " + r.path("until").asText() + ", erased " + r.path("scheduledErasure").path("on").asText()
                        + " by " + r.path("scheduledErasure").path("by").asText());
            }
        });
        assertThat(kept).containsExactly(
                "1001 2024-11-03 AWR art. 52 lid 4 until 2031-12-31, erased 2032-01-01 by processor-call",
                "1007 2025-02-14 AWR art. 52 lid 4 until 2032-12-31, erased 2033-01-01 by processor-call",
                "1015 2025-06-21 AWR art. 52 lid 4 until 2032-12-31, erased 2033-01-01 by processor-call");
        String card = card(id, "WooCommerce");
        assertThat(card).contains("Bewaard omdat de wet ons dat verplicht", "Kept because the law obliges us to",
                "bestelling (naam, adressen, producten, bedragen) 1001", "3 november 2024", "3 November 2024",
                "31 december 2031", "31 December 2031", "31 december 2032", "31 December 2032",
                "1 januari 2032: wij laten de ontvanger het dan wissen", "1 January 2033: we then have the recipient erase it");
        assertThat(Files.readString(fixture.outbox(id).resolve("confirmation.html")))
                .contains("op de dag na het einde van de bewaartermijn", "on the day after its retention period ends");
    }

    @Test
    void theShopsParcelsAndTheCheckoutsIpAddressAreSaidToRemainWithoutALegalBasis() throws Exception {
        DemoPeople.Person anna = DemoPeople.ANNA;
        String id = erase(anna, "RET-REMAINS", List.of("woocommerce", "sendcloud"), Map.of());

        JsonNode sendcloud = recipient(id, "sendcloud");
        assertThat(sendcloud.path("outcome").asText()).as("v3 orders deleted, parcels not").isEqualTo("PARTIAL");
        assertThat(sendcloud.path("retained")).extracting(r -> r.path("recordId").asText())
                .containsExactlyInAnyOrderElementsOf(anna.sendcloudParcelIds());
        assertThat(sendcloud.path("retained")).allSatisfy(parcel -> {
            assertThat(parcel.path("basisKind").asText()).isEqualTo("no-legal-duty");
            assertThat(parcel.path("basis").isNull()).as("no legal basis").isTrue();
            assertThat(parcel.path("reason").path("en").asText()).contains("cannot delete a parcel once it is delivered");
            assertThat(parcel.path("until").isNull()).isTrue();
        });
        List<String> ipAddresses = new ArrayList<>();
        recipient(id, "woocommerce").path("retained").forEach(r -> {
            if (r.path("what").path("en").asText().contains("IP address and browser")) {
                assertThat(r.path("basisKind").asText()).isEqualTo("no-legal-duty");
                assertThat(r.path("basis").isNull()).isTrue();
                ipAddresses.add(r.path("recordId").asText());
            }
        });
        // on every order: the four she is kept for by law and the old one anonymised now
        assertThat(ipAddresses).containsExactlyInAnyOrder("990", "1002", "1006", "1010", "1014");
        String parcels = card(id, "Sendcloud B.V.");
        assertThat(parcels).contains("Nog aanwezig, zonder wettelijke plicht", "Still there, without a legal duty",
                "geen wet verplicht het te bewaren");
        assertThat(parcels).doesNotContain("Wettelijke grondslag", "Legal basis", "Verwerkersovereenkomst",
                "Bewaard omdat de wet ons dat verplicht");
        assertThat(card(id, "WooCommerce")).contains("IP-adres en browser bij de geanonimiseerde bestelling 990",
                "De koppeling met de webwinkel kan ze niet wissen");
    }

    @Test
    void aRetentionSettledByHandStatesTheOfficersBasisAndInventsNone() throws Exception {
        DemoPeople.Person jan = DemoPeople.JAN;
        fixture.simulators.moneybird.setToken("mb-rotated");
        String id;
        try {
            fixture.drop("ret-settled.json", Requests.file("erasure", jan.email(), "RET-SETTLED", List.of("moneybird"), Map.of()));
            id = fixture.awaitRequest("RET-SETTLED");
            await().atMost(Duration.ofSeconds(30)).until(() -> fixture.hub().services().tasks.forRequest(id).stream()
                    .anyMatch(t -> t.outcome() == Outcome.NEEDS_ATTENTION));
        } finally {
            fixture.simulators.moneybird.setToken(MoneybirdSimulator.API_TOKEN);
        }
        String officersWords = "Moneybird keeps the contact for the 2025 invoice, as its support wrote on 2 December";

        HttpResponse<String> settled = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        URI.create(fixture.baseUrl() + "api/requests/" + id + "/settle"))
                .header("Authorization", "Bearer " + fixture.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"connector\":\"moneybird\",\"outcome\":\"RETAINED\","
                        + "\"reason\":\"" + officersWords + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(settled.statusCode()).as(settled.body()).isEqualTo(200);
        fixture.awaitCompleted(id);

        JsonNode moneybird = recipient(id, "moneybird");
        assertThat(moneybird.path("outcome").asText()).isEqualTo("RETAINED");
        assertThat(moneybird.path("retained")).singleElement().satisfies(r -> {
            assertThat(r.path("basisKind").asText()).isEqualTo("as-stated");
            assertThat(r.path("reason").path("en").asText()).isEqualTo(officersWords);
            assertThat(r.path("basis").isNull()).as("no law the officer did not name").isTrue();
            assertThat(r.path("until").isNull()).isTrue();
            assertThat(r.path("scheduledErasure").isNull()).isTrue();
        });
        String card = card(id, "Moneybird B.V.");
        assertThat(card).contains("Bewaard, volgens onze privacycontactpersoon", officersWords);
        assertThat(card).doesNotContain("wettelijke plicht", "legal obligation", "under a legal duty", "AWR");
    }

    private String erase(DemoPeople.Person person, String reference, List<String> processors, Map<String, String> ids) {
        fixture.drop(reference.toLowerCase() + ".json", Requests.file("erasure", person.email(), reference, processors, ids));
        String id = fixture.awaitRequest(reference);
        fixture.awaitCompleted(id);
        return id;
    }

    private JsonNode recipient(String requestId, String connector) throws Exception {
        JsonNode confirmation = JSON.readTree(fixture.outbox(requestId).resolve("confirmation.json").toFile());
        for (JsonNode r : confirmation.path("recipients")) {
            if (r.path("connector").asText().equals(connector)) {
                return r;
            }
        }
        throw new AssertionError("no recipient " + connector + " in " + confirmation);
    }

    /** The text of the recipient's card in confirmation.html: its tags removed, entities read, spaces collapsed. */
    private String card(String requestId, String legalName) throws Exception {
        String html = Files.readString(fixture.outbox(requestId).resolve("confirmation.html"));
        for (String section : html.split("<section class=\"card\">")) {
            String text = section.replaceAll("(?s)</section>.*", "").replaceAll("<[^>]+>", " ").replace("&amp;", "&")
                    .replace("&#39;", "'").replace("&quot;", "\"").replaceAll("\\s+", " ");
            if (text.contains(legalName)) {
                return text;
            }
        }
        throw new AssertionError("no card of " + legalName + " in confirmation.html");
    }
}
