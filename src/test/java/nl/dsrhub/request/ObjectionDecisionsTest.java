package nl.dsrhub.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.hub.Services;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.plan.Planner;
import nl.dsrhub.plan.Settlement;
import nl.dsrhub.result.Refusal;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.testing.Confirmation;
import nl.dsrhub.testing.Requests;
import nl.dsrhub.testing.RightsRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The officer's decision on an objection on grounds of a particular situation (art. 21(1)), held for it: upheld as a
 * linked erasure with the objection's deadline, or refused on the ground compelling. On a real H2 store.
 */
class ObjectionDecisionsTest {

    static final String GROUNDS = "Mijn ex-partner vindt mij via de klantenservice; ik wil niet meer benaderd worden.";

    @TempDir
    Path dir;

    Services services;
    ObjectionDecisions decisions;

    @BeforeEach
    void open() {
        services = Services.open(HubConfig.load(null, Map.of("dsr.data-dir", dir.toString(), "dsr.connectors.dir",
                dir.resolve("none").toString(), "dsr.controller.name", "Testwinkel B.V."), Map.of()), Clock.systemDefaultZone(), false);
        decisions = new ObjectionDecisions(services.requests, services.events, services.jdbc, services.clock, services.deadlines,
                services.outbox());
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void anUpheldObjectionIsCarriedOutAsALinkedErasureByItsOwnDeadline() {
        String objection = held("gegrond@example.nl");
        services.operations(services.clock).extend(objection, 2, "Veel verzoeken tegelijk.");
        RequestStore.RequestRow before = services.requests.row(objection).orElseThrow();

        ObjectionDecisions.Upheld upheld = decisions.uphold(objection, "with the CLI");

        DsrRequest erasure = services.requests.get(upheld.erasureId());
        assertThat(erasure.type()).isEqualTo(RequestType.ERASURE);
        assertThat(erasure.subject().email()).isEqualTo("gegrond@example.nl");
        assertThat(erasure.source()).isEqualTo("upheld objection " + objection);
        RequestStore.RequestRow row = services.requests.row(upheld.erasureId()).orElseThrow();
        assertThat(row.status()).isEqualTo(RequestStore.RECEIVED);
        assertThat(row.dueDate()).isEqualTo(before.dueDate());
        assertThat(row.originalDueDate()).isEqualTo(before.originalDueDate()).isNotNull();
        assertThat(services.requests.row(objection).orElseThrow().status()).isEqualTo(RequestStore.COMPLETED);
        assertThat(services.events.timeline(objection)).filteredOn(e -> e.kind().equals("upheld")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("with the CLI", upheld.erasureId(), "art. 17(1)(c)"));
        assertThat(services.events.timeline(upheld.erasureId())).extracting(e -> e.kind()).contains("received", "linked");
    }

    @Test
    void anObjectionIsUpheldOnce() {
        String objection = held("eenmaal@example.nl");
        decisions.uphold(objection, "on the dashboard");

        assertThatThrownBy(() -> decisions.uphold(objection, "on the dashboard")).isInstanceOf(ObjectionDecisions.NotHeld.class)
                .hasMessageContaining("awaits no decision (it is COMPLETED)");
        assertThat(services.requests.all()).filteredOn(r -> r.type().equals("erasure")).hasSize(1);
    }

    @Test
    void onlyAnObjectionAwaitingADecisionIsUpheld() {
        String erasure = services.requests.store(Requests.erasure("wissen@example.nl")).requestId();

        assertThatThrownBy(() -> decisions.uphold(erasure, "by the API")).isInstanceOf(ObjectionDecisions.NotHeld.class)
                .hasMessage("request " + erasure + " awaits no decision (it is RECEIVED): only an objection on grounds of a"
                        + " particular situation (art. 21(1)) is upheld or refused by the officer");
        assertThatThrownBy(() -> decisions.uphold("R20261120-NONE00", "by the API")).hasMessage("no request R20261120-NONE00");
    }

    @Test
    void aRefusedObjectionGetsTheLetterOnTheGroundCompellingWithTheReasons() throws Exception {
        String objection = held("ongegrond@example.nl");

        Refusal.Done done = services.refusal(services.clock).refuse(objection, "compelling", "Wij hebben de gegevens nodig voor"
                + " een lopende incassoprocedure.");

        assertThat(services.requests.row(objection).orElseThrow().status()).isEqualTo(RequestStore.REFUSED);
        assertThat(done.stopped()).isEmpty();
        String letter = Confirmation.text(Files.readString(done.letter()));
        assertThat(letter).contains("dwingende gerechtvaardigde gronden", "compelling legitimate grounds",
                "artikel 21, lid 1, AVG", "lopende incassoprocedure", "Autoriteit Persoonsgegevens");
    }

    @Test
    void theGroundCompellingRefusesNothingButAnObjectionAwaitingADecision() {
        String erasure = services.requests.store(Requests.erasure("geen.bezwaar@example.nl")).requestId();

        assertThatThrownBy(() -> services.refusal(services.clock).refuse(erasure, "compelling", "Wij willen niet."))
                .isInstanceOf(Settlement.Refused.class).hasMessageContaining("refuses only an objection on grounds of a"
                        + " particular situation awaiting your decision");
    }

    private String held(String email) {
        String id = services.requests.store(RightsRequests.objection(email, "particular-situation", GROUNDS)).requestId();
        new Planner(services.catalog, services.requests, services.tasks, services.events, services.jdbc,
                services.rightsOnPlanning).plan(id);
        assertThat(services.requests.row(id).orElseThrow().status()).isEqualTo(RequestStore.AWAITING_DECISION);
        return id;
    }
}
