package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.LapostaSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped connectors' {@code subscribers} lookups against the simulators: the addresses subscribed now, each
 * with its list, read without a subject; members that unsubscribed are never among them.
 */
class SubscriberListsTest {

    /** Only the address and status, of the subscribed members, a page of 1000 at a time. */
    private static final String MEMBERS_QUERY = "status=subscribed&fields=members.email_address%2Cmembers.status%2C"
            + "total_items&count=1000";

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
    void mailchimpListsEverySubscribedMemberOfEveryAudienceWithItsAudience() {
        List<Subscriber> subscribers = h.engine.subscribers(h.catalog.get("mailchimp"));

        assertThat(subscribers).contains(new Subscriber(DemoPeople.LIST_NEWSLETTER, DemoPeople.JAN.email()),
                new Subscriber(DemoPeople.LIST_CUSTOMERS, DemoPeople.JAN.email()));
        assertThat(seen(h.simulators.mailchimp)).contains("GET /3.0/lists?fields=lists.id%2Ctotal_items&count=1000",
                "GET /3.0/lists/" + DemoPeople.LIST_NEWSLETTER + "/members?" + MEMBERS_QUERY,
                "GET /3.0/lists/" + DemoPeople.LIST_CUSTOMERS + "/members?" + MEMBERS_QUERY,
                "GET /3.0/lists/" + DemoPeople.LIST_WORKSHOPS + "/members?" + MEMBERS_QUERY);
    }

    @Test
    void aMailchimpMemberWhoUnsubscribedIsNoSubscriber() {
        List<Subscriber> subscribers = h.engine.subscribers(h.catalog.get("mailchimp"));

        assertThat(h.simulators.mailchimp.memberStatus(DemoPeople.LOTTE.mailchimpListIds().get(0), DemoPeople.LOTTE.email()))
                .isEqualTo("unsubscribed");
        assertThat(subscribers).extracting(Subscriber::email).doesNotContain(DemoPeople.LOTTE.email());
    }

    @Test
    void anAudienceLargerThanOnePageIsReadPageByPage() {
        for (int i = 0; i < 1001; i++) {
            h.simulators.mailchimp.addMember(DemoPeople.LIST_WORKSHOPS, "lid" + i + "@example.com", "Lid", "Nummer" + i, "",
                    "subscribed", Instant.parse("2025-01-01T10:00:00Z"));
        }

        List<Subscriber> subscribers = h.engine.subscribers(h.catalog.get("mailchimp"));

        assertThat(subscribers).contains(new Subscriber(DemoPeople.LIST_WORKSHOPS, "lid1000@example.com"),
                new Subscriber(DemoPeople.LIST_WORKSHOPS, "lid0@example.com"));
        assertThat(seen(h.simulators.mailchimp)).contains("GET /3.0/lists/" + DemoPeople.LIST_WORKSHOPS + "/members?"
                + MEMBERS_QUERY + "&offset=1000");
    }

    @Test
    void lapostaListsTheActiveMembersOfEveryListAndNotTheUnsubscribed() {
        LapostaSimulator laposta = h.simulators.laposta;
        laposta.addMember(LapostaSimulator.LIST_PANEL, "actief@example.com", "active", Instant.parse("2025-02-01T10:00:00Z"),
                java.util.Map.of());
        laposta.addMember(LapostaSimulator.LIST_PANEL, "afgemeld@example.com", "unsubscribed",
                Instant.parse("2025-02-01T10:00:00Z"), java.util.Map.of());

        List<Subscriber> subscribers = h.engine.subscribers(h.catalog.get("laposta"));

        assertThat(subscribers).contains(new Subscriber(LapostaSimulator.LIST_PANEL, "actief@example.com"));
        assertThat(subscribers).extracting(Subscriber::email).doesNotContain("afgemeld@example.com");
        assertThat(seen(laposta)).contains("GET /v2/member?list_id=" + LapostaSimulator.LIST_PANEL + "&state=active");
    }

    /** The calls a simulator saw, as {@code METHOD path?query}. */
    private static List<String> seen(nl.dsrhub.demo.SimulatorServer simulator) {
        return simulator.calls().stream().map(c -> c.method() + " " + c.path()
                + (c.rawQuery() == null || c.rawQuery().isEmpty() ? "" : "?" + c.rawQuery())).toList();
    }

    @Test
    void aSubscribersTextNamesItsListButNeverTheAddress() {
        assertThat(new Subscriber("5f2e8c1a9b", "jan@example.nl").toString()).contains("5f2e8c1a9b")
                .doesNotContain("jan@example.nl");
    }
}
