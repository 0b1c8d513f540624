package nl.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.LapostaSimulator;
import nl.dsrhub.store.SuppressionRegister;
import nl.dsrhub.store.SuppressionRegister.Finding;
import nl.dsrhub.testing.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suppression register on a running hub (route {@code resubscription-check}, every second here): an address that
 * objected to direct marketing and is subscribed again at Mailchimp or Laposta (an import) is caught once, shown to
 * the officer by connector, list and request id, never by address; a member who stays unsubscribed is no finding.
 */
class ResubscriptionCheckTest {

    private static final String OBJECTED = "bea.bezwaar@example.com";
    private static final Instant SIGNED_UP = Instant.parse("2026-10-01T10:00:00Z");

    @TempDir
    Path dataDir;

    HubFixture fixture;

    @BeforeEach
    void start() {
        fixture = HubFixture.start(dataDir, Map.of("dsr.suppression.check-seconds", "1"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void anAddressOfTheRegisterSubscribedAgainIsCaughtOnceAndNamedByConnectorListAndRequest() throws Exception {
        register().add("R-OBJ-1", OBJECTED, OffsetDateTime.now());
        fixture.mailchimp.addMember(DemoPeople.LIST_NEWSLETTER, OBJECTED, "Bea", "Bezwaar", "", "subscribed", SIGNED_UP);

        await().atMost(Duration.ofSeconds(30)).until(() -> !resubscriptionNotices().isEmpty());
        awaitTwoMoreChecks();

        assertThat(register().openFindings()).singleElement().satisfies(f -> {
            assertThat(f.connector()).isEqualTo("mailchimp");
            assertThat(f.list()).isEqualTo(DemoPeople.LIST_NEWSLETTER);
            assertThat(f.requestId()).isEqualTo("R-OBJ-1");
        });
        assertThat(resubscriptionNotices()).singleElement().satisfies(n -> {
            assertThat(n.requestId()).isEqualTo("R-OBJ-1");
            assertThat(n.message()).contains("mailchimp list " + DemoPeople.LIST_NEWSLETTER, "request R-OBJ-1",
                    "Art. 21(3) GDPR").doesNotContain(OBJECTED, "bea", "Bezwaar");
        });
    }

    @Test
    void aMemberWhoStaysUnsubscribedIsNoFinding() throws Exception {
        register().add("R-OBJ-2", OBJECTED, OffsetDateTime.now());
        fixture.mailchimp.addMember(DemoPeople.LIST_NEWSLETTER, OBJECTED, "Bea", "Bezwaar", "", "unsubscribed", SIGNED_UP);
        int listed = membersListed(DemoPeople.LIST_NEWSLETTER);

        awaitTwoMoreChecks();

        assertThat(membersListed(DemoPeople.LIST_NEWSLETTER)).as("the audience was read meanwhile").isGreaterThan(listed);
        assertThat(register().findings()).isEmpty();
        assertThat(resubscriptionNotices()).isEmpty();
    }

    @Test
    void aFindingIsResolvedOnceTheAddressIsUnsubscribedAgain() throws Exception {
        register().add("R-OBJ-3", OBJECTED, OffsetDateTime.now());
        fixture.mailchimp.addMember(DemoPeople.LIST_WORKSHOPS, OBJECTED, "Bea", "Bezwaar", "", "subscribed", SIGNED_UP);
        await().atMost(Duration.ofSeconds(30)).until(() -> register().openFindingCount() == 1);

        fixture.mailchimp.addMember(DemoPeople.LIST_WORKSHOPS, OBJECTED, "Bea", "Bezwaar", "", "unsubscribed", SIGNED_UP);

        await().atMost(Duration.ofSeconds(30)).until(() -> register().openFindingCount() == 0);
        assertThat(register().findings()).singleElement().satisfies(f -> {
            assertThat(f.resolvedBy()).isEqualTo(SuppressionRegister.BY_CHECK);
            assertThat(f.list()).isEqualTo(DemoPeople.LIST_WORKSHOPS);
        });
    }

    @Test
    void anAddressSubscribedAgainAtLapostaIsCaughtWithItsList() {
        register().add("R-OBJ-4", OBJECTED, OffsetDateTime.now());
        fixture.simulators.laposta.addMember(LapostaSimulator.LIST_PANEL, OBJECTED, "active", SIGNED_UP, Map.of());

        await().atMost(Duration.ofSeconds(30)).until(() -> !resubscriptionNotices().isEmpty());

        assertThat(register().openFindings()).extracting(Finding::connector, Finding::list, Finding::requestId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("laposta", LapostaSimulator.LIST_PANEL, "R-OBJ-4"));
        assertThat(fixture.simulators.laposta.calls()).anyMatch(c -> c.method().equals("GET") && c.path().endsWith("/member")
                && String.valueOf(c.rawQuery()).contains("state=active"));
    }

    @Test
    void nothingIsAskedWhileTheRegisterIsEmpty() throws Exception {
        awaitTwoMoreChecks();

        assertThat(fixture.mailchimp.calls()).noneMatch(c -> c.path().endsWith("/members"));
        assertThat(fixture.simulators.laposta.calls()).noneMatch(c -> c.path().endsWith("/member"));
    }

    @Test
    void theMetricsAndTheStatusCountTheRegisterAndTheOpenReSubscriptions() throws Exception {
        register().add("R-OBJ-5", OBJECTED, OffsetDateTime.now());
        register().add("R-OBJ-6", "nog.een.bezwaar@example.com", OffsetDateTime.now());
        fixture.hub().services().restrictions.record("R-RES-1", "beperkt@example.com",
                nl.dsrhub.model.RestrictionReason.LEGAL_CLAIMS, OffsetDateTime.now());
        fixture.mailchimp.addMember(DemoPeople.LIST_CUSTOMERS, OBJECTED, "Bea", "Bezwaar", "", "subscribed", SIGNED_UP);
        await().atMost(Duration.ofSeconds(30)).until(() -> register().openFindingCount() == 1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("observe/metrics", false))
                .contains("dsr_suppressed_addresses 2.0", "dsr_resubscriptions_open 1.0", "dsr_restrictions_in_force 1.0"));
        assertThat(get("api/status", true)).contains("suppression register: 2 address(es) that objected to direct"
                + " marketing; 1 re-subscription(s) open (see the officer's notices)", "restriction register: 1"
                + " restriction(s) in force").doesNotContain(OBJECTED);
    }

    private SuppressionRegister register() {
        return fixture.hub().services().suppression;
    }

    private List<OfficerNotice> resubscriptionNotices() {
        return new OfficerNotices(fixture.hub().services().jdbc, java.time.Clock.systemUTC()).recent(100).stream()
                .filter(n -> n.level().startsWith("resubscribed-")).toList();
    }

    /** How often the audience's subscribed members were asked for. */
    private int membersListed(String list) {
        return (int) fixture.mailchimp.calls().stream().filter(c -> c.path().endsWith("/lists/" + list + "/members")).count();
    }

    /** Waits for two more runs of the check to end: at least one of them began after this was called. */
    private void awaitTwoMoreChecks() throws Exception {
        long before = checks();
        await().atMost(Duration.ofSeconds(30)).until(() -> checks() >= before + 2);
    }

    /** The runs of the route as Camel's route policy counts them at /observe/metrics (0 before the first ends). */
    private long checks() throws Exception {
        Matcher m = Pattern.compile("(?m)^camel_exchanges_total\\{[^}]*routeId=\"resubscription-check\"[^}]*} ([0-9.E]+)$")
                .matcher(get("observe/metrics", false));
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    private String get(String path, boolean withToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path));
        if (withToken) {
            request.header("Authorization", "Bearer " + fixture.token());
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
