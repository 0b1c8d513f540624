package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.WooCommerceSimulator;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.Retention;
import nl.dsrhub.model.TaskResult;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop's orders on erasure: the paid ones within the 7-year fiscal retention are kept and reported,
 * the others (older, or never paid) are anonymised as WooCommerce's own eraser does — unless the shop
 * switched that off, which the outcome then states without inventing a legal basis.
 */
class ShopOrdersConnectorTest {

    @TempDir
    Path dir;

    @Test
    void anOrderOlderThanTheRetentionPeriodIsAnonymisedAndTheBookedOnesAreRetained() {
        try (EngineHarness h = new EngineHarness(dir)) {
            TaskResult f = h.run("woocommerce", Requests.erasure(DemoPeople.ANNA.email()));

            assertThat(f.outcome()).isEqualTo(Outcome.PARTIAL);
            assertThat(f.detail()).contains("anonymise-order 1x", "delete-customer 1x");
            // each booked order kept under the shop's duty until the end of its own year plus 7, then anonymised
            assertThat(f.retained()).filteredOn(r -> r.kind() == Retention.Kind.SHOP_LEGAL_DUTY)
                    .extracting(r -> r.recordId() + " " + r.until() + " " + r.erasure().on() + " " + r.law())
                    .containsExactly("1002 2031-12-31 2032-01-01 AWR art. 52 lid 4", "1006 2032-12-31 2033-01-01 AWR art. 52 lid 4",
                            "1010 2032-12-31 2033-01-01 AWR art. 52 lid 4", "1014 2032-12-31 2033-01-01 AWR art. 52 lid 4");
            JsonNode old = h.simulators.woo.order(990).orElseThrow();
            assertThat(old.at("/billing/email").asText()).isEqualTo("deleted@site.invalid");
            assertThat(old.at("/billing/last_name").asText()).isEqualTo("[deleted]");
            assertThat(old.at("/shipping/address_1").asText()).isEqualTo("[deleted]");
            assertThat(old.at("/customer_id").asLong()).isZero();
            assertThat(old.toString()).doesNotContain(DemoPeople.ANNA.lastName(), DemoPeople.ANNA.email());
            assertThat(old.at("/total").asText()).as("the totals stay for the shop's statistics").isNotEmpty();
            for (long booked : List.of(1002L, 1006L, 1010L, 1014L)) {
                assertThat(h.simulators.woo.order(booked).orElseThrow().at("/billing/email").asText())
                        .isEqualTo(DemoPeople.ANNA.email());
            }
            assertThat(orderWrites(h)).containsExactly("PUT /orders/990");
        }
    }

    @Test
    void whatTheAnonymisationCannotReachIsSaidInTheOutcome() {
        try (EngineHarness h = new EngineHarness(dir)) {
            TaskResult f = h.run("woocommerce", Requests.erasure(DemoPeople.ANNA.email()));

            // the REST API refuses to write them, so they are still on the order: the outcome must not hide it
            JsonNode old = h.simulators.woo.order(990).orElseThrow();
            assertThat(old.at("/customer_ip_address").asText()).isNotEmpty();
            assertThat(f.detail()).contains("left: IP address and browser of the anonymised order(s)")
                    .contains("customer_ip_address");
        }
    }

    @Test
    void nothingIsSaidToBeLeftWhenNoOrderWasAnonymised() {
        try (EngineHarness h = new EngineHarness(dir, Map.of("dsr.connector.woocommerce.anonymise-orders", "false"))) {
            TaskResult f = h.run("woocommerce", Requests.erasure(DemoPeople.ANNA.email()));

            assertThat(f.detail()).doesNotContain("left:");
        }
    }

    @Test
    void aCancelledOrderWithinTheRetentionPeriodIsNotPartOfTheBooksAndIsAnonymised() {
        try (EngineHarness h = new EngineHarness(dir)) {
            TaskResult f = h.run("woocommerce", Requests.erasure(DemoPeople.MARJAN.email()));

            assertThat(f.outcome()).isEqualTo(Outcome.PARTIAL);
            assertThat(h.simulators.woo.order(1013).orElseThrow().at("/billing/email").asText())
                    .as("cancelled order").isEqualTo("deleted@site.invalid");
            assertThat(h.simulators.woo.order(1008).orElseThrow().at("/billing/email").asText())
                    .as("completed order").isEqualTo(DemoPeople.MARJAN.email());
            assertThat(orderWrites(h)).containsExactly("PUT /orders/1013");
        }
    }

    @Test
    void aShopThatKeepsItsOrdersGetsThemReportedAsKeptWithoutALegalBasisOrEndDate() {
        try (EngineHarness h = new EngineHarness(dir, Map.of("dsr.connector.woocommerce.anonymise-orders", "false"))) {
            TaskResult f = h.run("woocommerce", Requests.erasure(DemoPeople.ANNA.email()));

            assertThat(orderWrites(h)).isEmpty();
            assertThat(h.simulators.woo.order(990).orElseThrow().at("/billing/email").asText()).isEqualTo(DemoPeople.ANNA.email());
            assertThat(f.outcome()).isEqualTo(Outcome.PARTIAL);
            Retention kept = f.retained().stream().filter(r -> "990".equals(r.recordId())).findFirst().orElseThrow();
            assertThat(kept.kind()).isEqualTo(Retention.Kind.NO_LEGAL_DUTY);
            assertThat(kept.what().en()).isEqualTo("old or unpaid order");
            assertThat(kept.law()).isNull();
            assertThat(kept.until()).isNull();
            assertThat(kept.erasure()).isNull();
        }
    }

    @Test
    void anExportChangesNoOrder() {
        try (EngineHarness h = new EngineHarness(dir)) {
            assertThat(h.run("woocommerce", Requests.export(DemoPeople.ANNA.email())).outcome()).isEqualTo(Outcome.EXPORTED);
            assertThat(orderWrites(h)).isEmpty();
        }
    }

    private static List<String> orderWrites(EngineHarness h) {
        return h.simulators.woo.calls().stream().map(c -> c.method() + " " + c.path().substring(WooCommerceSimulator.BASE_PATH.length()))
                .filter(c -> !c.startsWith("GET") && c.contains(" /orders")).toList();
    }
}
