package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.MailchimpSimulator;
import nl.dsrhub.demo.WooCommerceSimulator;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.TaskResult;
import nl.dsrhub.model.TaskStatus;
import nl.dsrhub.store.CallJournal;
import nl.dsrhub.store.Database;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.TaskStore;
import nl.dsrhub.testing.Requests;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped WooCommerce and Mailchimp connector files run by the engine against the simulators. */
class HttpEngineTest {

    @TempDir
    Path dir;

    private nl.dsrhub.demo.Simulators simulators;
    private WooCommerceSimulator woo;
    private MailchimpSimulator mailchimp;
    private CamelContext camel;
    private Database db;
    private RequestStore requests;
    private TaskStore tasks;
    private CallJournal journal;
    private HttpEngine engine;
    private ConnectorCatalog catalog;

    private EngineHarness h;

    @BeforeEach
    void start() {
        h = new EngineHarness(dir);
        simulators = h.simulators;
        woo = simulators.woo;
        mailchimp = simulators.mailchimp;
        camel = h.camel;
        db = h.db;
        requests = h.requests;
        tasks = h.tasks;
        journal = h.journal;
        engine = h.engine;
        catalog = h.catalog;
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void exportFromTheShopProvidesTheIdsOtherProcessorsNeed() {
        TaskResult f = run("woocommerce", Requests.export(DemoPeople.JAN.email()));

        assertThat(f.outcome()).isEqualTo(Outcome.EXPORTED);
        assertThat(f.provided()).containsEntry("mollie.customerId", List.of(DemoPeople.JAN.mollieCustomerId()))
                .containsEntry("woocommerce.customerId", List.of(String.valueOf(DemoPeople.JAN.wooCustomerId())));
        assertThat(f.provided().get("sendcloud.parcelId")).containsExactlyInAnyOrderElementsOf(DemoPeople.JAN.sendcloudParcelIds());
        assertThat(woo.callsMatching("GET", ".*/customers")).first()
                .satisfies(c -> assertThat(c.rawQuery()).contains("role=all"));
    }

    @Test
    void pagedSearchIsFollowedToTheLastPageAndEachPageKept() throws Exception {
        // the shipped connector asks 100 orders a page; one a page makes the shop's paging headers matter
        String onePerPage = new String(getClass().getResourceAsStream("/connectors/woocommerce.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replace("per_page: \"100\"", "per_page: \"1\"");
        Map<String, String> props = simulators.settings();
        Connector paged = ConnectorCatalog.fromSources(
                List.of(new ConnectorCatalog.Source("woocommerce.yaml", "woocommerce.yaml", onePerPage)),
                new SettingsSource(k -> Optional.ofNullable(props.get(k)), Map.of()), true).get("woocommerce");
        DsrRequest request = Requests.export(DemoPeople.JAN.email());
        long taskId = newTask(request, "woocommerce");
        TaskContext context = context(taskId, requests.get(requestIdOf(taskId)));

        TaskResult f = engine.run(paged, context);

        assertThat(f.provided().get("woocommerce.orderId")).containsExactlyInAnyOrderElementsOf(
                DemoPeople.JAN.wooOrderIds().stream().map(String::valueOf).toList());
        int pages = woo.callsMatching("GET", ".*/orders").size();
        assertThat(pages).isGreaterThan(DemoPeople.JAN.wooOrderIds().size());
        try (var files = java.nio.file.Files.list(context.dataDir())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("orders-p")).count())
                    .as("one file per page that held the person's orders").isEqualTo(DemoPeople.JAN.wooOrderIds().size());
        }
    }

    @Test
    void checkSaysWhetherTheProcessorIsReachableAndTheCredentialsWork() {
        assertThat(engine.check(catalog.get("woocommerce"))).isEmpty();

        woo.setCredentials("ck_rotated", "cs_rotated");
        assertThat(engine.check(catalog.get("woocommerce"))).get().asString().contains("credentials were refused");

        mailchimp.stop();
        assertThat(engine.check(catalog.get("mailchimp"))).get().asString().startsWith("not reachable");
    }

    @Test
    void publishedRateLimitIsNeverExceededInAnyWindow() throws Exception {
        // two requests a second, declared like Moneybird's 150 per 5 minutes
        String limited = new String(getClass().getResourceAsStream("/connectors/woocommerce.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)
                .replace("limits:\n  concurrency: 4", "limits:\n  concurrency: 4\n  requests: { count: 2, per: 1s }")
                .replace("per_page: \"100\"", "per_page: \"1\"");
        assertThat(limited).contains("requests: { count: 2, per: 1s }");
        Map<String, String> props = simulators.settings();
        Connector paced = ConnectorCatalog.fromSources(
                List.of(new ConnectorCatalog.Source("woocommerce.yaml", "woocommerce.yaml", limited)),
                new SettingsSource(k -> Optional.ofNullable(props.get(k)), Map.of()), true).get("woocommerce");
        DsrRequest request = Requests.export(DemoPeople.JAN.email());
        long taskId = newTask(request, "woocommerce");

        engine.run(paced, context(taskId, requests.get(requestIdOf(taskId))));

        List<java.time.Instant> at = woo.calls().stream().map(nl.dsrhub.demo.RecordedCall::at).sorted().toList();
        assertThat(at).hasSizeGreaterThan(4);
        for (int i = 2; i < at.size(); i++) {
            // any three consecutive calls span at least the one-second window
            assertThat(java.time.Duration.between(at.get(i - 2), at.get(i))).as("calls %d..%d", i - 2, i)
                    .isGreaterThanOrEqualTo(java.time.Duration.ofMillis(950));
        }
    }

    @Test
    void personKnownNowhereIsNotFound() {
        assertThat(run("woocommerce", Requests.export(DemoPeople.SANNE.email())).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(run("mailchimp", Requests.export(DemoPeople.SANNE.email())).outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void callSentBeforeACrashThatTookEffectIsNotSentAgain() {
        DsrRequest request = Requests.erasure(DemoPeople.JAN.email());
        long taskId = newTask(request, "woocommerce");
        String key = "delete-customer DELETE " + WooCommerceSimulator.BASE_PATH + "/customers/42?force=true";
        journal.sending(taskId, key);
        // the processor carried out the call; the hub died before recording the answer
        eraseDirectly();
        woo.clearCalls();

        TaskResult f = engine.run(catalog.get("woocommerce"), context(taskId, requests.get(requestIdOf(taskId))));

        assertThat(f.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(woo.callsMatching("DELETE", ".*")).isEmpty();
        assertThat(journal.find(taskId, key).orElseThrow().tookEffect()).isTrue();
    }

    @Test
    void callSentBeforeACrashThatDidNotTakeEffectIsSentOnceMore() {
        DsrRequest request = Requests.erasure(DemoPeople.JAN.email());
        long taskId = newTask(request, "woocommerce");
        String key = "delete-customer DELETE " + WooCommerceSimulator.BASE_PATH + "/customers/42?force=true";
        String idempotencyKey = journal.sending(taskId, key);

        TaskResult f = engine.run(catalog.get("woocommerce"), context(taskId, requests.get(requestIdOf(taskId))));

        assertThat(f.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(woo.callsMatching("DELETE", ".*/customers/42")).hasSize(1);
        assertThat(woo.customerExists(42)).isFalse();
        assertThat(journal.find(taskId, key).orElseThrow().idempotencyKey()).isEqualTo(idempotencyKey);
    }

    @Test
    void rerunAfterARecordedErasureSendsNothingAgain() {
        DsrRequest request = Requests.erasure(DemoPeople.ANNA.email());
        long taskId = newTask(request, "mailchimp");
        DsrRequest stored = requests.get(requestIdOf(taskId));
        engine.run(catalog.get("mailchimp"), context(taskId, stored));
        mailchimp.clearCalls();

        TaskResult again = engine.run(catalog.get("mailchimp"), context(taskId, stored));

        assertThat(mailchimp.callsMatching("POST", ".*delete-permanent")).isEmpty();
        assertThat(again.outcome()).isEqualTo(Outcome.ERASED);
    }

    @Test
    void badCredentialsArePermanent() {
        woo.setCredentials("ck_other", "cs_other");

        assertThatThrownBy(() -> run("woocommerce", Requests.export(DemoPeople.JAN.email())))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageNotContaining(DemoPeople.JAN.email());
    }

    @Test
    void mailchimpRefusedKeyIsPermanent() {
        mailchimp.setCredentials("rotated-us21");

        assertThatThrownBy(() -> run("mailchimp", Requests.export(DemoPeople.JAN.email())))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("HTTP 401");
    }

    @Test
    void unavailableProcessorIsTransient() {
        mailchimp.failNext(1, 503);

        assertThatThrownBy(() -> run("mailchimp", Requests.export(DemoPeople.JAN.email())))
                .isInstanceOf(TransientFailure.class)
                .hasMessageContaining("HTTP 503");
    }

    @Test
    void refusedConnectionIsTransientAndNamesNoUrl() {
        woo.stop();

        assertThatThrownBy(() -> run("woocommerce", Requests.export(DemoPeople.JAN.email())))
                .isInstanceOf(TransientFailure.class)
                .hasMessageNotContaining(DemoPeople.JAN.email())
                .hasMessageNotContaining("127.0.0.1");
    }

    private TaskResult run(String connector, DsrRequest request) {
        long taskId = newTask(request, connector);
        return engine.run(catalog.get(connector), context(taskId, requests.get(requestIdOf(taskId))));
    }

    private long newTask(DsrRequest request, String connector) {
        String id = requests.store(request).requestId();
        db.jdbc().inTransaction(tx -> {
            tasks.create(tx, id, connector, TaskStatus.PENDING);
            return null;
        });
        return tasks.forRequest(id).get(0).id();
    }

    private String requestIdOf(long taskId) {
        return tasks.find(taskId).orElseThrow().requestId();
    }

    private TaskContext context(long taskId, DsrRequest request) {
        return new TaskContext(taskId, request, requests.identifiers(request.id()),
                dir.resolve("work").resolve(request.id()));
    }

    private void eraseDirectly() {
        try {
            java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(woo.baseUrl() + "/customers/42?force=true"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            (DemoPeople.WOO_CONSUMER_KEY + ":" + DemoPeople.WOO_CONSUMER_SECRET).getBytes()))
                    .DELETE().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
