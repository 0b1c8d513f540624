package nl.dsrhub.hub;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorDefinition.Channel;
import nl.dsrhub.mail.Chaser;
import nl.dsrhub.mail.ConfirmationReplies;
import nl.dsrhub.mail.Controller;
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
import nl.dsrhub.mail.ReplyHandler;
import nl.dsrhub.mail.ReplySenders;
import nl.dsrhub.mail.SenderAuthentication;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail parts of the hub, made from {@code dsr.mail.*}: the mail engine for mail-channel connectors,
 * and the beans of the mail routes ({@code intake-mail}, {@code mail-replies}, {@code mail-chase},
 * {@code mail-officer}, {@code delivery}, {@code refusal-notices}). Built whether mail is on or off, so the routes always find
 * their beans; with mail off, the polling routes do not start and the beans do nothing.
 */
public final class MailWiring {

    private static final Logger LOG = LoggerFactory.getLogger(MailWiring.class);

    public final MailSettings settings;
    public final MailStore store;
    public final MailSender sender;
    public final MailEngine engine;
    private final MailInbox inbox;
    private final Chaser chaser;
    private final OfficerMail officer;
    private final MailDelivery delivery;
    private final MailboxPurge purge;
    private final nl.dsrhub.mail.RefusalNotices refusals;

    public MailWiring(Services s, Supplier<ProducerTemplate> producer, BiFunction<String, String, Path> dataDirs, Clock clock) {
        this.settings = MailSettings.from(s.config);
        this.store = new MailStore(s.jdbc, clock, s.events);
        this.sender = new MailSender(producer, settings);
        Controller controller = Controller.from(s.config::optional);
        requireController(s, controller);
        Letters letters = new Letters(settings.from(), controller);
        this.engine = new MailEngine(sender, store, letters, clock,
                requestId -> s.requests.row(requestId).orElseThrow().processorDueDate());
        SenderAuthentication authentication = new SenderAuthentication(settings.authservId());
        this.inbox = new MailInbox(settings, store, new MailIntake(s.intake, s.requests, s.confirmations, settings.maxBytes()),
                new ReplyHandler(store, s.requests, new ReplySenders(s.catalog, authentication), dataDirs),
                new ConfirmationReplies(s.confirmations), authentication, sender);
        this.chaser = new Chaser(settings, store, sender, letters, s.requests, s.catalog, s.events, clock);
        this.officer = new OfficerMail(settings, sender);
        this.delivery = new MailDelivery(settings, sender, s.requests, s.events, s.jdbc, s.outbox(), clock,
                java.time.Duration.ofSeconds(s.config.getInt("dsr.delivery.retry-seconds")),
                s.config.getInt("dsr.delivery.max-attempts"));
        this.purge = new MailboxPurge(settings, clock, s.config.getInt("dsr.purge.after-days"));
        this.refusals = new nl.dsrhub.mail.RefusalNotices(settings, sender, store, letters, s.refusal(clock), s.requests,
                s.catalog, s.events, s.jdbc, s.outbox());
        report(s);
    }

    /**
     * A letter must say on whose behalf it asks: with mail on and a mail-channel connector enabled, the controller's
     * name, address and privacy contact are required, and their absence stops the start naming the settings.
     */
    private static void requireController(Services s, Controller controller) {
        boolean letters = s.catalog.enabled().stream().anyMatch(c -> c.channel() == Channel.MAIL);
        if (letters && MailSettings.from(s.config).enabled() && !controller.missing().isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", controller.missing()) + ": not set; letters to the mail"
                    + " connectors' processors (" + String.join(", ", s.catalog.enabled().stream().filter(c -> c.channel()
                    == Channel.MAIL).map(Connector::name).toList()) + ") must name the controller: the shop's legal name,"
                    + " postal address and privacy e-mail address");
        }
    }

    /** Stored before a result is written: that result is to be mailed (see {@link MailDelivery#intend}). */
    public void intendDelivery(nl.dsrhub.model.DsrRequest request) {
        delivery.intend(request);
    }

    /** Delivery by mail, for the interim answers as for the complete ones. */
    public MailDelivery delivery() {
        return delivery;
    }

    public void bind(Main main) {
        main.bind("mailInbox", inbox);
        main.bind("mailChaser", chaser);
        main.bind("officerMail", officer);
        main.bind("delivery", delivery);
        main.bind("mailboxPurge", purge);
        main.bind("refusalNotices", refusals);
    }

    /** Properties the mail routes use, derived from the settings (the IMAP endpoint with its options). */
    public Properties properties() {
        Properties p = new Properties();
        StringBuilder uri = new StringBuilder(settings.imapTls() ? "imaps://" : "imap://")
                .append(settings.imapHost()).append(':').append(settings.imapPort())
                .append("?username=RAW(").append(settings.imapUser()).append(")&password=RAW(").append(settings.imapPassword()).append(')')
                .append("&folderName=RAW(").append(settings.folder()).append(')')
                .append("&delay=").append(settings.pollSeconds() * 1000L)
                // one mail that cannot be fetched must not block the ones behind it
                .append("&skipFailedMessage=true")
                // the hub reads the MIME parts itself, with size limits (see IncomingMail)
                .append("&mapMailMessage=false")
                .append("&maxMessagesPerPoll=50&connectionTimeout=15000")
                // a mailbox that is down is polled ten times less often after three failures in a row
                .append("&backoffErrorThreshold=3&backoffMultiplier=10");
        p.setProperty("dsr.mail.imap.uri", uri.toString());
        p.setProperty("dsr.mail.enabled", String.valueOf(settings.enabled()));
        return p;
    }

    /** One start-up line, without addresses or secrets; a warning when mail connectors cannot work. */
    private void report(Services s) {
        List<String> mailConnectors = s.catalog.enabled().stream().filter(c -> c.channel() == Channel.MAIL).map(Connector::name).toList();
        if (!settings.enabled()) {
            if (!mailConnectors.isEmpty()) {
                LOG.warn("mail is off (dsr.mail.enabled=false): tasks of the mail connectors {} will need attention", mailConnectors);
            }
            return;
        }
        List<String> missing = settings.missing();
        if (!missing.isEmpty()) {
            LOG.warn("mail is on but {} not set", missing);
        }
        LOG.info("mail on: mailbox polled every {}s; mail connectors {}; delivery {}; mailed requests {}", settings.pollSeconds(),
                mailConnectors, settings.deliveryEnabled() ? "on" : "off", settings.authservId().isEmpty()
                        ? "wait for the officer's confirmation (no dsr.mail.authserv-id)"
                        : "authenticated by " + settings.authservId() + " run at once, others wait for the officer's confirmation");
    }
}
