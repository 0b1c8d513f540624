package nl.dsrhub.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.dsrhub.model.Deadlines;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.plan.RightsOnPlanning;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.RestrictionRegister;
import nl.dsrhub.store.RestrictionRegister.Restriction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Art. 18(3) GDPR: a restriction is lifted only after its subject was told. A lifting request waits
 * {@code NOTICE_PERIOD}; this tells its subject (mailed to {@link DsrRequest#subjectMailAddress()} when delivery is on,
 * always written to {@code outbox/<id>/lift-notice.txt}, which the officer hands over at once when delivery is off),
 * records the notice in the restriction register and the timeline, and releases the request to planning once the
 * notice period has passed ({@link RightsOnPlanning#liftMayGo}). Run by a schedule ({@code lift-notices}), so a lifting
 * taken in by any way, or interrupted by a restart, is followed up; a notice that could not be mailed is tried again.
 */
public final class LiftNotices {

    /** The notice as written for the officer, beside the request's receipt. */
    public static final String FILE = "lift-notice.txt";

    private static final Logger LOG = LoggerFactory.getLogger(LiftNotices.class);

    private final MailSettings settings;
    private final MailSender sender;
    private final Controller shop;
    private final RequestStore requests;
    private final RestrictionRegister restrictions;
    private final RightsOnPlanning rights;
    private final EventLog events;
    private final Jdbc jdbc;
    private final Path outbox;
    private final Clock clock;

    public LiftNotices(MailSettings settings, MailSender sender, Controller shop, RequestStore requests,
                       RestrictionRegister restrictions, RightsOnPlanning rights, EventLog events, Jdbc jdbc, Path outbox,
                       Clock clock) {
        this.settings = settings;
        this.sender = sender;
        this.shop = shop;
        this.requests = requests;
        this.restrictions = restrictions;
        this.rights = rights;
        this.events = events;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Tells the subject of every waiting lifting not told yet; returns how many were told. */
    public int noticeDue() {
        int told = 0;
        for (String id : requests.idsWithStatus(RequestStore.NOTICE_PERIOD)) {
            DsrRequest lift = requests.get(id);
            Optional<Restriction> r = restrictions.find(lift.particulars().lift().restrictionRequestId());
            if (r.isPresent() && r.get().inForce() && r.get().noticeSentAt() == null && tell(lift)) {
                told++;
            }
        }
        return told;
    }

    /** The waiting liftings whose notice period has passed, moved back to {@code RECEIVED}: their ids, to plan. */
    public List<String> releaseDue() {
        List<String> released = new ArrayList<>();
        for (String id : requests.idsWithStatus(RequestStore.NOTICE_PERIOD)) {
            if (rights.liftMayGo(requests.get(id))
                    && requests.transition(id, RequestStore.NOTICE_PERIOD, RequestStore.RECEIVED)) {
                released.add(id);
            }
        }
        return released;
    }

    /** Writes and (delivery on) mails the notice, then records it; false when the mail could not go (tried again). */
    private boolean tell(DsrRequest lift) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime from = rights.liftableFrom(now).orElseThrow();
        LiftNoticeText notice = LiftNoticeText.of(lift, Deadlines.dateOf(from), shop);
        Path file = write(lift.id(), notice);
        boolean mailed = settings.enabled() && settings.deliveryEnabled();
        if (mailed) {
            try {
                sender.send(lift.subjectMailAddress(), notice.subject(), notice.text(), Map.of());
            } catch (MailSender.MailFailure e) {
                LOG.warn("request {}: the notice of the lifting could not be mailed, tried again: {}", lift.id(), e.getMessage());
                return false;
            }
        }
        String restrictionId = lift.particulars().lift().restrictionRequestId();
        try {
            jdbc.inTransaction(tx -> {
                restrictions.within(tx).noticeSent(restrictionId, now);
                events.record(tx, lift.id(), null, "lift-notified", (mailed ? "the subject was told by mail"
                        : "the notice is in the outbox (" + file.getFileName() + "): hand it to the subject at once")
                        + " that the restriction of " + restrictionId + " is lifted, not before " + Deadlines.dateOf(from)
                        + " (art. 18(3) GDPR)");
                return null;
            });
        } catch (RestrictionRegister.Refused e) {
            LOG.warn("request {}: the restriction register did not take the notice: {}", lift.id(), e.getMessage());
            return false;
        }
        LOG.info("request {}: the subject was told the restriction is to be lifted", lift.id());
        return true;
    }

    private Path write(String requestId, LiftNoticeText notice) {
        try {
            Path dir = nl.dsrhub.files.PrivateFiles.folder(outbox.resolve(requestId));
            return nl.dsrhub.files.PrivateFiles.writeString(dir.resolve(FILE), notice.subject() + "\n\n" + notice.text());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the notice of the lifting " + requestId, e);
        }
    }
}
