package nl.dsrhub.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answer so far (art. 12(3)) never claims more than happened: a processor still being asked (no outcome yet) or
 * awaiting its reply is named as open, the answer says it is not complete and that the complete answer follows.
 */
class AnswerSoFarTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void anInterimBundleNamesTheProcessorsNotAnsweredYetAndSaysTheCompleteAnswerFollows() throws Exception {
        Path data = Files.createDirectories(dir.resolve("shop"));
        Files.writeString(data.resolve("customer.json"), "{\"id\": 42}");
        List<ProcessorResult> soFar = List.of(
                Fixtures.result("shop", "Shop", Fixtures.facts("Winkel B.V.", "NL", "processor"), Outcome.EXPORTED, data, List.of(), null),
                Fixtures.result("paynl", "Pay.nl", Fixtures.facts("Betaal B.V.", "NL", "processor"), Outcome.AWAITING_REPLY, null,
                        List.of(), "letter sent"),
                Fixtures.result("mollie", "Mollie", Fixtures.facts("Mollie B.V.", "NL", "processor"), null, null, List.of(), null));

        Map<String, byte[]> zip = Fixtures.unzip(new BundleWriter().write(Fixtures.request(RequestType.EXPORT), soFar,
                Fixtures.COMPLETED, dir.resolve("bundle.zip")));

        JsonNode manifest = JSON.readTree(zip.get("manifest.json"));
        assertThat(manifest.path("complete").asBoolean()).isFalse();
        assertThat(manifest.path("awaiting").toString()).isEqualTo("[\"paynl\",\"mollie\"]");
        assertThat(manifest.path("processors").get(2).path("outcome").asText()).isEqualTo(ProcessorResult.IN_PROGRESS);
        String index = new String(zip.get("index.html"), StandardCharsets.UTF_8);
        assertThat(index).contains("Dit is een tussentijds antwoord: van Betaal B.V., Mollie B.V. hebben wij nog geen antwoord",
                "we have no answer yet from Betaal B.V., Mollie B.V.", "still in progress");
    }

    @Test
    void aCompleteBundleSaysNothingOfAnInterimAnswer() throws Exception {
        List<ProcessorResult> all = List.of(Fixtures.result("paynl", "Pay.nl", Fixtures.facts("Betaal B.V.", "NL", "processor"),
                Outcome.NOT_FOUND, null, List.of(), null));

        Map<String, byte[]> zip = Fixtures.unzip(new BundleWriter().write(Fixtures.request(RequestType.EXPORT), all,
                Fixtures.COMPLETED, dir.resolve("bundle.zip")));

        assertThat(JSON.readTree(zip.get("manifest.json")).path("complete").asBoolean()).isTrue();
        assertThat(new String(zip.get("index.html"), StandardCharsets.UTF_8)).doesNotContain("tussentijds", "interim");
    }

    @Test
    void aConfirmationSoFarShowsAProcessorStillBeingAskedAsInProgressNeverAsDone() throws Exception {
        List<ProcessorResult> soFar = List.of(
                Fixtures.result("paynl", "Pay.nl", Fixtures.facts("Betaal B.V.", "NL", "processor"), Outcome.ERASED, null, List.of(), null),
                Fixtures.result("mollie", "Mollie", Fixtures.facts("Mollie B.V.", "NL", "processor"), null, null, List.of(), null));

        new ConfirmationWriter().write(Fixtures.request(RequestType.ERASURE), soFar, Fixtures.COMPLETED, dir);

        JsonNode json = JSON.readTree(dir.resolve(ConfirmationWriter.JSON_FILE).toFile());
        assertThat(json.path("complete").asBoolean()).isFalse();
        assertThat(json.path("recipients").get(1).path("outcome").asText()).isEqualTo(ProcessorResult.IN_PROGRESS);
        assertThat(json.path("recipients").get(1).path("final").asBoolean()).isFalse();
        assertThat(Files.readString(dir.resolve(ConfirmationWriter.HTML_FILE))).contains("(Mollie B.V.)",
                "nog in behandeling", "Zodra die bekend is, sturen wij u de volledige bevestiging");
    }
}
