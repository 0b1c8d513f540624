package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.DemoPeople.Person;
import nl.dsrhub.demo.LapostaSimulator;
import nl.dsrhub.demo.RecordedCall;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Subject;
import nl.dsrhub.model.TaskResult;
import nl.dsrhub.testing.RightsRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped connectors' restrict, lift and object sections against the simulators: the exact calls each processor
 * sees, and what it holds afterwards. One harness (simulators, store) per test.
 */
class RightsConnectorsTest {

    @TempDir
    Path dir;

    @Test
    void mailchimpMarksThenUnsubscribesTheMemberInEveryAudienceWhereSubscribed() {
        try (EngineHarness h = new EngineHarness(dir)) {
            Person jan = DemoPeople.JAN;
            TaskResult r = h.run("mailchimp", RightsRequests.restriction(jan.email(), "accuracy-contested"));

            assertThat(r.outcome()).isEqualTo(Outcome.RESTRICTED);
            for (String list : jan.mailchimpListIds()) {
                String member = ".*/lists/" + list + "/members/" + jan.subscriberHash();
                assertThat(h.simulators.mailchimp.callsMatching("POST", member + "/tags")).singleElement().satisfies(c ->
                        assertThat(c.requestBody()).isEqualTo("{\"tags\":[{\"name\":\"AVG-beperking\",\"status\":\"active\"}],"
                                + "\"is_syncing\":true}"));
                assertThat(h.simulators.mailchimp.callsMatching("PATCH", member)).singleElement().satisfies(c ->
                        assertThat(c.requestBody()).isEqualTo("{\"status\":\"unsubscribed\"}"));
                assertThat(h.simulators.mailchimp.memberStatus(list, jan.email())).isEqualTo("unsubscribed");
                assertThat(h.simulators.mailchimp.memberTags(list, jan.email())).contains("AVG-beperking");
            }
            // the mark before the unsubscribe: a lifting finds where to subscribe again by it
            List<RecordedCall> changes = h.simulators.mailchimp.calls().stream().filter(c -> !c.method().equals("GET")).toList();
            assertThat(changes.get(0).method()).isEqualTo("POST");
            assertThat(h.simulators.mailchimp.callsMatching("DELETE", ".*")).isEmpty();
        }
    }

    @Test
    void mailchimpLiftsOnlyWhereItsMarkIsAndLeavesASelfMadeUnsubscribeAlone() {
        try (EngineHarness h = new EngineHarness(dir)) {
            Person anna = DemoPeople.ANNA;
            // she left the workshops' audience herself before the restriction: it is not the hub's to undo
            h.simulators.mailchimp.memberUnsubscribesThemselves(DemoPeople.LIST_WORKSHOPS, anna.email());
            h.run("mailchimp", RightsRequests.restriction(anna.email(), "legal-claims"));
            assertThat(h.simulators.mailchimp.memberTags(DemoPeople.LIST_WORKSHOPS, anna.email())).doesNotContain("AVG-beperking");

            TaskResult r = h.run("mailchimp", RightsRequests.lift(anna.email(), "R20261120-RESTRI", "Geschil beslecht."));

            assertThat(r.outcome()).isEqualTo(Outcome.LIFTED);
            String newsletter = ".*/lists/" + DemoPeople.LIST_NEWSLETTER + "/members/" + anna.subscriberHash();
            assertThat(h.simulators.mailchimp.callsMatching("PATCH", newsletter)).extracting(RecordedCall::requestBody)
                    .containsExactly("{\"status\":\"unsubscribed\"}", "{\"status\":\"subscribed\"}");
            assertThat(h.simulators.mailchimp.callsMatching("POST", newsletter + "/tags")).last().satisfies(c ->
                    assertThat(c.requestBody()).contains("\"status\":\"inactive\""));
            assertThat(h.simulators.mailchimp.callsMatching("PATCH", ".*/lists/" + DemoPeople.LIST_WORKSHOPS + "/.*")).isEmpty();
            assertThat(h.simulators.mailchimp.memberStatus(DemoPeople.LIST_NEWSLETTER, anna.email())).isEqualTo("subscribed");
            assertThat(h.simulators.mailchimp.memberTags(DemoPeople.LIST_NEWSLETTER, anna.email())).doesNotContain("AVG-beperking");
            assertThat(h.simulators.mailchimp.memberStatus(DemoPeople.LIST_WORKSHOPS, anna.email())).isEqualTo("unsubscribed");
        }
    }

    @Test
    void mailchimpUnsubscribesAMarketingObjectionEverywhereAndKeepsTheMember() {
        try (EngineHarness h = new EngineHarness(dir)) {
            Person jan = DemoPeople.JAN;
            TaskResult r = h.run("mailchimp", RightsRequests.objection(jan.email(), "direct-marketing", null));

            assertThat(r.outcome()).isEqualTo(Outcome.OPTED_OUT);
            for (String list : jan.mailchimpListIds()) {
                assertThat(h.simulators.mailchimp.callsMatching("PATCH", ".*/lists/" + list + "/members/" + jan.subscriberHash()))
                        .extracting(RecordedCall::requestBody).containsExactly("{\"status\":\"unsubscribed\"}");
                assertThat(h.simulators.mailchimp.memberStatus(list, jan.email())).isEqualTo("unsubscribed");
            }
            // kept as the proof of the opt-out: never archived, never deleted permanently
            assertThat(h.simulators.mailchimp.callsMatching("DELETE", ".*")).isEmpty();
            assertThat(h.simulators.mailchimp.callsMatching("POST", ".*/actions/delete-permanent")).isEmpty();
        }
    }

    @Test
    void lapostaUnsubscribesEachActiveListOnceAndProvidesThemForTheLifting() {
        try (EngineHarness h = new EngineHarness(dir)) {
            Person jan = DemoPeople.JAN;
            DsrRequest restriction = RightsRequests.restriction(jan.email(), "accuracy-contested");
            long task = h.newTask(restriction, "laposta");
            TaskResult r = h.engine.run(h.catalog.get("laposta"), h.context(task));

            assertThat(r.outcome()).isEqualTo(Outcome.RESTRICTED);
            assertThat(h.simulators.laposta.callsMatching("POST", ".*/member/" + java.util.regex.Pattern.quote(jan.email())))
                    .extracting(RecordedCall::requestBody).containsExactlyInAnyOrder(
                            "list_id=" + LapostaSimulator.LIST_NEWSLETTER + "&state=unsubscribed",
                            "list_id=" + LapostaSimulator.LIST_PANEL + "&state=unsubscribed");
            // two calls to the same URL, told apart in the journal by the list their body names
            assertThat(h.journal.effective(task)).hasSize(2);
            assertThat(r.provided()).containsEntry("laposta.restrictedList",
                    List.of(LapostaSimulator.LIST_NEWSLETTER, LapostaSimulator.LIST_PANEL));
        }
    }

    @Test
    void lapostaLiftsOnlyTheListsTheRestrictionRecorded() {
        try (EngineHarness h = new EngineHarness(dir)) {
            Person jan = DemoPeople.JAN;
            h.run("laposta", RightsRequests.restriction(jan.email(), "accuracy-contested"));
            DsrRequest lift = withIdentifiers(RightsRequests.lift(jan.email(), "R20261120-RESTRI", "Gecontroleerd."),
                    Map.of("laposta.restrictedList", LapostaSimulator.LIST_NEWSLETTER));

            TaskResult r = h.run("laposta", lift);

            assertThat(r.outcome()).isEqualTo(Outcome.LIFTED);
            assertThat(h.simulators.laposta.callsMatching("POST", ".*/member/.*")).extracting(RecordedCall::requestBody)
                    .filteredOn(b -> b.contains("state=active"))
                    .containsExactly("list_id=" + LapostaSimulator.LIST_NEWSLETTER + "&state=active");
            assertThat(h.simulators.laposta.member(LapostaSimulator.LIST_NEWSLETTER, jan.email()).orElseThrow()
                    .path("state").asText()).isEqualTo("active");
            assertThat(h.simulators.laposta.member(LapostaSimulator.LIST_PANEL, jan.email()).orElseThrow()
                    .path("state").asText()).isEqualTo("unsubscribed");
        }
    }

    @Test
    void theShopFlagsTheCustomerWithSinceReasonAndRequestAndClearsTheFlagWhenLifted() {
        try (EngineHarness h = new EngineHarness(dir)) {
            Person jan = DemoPeople.JAN;
            DsrRequest restriction = RightsRequests.restriction(jan.email(), "unlawful-processing");
            long task = h.newTask(restriction, "woocommerce");
            String requestId = h.tasks.find(task).orElseThrow().requestId();

            assertThat(h.engine.run(h.catalog.get("woocommerce"), h.context(task)).outcome()).isEqualTo(Outcome.RESTRICTED);
            String today = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
            assertThat(h.simulators.woo.callsMatching("PUT", ".*/customers/" + jan.wooCustomerId())).singleElement()
                    .satisfies(c -> assertThat(c.requestBody()).isEqualTo("{\"meta_data\":[{\"key\":\"dsr_restriction\",\"value\":"
                            + "\"{\\\"since\\\":\\\"" + today + "\\\",\\\"reason\\\":\\\"unlawful-processing\\\",\\\"request\\\":\\\""
                            + requestId + "\\\"}\"}]}"));
            assertThat(meta(h, jan, "dsr_restriction")).contains("unlawful-processing", requestId).doesNotContain(jan.email());

            assertThat(h.run("woocommerce", RightsRequests.lift(jan.email(), requestId, "Opgelost.")).outcome())
                    .isEqualTo(Outcome.LIFTED);
            assertThat(meta(h, jan, "dsr_restriction")).isEmpty();
        }
    }

    @Test
    void theShopIsAskedAboutAMarketingObjectionOnlyWithTheMailchimpPlugin() {
        try (EngineHarness h = new EngineHarness(dir)) {
            assertThat(h.catalog.get("woocommerce").handles(RequestType.OBJECTION)).isFalse();
        }
        try (EngineHarness h = new EngineHarness(dir.resolve("plugin"), Map.of("dsr.connector.woocommerce.mailchimp-plugin", "true"))) {
            Person kees = DemoPeople.KEES;
            assertThat(h.catalog.get("woocommerce").handles(RequestType.OBJECTION)).isTrue();

            TaskResult r = h.run("woocommerce", RightsRequests.objection(kees.email(), "direct-marketing", null));

            assertThat(r.outcome()).isEqualTo(Outcome.OPTED_OUT);
            assertThat(h.simulators.woo.callsMatching("PUT", ".*/customers/" + kees.wooCustomerId())).singleElement()
                    .satisfies(c -> assertThat(c.requestBody()).isEqualTo(
                            "{\"meta_data\":[{\"key\":\"mailchimp_woocommerce_is_subscribed\",\"value\":\"0\"}]}"));
        }
    }

    private static String meta(EngineHarness h, Person p, String key) {
        for (var m : h.simulators.woo.customer(p.wooCustomerId()).orElseThrow().path("meta_data")) {
            if (m.path("key").asText().equals(key)) {
                return m.path("value").asText();
            }
        }
        return null;
    }

    private static DsrRequest withIdentifiers(DsrRequest r, Map<String, String> identifiers) {
        Subject s = new Subject(r.subject().email(), r.subject().name(), identifiers);
        return new DsrRequest(r.id(), r.type(), r.receivedAt(), r.deadline(), s, r.verification(), r.delivery(), r.processors(),
                r.reference(), r.source(), r.fingerprint(), r.representative(), r.particulars());
    }
}
