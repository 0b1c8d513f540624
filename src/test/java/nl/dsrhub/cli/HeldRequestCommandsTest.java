package nl.dsrhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mailed request held for the officer's confirmation (not authenticated by the officer's mail server), confirmed or
 * discarded with the command line and the API of the running hub: confirmed, it runs; discarded, nothing is sent.
 */
class HeldRequestCommandsTest {

    @TempDir
    Path dataDir;

    HubFixture fixture;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        fixture = HubFixture.start(dataDir);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void confirmLetsAHeldRequestRunAndASecondConfirmIsRefused() {
        String id = held(DemoPeople.JAN.email(), "HELD-CONFIRM");
        assertThat(run("confirm", id)).as(this::err).isZero();
        fixture.awaitCompleted(id);
        // a hub runs on the data dir: the command went through its API
        assertThat(fixture.hub().services().events.timeline(id)).anyMatch(e -> e.kind().equals("confirmed")
                && e.detail().equals("confirmed by the API"));

        assertThat(run("confirm", id)).isEqualTo(1);
        assertThat(err()).contains("is not awaiting confirmation").doesNotContain(DemoPeople.JAN.email());
        assertThat(run("confirm", "R20260101-XXXXXX")).isEqualTo(1);
    }

    @Test
    void discardClosesAHeldRequestWithoutAnyProcessorCall() {
        String id = held(DemoPeople.ANNA.email(), "HELD-DISCARD");
        assertThat(run("discard", id)).as("a reason is required").isEqualTo(2);
        assertThat(run("discard", id, "--reason", "not sent by us")).as(this::err).isZero();
        assertThat(out()).contains("discarded");
        assertThat(fixture.requests().row(id).orElseThrow().status()).isEqualTo(RequestStore.DISCARDED);
        assertThat(fixture.hub().services().tasks.forRequest(id)).isEmpty();
        assertThat(fixture.woo.calls()).noneMatch(c -> c.toString().contains("anna"));
        assertThat(run("status")).isZero();
        assertThat(out()).doesNotContain(id);
    }

    @Test
    void theApiConfirmsAHeldRequestWithTheBearerTokenOnly() throws Exception {
        String id = held(DemoPeople.EVA.email(), "HELD-API");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder confirm = HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "api/requests/" + id + "/confirm"))
                .POST(HttpRequest.BodyPublishers.noBody());
        assertThat(http.send(confirm.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(fixture.requests().row(id).orElseThrow().status()).isEqualTo(RequestStore.AWAITING_CONFIRMATION);
        HttpResponse<String> ok = http.send(confirm.header("Authorization", "Bearer " + fixture.token()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        fixture.awaitCompleted(id);
    }

    @Test
    void aHeldRequestTheOfficerCannotVerifyIsRefusedByTheCommandWithNoHubRunning() throws Exception {
        String id = held(DemoPeople.KEES.email(), "HELD-REFUSE");
        java.time.LocalDate due = fixture.requests().row(id).orElseThrow().dueDate();
        fixture.stopHub();

        assertThat(run("refuse", id, "--ground", "unverifiable", "--reason", "Het verzoek kwam niet van het bij ons bekende"
                + " adres en de afzender reageerde niet op onze vraag om dat te bevestigen.")).as(this::err).isZero();

        assertThat(out()).contains(id + ": refused (unverifiable); nothing more is asked of any processor",
                "letter to the subject: " + dataDir.resolve("outbox").resolve(id).resolve("refusal-letter.html"),
                "it must reach the subject by " + due);
        assertThat(nl.dsrhub.testing.Confirmation.text(java.nio.file.Files.readString(
                dataDir.resolve("outbox").resolve(id).resolve("refusal-letter.html")))).contains(
                "Wij kunnen niet vaststellen dat u de persoon bent", "U kunt een nieuw verzoek doen",
                "binnen zes weken", "within six weeks");
        assertThat(run("status", id, "--json")).isZero();
        assertThat(out()).contains("\"status\" : \"REFUSED\"");
        assertThat(run("confirm", id)).isEqualTo(1);
        assertThat(err()).contains("is not awaiting confirmation (it is REFUSED)");
    }

    /** A request as mail intake holds it: stored, not planned. */
    private String held(String email, String reference) {
        var services = fixture.hub().services();
        var result = services.intake.accept("mail-body.yaml",
                Requests.file("export", email, Requests.now(), reference).getBytes(StandardCharsets.UTF_8),
                RequestStore.Admission.held("not authenticated (test)"));
        assertThat(result.accepted()).isTrue();
        assertThat(fixture.requests().row(result.requestId()).orElseThrow().status()).isEqualTo(RequestStore.AWAITING_CONFIRMATION);
        return result.requestId();
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data";
        all[args.length + 1] = dataDir.toString();
        return new DsrHub(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(all);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
