package nl.dsrhub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.Retention;
import nl.dsrhub.model.TaskResult;
import nl.dsrhub.model.TaskStatus;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the hub needs of its database; run against H2 (file) and PostgreSQL by the subclasses. */
abstract class StoreContract {

    protected Database db;
    protected RequestStore requests;
    protected TaskStore tasks;
    protected CallJournal journal;
    protected EventLog events;

    protected abstract Database open();

    @BeforeEach
    void openStores() {
        db = open();
        Clock clock = Clock.systemUTC();
        events = new EventLog(db.jdbc(), clock);
        requests = new RequestStore(db.jdbc(), clock, events);
        tasks = new TaskStore(db.jdbc(), clock, events);
        journal = new CallJournal(db.jdbc(), clock);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void storedRequestIsReadBackWhole() {
        DsrRequest r = Requests.of(nl.dsrhub.model.RequestType.ERASURE, "store-a@example.nl",
                Map.of("mollie.customerId", "cst_test1"));
        String id = requests.store(r).requestId();

        DsrRequest back = requests.get(id);
        assertThat(back.id()).isEqualTo(id);
        assertThat(back.subject().email()).isEqualTo("store-a@example.nl");
        assertThat(back.receivedAt().toInstant()).isEqualTo(r.receivedAt().toInstant());
        assertThat(back.deadline().toInstant()).isEqualTo(r.deadline().toInstant());
        assertThat(requests.identifiers(id)).containsEntry("mollie.customerId", List.of("cst_test1"));
        assertThat(requests.row(id).orElseThrow().status()).isEqualTo(RequestStore.RECEIVED);
        assertThat(events.timeline(id)).extracting(EventLog.Event::kind).containsExactly("received");
    }

    @Test
    void lastAnswerPerConnectorIgnoresOutcomesThatNeedAttentionAndHandSettlements() {
        String id = requests.store(Requests.erasure("store-h@example.nl")).requestId();
        events.record(id, "mollie", "outcome", "ERASED: done: delete 1x");
        events.record(id, "laposta", "outcome", "NEEDS_ATTENTION: HTTP 401");
        events.record(id, "dhl", "settled", "ERASED: by hand");

        Map<String, java.time.OffsetDateTime> last = events.lastAnswers();

        assertThat(last).containsOnlyKeys("mollie");
        assertThat(last.get("mollie")).isEqualTo(events.timeline(id).stream()
                .filter(e -> "mollie".equals(e.connector())).findFirst().orElseThrow().at());
    }

    @Test
    void aCompletionIsRecordedOnceWithItsStatusAndNeverForARequestNotBeingCompleted() {
        String id = requests.store(Requests.erasure("store-k@example.nl")).requestId();
        requests.transition(id, RequestStore.RECEIVED, RequestStore.PLANNED);
        assertThat(requests.complete(id, tx -> events.record(tx, id, null, "completed", "written"))).isFalse();

        requests.transition(id, RequestStore.PLANNED, RequestStore.COMPLETING);
        assertThat(requests.complete(id, tx -> events.record(tx, id, null, "completed", "written"))).isTrue();
        // the result written again after a stop (COMPLETING no more): no second completion
        assertThat(requests.complete(id, tx -> events.record(tx, id, null, "completed", "written again"))).isFalse();

        assertThat(requests.row(id).orElseThrow().status()).isEqualTo(RequestStore.COMPLETED);
        assertThat(events.timeline(id)).extracting(EventLog.Event::kind).containsOnlyOnce("completed");
    }

    @Test
    void whatFailsInTheCompletionsTransactionLeavesTheRequestCompleting() {
        String id = requests.store(Requests.erasure("store-l@example.nl")).requestId();
        requests.transition(id, RequestStore.RECEIVED, RequestStore.PLANNED);
        requests.transition(id, RequestStore.PLANNED, RequestStore.COMPLETING);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> requests.complete(id, tx -> {
            events.record(tx, id, null, "completed", "written");
            throw new IllegalStateException("the ledger could not be written");
        })).hasMessageContaining("ledger");

        assertThat(requests.row(id).orElseThrow().status()).isEqualTo(RequestStore.COMPLETING);
        assertThat(events.timeline(id)).extracting(EventLog.Event::kind).doesNotContain("completed");
    }

    @Test
    void sameFingerprintIsOneRequest() {
        DsrRequest r = Requests.erasure("store-b@example.nl");
        RequestStore.Stored first = requests.store(r);
        RequestStore.Stored second = requests.store(r);

        assertThat(first.duplicate()).isFalse();
        assertThat(second.duplicate()).isTrue();
        assertThat(second.requestId()).isEqualTo(first.requestId());
        assertThat(requests.all()).filteredOn(row -> row.id().equals(first.requestId())).hasSize(1);
    }

    @Test
    void onlyOneOfManyConcurrentClaimsWins() throws Exception {
        String id = requests.store(Requests.erasure("store-c@example.nl")).requestId();
        db.jdbc().inTransaction(tx -> {
            tasks.create(tx, id, "woocommerce", TaskStatus.PENDING);
            return null;
        });
        long taskId = tasks.forRequest(id).get(0).id();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> claims = java.util.stream.IntStream.range(0, 8)
                    .mapToObj(i -> (Callable<Boolean>) () -> tasks.claim(taskId)).toList();
            long winners = 0;
            for (Future<Boolean> f : pool.invokeAll(claims)) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        TaskStore.TaskRow row = tasks.find(taskId).orElseThrow();
        assertThat(row.status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.notifiedAt()).isNotNull();
    }

    @Test
    void finishStoresOutcomeRetentionAndProvidedIdentifiersTogether() {
        String id = requests.store(Requests.erasure("store-d@example.nl")).requestId();
        db.jdbc().inTransaction(tx -> {
            tasks.create(tx, id, "woocommerce", TaskStatus.PENDING);
            return null;
        });
        TaskStore.TaskRow task = tasks.forRequest(id).get(0);
        tasks.claim(task.id());
        Retention invoices = new Retention(Retention.Kind.SHOP_LEGAL_DUTY, "order", "1001", java.time.LocalDate.of(2026, 11, 20),
                new Retention.Words("bestelling", "order"), "AWR art. 52 lid 4", Retention.Words.both("fiscal duty"), null,
                Retention.Words.both("7 years"), java.time.LocalDate.of(2033, 12, 31),
                new Retention.Erasure(java.time.LocalDate.of(2034, 1, 1), Retention.Erasure.BY_PROCESSOR_CALL));

        tasks.finish(task, new TaskResult(Outcome.PARTIAL, "erased 1 record(s)", List.of(invoices),
                Map.of("mollie.customerId", List.of("cst_abc"))));

        TaskStore.TaskRow done = tasks.find(task.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(done.retained()).containsExactly(invoices);
        // what is kept by law is scheduled for erasure with the outcome that says so
        assertThat(new RetentionCalendar(db.jdbc(), Clock.systemUTC()).all()).singleElement()
                .satisfies(e -> assertThat(e.connector() + " " + e.recordId() + " " + e.dueOn() + " " + e.requestId())
                        .isEqualTo("woocommerce 1001 2034-01-01 " + id));
        assertThat(requests.identifiers(id)).containsEntry("mollie.customerId", List.of("cst_abc"));
        assertThat(events.timeline(id)).extracting(EventLog.Event::kind).contains("outcome");
    }

    @Test
    void aRetainedRecordIsScheduledOnceAndALaterEndWins() {
        String id = requests.store(Requests.erasure("store-r@example.nl")).requestId();
        db.jdbc().inTransaction(tx -> {
            RetentionCalendar.schedule(tx, id, "moneybird", List.of(contactUntil(2031)));
            // a second request of the same person: the contact is kept for a newer invoice
            RetentionCalendar.schedule(tx, id, "moneybird", List.of(contactUntil(2032), contactUntil(2030)));
            return null;
        });

        assertThat(new RetentionCalendar(db.jdbc(), Clock.systemUTC()).all())
                .extracting(e -> e.record() + " " + e.recordId() + " " + e.dueOn() + " " + e.state())
                .containsExactly("contact 4300001 2033-01-01 SCHEDULED");
    }

    @Test
    void aDueRecordIsClaimedByOneHubAndEndsOnce() {
        String id = requests.store(Requests.erasure("store-s@example.nl")).requestId();
        db.jdbc().inTransaction(tx -> {
            RetentionCalendar.schedule(tx, id, "moneybird", List.of(contactUntil(2020)));
            return null;
        });
        RetentionCalendar calendar = new RetentionCalendar(db.jdbc(), Clock.systemUTC());

        List<RetentionCalendar.Entry> first = calendar.takeDue(java.time.Duration.ofMinutes(10));
        List<RetentionCalendar.Entry> second = calendar.takeDue(java.time.Duration.ofMinutes(10));

        assertThat(first).hasSize(1);
        assertThat(second).as("leased by the first").isEmpty();
        long entry = first.get(0).id();
        boolean ended = db.jdbc().inTransaction(tx -> calendar.end(tx, entry, RetentionCalendar.ERASED));
        boolean endedAgain = db.jdbc().inTransaction(tx -> calendar.end(tx, entry, RetentionCalendar.OFFICER));
        assertThat(ended).isTrue();
        assertThat(endedAgain).isFalse();
        assertThat(calendar.find(entry).orElseThrow().state()).isEqualTo(RetentionCalendar.ERASED);
    }

    @Test
    void aRetentionStoredByAnEarlierVersionIsReadAsItWasStated() {
        String id = requests.store(Requests.erasure("store-t@example.nl")).requestId();
        db.jdbc().inTransaction(tx -> {
            tasks.create(tx, id, "moneybird", TaskStatus.PENDING);
            return null;
        });
        db.jdbc().update("UPDATE dsr_task SET retained = ? WHERE request_id = ?",
                "[{\"what\":\"contactgegevens\",\"legalBasis\":\"AWR art. 52\",\"until\":\"2033-11-20\"}]", id);

        Retention earlier = tasks.forRequest(id).get(0).retained().get(0);

        // not classified after the fact: shown as stated then, with its date
        assertThat(earlier.kind()).isEqualTo(Retention.Kind.AS_STATED);
        assertThat(earlier.what().nl()).isEqualTo("contactgegevens");
        assertThat(earlier.reason().nl()).isEqualTo("AWR art. 52");
        assertThat(earlier.until()).isEqualTo(java.time.LocalDate.of(2033, 11, 20));
        assertThat(earlier.erasure()).isNull();
    }

    private static Retention contactUntil(int year) {
        java.time.LocalDate until = java.time.LocalDate.of(year, 12, 31);
        return new Retention(Retention.Kind.SHOP_LEGAL_DUTY, "contact", "4300001", until.withDayOfYear(1),
                Retention.Words.both("contact"), "AWR art. 52 lid 4", Retention.Words.both("fiscal duty"), null,
                Retention.Words.both("7 years"), until,
                new Retention.Erasure(until.plusDays(1), Retention.Erasure.BY_PROCESSOR_CALL));
    }

    @Test
    void tasksInFlightAtStopAreQueuedAgain() {
        String id = requests.store(Requests.export("store-e@example.nl")).requestId();
        db.jdbc().inTransaction(tx -> {
            tasks.create(tx, id, "mailchimp", TaskStatus.PENDING);
            return null;
        });
        long taskId = tasks.forRequest(id).get(0).id();
        tasks.claim(taskId);

        assertThat(tasks.requeueInFlight()).isEqualTo(1);
        assertThat(tasks.find(taskId).orElseThrow().status()).isEqualTo(TaskStatus.PENDING);
        assertThat(tasks.claim(taskId)).isTrue();
    }

    @Test
    void journalKeepsOneIdempotencyKeyPerCall() {
        String id = requests.store(Requests.erasure("store-f@example.nl")).requestId();
        db.jdbc().inTransaction(tx -> {
            tasks.create(tx, id, "mollie", TaskStatus.PENDING);
            return null;
        });
        long taskId = tasks.forRequest(id).get(0).id();

        String key = journal.sending(taskId, "delete DELETE /v2/customers/cst_1");
        assertThat(journal.sending(taskId, "delete DELETE /v2/customers/cst_1")).isEqualTo(key);
        assertThat(journal.find(taskId, "delete DELETE /v2/customers/cst_1").orElseThrow().state())
                .isEqualTo(CallJournal.State.SENT);

        journal.done(taskId, "delete DELETE /v2/customers/cst_1", 204, true);
        CallJournal.Entry done = journal.find(taskId, "delete DELETE /v2/customers/cst_1").orElseThrow();
        assertThat(done.state()).isEqualTo(CallJournal.State.DONE);
        assertThat(done.httpStatus()).isEqualTo(204);
        assertThat(done.tookEffect()).isTrue();
    }

    // --- mail (issue 4): letters, reminders, settling by reply, seen mails; the same on H2 and PostgreSQL

    @Test
    void mailLetterIsJournalledOnceRemindedOnceSettledOnceAndEachMailIsSeenOnce() {
        String id = requests.store(Requests.erasure("store-mail@example.nl")).requestId();
        db.jdbc().inTransaction(tx -> {
            tasks.create(tx, id, "paynl", TaskStatus.PENDING);
            return null;
        });
        long taskId = tasks.forRequest(id).get(0).id();
        tasks.claim(taskId);
        tasks.finish(tasks.find(taskId).orElseThrow(), new TaskResult(Outcome.AWAITING_REPLY, "letter sent", List.of(), Map.of()));
        nl.dsrhub.mail.MailStore mail = new nl.dsrhub.mail.MailStore(db.jdbc(), Clock.systemUTC(), events);

        nl.dsrhub.mail.MailStore.Letter letter = mail.sending(taskId, id, "paynl");
        assertThat(mail.sending(taskId, id, "paynl").token()).isEqualTo(letter.token());
        mail.sent(taskId);
        assertThat(mail.letterWithToken(letter.token()).orElseThrow().state()).isEqualTo(nl.dsrhub.mail.MailStore.State.SENT);
        assertThat(mail.dueForReminder(java.time.OffsetDateTime.now().plusMinutes(1)))
                .extracting(nl.dsrhub.mail.MailStore.Letter::taskId).contains(taskId);
        assertThat(mail.claimReminder(taskId)).isTrue();
        assertThat(mail.claimReminder(taskId)).isFalse();
        assertThat(mail.settle(letter, Outcome.ERASED, "the processor replied that it erased the data")).isTrue();
        assertThat(mail.settle(letter, Outcome.NOT_FOUND, "a second reply")).isFalse();
        assertThat(tasks.find(taskId).orElseThrow().outcome()).isEqualTo(Outcome.ERASED);

        // a task settled by hand (not by a reply) is not chased
        db.jdbc().inTransaction(tx -> {
            tasks.create(tx, id, "postnl", TaskStatus.PENDING);
            return null;
        });
        long byHand = tasks.forRequest(id).stream().filter(t -> t.connector().equals("postnl")).findFirst().orElseThrow().id();
        tasks.claim(byHand);
        tasks.finish(tasks.find(byHand).orElseThrow(), new TaskResult(Outcome.AWAITING_REPLY, "letter sent", List.of(), Map.of()));
        mail.sending(byHand, id, "postnl");
        mail.sent(byHand);
        db.jdbc().update("UPDATE dsr_task SET outcome = ? WHERE id = ?", Outcome.NOT_FOUND, byHand);
        assertThat(mail.dueForReminder(java.time.OffsetDateTime.now().plusMinutes(1))).isEmpty();

        mail.markSeen("key-1", "refused", "sender not on the allow-list", null);
        mail.markSeen("key-1", "refused", "sender not on the allow-list", null);
        mail.markSeen("key-2", "intake", "1 accepted, 0 rejected", id);
        assertThat(mail.seen("key-1")).isTrue();
        assertThat(mail.seenMails()).hasSize(2);
    }
}
