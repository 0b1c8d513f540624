package nl.dsrhub.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Line injection at the inbox of a running hub: a request file whose name and reference carry a line break
 * (LF, CR LF, or the Unicode line separator U+2028), meant to add lines to the letters the hub writes, is
 * rejected into error/ with both fields named, and nothing of it is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LineBreakInboxTest {

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("lineBreaks")
    void aNameAndReferenceWithALineBreakAreRejectedIntoErrorAndNothingIsStored(String kind, String lineBreak)
            throws Exception {
        String file = "line-break-" + kind + ".json";
        String content = request("Lotte Lijnbreuk" + lineBreak + "Bcc: eve@example.com", "ZD-42" + lineBreak + "X-Forged: yes");

        fixture.drop(file, content);

        Path report = dataDir.resolve("error").resolve(Intake.reportName(file));
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(report));
        assertThat(dataDir.resolve("error").resolve(file)).hasContent(content);
        Map<String, String> problems = new HashMap<>();
        JSON.readTree(report.toFile()).path("problems")
                .forEach(p -> problems.put(p.path("pointer").asText(), p.path("message").asText()));
        assertThat(problems).containsOnly(Map.entry("/subject/name", "must be one line of text: no line breaks, tabs or other control characters"),
                Map.entry("/reference", "must be one line of text: no line breaks, tabs or other control characters"));
        assertThat(Files.readString(report)).doesNotContain("Lijnbreuk", "eve@example.com", "X-Forged");
        assertThat(fixture.requests().all()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(dataDir.resolve("inbox").resolve(file)));
        assertThat(dataDir.resolve("outbox")).satisfiesAnyOf(
                outbox -> assertThat(outbox).doesNotExist(), outbox -> assertThat(outbox).isEmptyDirectory());
    }

    static Stream<Arguments> lineBreaks() {
        return Stream.of(Arguments.of("lf", "\n"), Arguments.of("crlf", "\r\n"),
                Arguments.of("line-separator", "\u2028"));
    }

    private static String request(String name, String reference) throws Exception {
        ObjectNode r = JSON.createObjectNode();
        r.put("type", "erasure");
        r.put("receivedAt", Requests.now());
        r.putObject("subject").put("email", "lotte.lijnbreuk@example.nl").put("name", name);
        r.putObject("verification").put("method", "known-email").put("verifiedBy", "privacy@shop.example.nl")
                .put("verifiedAt", Requests.now());
        r.put("reference", reference);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r);
    }
}
