package nl.dsrhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process on its own data dir (no hub running). */
class CliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        String[] withData = new String[args.length + 2];
        System.arraycopy(args, 0, withData, 0, args.length);
        withData[args.length] = "--data";
        withData[args.length + 1] = dir.resolve("data").toString();
        return new DsrHub(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(withData);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validateAcceptsAGoodFile() throws Exception {
        Path file = Files.writeString(dir.resolve("good.json"),
                Requests.file("erasure", "cli-good@example.nl", Requests.now(), "CLI-1"));

        assertThat(run("validate", file.toString())).isZero();
        assertThat(out()).contains("valid erasure request");
    }

    @Test
    void validateListsEveryProblemWithItsPointerAndFails() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"type\": \"export\", \"receivedAt\": \"yesterday\"}");

        assertThat(run("validate", file.toString())).isEqualTo(1);
        assertThat(err()).contains("/receivedAt").contains("/subject").contains("/verification");
    }

    @Test
    void submitStoresTheRequestAndStatusShowsIt() throws Exception {
        Path file = Files.writeString(dir.resolve("submit.json"),
                Requests.file("export", "cli-submit@example.nl", Requests.now(), "CLI-2"));

        assertThat(run("submit", file.toString())).isZero();
        String id = out().trim();
        assertThat(id).matches("R\\d{8}-[0-9A-Z]{6}");
        assertThat(dir.resolve("data/outbox").resolve(id).resolve("receipt.json")).exists();

        assertThat(run("status")).isZero();
        assertThat(out()).contains(id).contains("RECEIVED");

        assertThat(run("status", id, "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out());
        assertThat(json.path("id").asText()).isEqualTo(id);
        assertThat(json.path("daysLeft").asInt()).isBetween(28, 31);
        assertThat(json.path("timeline").get(0).path("kind").asText()).isEqualTo("received");
        assertThat(out()).doesNotContain("cli-submit@example.nl");
    }

    @Test
    void submittingTheSameFileTwiceGivesTheSameId() throws Exception {
        Path file = Files.writeString(dir.resolve("twice.json"),
                Requests.file("export", "cli-twice@example.nl", Requests.now(), "CLI-3"));

        run("submit", file.toString());
        String first = out().trim();
        int second = run("submit", file.toString());
        assertThat(second).as(() -> err()).isZero();
        assertThat(out().trim()).isEqualTo(first);
        assertThat(err()).contains("already submitted");
    }

    @Test
    void statusOfAnUnknownRequestFails() {
        assertThat(run("status", "R20260101-XXXXXX")).isEqualTo(1);
        assertThat(err()).contains("no request R20260101-XXXXXX");
    }

    @Test
    void connectorsAreListedWithoutSecrets() {
        assertThat(run("connectors", "--set", "dsr.connector.mailchimp.api-key=very-secret-key")).isZero();
        assertThat(out()).contains("woocommerce").contains("mailchimp").doesNotContain("very-secret-key");
    }

    @Test
    void connectorsCheckReportsEachProcessorAndFailsOnARefusedCredential() {
        try (nl.dsrhub.demo.Simulators sims = nl.dsrhub.demo.Simulators.start()) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("connectors", "--check"));
            sims.settings().forEach((k, v) -> {
                args.add("--set");
                args.add(k + "=" + v);
            });

            assertThat(run(args.toArray(String[]::new))).as(this::err).isZero();
            assertThat(out()).contains("mollie").contains("sendcloud").contains("eboekhouden").doesNotContain("FAIL");

            sims.moneybird.setToken("mb-rotated");
            assertThat(run(args.toArray(String[]::new))).isEqualTo(1);
            assertThat(out()).containsPattern("moneybird\\s+FAIL\\s+reachable, but the credentials were refused");
        }
    }

    @Test
    void unknownCommandPrintsUsage() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err()).contains("unknown command 'frobnicate'").contains("usage:");
    }
}
