package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.MailchimpContract;
import nl.dsrhub.demo.MailchimpSimulator;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.TaskResult;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mailchimp's e-commerce stores: the shop's copies of the person as a customer, and of their orders. */
class MailchimpStoreConnectorTest {

    private static final String STORE = DemoPeople.MAILCHIMP_STORE;

    @TempDir
    Path dir;

    EngineHarness h;

    @BeforeEach
    void start() {
        h = new EngineHarness(dir);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void anExportHoldsTheStoreCustomerAndTheirOrders() throws Exception {
        long taskId = h.newTask(Requests.export(DemoPeople.JAN.email()), "mailchimp");
        TaskResult f = h.engine.run(h.catalog.get("mailchimp"), h.context(taskId));

        assertThat(f.outcome()).isEqualTo(Outcome.EXPORTED);
        Path data = h.context(taskId).dataDir();
        assertThat(files(data)).contains("store-" + STORE + "-customer.json", "store-" + STORE + "-orders-p0001.json");
        String orders = Files.readString(data.resolve("store-" + STORE + "-orders-p0001.json"));
        assertThat(orders).contains("\"1001\"", "\"1007\"").doesNotContain(DemoPeople.ANNA.email());
        String customer = Files.readString(data.resolve("store-" + STORE + "-customer.json"));
        assertThat(customer).contains(DemoPeople.JAN.email()).doesNotContain(DemoPeople.MARJAN.email());
    }

    @Test
    void anExportHoldsThePersonsAbandonedCartsAndNobodyElses() throws Exception {
        long taskId = h.newTask(Requests.export(DemoPeople.ANNA.email()), "mailchimp");
        TaskResult f = h.engine.run(h.catalog.get("mailchimp"), h.context(taskId));

        assertThat(f.outcome()).isEqualTo(Outcome.EXPORTED);
        String carts = Files.readString(h.context(taskId).dataDir().resolve("store-" + STORE + "-carts-p0001.json"));
        assertThat(carts).contains("cart-7f3a91", "Melkopschuimer").doesNotContain("cart-2b8c40", DemoPeople.KEES.email());
        // carts cannot be asked for by customer: the store's list is read, page by page
        assertThat(h.simulators.mailchimp.calls()).anyMatch(c -> c.method().equals("GET")
                && c.path().endsWith("/ecommerce/stores/" + STORE + "/carts"));
    }

    @Test
    void anErasureDeletesTheStoreCartsAndOrdersThenTheCustomerAndNobodyElses() {
        TaskResult f = h.run("mailchimp", Requests.erasure(DemoPeople.ANNA.email()));

        assertThat(f.outcome()).isEqualTo(Outcome.ERASED);
        assertThat(f.detail()).contains("delete-store-cart 1x", "delete-store-order 4x", "delete-store-customer 1x",
                "delete-permanent 2x");
        MailchimpSimulator mc = h.simulators.mailchimp;
        String anna = DemoPeople.mailchimpCustomerId(DemoPeople.ANNA);
        assertThat(mc.storeCustomerExists(STORE, anna)).isFalse();
        assertThat(mc.storeCartExists(STORE, "cart-7f3a91")).isFalse();
        assertThat(mc.storeCartExists(STORE, "cart-2b8c40")).as("Kees's cart").isTrue();
        for (String order : List.of("1002", "1006", "1010", "1014")) {
            assertThat(mc.storeOrderExists(STORE, order)).as("order " + order).isFalse();
        }
        assertThat(mc.storeCustomerExists(STORE, DemoPeople.mailchimpCustomerId(DemoPeople.KEES))).isTrue();
        assertThat(mc.storeOrderExists(STORE, "1003")).isTrue();
        List<String> deletes = mc.calls().stream().filter(c -> c.method().equals("DELETE")).map(c -> c.path()).toList();
        assertThat(deletes).hasSize(6);
        assertThat(deletes.get(0)).as("the cart goes first").endsWith("/carts/cart-7f3a91");
        assertThat(deletes.get(5)).as("the customer goes last").endsWith("/customers/" + anna);
        assertThat(mc.calls()).noneMatch(c -> c.method().equals("DELETE") && c.path().contains("/lists/"));
    }

    @Test
    void aSubscriberWhoNeverBoughtIsErasedFromTheAudiencesWithoutStoreCalls() {
        TaskResult f = h.run("mailchimp", Requests.erasure(DemoPeople.EVA.email()));

        assertThat(f.outcome()).isEqualTo(Outcome.ERASED);
        assertThat(f.detail()).doesNotContain("store");
        assertThat(h.simulators.mailchimp.calls()).noneMatch(c -> c.method().equals("DELETE"));
    }

    @Test
    void everyStoreCallOfAnErasureAndAnExportConformsToThePublishedEcommerceSpec() {
        h.run("mailchimp", Requests.erasure(DemoPeople.ANNA.email()));
        h.run("mailchimp", Requests.export(DemoPeople.JAN.email()));

        List<String> storeCalls = h.simulators.mailchimp.calls().stream().filter(c -> c.path().contains("/ecommerce/"))
                .map(c -> c.method() + " " + c.path().replaceAll("/(customers|orders|carts)/[^/]+$", "/$1/ID")).toList();
        String store = "/3.0/ecommerce/stores/" + STORE;
        assertThat(storeCalls).contains("GET /3.0/ecommerce/stores", "GET " + store + "/customers", "GET " + store + "/orders",
                "GET " + store + "/carts", "DELETE " + store + "/customers/ID", "DELETE " + store + "/orders/ID",
                "DELETE " + store + "/carts/ID");
        // the requests the hub sends and the simulator's answers, audiences and stores alike
        MailchimpContract.assertConforms(h.simulators.mailchimp.calls());
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
