package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.MailchimpContract;
import nl.dsrhub.demo.MailchimpSimulator;
import nl.dsrhub.demo.RecordedCall;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.store.TaskStore.TaskRow;
import nl.dsrhub.testing.Confirmation;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.ProcessorProxy;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mailchimp erasures on a real hub whose Mailchimp answers as the API may answer elsewhere (a proxy in front of the
 * simulator): each outcome is read as stored and as the confirmation renders it (JSON and the HTML's text), and
 * says what was done and what could not be, no more.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailchimpErasureOutcomesTest {

    private static final String STORE = DemoPeople.MAILCHIMP_STORE;
    private static final String PROBLEM = "application/problem+json; charset=utf-8";
    private static final Instant SIGNED_UP = Instant.parse("2025-01-10T10:00:00Z");

    private HubFixture fixture;
    private ProcessorProxy mailchimp;
    private MailchimpSimulator simulator;

    @BeforeAll
    void startHub(@TempDir Path dataDir) {
        fixture = HubFixture.create(dataDir);
        simulator = fixture.mailchimp;
        mailchimp = ProcessorProxy.of(simulator.baseUrl());
        // a failing auxiliary step is retried once, a second after the first attempt; breakers stay closed
        fixture.set("dsr.connector.mailchimp.base-url", mailchimp.baseUrl())
                .set("dsr.retry.in-route-attempts", "0").set("dsr.retry.max-attempts", "2")
                .set("dsr.breaker.minimum-calls", "1000").set("dsr.breaker.window", "1000");
        fixture.startHub();
    }

    @AfterEach
    void passEverythingOn() {
        mailchimp.reset();
        simulator.clearCalls();
    }

    @AfterAll
    void stopHub() {
        mailchimp.close();
        fixture.close();
    }

    @Test
    void aMemberOfThreeAudiencesIsDeletedFromTheTwoTheHubAskedNotFromTheOneTheAnswerNames() {
        DemoPeople.Person femke = person("femke.visser@example.nl", "Femke", "Visser");
        for (String list : List.of(DemoPeople.LIST_NEWSLETTER, DemoPeople.LIST_CUSTOMERS, DemoPeople.LIST_WORKSHOPS)) {
            simulator.addMember(list, femke.email(), "Femke", "Visser", "", "subscribed", SIGNED_UP);
        }
        // the hub is shown two audiences; the member answers name the third, as list_id may (any string)
        mailchimp.rewrite("GET", "/3.0/lists/?", lists -> withoutList(lists, DemoPeople.LIST_WORKSHOPS))
                .rewrite("GET", "/3.0/lists/[^/]+/members/" + femke.subscriberHash(),
                        member -> ((ObjectNode) member).put("list_id", DemoPeople.LIST_WORKSHOPS));

        String id = erase(femke, "AUDIENCES-FEMKE");

        assertThat(deletePermanentCalls(femke)).containsExactlyInAnyOrder(
                "/3.0/lists/" + DemoPeople.LIST_NEWSLETTER + "/members/" + femke.subscriberHash() + "/actions/delete-permanent",
                "/3.0/lists/" + DemoPeople.LIST_CUSTOMERS + "/members/" + femke.subscriberHash() + "/actions/delete-permanent");
        assertThat(simulator.memberStatus(DemoPeople.LIST_WORKSHOPS, femke.email())).as("never asked").isEqualTo("subscribed");
        assertThat(simulator.listsOf(femke.email())).containsExactly(DemoPeople.LIST_WORKSHOPS);
        assertOutcome(id, Outcome.ERASED, "done: delete-permanent 2x", "gegevens verwijderd", "data erased");
    }

    @Test
    void anAccountWithoutEcommerceStillHasTheMemberDeletedAndTheDetailSaysTheStoresWereNotChecked() {
        DemoPeople.Person sem = person("sem.bakker@example.nl", "Sem", "Bakker");
        simulator.addMember(DemoPeople.LIST_NEWSLETTER, sem.email(), "Sem", "Bakker", "", "subscribed", SIGNED_UP);
        mailchimp.answer("GET", "/3.0/ecommerce/.*", 404, PROBLEM, problem(404, "Resource Not Found"));

        String id = erase(sem, "NO-ECOMMERCE-SEM");

        assertThat(deletePermanentCalls(sem)).hasSize(1);
        assertThat(simulator.listsOf(sem.email())).isEmpty();
        assertOutcome(id, Outcome.ERASED, "done: delete-permanent 1x; not checked, so data there may remain: "
                + "the shop's copies in Mailchimp's e-commerce stores (customers, orders, abandoned carts) "
                + "(stores: HTTP 404 (Resource Not Found))", "gegevens verwijderd", "data erased");
    }

    @Test
    void cartsThatCannotBeReadLeaveTheMemberAndTheStoreCustomerDeletedAndAreNamedAsNotChecked() {
        DemoPeople.Person lotte = customerWithCart("lotte.dekker@example.nl", "Lotte", "Dekker", "cart-lotte-1");
        mailchimp.answer("GET", "/3.0/ecommerce/stores/" + STORE + "/carts", 403, PROBLEM, problem(403, "Forbidden"));

        String id = erase(lotte, "CARTS-403-LOTTE");

        assertThat(simulator.listsOf(lotte.email())).isEmpty();
        assertThat(simulator.storeCustomerExists(STORE, DemoPeople.mailchimpCustomerId(lotte))).isFalse();
        assertThat(simulator.storeCartExists(STORE, "cart-lotte-1")).as("not found, so not deleted").isTrue();
        assertOutcome(id, Outcome.ERASED, "done: delete-permanent 1x, delete-store-customer 1x; not checked, so data "
                + "there may remain: the person's abandoned carts in the shop's Mailchimp store (store-carts: HTTP 403 "
                + "(Forbidden))", "gegevens verwijderd", "data erased");
    }

    @Test
    void cartsThatFailOnceAreReadAgainAfterTheMemberWasDeletedAndTheErasureEndsComplete() {
        DemoPeople.Person joris = customerWithCart("joris.smit@example.nl", "Joris", "Smit", "cart-joris-1");
        mailchimp.answer("GET", "/3.0/ecommerce/stores/" + STORE + "/carts", 1, 500, PROBLEM, problem(500, "Internal Server Error"));

        String id = erase(joris, "CARTS-500-ONCE-JORIS");

        List<ProcessorProxy.Call> calls = mailchimp.calls();
        int failed = indexOf(calls, "GET", "/carts", 500);
        int deleted = indexOf(calls, "POST", "/actions/delete-permanent", 204);
        assertThat(deleted).as("the member is deleted in the run whose carts lookup failed").isGreaterThan(failed);
        assertThat(deletePermanentCalls(joris)).as("and only once").hasSize(1);
        assertThat(simulator.storeCartExists(STORE, "cart-joris-1")).isFalse();
        assertThat(simulator.storeCustomerExists(STORE, DemoPeople.mailchimpCustomerId(joris))).isFalse();
        assertOutcome(id, Outcome.ERASED, "done: delete-permanent 1x, delete-store-cart 1x, delete-store-customer 1x",
                "gegevens verwijderd", "data erased");
    }

    @Test
    void cartsThatKeepFailingEndInAttentionThatNamesWhatWasErasedMeanwhileAndNoConfirmationClaimsMore() {
        DemoPeople.Person ilse = customerWithCart("ilse.mulder@example.nl", "Ilse", "Mulder", "cart-ilse-1");
        mailchimp.answer("GET", "/3.0/ecommerce/stores/" + STORE + "/carts", 500, PROBLEM, problem(500, "Internal Server Error"));

        String id = submit(ilse, "CARTS-500-ALWAYS-ILSE");
        TaskRow task = await().atMost(Duration.ofSeconds(40)).ignoreExceptions()
                .until(() -> mailchimpTask(id), t -> t.outcome() == Outcome.NEEDS_ATTENTION);

        assertThat(task.detail()).isEqualTo("stopped retrying after 2 attempt(s) (dsr.retry.max-attempts); last error: "
                + "mailchimp step store-carts: HTTP 500 (Internal Server Error) (an auxiliary step: the others ran; "
                + "so far ERASED, done: delete-permanent 1x, delete-store-customer 1x)");
        assertThat(simulator.listsOf(ilse.email())).isEmpty();
        assertThat(deletePermanentCalls(ilse)).hasSize(1);
        assertThat(fixture.outbox(id).resolve("confirmation.json")).as("the request stays open").doesNotExist();
    }

    @Test
    void anErasureOfAStoreCustomerSendsOnlyCallsThePublishedSpecsAllowAndIsAnsweredAsTheyDescribe() {
        DemoPeople.Person bram = customerWithCart("bram.vos@example.nl", "Bram", "Vos", "cart-bram-1");
        simulator.addStoreOrder(STORE, "bram-order-1", DemoPeople.mailchimpCustomerId(bram), 12.50, SIGNED_UP);

        String id = erase(bram, "ECOMMERCE-CONTRACT-BRAM");

        assertOutcome(id, Outcome.ERASED, "done: delete-permanent 1x, delete-store-cart 1x, delete-store-customer 1x, "
                + "delete-store-order 1x", "gegevens verwijderd", "data erased");
        List<RecordedCall> calls = simulator.calls();
        assertThat(calls).filteredOn(c -> c.path().startsWith("/3.0/ecommerce/")).extracting(RecordedCall::method)
                .contains("GET", "DELETE");
        MailchimpContract.assertConforms(calls);
    }

    @Test
    void anEmptyListOfAudiencesEndsTheLookupWhateverTotalItClaims() {
        DemoPeople.Person tim = person("tim.dejong@example.nl", "Tim", "de Jong");
        simulator.addMember(DemoPeople.LIST_NEWSLETTER, tim.email(), "Tim", "de Jong", "", "subscribed", SIGNED_UP);
        mailchimp.rewrite("GET", "/3.0/lists/?", lists -> ((ObjectNode) lists).<ObjectNode>set("lists",
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode()).put("total_items", Integer.MAX_VALUE));

        String id = erase(tim, "EMPTY-PAGE-TIM");

        assertThat(mailchimp.calls()).filteredOn(c -> c.path().equals("/3.0/lists")).hasSize(1);
        assertOutcome(id, Outcome.NOT_FOUND, "no data found", "geen gegevens gevonden", "no data found");
    }

    // ---- the person, the request, the outcome

    private static DemoPeople.Person person(String email, String first, String last) {
        return new DemoPeople.Person(email, first, last, null, new DemoPeople.Address("Voorbeeldstraat 1", "1234 AB",
                "Utrecht", "NL"), null, null, List.of(), null, List.of(), List.of(), List.of(), List.of());
    }

    /** A subscriber who is also a customer of the shop's store, with an abandoned cart there. */
    private DemoPeople.Person customerWithCart(String email, String first, String last, String cartId) {
        DemoPeople.Person p = person(email, first, last);
        simulator.addMember(DemoPeople.LIST_NEWSLETTER, email, first, last, "", "subscribed", SIGNED_UP);
        simulator.addStoreCustomer(STORE, DemoPeople.mailchimpCustomerId(p), p, 0, 0, SIGNED_UP);
        simulator.addStoreCart(STORE, cartId, DemoPeople.mailchimpCustomerId(p), "Moka-pot", 1, 29.95, SIGNED_UP);
        return p;
    }

    private String submit(DemoPeople.Person p, String reference) {
        String now = Requests.now();
        fixture.drop(reference.toLowerCase() + ".json", """
                { "type": "erasure", "receivedAt": "%s",
                  "subject": { "email": "%s", "name": "%s" },
                  "verification": { "method": "known-email", "verifiedBy": "privacy@shop.example.nl", "verifiedAt": "%s" },
                  "processors": ["mailchimp"], "reference": "%s" }
                """.formatted(now, p.email(), p.name(), now, reference));
        return fixture.awaitRequest(reference);
    }

    private String erase(DemoPeople.Person p, String reference) {
        String id = submit(p, reference);
        fixture.awaitCompleted(id);
        return id;
    }

    private TaskRow mailchimpTask(String requestId) {
        return fixture.hub().services().tasks.forRequest(requestId).stream()
                .filter(t -> t.connector().equals("mailchimp")).findFirst().orElseThrow();
    }

    /**
     * The outcome and detail as stored and in confirmation.json; the text of confirmation.html says the same in plain
     * words (the JSON's summary), never the technical detail, and says so when something could not be checked.
     */
    private void assertOutcome(String requestId, Outcome outcome, String detail, String nl, String en) {
        TaskRow stored = mailchimpTask(requestId);
        assertThat(stored.outcome()).isEqualTo(outcome);
        assertThat(stored.detail()).isEqualTo(detail);
        Confirmation confirmation = Confirmation.in(fixture.outbox(requestId));
        JsonNode json = confirmation.recipient("mailchimp");
        assertThat(json.path("outcome").asText()).isEqualTo(outcome.name());
        assertThat(json.path("detail").asText()).isEqualTo(detail);
        String text = confirmation.recipientText("Mailchimp");
        assertThat(text).contains(nl + " " + en, json.path("summary").path("nl").asText(), json.path("summary").path("en").asText())
                .doesNotContain("done:", "delete-permanent", "1x");
        if (detail.contains("not checked") || detail.contains("not removed")) {
            assertThat(text).contains("Niet alles bij deze ontvanger kon worden nagekeken of verwijderd",
                    "Not everything at this recipient could be checked or removed");
        }
    }

    private List<String> deletePermanentCalls(DemoPeople.Person p) {
        return simulator.callsMatching("POST", ".*/members/" + p.subscriberHash() + "/actions/delete-permanent").stream()
                .map(c -> c.path()).toList();
    }

    private static int indexOf(List<ProcessorProxy.Call> calls, String method, String pathEnd, int status) {
        for (int i = 0; i < calls.size(); i++) {
            ProcessorProxy.Call c = calls.get(i);
            if (c.method().equals(method) && c.path().endsWith(pathEnd) && c.status() == status) {
                return i;
            }
        }
        throw new AssertionError("no " + method + " ..." + pathEnd + " -> " + status + " in " + calls);
    }

    private static JsonNode withoutList(JsonNode answer, String listId) {
        ArrayNode kept = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        answer.path("lists").forEach(l -> {
            if (!l.path("id").asText().equals(listId)) {
                kept.add(l);
            }
        });
        return ((ObjectNode) answer).<ObjectNode>set("lists", kept).put("total_items", kept.size());
    }

    private static String problem(int status, String title) {
        return "{\"type\":\"https://mailchimp.com/developer/marketing/docs/errors/\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"Simulated.\",\"instance\":\"00000000-0000-0000-0000-000000000000\"}";
    }
}
