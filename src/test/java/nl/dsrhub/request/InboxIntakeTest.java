package nl.dsrhub.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Request files dropped in the inbox folder of a running hub. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    HubFixture fixture;
    Path dataDir;

    @BeforeAll
    void start(@TempDir Path dir) {
        dataDir = dir;
        fixture = HubFixture.start(dir);
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @Test
    void goodFileGetsAReceiptWithTheDeadlineAndLeavesTheInbox() throws Exception {
        String receivedAt = Requests.now();
        Path dropped = fixture.drop("receipt-check.json",
                Requests.file("export", DemoPeople.KEES.email(), receivedAt, "INBOX-RECEIPT"));
        String id = fixture.awaitRequest("INBOX-RECEIPT");

        Path receipt = fixture.outbox(id).resolve("receipt.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(receipt) && !Files.exists(dropped));
        JsonNode r = JSON.readTree(receipt.toFile());
        assertThat(r.path("requestId").asText()).isEqualTo(id);
        assertThat(r.path("type").asText()).isEqualTo("export");
        assertThat(r.path("reference").asText()).isEqualTo("INBOX-RECEIPT");
        // a date: the Dutch date of receipt plus one month (the end of that day in Dutch time)
        assertThat(r.path("deadline").asText()).isEqualTo(
                nl.dsrhub.model.Deadlines.dateOf(java.time.OffsetDateTime.parse(receivedAt)).plusMonths(1).toString());
        assertThat(Files.readString(receipt)).doesNotContain(DemoPeople.KEES.email());
    }

    @Test
    void badFileMovesToErrorWithEveryProblemAndTheOthersGoThrough() throws Exception {
        String bad = """
                { "type": "delete-everything",
                  "receivedAt": "2026-02-30T10:00:00+01:00",
                  "subject": { "email": "not-an-address" },
                  "delivery": { "email": "someone-else@example.com" } }
                """;
        fixture.drop("broken-request.json", bad);
        fixture.drop("fine-request.json", Requests.file("erasure", DemoPeople.LOTTE.email(), Requests.now(), "INBOX-FINE"));

        Path report = dataDir.resolve("error/broken-request.json.error.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(report));
        assertThat(dataDir.resolve("error/broken-request.json")).hasContent(bad);
        // the file consumer deletes the inbox file when the exchange completes, just after the report is written
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(dataDir.resolve("inbox/broken-request.json")));
        JsonNode problems = JSON.readTree(report.toFile()).path("problems");
        List<String> pointers = problems.findValuesAsText("pointer");
        assertThat(pointers).contains("/type", "/receivedAt", "/subject/email", "/verification");
        assertThat(Files.readString(report)).doesNotContain("not-an-address", "someone-else@example.com");

        String id = fixture.awaitRequest("INBOX-FINE");
        fixture.awaitCompleted(id);
        assertThat(fixture.outbox(id).resolve("confirmation.json")).exists();
    }

    @Test
    void sameRequestDroppedTwiceIsOneRequest() {
        String content = Requests.file("export", DemoPeople.DAAN.email(), Requests.now(), "INBOX-TWICE");
        fixture.drop("twice-a.json", content);
        String id = fixture.awaitRequest("INBOX-TWICE");
        fixture.drop("twice-b.json", content);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(dataDir.resolve("inbox/twice-b.json")));

        List<RequestStore.RequestRow> rows = fixture.requests().all().stream()
                .filter(r -> "INBOX-TWICE".equals(r.reference())).toList();
        assertThat(rows).extracting(RequestStore.RequestRow::id).containsExactly(id);
        assertThat(dataDir.resolve("error/twice-b.json")).doesNotExist();
    }

    @Test
    void yamlRequestIsTakenInLikeJson() {
        fixture.drop("yaml-request.yaml", """
                type: export
                receivedAt: "%s"
                subject:
                  email: %s
                verification:
                  method: account-login
                  verifiedBy: privacy@shop.example.nl
                  verifiedAt: "%s"
                reference: INBOX-YAML
                """.formatted(Requests.now(), DemoPeople.MARJAN.email(), Requests.now()));

        String id = fixture.awaitRequest("INBOX-YAML");
        fixture.awaitCompleted(id);
        assertThat(fixture.outbox(id).resolve("bundle.zip")).exists();
    }
}
