package nl.dsrhub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.store.RequestHistory.Filter;
import nl.dsrhub.store.RequestHistory.Line;
import nl.dsrhub.testing.SeededRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The requests list's queries on a real database, run against H2 (file) and PostgreSQL by the subclasses: every
 * condition of the filter, the count, the pages newest first, and a search that takes its text literally.
 */
abstract class RequestHistoryContract {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-02T09:00:00+01:00");
    private static final LocalDate DUE = LocalDate.of(2026, 12, 2);

    protected Database db;
    protected RequestHistory history;
    protected SeededRequests seed;

    protected abstract Database open();

    @BeforeEach
    void openStores() {
        db = open();
        Clock clock = Clock.systemUTC();
        EventLog events = new EventLog(db.jdbc(), clock);
        history = new RequestHistory(db.jdbc());
        seed = new SeededRequests(db.jdbc(), new RequestStore(db.jdbc(), clock, events), new TaskStore(db.jdbc(), clock, events));
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void aPageListsOpenAndClosedRequestsNewestFirst() {
        String older = seed.open("REF-OLD", T0, DUE);
        String done = seed.add(RequestType.EXPORT, RequestStore.COMPLETED, "REF-DONE", T0.plusDays(1), DUE, T0.plusDays(5), Map.of());
        String refused = seed.add(RequestType.ERASURE, RequestStore.REFUSED, "REF-NO", T0.plusDays(2), DUE, null, Map.of());

        assertThat(history.page(Filter.ALL, 0, 10)).extracting(Line::id).containsExactly(refused, done, older);
        assertThat(history.page(Filter.ALL, 0, 10).get(1)).satisfies(l -> {
            assertThat(l.type()).isEqualTo("export");
            assertThat(l.status()).isEqualTo(RequestStore.COMPLETED);
            assertThat(l.reference()).isEqualTo("REF-DONE");
            assertThat(l.completedAt().toInstant()).isEqualTo(T0.plusDays(5).toInstant());
        });
    }

    @Test
    void pagesFollowEachOtherWithoutOverlapAndTheCountIsOfAllOfThem() {
        for (int i = 0; i < 5; i++) {
            seed.open("REF-" + i, T0.plusHours(i), DUE);
        }

        assertThat(history.count(Filter.ALL)).isEqualTo(5);
        assertThat(history.page(Filter.ALL, 0, 2)).extracting(Line::reference).containsExactly("REF-4", "REF-3");
        assertThat(history.page(Filter.ALL, 2, 2)).extracting(Line::reference).containsExactly("REF-2", "REF-1");
        assertThat(history.page(Filter.ALL, 4, 2)).extracting(Line::reference).containsExactly("REF-0");
    }

    @Test
    void openOnlyLeavesOutCompletedRefusedDiscardedAndClosedRequests() {
        String open = seed.open("REF-OPEN", T0, DUE);
        for (String closed : new String[] {RequestStore.COMPLETED, RequestStore.REFUSED, RequestStore.DISCARDED,
                RequestStore.CLOSED_INACTIVE}) {
            seed.add(RequestType.ERASURE, closed, "REF-" + closed, T0, DUE, null, Map.of());
        }

        Filter openOnly = new Filter(true, null, null, null, null, null, null, null, null);
        assertThat(history.page(openOnly, 0, 10)).extracting(Line::id).containsExactly(open);
        assertThat(history.count(openOnly)).isEqualTo(1);
    }

    @Test
    void statusAndTypeFilterExactly() {
        seed.open("REF-A", T0, DUE);
        String export = seed.add(RequestType.EXPORT, RequestStore.PLANNED, "REF-B", T0, DUE, null, Map.of());
        seed.add(RequestType.ERASURE, RequestStore.PLANNED, "REF-C", T0, DUE, null, Map.of());

        assertThat(history.page(new Filter(false, RequestStore.PLANNED, "export", null, null, null, null, null, null), 0, 10))
                .extracting(Line::id).containsExactly(export);
    }

    @Test
    void aProcessorAndATaskOutcomeAreOneTaskOfTheRequest() {
        String awaitingMollie = seed.add(RequestType.ERASURE, RequestStore.PLANNED, "REF-1", T0, DUE, null,
                Map.of("mollie", Outcome.AWAITING_REPLY, "sendcloud", Outcome.ERASED));
        String awaitingDhl = seed.add(RequestType.ERASURE, RequestStore.PLANNED, "REF-2", T0, DUE, null,
                Map.of("dhl", Outcome.AWAITING_REPLY, "mollie", Outcome.ERASED));

        assertThat(history.page(new Filter(false, null, null, "mollie", null, null, null, null, null), 0, 10))
                .extracting(Line::id).containsExactlyInAnyOrder(awaitingMollie, awaitingDhl);
        assertThat(history.page(new Filter(false, null, null, "mollie", Outcome.AWAITING_REPLY, null, null, null, null), 0, 10))
                .extracting(Line::id).containsExactly(awaitingMollie);
        assertThat(history.count(new Filter(false, null, null, null, Outcome.AWAITING_REPLY, null, null, null, null)))
                .isEqualTo(2);
    }

    @Test
    void dueDatesAreWithinTheirBoundsBothInclusive() {
        seed.open("REF-BEFORE", T0, DUE.minusDays(1));
        String first = seed.open("REF-FIRST", T0, DUE);
        String last = seed.open("REF-LAST", T0, DUE.plusDays(5));
        seed.open("REF-AFTER", T0, DUE.plusDays(6));

        assertThat(history.page(new Filter(false, null, null, null, null, DUE, DUE.plusDays(5), null, null), 0, 10))
                .extracting(Line::id).containsExactlyInAnyOrder(first, last);
    }

    @Test
    void completedFromCountsOnlyRequestsCompletedAtOrAfterIt() {
        OffsetDateTime monthStart = OffsetDateTime.parse("2026-12-01T00:00:00+01:00");
        seed.add(RequestType.ERASURE, RequestStore.COMPLETED, "REF-NOV", T0, DUE, monthStart.minusSeconds(1), Map.of());
        String december = seed.add(RequestType.ERASURE, RequestStore.COMPLETED, "REF-DEC", T0, DUE, monthStart, Map.of());

        assertThat(history.page(new Filter(false, null, null, null, null, null, null, monthStart, null), 0, 10))
                .extracting(Line::id).containsExactly(december);
    }

    @Test
    void theSearchFindsPartOfTheIdOrOfTheReferenceInAnyCase() {
        String byReference = seed.open("Order-4711", T0, DUE);
        String other = seed.open("REF-OTHER", T0, DUE);

        assertThat(history.page(search("order-47"), 0, 10)).extracting(Line::id).containsExactly(byReference);
        assertThat(history.page(search(other.substring(4).toLowerCase()), 0, 10)).extracting(Line::id).containsExactly(other);
    }

    @Test
    void theSearchTakesWildcardsLiterally() {
        seed.open("REF-A", T0, DUE);
        String underscore = seed.open("A_1", T0, DUE);

        assertThat(history.count(search("%"))).isZero();
        assertThat(history.page(search("_"), 0, 10)).extracting(Line::id).containsExactly(underscore);
    }

    @Test
    void theSubjectsAddressIsNotSearched() {
        seed.open("REF-A", T0, DUE);

        assertThat(history.count(search(SeededRequests.SUBJECT))).isZero();
        assertThat(history.count(search("example.nl"))).isZero();
    }

    private static Filter search(String text) {
        return new Filter(false, null, null, null, null, null, null, null, text);
    }
}
