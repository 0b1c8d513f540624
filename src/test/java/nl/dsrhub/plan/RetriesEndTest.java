package nl.dsrhub.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import nl.dsrhub.cli.DsrHub;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.MailServer;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.ops.OfficerNotice;
import nl.dsrhub.ops.OfficerNotices;
import nl.dsrhub.store.TaskStore.TaskRow;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No task is retried without end: a shop that answers 503 for ever is given the configured number of attempts,
 * then its task needs attention and the officer is told (stored notice and mail); a request whose deadline is
 * near stops retrying at once; the officer's {@code retry} gives the task its attempts again.
 */
class RetriesEndTest {

    private static final DemoPeople.Person KEES = DemoPeople.KEES;

    @TempDir
    Path dataDir;

    private final MailServer mail = MailServer.start();
    private HubFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
        mail.close();
    }

    @Test
    void processorUnavailableForEverNeedsAttentionAfterTheConfiguredAttempts() {
        start();
        fixture.woo.failNext(1000, 503);

        String id = exportOfKees("FOREVER-503", Requests.now());

        TaskRow shop = awaitNeedsAttention(id);
        assertThat(shop.detail()).isEqualTo("stopped retrying after 3 attempt(s) (dsr.retry.max-attempts); last error: "
                + "woocommerce step customer: HTTP 503 (http_503)");
        assertThat(shop.attempts()).isEqualTo(3);
        assertThat(fixture.woo.calls()).hasSize(3).allSatisfy(c -> assertThat(c.status()).isEqualTo(503));
        // and nothing more is tried
        assertThat(fixture.hub().services().tasks.find(shop.id()).orElseThrow().nextAttemptAt()).isNull();
    }

    @Test
    void officerIsToldOnceWhenATasksRetriesEnd() throws Exception {
        start();
        fixture.woo.failNext(1000, 503);

        String id = exportOfKees("TOLD-503", Requests.now());

        TaskRow shop = awaitNeedsAttention(id);
        List<OfficerNotice> notices = await().atMost(Duration.ofSeconds(10))
                .until(() -> notices().recent(50), l -> l.stream().anyMatch(n -> n.requestId().equals(id)));
        assertThat(notices).filteredOn(n -> n.requestId().equals(id)).singleElement().satisfies(n -> {
            assertThat(n.level()).isEqualTo("gave-up-" + shop.id());
            assertThat(n.message()).contains("woocommerce needs attention, stopped retrying after 3 attempt(s)")
                    .contains("retry " + id + " --connector woocommerce").doesNotContain(KEES.email());
        });
        MimeMessage told = await().atMost(Duration.ofSeconds(30))
                .until(() -> toOfficer(id), l -> !l.isEmpty()).get(0);
        assertThat(told.getSubject()).isEqualTo("dsr-hub: gave-up-" + shop.id() + " " + id);
        assertThat(told.getContent().toString()).contains("woocommerce needs attention");
    }

    @Test
    void taskOfARequestWhoseDeadlineIsNearStopsRetryingAtOnce() {
        start();
        fixture.woo.failNext(1000, 503);
        // received a month less a day ago: the deadline is a day away, within the 48 hours kept for the officer
        String received = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.ofHours(1))
                .minusMonths(1).plusDays(1).truncatedTo(ChronoUnit.SECONDS));

        String id = exportOfKees("NEAR-DEADLINE", received);

        TaskRow shop = awaitNeedsAttention(id);
        assertThat(shop.detail()).startsWith("stopped retrying: the next attempt would come within 48 hours of the "
                + "request's deadline").endsWith("last error: woocommerce step customer: HTTP 503 (http_503)");
        assertThat(shop.attempts()).isEqualTo(1);
        assertThat(fixture.woo.calls()).hasSize(1);
    }

    @Test
    void officersRetryGivesTheTaskItsAttemptsAgain() {
        start();
        fixture.woo.failNext(1000, 503);
        String id = exportOfKees("RETRY-AFRESH", Requests.now());
        awaitNeedsAttention(id);

        // the shop is back; a single failure more must not end the task again at once
        fixture.woo.failNext(1, 503);
        assertThat(cli("retry", id, "--connector", "woocommerce")).contains("1 task(s)");

        await().atMost(Duration.ofSeconds(30)).ignoreException(java.util.NoSuchElementException.class).until(() -> task(id).outcome() == Outcome.EXPORTED);
        assertThat(task(id).attempts()).isEqualTo(2);
    }

    /** The hub with mail to the officer, quick retries of one call each, three attempts, the breaker out of the way. */
    private void start() {
        fixture = HubFixture.create(dataDir);
        mail.settings().forEach(fixture::set);
        fixture.set("dsr.retry.in-route-attempts", "0").set("dsr.retry.max-attempts", "3")
                .set("dsr.breaker.minimum-calls", "1000").set("dsr.breaker.window", "1000");
        fixture.startHub();
    }

    private String exportOfKees(String reference, String receivedAt) {
        fixture.drop(reference + ".json", Requests.file("export", KEES.email(), receivedAt, reference));
        return fixture.awaitRequest(reference);
    }

    private TaskRow awaitNeedsAttention(String requestId) {
        // ignoreExceptions: the task row appears only once the request is planned
        await().atMost(Duration.ofSeconds(40)).ignoreExceptions().until(() -> task(requestId).outcome() == Outcome.NEEDS_ATTENTION);
        return task(requestId);
    }

    private TaskRow task(String requestId) {
        return fixture.hub().services().tasks.forRequest(requestId).stream()
                .filter(t -> t.connector().equals("woocommerce")).findFirst().orElseThrow();
    }

    private OfficerNotices notices() {
        return new OfficerNotices(fixture.hub().services().jdbc, java.time.Clock.systemUTC());
    }

    private List<MimeMessage> toOfficer(String requestId) {
        return Arrays.stream(mail.greenMail().getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients() != null && m.getAllRecipients()[0].toString().contains(MailServer.OFFICER)
                        && m.getSubject() != null && m.getSubject().contains("gave-up") && m.getSubject().contains(requestId);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] all = java.util.stream.Stream.concat(Arrays.stream(args), java.util.stream.Stream.of("--data", dataDir.toString()))
                .toArray(String[]::new);
        int code = new DsrHub(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).execute(all);
        assertThat(code).as("exit code of " + String.join(" ", args)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
