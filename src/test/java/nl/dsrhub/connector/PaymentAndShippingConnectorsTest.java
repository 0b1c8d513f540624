package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.MollieContract;
import nl.dsrhub.demo.SendCloudContract;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Retention;
import nl.dsrhub.model.TaskResult;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mollie and SendCloud through their shipped connector files, from the ids the shop provides; every
 * request the connector sent and every answer it got is checked against the published API specs.
 */
class PaymentAndShippingConnectorsTest {

    @TempDir
    Path dir;

    EngineHarness h;

    @BeforeEach
    void start() {
        h = new EngineHarness(dir);
    }

    @AfterEach
    void stop() {
        try {
            MollieContract.assertConforms(h.simulators.mollie.calls());
            SendCloudContract.assertConforms(h.simulators.sendcloud.calls());
        } finally {
            h.close();
        }
    }

    @Test
    void mollieExportsCustomerPaymentsMandatesAndSubscriptionsFollowingTheCursor() throws Exception {
        // the shipped file asks 250 a page; one a page makes the cursor matter
        String onePerPage = new String(getClass().getResourceAsStream("/connectors/mollie.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replace("limit: \"250\"", "limit: \"1\"");
        Map<String, String> props = h.simulators.settings();
        Connector paged = ConnectorCatalog.fromSources(List.of(new ConnectorCatalog.Source("mollie.yaml", "mollie.yaml", onePerPage)),
                new SettingsSource(k -> java.util.Optional.ofNullable(props.get(k)), Map.of()), true).get("mollie");
        DemoPeople.Person jan = DemoPeople.JAN;
        long taskId = h.newTask(Requests.of(RequestType.EXPORT, jan.email(),
                Map.of("mollie.customerId", jan.mollieCustomerId())), "mollie");

        TaskResult f = h.engine.run(paged, h.context(taskId));

        assertThat(f.outcome()).isEqualTo(Outcome.EXPORTED);
        List<String> files = files(h.context(taskId).dataDir());
        assertThat(files).contains("customer-" + jan.mollieCustomerId() + ".json");
        // one payment a page: the next links were followed to the last one
        assertThat(files.stream().filter(n -> n.startsWith("payments-"))).hasSize(jan.molliePaymentIds().size());
        assertThat(files).anyMatch(n -> n.startsWith("mandates-"));
    }

    @Test
    void mollieErasureDeletesTheCustomerOnceWithAnIdempotencyKeyAndRetainsPayments() {
        DemoPeople.Person jan = DemoPeople.JAN;
        TaskResult f = h.run("mollie", Requests.of(RequestType.ERASURE, jan.email(),
                Map.of("mollie.customerId", jan.mollieCustomerId(), "mollie.paymentId", jan.molliePaymentIds().get(0))));

        assertThat(f.outcome()).isEqualTo(Outcome.PARTIAL);
        // every payment of the customer, each as Mollie's own duty: not the shop's legal basis, no end date of ours
        assertThat(f.retained()).extracting(Retention::recordId).containsExactlyInAnyOrderElementsOf(jan.molliePaymentIds());
        assertThat(f.retained()).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(Retention.Kind.PROCESSOR_LEGAL_DUTY);
            assertThat(r.law()).isEqualTo("Wwft art. 33");
            assertThat(r.keeper()).isEqualTo("Mollie B.V.");
            assertThat(r.recordDate()).isNotNull();
            assertThat(r.until()).isNull();
            assertThat(r.erasure()).isNull();
        });
        var deletes = h.simulators.mollie.callsMatching("DELETE", ".*/customers/" + jan.mollieCustomerId());
        assertThat(deletes).singleElement().satisfies(c -> assertThat(c.requestHeader("idempotency-key")).isNotBlank());
        assertThat(h.simulators.mollie.customerExists(jan.mollieCustomerId())).isFalse();
        assertThat(jan.molliePaymentIds()).allMatch(h.simulators.mollie::paymentExists);
    }

    @Test
    void mollieGuestPaymentsAreExportedByPaymentId() {
        DemoPeople.Person eva = DemoPeople.EVA;
        TaskResult f = h.run("mollie", Requests.of(RequestType.EXPORT, eva.email(),
                Map.of("mollie.paymentId", eva.molliePaymentIds().get(0))));

        assertThat(f.outcome()).isEqualTo(Outcome.EXPORTED);
    }

    @Test
    void mollieUnknownCustomerIsNotFound() {
        assertThat(h.run("mollie", Requests.of(RequestType.ERASURE, "nobody@example.nl",
                Map.of("mollie.customerId", "cst_unknown000"))).outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void mollieRefusedKeyNeedsAttention() {
        h.simulators.mollie.setApiKey("live_rotated");

        assertThatThrownBy(() -> h.run("mollie", Requests.of(RequestType.EXPORT, DemoPeople.JAN.email(),
                Map.of("mollie.customerId", DemoPeople.JAN.mollieCustomerId()))))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("HTTP 401");
    }

    @Test
    void sendcloudParcelsThatCanOnlyBeCancelledAreAskedOnceEachAndReportedRetained() {
        DemoPeople.Person anna = DemoPeople.ANNA;
        long taskId = h.newTask(Requests.erasure(anna.email()), "sendcloud");
        h.db.jdbc().inTransaction(tx -> {
            String requestId = h.tasks.find(taskId).orElseThrow().requestId();
            anna.sendcloudParcelIds().forEach(p -> nl.dsrhub.store.Identifiers.add(tx, requestId,
                    "sendcloud.parcelId", p, "woocommerce"));
            return null;
        });

        TaskResult f = h.engine.run(h.catalog.get("sendcloud"), h.context(taskId));

        // delivered parcels cannot be cancelled, the parcel en route is only cancelled: nothing is deleted, and
        // nothing of it is kept by law: each parcel remains, dated, without a legal basis
        assertThat(f.outcome()).isEqualTo(Outcome.RETAINED);
        assertThat(f.retained()).extracting(Retention::recordId).containsExactlyInAnyOrderElementsOf(anna.sendcloudParcelIds());
        assertThat(f.retained()).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(Retention.Kind.NO_LEGAL_DUTY);
            assertThat(r.law()).isNull();
            assertThat(r.recordDate()).isNotNull();
            assertThat(r.erasure()).isNull();
        });
        for (String parcel : anna.sendcloudParcelIds()) {
            assertThat(h.simulators.sendcloud.callsMatching("POST", ".*/parcels/" + parcel + "/cancel")).hasSize(1);
        }
    }

    @Test
    void sendcloudExportsTheParcels() throws Exception {
        DemoPeople.Person jan = DemoPeople.JAN;
        long taskId = h.newTask(Requests.of(RequestType.EXPORT, jan.email(),
                Map.of("sendcloud.parcelId", jan.sendcloudParcelIds().get(0))), "sendcloud");

        assertThat(h.engine.run(h.catalog.get("sendcloud"), h.context(taskId)).outcome()).isEqualTo(Outcome.EXPORTED);
        assertThat(files(h.context(taskId).dataDir())).containsExactly("parcel-" + jan.sendcloudParcelIds().get(0) + ".json");
    }

    @Test
    void sendcloudUnknownParcelIsNotFound() {
        assertThat(h.run("sendcloud", Requests.of(RequestType.ERASURE, "nobody@example.nl",
                Map.of("sendcloud.parcelId", "100000001"))).outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void sendcloudRefusedKeysNeedAttention() {
        h.simulators.sendcloud.setCredentials("rotated", "rotated");

        assertThatThrownBy(() -> h.run("sendcloud", Requests.of(RequestType.EXPORT, DemoPeople.JAN.email(),
                Map.of("sendcloud.parcelId", DemoPeople.JAN.sendcloudParcelIds().get(0)))))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("HTTP 401");
    }

    @Test
    void checkReachesMollieAndSendCloudWithTheirCredentials() {
        assertThat(h.engine.check(h.catalog.get("mollie"))).isEmpty();
        assertThat(h.engine.check(h.catalog.get("sendcloud"))).isEmpty();
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
