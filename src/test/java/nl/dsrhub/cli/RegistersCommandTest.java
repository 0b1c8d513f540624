package nl.dsrhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.hub.Services;
import nl.dsrhub.model.RestrictionReason;
import nl.dsrhub.store.SuppressionRegister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code registers} on a data dir with no hub running: the suppression register, the open re-subscription findings
 * and the restrictions, by request id and date, never an address; and {@code registers resolve} marking a finding
 * handled, with its reason in the objection's timeline.
 */
class RegistersCommandTest {

    private static final String OBJECTED = "bea.bezwaar@example.com";
    private static final String RESTRICTED = "rik.beperkt@example.com";
    private static final OffsetDateTime SINCE = OffsetDateTime.parse("2026-03-02T09:15:00+01:00");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private long finding;

    /** The registers of a hub that stopped: one objection found subscribed again at Mailchimp, one restriction. */
    @BeforeEach
    void seed() {
        try (Services services = open()) {
            services.suppression.add("R20260302-OBJECT", OBJECTED, SINCE);
            SuppressionRegister.Entry entry = services.suppression.entry(OBJECTED).orElseThrow();
            finding = services.suppression.reconcile("mailchimp", List.of(new SuppressionRegister.Match(entry, "list-news")),
                    SINCE.plusDays(3)).get(0).id();
            services.restrictions.record("R20260305-RESTRI", RESTRICTED, RestrictionReason.LEGAL_CLAIMS, SINCE.plusDays(3));
        }
    }

    @Test
    void registersListsTheEntryTheOpenFindingAndTheRestrictionWithoutAnAddress() {
        assertThat(run("registers")).as(this::err).isZero();

        assertThat(out()).contains("SUPPRESSION REGISTER (objections to direct marketing, art. 21(3) GDPR): 1 address(es)")
                .containsPattern("R20260302-OBJECT\\s+2026-03-02 09:15")
                .contains("RE-SUBSCRIPTIONS OPEN: 1 (mark one handled: registers resolve FINDING-ID --reason TEXT)")
                .containsPattern(finding + "\\s+mailchimp\\s+list-news\\s+R20260302-OBJECT\\s+2026-03-05 09:15")
                .contains("RESTRICTION REGISTER (art. 18 GDPR): 1 in force, 1 in all")
                .containsPattern("R20260305-RESTRI\\s+legal-claims\\s+2026-03-05 09:15\\s+-\\s+in force")
                .doesNotContain(OBJECTED, RESTRICTED, "bea", "rik");
    }

    @Test
    void registersJsonHasTheSameListsForScripts() throws Exception {
        assertThat(run("registers", "--json")).as(this::err).isZero();

        JsonNode json = new ObjectMapper().readTree(out());
        assertThat(json.path("suppressed").asInt()).isEqualTo(1);
        assertThat(json.path("suppression").get(0).path("requestId").asText()).isEqualTo("R20260302-OBJECT");
        JsonNode open = json.path("openFindings").get(0);
        assertThat(open.path("id").asLong()).isEqualTo(finding);
        assertThat(open.path("connector").asText()).isEqualTo("mailchimp");
        assertThat(open.path("list").asText()).isEqualTo("list-news");
        assertThat(json.path("restrictions").get(0).path("reason").asText()).isEqualTo("legal-claims");
        assertThat(json.path("restrictions").get(0).path("inForce").asBoolean()).isTrue();
        assertThat(out()).doesNotContain(OBJECTED, RESTRICTED);
    }

    @Test
    void resolveMarksTheFindingHandledAndTheObjectionsTimelineKeepsTheReason() {
        assertThat(run("registers", "resolve", String.valueOf(finding), "--reason", "unsubscribed in Mailchimp; the CSV import"
                + " is fixed")).as(this::err).isZero();

        assertThat(out()).isEqualTo("finding " + finding + " (mailchimp list list-news, request R20260302-OBJECT) marked"
                + " handled\n");
        try (Services services = open()) {
            assertThat(services.suppression.openFindings()).isEmpty();
            assertThat(services.suppression.finding(finding).orElseThrow().resolvedBy()).isEqualTo(SuppressionRegister.BY_OFFICER);
            assertThat(services.events.timeline("R20260302-OBJECT")).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo("resubscription-handled");
                assertThat(e.connector()).isEqualTo("mailchimp");
                assertThat(e.detail()).isEqualTo("re-subscription finding " + finding + " (mailchimp list list-news) marked"
                        + " handled by the officer with the CLI: unsubscribed in Mailchimp; the CSV import is fixed");
            });
        }
        assertThat(run("registers")).isZero();
        assertThat(out()).contains("RE-SUBSCRIPTIONS OPEN: 0");
    }

    @Test
    void aFindingResolvedAlreadyIsRefusedWithExit1() {
        assertThat(run("registers", "resolve", String.valueOf(finding), "--reason", "unsubscribed")).isZero();

        assertThat(run("registers", "resolve", String.valueOf(finding), "--reason", "again")).isEqualTo(1);
        assertThat(err()).startsWith("dsr-hub: finding " + finding + " was resolved already (by the officer, ");
    }

    @Test
    void anUnknownFindingIsRefusedWithExit1() {
        assertThat(run("registers", "resolve", "999", "--reason", "unsubscribed")).isEqualTo(1);
        assertThat(err()).isEqualTo("dsr-hub: no re-subscription finding 999\n");
    }

    @Test
    void resolveWithoutAReasonIsAUsageErrorAndResolvesNothing() {
        assertThat(run("registers", "resolve", String.valueOf(finding))).isEqualTo(2);
        assertThat(err()).contains("--reason is required");

        assertThat(run("registers", "resolve", "not-a-number", "--reason", "x")).isEqualTo(2);
        try (Services services = open()) {
            assertThat(services.suppression.openFindings()).hasSize(1);
        }
    }

    @Test
    void aReasonHoldingAnAddressIsRefusedAsItOutlivesThePurge() {
        assertThat(run("registers", "resolve", String.valueOf(finding), "--reason", "removed " + OBJECTED)).isEqualTo(2);

        assertThat(err()).contains("the reason holds an e-mail address").doesNotContain(OBJECTED);
        try (Services services = open()) {
            assertThat(services.suppression.openFindings()).hasSize(1);
            assertThat(services.events.timeline("R20260302-OBJECT")).isEmpty();
        }
    }

    private Services open() {
        return Services.open(HubConfig.load(null, Map.of("dsr.data-dir", dir.resolve("data").toString()), Map.of()),
                java.time.Clock.systemDefaultZone(), false);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        String[] withData = new String[args.length + 2];
        System.arraycopy(args, 0, withData, 0, args.length);
        withData[args.length] = "--data";
        withData[args.length + 1] = dir.resolve("data").toString();
        return new DsrHub(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(withData);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
