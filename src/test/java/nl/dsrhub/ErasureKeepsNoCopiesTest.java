package nl.dsrhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An erasure looks the person up at every processor before it erases: what it found is not kept. The hub's work
 * folder holds nothing of it afterwards, while the confirmation still says what happened at each processor.
 */
class ErasureKeepsNoCopiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    HubFixture fixture;

    @BeforeEach
    void start() {
        fixture = HubFixture.start(dataDir);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void anErasureLeavesNothingItFoundInTheWorkFolder() throws Exception {
        DemoPeople.Person anna = DemoPeople.ANNA;
        fixture.drop("erase-anna.json", Requests.file("erasure", anna.email(), Requests.now(), "NO-COPIES-1"));
        String id = fixture.awaitRequest("NO-COPIES-1");
        fixture.awaitCompleted(id);

        // every processor was asked and answered with her data (the shop's orders, Mailchimp's member, Mollie's customer…)
        assertThat(filesUnder(dataDir.resolve("work").resolve(id))).isEmpty();
        List<String> hers = List.of(anna.email(), anna.lastName(), anna.phone(), anna.address().street(),
                anna.address().postcode(), anna.subscriberHash());
        for (Path f : filesUnder(dataDir.resolve("work"))) {
            String bytes = Files.readString(f, StandardCharsets.ISO_8859_1);
            assertThat(bytes).as(f.toString()).doesNotContain(hers);
        }
    }

    @Test
    void theConfirmationStillSaysWhatHappenedAtEachProcessor() throws Exception {
        DemoPeople.Person anna = DemoPeople.ANNA;
        fixture.drop("erase-anna.json", Requests.file("erasure", anna.email(), Requests.now(), "NO-COPIES-2"));
        String id = fixture.awaitRequest("NO-COPIES-2");
        fixture.awaitCompleted(id);

        Map<String, String> outcomes = new TreeMap<>();
        JsonNode confirmation = JSON.readTree(fixture.outbox(id).resolve("confirmation.json").toFile());
        confirmation.path("recipients").forEach(r -> outcomes.put(r.path("connector").asText(), r.path("outcome").asText()));
        assertThat(outcomes).containsEntry("woocommerce", "PARTIAL").containsEntry("mailchimp", "ERASED")
                .containsEntry("laposta", "ERASED").containsEntry("mollie", "PARTIAL").containsEntry("sendcloud", "PARTIAL")
                .containsEntry("moneybird", "RETAINED").containsEntry("eboekhouden", "PARTIAL");
        JsonNode shop = java.util.stream.StreamSupport.stream(confirmation.path("recipients").spliterator(), false)
                .filter(r -> r.path("connector").asText().equals("woocommerce")).findFirst().orElseThrow();
        assertThat(shop.path("retained").findValuesAsText("basis")).anyMatch(law -> law.contains("AWR art. 52"));
        assertThat(fixture.outbox(id).resolve("confirmation.html")).content().contains("Mailchimp", "AWR art. 52");
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
