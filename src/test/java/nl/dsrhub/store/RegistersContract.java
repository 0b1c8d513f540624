package nl.dsrhub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dsrhub.ledger.Ledger;
import nl.dsrhub.model.RestrictionReason;
import nl.dsrhub.store.RestrictionRegister.Restriction;
import nl.dsrhub.store.SuppressionRegister.Finding;
import nl.dsrhub.store.SuppressionRegister.Match;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The suppression register (art. 21(3)) and the restriction register (art. 18) on a real database; run against H2
 * (file) and PostgreSQL by the subclasses. The subject is named by the ledger's own keyed pseudonym.
 */
abstract class RegistersContract {

    private static final String ADDRESS = "bezwaar@example.nl";
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 2, 9, 0, 0, 0, ZoneOffset.UTC);

    protected Database db;
    protected Ledger ledger;
    protected SuppressionRegister suppression;
    protected RestrictionRegister restrictions;

    protected abstract Database open();

    @BeforeEach
    void openRegisters() {
        db = open();
        ledger = new Ledger(db.jdbc(), Clock.systemUTC(), "registers-test-key");
        suppression = new SuppressionRegister(db.jdbc(), ledger);
        restrictions = new RestrictionRegister(db.jdbc(), ledger);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    // ---- the suppression register

    @Test
    void anAddressAddedTwiceIsOneEntryThatKeepsTheFirstObjection() {
        assertThat(suppression.add("R-OBJ-1", ADDRESS, T0)).isTrue();
        assertThat(suppression.add("R-OBJ-2", ADDRESS, T0.plusDays(3))).isFalse();

        assertThat(suppression.count()).isEqualTo(1);
        assertThat(suppression.entries()).singleElement().satisfies(e -> {
            assertThat(e.requestId()).isEqualTo("R-OBJ-1");
            assertThat(e.since()).isEqualTo(T0);
            assertThat(e.scope()).isEqualTo(SuppressionRegister.DIRECT_MARKETING);
        });
    }

    @Test
    void anAddressIsFoundWhateverItsCaseAndSpacesAndOthersAreNot() {
        suppression.add("R-OBJ-1", ADDRESS, T0);

        assertThat(suppression.isSuppressed("  Bezwaar@EXAMPLE.nl ")).isTrue();
        assertThat(suppression.isSuppressed("iemand-anders@example.nl")).isFalse();
    }

    @Test
    void theRegisterHoldsTheLedgersPseudonymOfTheAddressAndNeverTheAddress() {
        suppression.add("R-OBJ-1", ADDRESS, T0);
        restrictions.record("R-RES-1", ADDRESS, RestrictionReason.LEGAL_CLAIMS, T0);

        List<String> subjects = db.jdbc().query("SELECT subject FROM dsr_suppression UNION ALL SELECT subject FROM "
                + "dsr_restriction", rs -> rs.getString(1));
        assertThat(subjects).containsOnly(ledger.pseudonym(ADDRESS)).hasSize(2);
        assertThat(everyValue("dsr_suppression") + everyValue("dsr_restriction")).doesNotContain("bezwaar", "example.nl");
    }

    @Test
    void suppressedAmongNamesOnlyTheAddressesOfTheRegisterWithTheirEntry() {
        suppression.add("R-OBJ-1", ADDRESS, T0);

        Map<String, SuppressionRegister.Entry> found = suppression.suppressedAmong(
                List.of("jan@example.nl", "BEZWAAR@example.nl", "anna@example.nl"));

        assertThat(found).containsOnlyKeys("BEZWAAR@example.nl");
        assertThat(found.get("BEZWAAR@example.nl").requestId()).isEqualTo("R-OBJ-1");
    }

    @Test
    void aSubscribedAddressOfTheRegisterIsOneOpenFindingHoweverOftenTheCheckMeetsIt() {
        Match inNewsletter = match("R-OBJ-1", "list-news");

        List<Finding> first = suppression.reconcile("mailchimp", List.of(inNewsletter, inNewsletter), T0);
        List<Finding> second = suppression.reconcile("mailchimp", List.of(inNewsletter), T0.plusHours(6));

        assertThat(first).singleElement().satisfies(f -> {
            assertThat(f.requestId()).isEqualTo("R-OBJ-1");
            assertThat(f.connector()).isEqualTo("mailchimp");
            assertThat(f.list()).isEqualTo("list-news");
            assertThat(f.foundAt()).isEqualTo(T0);
            assertThat(f.open()).isTrue();
        });
        assertThat(second).isEmpty();
        assertThat(suppression.openFindings()).extracting(Finding::id).containsExactly(first.get(0).id());
        assertThat(suppression.openFindingCount()).isEqualTo(1);
    }

    @Test
    void theSameAddressInTwoListsIsAFindingPerList() {
        Match news = match("R-OBJ-1", "list-news");
        Match workshops = new Match(news.entry(), "list-workshops");

        List<Finding> found = suppression.reconcile("mailchimp", List.of(news, workshops), T0);

        assertThat(found).extracting(Finding::list).containsExactlyInAnyOrder("list-news", "list-workshops");
    }

    @Test
    void aFindingTheNextCheckNoLongerMeetsIsResolvedByTheCheckAndAFindingAfterThatIsNew() {
        Match m = match("R-OBJ-1", "list-news");
        Finding first = suppression.reconcile("mailchimp", List.of(m), T0).get(0);

        suppression.reconcile("mailchimp", List.of(), T0.plusHours(6));
        List<Finding> again = suppression.reconcile("mailchimp", List.of(m), T0.plusHours(12));

        Finding resolved = suppression.findings().stream().filter(f -> f.id() == first.id()).findFirst().orElseThrow();
        assertThat(resolved.resolvedAt()).isEqualTo(T0.plusHours(6));
        assertThat(resolved.resolvedBy()).isEqualTo(SuppressionRegister.BY_CHECK);
        assertThat(again).singleElement().satisfies(f -> assertThat(f.id()).isNotEqualTo(first.id()));
        assertThat(suppression.openFindingCount()).isEqualTo(1);
    }

    @Test
    void aCheckOfOneConnectorLeavesTheFindingsOfAnotherOpen() {
        Match m = match("R-OBJ-1", "srbhotdwob");
        suppression.reconcile("laposta", List.of(m), T0);

        suppression.reconcile("mailchimp", List.of(), T0.plusHours(6));

        assertThat(suppression.openFindings()).extracting(Finding::connector).containsExactly("laposta");
    }

    @Test
    void aFindingAtAProcessorWithoutListsIsKeptWithoutAList() {
        List<Finding> found = suppression.reconcile("shop", List.of(match("R-OBJ-1", null)), T0);
        List<Finding> again = suppression.reconcile("shop", List.of(match("R-OBJ-1", null)), T0.plusHours(6));

        assertThat(found).singleElement().satisfies(f -> assertThat(f.list()).isNull());
        assertThat(again).isEmpty();
    }

    @Test
    void theOfficerResolvesAFindingOnce() {
        Finding f = suppression.reconcile("mailchimp", List.of(match("R-OBJ-1", "list-news")), T0).get(0);

        assertThat(suppression.resolve(f.id(), T0.plusDays(1))).isTrue();
        assertThat(suppression.resolve(f.id(), T0.plusDays(2))).isFalse();

        assertThat(suppression.openFindings()).isEmpty();
        assertThat(suppression.findings()).singleElement().satisfies(r -> {
            assertThat(r.resolvedBy()).isEqualTo(SuppressionRegister.BY_OFFICER);
            assertThat(r.resolvedAt()).isEqualTo(T0.plusDays(1));
        });
    }

    @Test
    void anAdditionInsideATransactionThatFailsIsNotKept() {
        assertThatThrownBy(() -> db.jdbc().inTransaction(tx -> {
            suppression.within(tx).add("R-OBJ-1", ADDRESS, T0);
            throw new IllegalStateException("the objection's outcome could not be recorded");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(suppression.isSuppressed(ADDRESS)).isFalse();
    }

    // ---- the restriction register

    @Test
    void aRestrictionIsRecordedWithItsReasonAndIsInForce() {
        Restriction r = restrictions.record("R-RES-1", ADDRESS, RestrictionReason.ACCURACY_CONTESTED, T0);

        assertThat(r.requestId()).isEqualTo("R-RES-1");
        assertThat(r.reason()).isEqualTo(RestrictionReason.ACCURACY_CONTESTED);
        assertThat(r.since()).isEqualTo(T0);
        assertThat(r.inForce()).isTrue();
        assertThat(restrictions.inForce(" BEZWAAR@example.nl")).containsExactly(r);
        assertThat(restrictions.inForce("iemand-anders@example.nl")).isEmpty();
        assertThat(restrictions.inForceCount()).isEqualTo(1);
        assertThat(db.jdbc().queryOne("SELECT reason FROM dsr_restriction", rs -> rs.getString(1)))
                .contains("accuracy-contested");
    }

    @Test
    void theSameRestrictionRecordedAgainKeepsItsFirstRow() {
        Restriction first = restrictions.record("R-RES-1", ADDRESS, RestrictionReason.LEGAL_CLAIMS, T0);
        Restriction again = restrictions.record("R-RES-1", ADDRESS, RestrictionReason.LEGAL_CLAIMS, T0.plusHours(1));

        assertThat(again).isEqualTo(first);
        assertThat(restrictions.entries()).hasSize(1);
    }

    @Test
    void aRequestCannotRecordTheRestrictionOfAnotherSubject() {
        restrictions.record("R-RES-1", ADDRESS, RestrictionReason.LEGAL_CLAIMS, T0);

        assertThatThrownBy(() -> restrictions.record("R-RES-1", "iemand-anders@example.nl",
                RestrictionReason.LEGAL_CLAIMS, T0)).isInstanceOf(RestrictionRegister.Refused.class)
                .hasMessageContaining("request R-RES-1 already recorded a restriction of another subject");
    }

    @Test
    void aLiftWithoutTellingTheSubjectFirstIsRefusedAndTheRestrictionStays() {
        restrictions.record("R-RES-1", ADDRESS, RestrictionReason.UNLAWFUL_PROCESSING, T0);

        assertThatThrownBy(() -> restrictions.lifted("R-RES-1", "R-LIFT-1", T0.plusDays(5)))
                .isInstanceOf(RestrictionRegister.Refused.class)
                .hasMessageContaining("the restriction of request R-RES-1 cannot be lifted: the subject was not told first")
                .hasMessageContaining("art. 18(3) GDPR");
        assertThat(restrictions.inForce(ADDRESS)).singleElement().satisfies(r -> {
            assertThat(r.liftedAt()).isNull();
            assertThat(r.liftRequestId()).isNull();
        });
    }

    @Test
    void aLiftBeforeTheSubjectWasToldIsRefused() {
        restrictions.record("R-RES-1", ADDRESS, RestrictionReason.OBJECTION_PENDING, T0);
        restrictions.noticeSent("R-RES-1", T0.plusDays(5));

        assertThatThrownBy(() -> restrictions.lifted("R-RES-1", "R-LIFT-1", T0.plusDays(4)))
                .isInstanceOf(RestrictionRegister.Refused.class)
                .hasMessageContaining("the subject was told only at " + T0.plusDays(5));
        assertThat(restrictions.inForceCount()).isEqualTo(1);
    }

    @Test
    void aLiftAfterTheNoticeEndsTheRestrictionWhichTheRegisterKeeps() {
        restrictions.record("R-RES-1", ADDRESS, RestrictionReason.ACCURACY_CONTESTED, T0);
        restrictions.noticeSent("R-RES-1", T0.plusDays(5));

        Restriction lifted = restrictions.lifted("R-RES-1", "R-LIFT-1", T0.plusDays(6));

        assertThat(lifted.inForce()).isFalse();
        assertThat(lifted.liftedAt()).isEqualTo(T0.plusDays(6));
        assertThat(lifted.liftRequestId()).isEqualTo("R-LIFT-1");
        assertThat(lifted.noticeSentAt()).isEqualTo(T0.plusDays(5));
        assertThat(restrictions.inForce(ADDRESS)).isEmpty();
        assertThat(restrictions.entries()).containsExactly(lifted);
        assertThat(restrictions.lifted("R-RES-1", "R-LIFT-1", T0.plusDays(7))).as("the same lift again").isEqualTo(lifted);
    }

    @Test
    void aSecondNoticeDoesNotMoveTheFirst() {
        restrictions.record("R-RES-1", ADDRESS, RestrictionReason.ACCURACY_CONTESTED, T0);
        restrictions.noticeSent("R-RES-1", T0.plusDays(5));

        Restriction r = restrictions.noticeSent("R-RES-1", T0.plusDays(9));

        assertThat(r.noticeSentAt()).isEqualTo(T0.plusDays(5));
    }

    @Test
    void aRestrictionLiftedByOneRequestIsNotLiftedByAnother() {
        restrictions.record("R-RES-1", ADDRESS, RestrictionReason.ACCURACY_CONTESTED, T0);
        restrictions.noticeSent("R-RES-1", T0.plusDays(5));
        restrictions.lifted("R-RES-1", "R-LIFT-1", T0.plusDays(6));

        assertThatThrownBy(() -> restrictions.lifted("R-RES-1", "R-LIFT-2", T0.plusDays(7)))
                .isInstanceOf(RestrictionRegister.Refused.class).hasMessageContaining("lifted already, by request R-LIFT-1");
        assertThatThrownBy(() -> restrictions.noticeSent("R-RES-1", T0.plusDays(7)))
                .isInstanceOf(RestrictionRegister.Refused.class).hasMessageContaining("was lifted already");
    }

    @Test
    void aNoticeOrLiftOfARestrictionNeverRecordedIsRefused() {
        assertThatThrownBy(() -> restrictions.noticeSent("R-NONE", T0))
                .isInstanceOf(RestrictionRegister.Refused.class).hasMessage("no restriction was recorded by request R-NONE");
        assertThatThrownBy(() -> restrictions.lifted("R-NONE", "R-LIFT-1", T0))
                .isInstanceOf(RestrictionRegister.Refused.class).hasMessage("no restriction was recorded by request R-NONE");
    }

    @Test
    void aPersonsRestrictionsInForceAreEachOfItsOwnRequest() {
        restrictions.record("R-RES-1", ADDRESS, RestrictionReason.ACCURACY_CONTESTED, T0);
        restrictions.record("R-RES-2", ADDRESS, RestrictionReason.LEGAL_CLAIMS, T0.plusDays(1));
        restrictions.noticeSent("R-RES-1", T0.plusDays(2));
        restrictions.lifted("R-RES-1", "R-LIFT-1", T0.plusDays(3));

        assertThat(restrictions.inForce(ADDRESS)).extracting(Restriction::requestId).containsExactly("R-RES-2");
        assertThat(restrictions.entries()).extracting(Restriction::requestId).containsExactly("R-RES-1", "R-RES-2");
    }

    /** A register entry of the test's address, put there by {@code requestId}, met in {@code list}. */
    private Match match(String requestId, String list) {
        suppression.add(requestId, ADDRESS, T0.minusDays(30));
        return new Match(suppression.entry(ADDRESS).orElseThrow(), list);
    }

    /** Every value of every row of the table, as text. */
    private String everyValue(String table) {
        List<String> values = new ArrayList<>();
        db.jdbc().query("SELECT * FROM " + table, rs -> {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(String.valueOf(rs.getObject(i)));
            }
            return null;
        });
        return String.join("|", values);
    }
}
