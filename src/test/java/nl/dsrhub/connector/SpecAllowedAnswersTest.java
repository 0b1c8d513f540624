package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.dsrhub.demo.MailchimpContract;
import nl.dsrhub.demo.MollieContract;
import nl.dsrhub.demo.RecordedCall;
import nl.dsrhub.demo.SendCloudContract;
import nl.dsrhub.demo.SpecAnswers;
import nl.dsrhub.demo.SpecAnswers.Answers;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.store.TaskStore.TaskRow;
import nl.dsrhub.testing.Confirmation;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each HTTP connector with a published spec (Mailchimp, Mollie, SendCloud) run by a real hub against a server that
 * answers only what that spec allows ({@link SpecAnswers}): the spec's example values (ids {@code "string"},
 * absolute next links) and its minimal instances (empty lists, missing optional fields). The outcome is read as
 * stored and as the confirmation renders it (JSON and the HTML's text), or from the bundle's manifest; the calls
 * the hub made, and the answers, are checked against the spec; data-changing calls go only to ids the hub was
 * given or asked for; every list ends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpecAllowedAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PERSON = "roos.vandam@example.nl";

    private HubFixture fixture;
    private SpecAnswers mailchimp;
    private SpecAnswers mollie;
    private SpecAnswers sendcloud;

    @BeforeAll
    void startHub(@TempDir Path dataDir) {
        mailchimp = new SpecAnswers("mailchimp", "/3.0", Answers.EXAMPLES, "mailchimp-lists-swagger.yaml",
                "mailchimp-members-swagger.yaml", "mailchimp-search-swagger.yaml", "mailchimp-ecommerce-swagger.yaml").start();
        mollie = new SpecAnswers("mollie", "/v2", Answers.EXAMPLES, "mollie-openapi.yaml").start();
        sendcloud = new SpecAnswers("sendcloud", "/api", Answers.EXAMPLES, "sendcloud-v2-parcels-openapi.yaml",
                "sendcloud-v3-orders-openapi.yaml").start();
        fixture = HubFixture.create(dataDir)
                .set("dsr.connector.mailchimp.base-url", mailchimp.baseUrl())
                .set("dsr.connector.mollie.base-url", mollie.baseUrl())
                .set("dsr.connector.sendcloud.base-url", sendcloud.baseUrl())
                .set("dsr.retry.in-route-attempts", "0").set("dsr.retry.max-attempts", "1")
                .set("dsr.breaker.minimum-calls", "1000").set("dsr.breaker.window", "1000");
        fixture.startHub();
    }

    @AfterEach
    void forget() {
        List.of(mailchimp, mollie, sendcloud).forEach(s -> {
            s.clearCalls();
            s.answer(Answers.EXAMPLES);
        });
    }

    @AfterAll
    void stop() {
        fixture.close();
        List.of(mailchimp, mollie, sendcloud).forEach(SpecAnswers::stop);
    }

    // ---- Mailchimp

    @Test
    void mailchimpOnExampleAnswersDeletesTheMemberInTheAudienceTheListNamedAndNoStoreRecordOfAnyoneElse() {
        String id = erase("mailchimp", Map.of(), "SPEC-MC-EXAMPLES");

        assertFinal(id, "mailchimp", "Mailchimp", Outcome.ERASED, "done: delete-permanent 1x");
        assertThat(changes(mailchimp)).containsExactly(
                "POST /3.0/lists/string/members/" + hash(PERSON) + "/actions/delete-permanent");
        assertEveryListReadOnce(mailchimp, "/3.0/lists", "/3.0/ecommerce/stores", "/3.0/ecommerce/stores/example_store/carts");
        SpecAnswers.assertConforms("Mailchimp", mailchimp.calls(), MailchimpContract::validate);
    }

    @Test
    void mailchimpOnMinimalAnswersFindsNoAudienceNorStoreAndSaysNoDataFound() {
        mailchimp.answer(Answers.MINIMAL);

        String id = erase("mailchimp", Map.of(), "SPEC-MC-MINIMAL");

        assertFinal(id, "mailchimp", "Mailchimp", Outcome.NOT_FOUND, "no data found");
        assertThat(changes(mailchimp)).isEmpty();
        SpecAnswers.assertConforms("Mailchimp", mailchimp.calls(), MailchimpContract::validate);
    }

    @Test
    void mailchimpExportOnExampleAnswersHoldsTheMemberFoundInTheAudienceAskedFor() throws IOException {
        String id = export("mailchimp", Map.of(), "SPEC-MC-EXPORT");

        JsonNode processor = manifest(id, "mailchimp");
        assertThat(processor.path("outcome").asText()).isEqualTo("EXPORTED");
        assertThat(processor.path("files").findValuesAsText("path")).contains("mailchimp/member-string.json",
                "mailchimp/activity-string.json", "mailchimp/notes-string.json", "mailchimp/tags-string.json");
        SpecAnswers.assertConforms("Mailchimp", mailchimp.calls(), MailchimpContract::validate);
    }

    // ---- Mollie

    @Test
    void mollieOnExampleAnswersDeletesTheCustomerAskedForNotTheIdTheAnswerNames() {
        String id = erase("mollie", Map.of("mollie.customerId", "cst_roos01"), "SPEC-MOLLIE-EXAMPLES");

        TaskRow task = assertFinalAsStoredAndConfirmed(id, "mollie", "Mollie");
        assertThat(task.detail()).contains("delete-customer 1x");
        assertThat(changes(mollie)).containsExactly("DELETE /v2/customers/cst_roos01");
        SpecAnswers.assertConforms("Mollie", mollie.calls(), MollieContract::validate);
    }

    @Test
    void mollieOnMinimalAnswersDeletesTheCustomerAskedFor() {
        mollie.answer(Answers.MINIMAL);

        String id = erase("mollie", Map.of("mollie.customerId", "cst_roos02"), "SPEC-MOLLIE-MINIMAL");

        TaskRow task = assertFinalAsStoredAndConfirmed(id, "mollie", "Mollie");
        assertThat(task.detail()).contains("delete-customer 1x");
        assertThat(changes(mollie)).containsExactly("DELETE /v2/customers/cst_roos02");
        SpecAnswers.assertConforms("Mollie", mollie.calls(), MollieContract::validate);
    }

    @Test
    void mollieExportFollowsAnAbsoluteNextLinkOnceAndEndsTheListWhereItLinksBack() throws IOException {
        String id = export("mollie", Map.of("mollie.customerId", "cst_roos03"), "SPEC-MOLLIE-EXPORT");

        assertThat(manifest(id, "mollie").path("outcome").asText()).isEqualTo("EXPORTED");
        for (String list : List.of("payments", "mandates", "subscriptions")) {
            // the first page, then the absolute link the answer gives, which links to itself
            assertThat(mollie.calls()).filteredOn(c -> c.path().equals("/v2/customers/cst_roos03/" + list))
                    .extracting(RecordedCall::rawQuery).containsExactly("limit=250", "cursor=next");
        }
        SpecAnswers.assertConforms("Mollie", mollie.calls(), MollieContract::validate);
    }

    // ---- SendCloud

    @Test
    void sendcloudCancelAnsweredWithAStatusThatIsNotDeletedIsNoErasureAndNeedsAttentionNamingWhatWasDone() {
        String id = submit("erasure", "sendcloud", Map.of("sendcloud.parcelId", "5", "sendcloud.orderId", "7"),
                "SPEC-SENDCLOUD-EXAMPLES");

        TaskRow task = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> task(id, "sendcloud"), t -> t.outcome() == Outcome.NEEDS_ATTENTION);
        assertThat(task.detail()).isEqualTo("sendcloud step cancel-parcel: HTTP 200 without saying the change was made "
                + "($.status is none of [deleted]) (done before: delete-order 1x)");
        assertThat(changes(sendcloud)).containsExactly("DELETE /api/v3/orders/7", "POST /api/v2/parcels/5/cancel");
        assertThat(fixture.outbox(id).resolve("confirmation.json")).as("nothing claimed while it is open").doesNotExist();
        SpecAnswers.assertConforms("SendCloud", sendcloud.calls(), SendCloudContract::validate);
    }

    @Test
    void sendcloudExportOnMinimalAnswersKeepsNoEmptyParcelAndSaysNoDataFound() throws IOException {
        sendcloud.answer(Answers.MINIMAL);

        String id = export("sendcloud", Map.of("sendcloud.parcelId", "6", "sendcloud.orderId", "8"), "SPEC-SENDCLOUD-MINIMAL");

        JsonNode processor = manifest(id, "sendcloud");
        assertThat(processor.path("outcome").asText()).isEqualTo("NOT_FOUND");
        assertThat(processor.path("files")).isEmpty();
        SpecAnswers.assertConforms("SendCloud", sendcloud.calls(), SendCloudContract::validate);
    }

    // ---- requests and what became of them

    private String submit(String type, String connector, Map<String, String> identifiers, String reference) {
        String now = Requests.now();
        String ids = identifiers.entrySet().stream().map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(", "));
        fixture.drop(reference.toLowerCase() + ".json", """
                { "type": "%s", "receivedAt": "%s",
                  "subject": { "email": "%s", "name": "Roos van Dam", "identifiers": { %s } },
                  "verification": { "method": "known-email", "verifiedBy": "privacy@shop.example.nl", "verifiedAt": "%s" },
                  "processors": ["%s"], "reference": "%s" }
                """.formatted(type, now, PERSON, ids, now, connector, reference));
        return fixture.awaitRequest(reference);
    }

    private String erase(String connector, Map<String, String> identifiers, String reference) {
        String id = submit("erasure", connector, identifiers, reference);
        fixture.awaitCompleted(id);
        return id;
    }

    private String export(String connector, Map<String, String> identifiers, String reference) {
        String id = submit("export", connector, identifiers, reference);
        fixture.awaitCompleted(id);
        return id;
    }

    private TaskRow task(String requestId, String connector) {
        return fixture.hub().services().tasks.forRequest(requestId).stream()
                .filter(t -> t.connector().equals(connector)).findFirst().orElseThrow();
    }

    /** The outcome and detail as stored, in confirmation.json and in the text of confirmation.html. */
    private void assertFinal(String requestId, String connector, String title, Outcome outcome, String detail) {
        TaskRow stored = assertFinalAsStoredAndConfirmed(requestId, connector, title);
        assertThat(stored.outcome()).isEqualTo(outcome);
        assertThat(stored.detail()).isEqualTo(detail);
    }

    /** A final outcome, the same as stored, in confirmation.json and in the text of confirmation.html. */
    private TaskRow assertFinalAsStoredAndConfirmed(String requestId, String connector, String title) {
        TaskRow stored = task(requestId, connector);
        assertThat(stored.outcome().isFinal()).as(stored.outcome() + ": " + stored.detail()).isTrue();
        Confirmation confirmation = Confirmation.in(fixture.outbox(requestId));
        assertThat(confirmation.recipient(connector).path("outcome").asText()).isEqualTo(stored.outcome().name());
        assertThat(confirmation.recipient(connector).path("detail").asText()).isEqualTo(stored.detail());
        // the HTML says it in plain words (the JSON's summary), the technical detail stays in the JSON and status
        JsonNode summary = confirmation.recipient(connector).path("summary");
        assertThat(confirmation.recipientText(title)).contains(summary.path("nl").asText(), summary.path("en").asText())
                .doesNotContain("done:");
        return stored;
    }

    /** The data-changing calls the server received: method and path. */
    private static List<String> changes(SpecAnswers server) {
        return server.calls().stream().filter(c -> !c.method().equals("GET")).map(c -> c.method() + " " + c.path()).toList();
    }

    /** Each of these lists was asked for once: its pages ended where the answers ended them. */
    private static void assertEveryListReadOnce(SpecAnswers server, String... paths) {
        for (String path : paths) {
            assertThat(server.calls()).filteredOn(c -> c.method().equals("GET") && c.path().equals(path)).as(path).hasSize(1);
        }
    }

    private JsonNode manifest(String requestId, String connector) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(fixture.outbox(requestId).resolve("bundle.zip")))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("manifest.json")) {
                    for (JsonNode p : JSON.readTree(zip.readAllBytes()).path("processors")) {
                        if (p.path("connector").asText().equals(connector)) {
                            return p;
                        }
                    }
                }
            }
        }
        throw new UncheckedIOException(new IOException("no " + connector + " in the manifest of " + requestId));
    }

    private static String hash(String email) {
        return RunValues.md5(email);
    }
}
