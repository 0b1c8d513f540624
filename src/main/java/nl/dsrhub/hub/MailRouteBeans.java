package nl.dsrhub.hub;

import java.time.Clock;
import java.time.Duration;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.mail.Chaser;
import nl.dsrhub.mail.ConfirmationReplies;
import nl.dsrhub.mail.Letters;
import nl.dsrhub.mail.MailDelivery;
import nl.dsrhub.mail.MailEngine;
import nl.dsrhub.mail.MailInbox;
import nl.dsrhub.mail.MailIntake;
import nl.dsrhub.mail.MailSender;
import nl.dsrhub.mail.MailSettings;
import nl.dsrhub.mail.MailStore;
import nl.dsrhub.mail.MailboxPurge;
import nl.dsrhub.mail.OfficerMail;
import nl.dsrhub.mail.RefusalNotices;
import nl.dsrhub.mail.ReplyHandler;
import nl.dsrhub.mail.ReplySenders;
import nl.dsrhub.mail.SenderAuthentication;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.RequestStore;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;

/**
 * The mail engine of mail-channel connectors and the beans of the mail routes ({@code intake-mail},
 * {@code mail-replies}, {@code mail-chase}, {@code mail-officer}, {@code delivery}, {@code refusal-notices},
 * {@code lift-notices}), from
 * the shared parts of {@link MailBeans}.
 */
public final class MailRouteBeans implements CamelConfiguration {

    @BindToRegistry("mailEngine")
    public MailEngine mailEngine(MailSender sender, MailStore store, Letters letters, Clock clock, RequestStore requests) {
        return new MailEngine(sender, store, letters, clock,
                requestId -> requests.row(requestId).orElseThrow().processorDueDate());
    }

    @BindToRegistry("mailInbox")
    public MailInbox mailInbox(MailSettings settings, MailStore store, MailSender sender, Services s) {
        SenderAuthentication authentication = new SenderAuthentication(settings.authservId());
        return new MailInbox(settings, store, new MailIntake(s.intake, s.requests, s.confirmations, settings.maxBytes()),
                new ReplyHandler(store, s.requests, new ReplySenders(s.catalog, authentication),
                        (request, connector) -> s.workDir().resolve(request).resolve(connector)),
                new ConfirmationReplies(s.confirmations), authentication, sender);
    }

    @BindToRegistry("mailChaser")
    public Chaser mailChaser(MailSettings settings, MailStore store, MailSender sender, Letters letters,
                             RequestStore requests, ConnectorCatalog catalog, EventLog events, Clock clock) {
        return new Chaser(settings, store, sender, letters, requests, catalog, events, clock);
    }

    @BindToRegistry("officerMail")
    public OfficerMail officerMail(MailSettings settings, MailSender sender) {
        return new OfficerMail(settings, sender);
    }

    /** Delivery by mail, for the interim answers as for the complete ones. */
    @BindToRegistry("delivery")
    public MailDelivery delivery(MailSettings settings, MailSender sender, Services s, Clock clock,
                                 @PropertyInject("dsr.delivery.retry-seconds") int retrySeconds,
                                 @PropertyInject("dsr.delivery.max-attempts") int maxAttempts) {
        return new MailDelivery(settings, sender, s.requests, s.events, s.jdbc, s.outbox(), clock,
                Duration.ofSeconds(retrySeconds), maxAttempts);
    }

    @BindToRegistry("mailboxPurge")
    public MailboxPurge mailboxPurge(MailSettings settings, Clock clock, @PropertyInject("dsr.purge.after-days") int purgeDays) {
        return new MailboxPurge(settings, clock, purgeDays);
    }

    /** Art. 18(3): the subject of a lifting is told first; the lifting is planned after the notice period (lift-notices.yaml). */
    @BindToRegistry("liftNotices")
    public nl.dsrhub.mail.LiftNotices liftNotices(MailSettings settings, MailSender sender, Services s, Clock clock) {
        return new nl.dsrhub.mail.LiftNotices(settings, sender, nl.dsrhub.mail.Controller.from(s.config::optional), s.requests,
                s.restrictions, s.rightsOnPlanning, s.events, s.jdbc, s.outbox(), clock);
    }

    @BindToRegistry("refusalNotices")
    public RefusalNotices refusalNotices(MailSettings settings, MailSender sender, MailStore store, Letters letters,
                                         Services s, Clock clock) {
        return new RefusalNotices(settings, sender, store, letters, s.refusal(clock), s.requests, s.catalog, s.events,
                s.jdbc, s.outbox());
    }
}
