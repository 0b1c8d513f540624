package nl.dsrhub.hub;

import java.time.Clock;
import java.util.List;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.connector.ConnectorDefinition.Channel;
import nl.dsrhub.mail.Controller;
import nl.dsrhub.mail.Letters;
import nl.dsrhub.mail.MailSender;
import nl.dsrhub.mail.MailSettings;
import nl.dsrhub.mail.MailStore;
import nl.dsrhub.store.EventLog;
import nl.dsrhub.store.Jdbc;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.util.function.Suppliers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail parts the mail beans share, made from {@code dsr.mail.*}: settings, the mail store, the sender and the
 * letters. Made whether mail is on or off, so the routes always find their beans ({@link MailRouteBeans}); with
 * mail off the polling routes do not start and the beans do nothing.
 */
public final class MailBeans implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MailBeans.class);

    @BindToRegistry("mailSettings")
    public MailSettings mailSettings(HubConfig config, ConnectorCatalog catalog) {
        MailSettings settings = MailSettings.from(config);
        report(settings, catalog);
        return settings;
    }

    @BindToRegistry("mailStore")
    public MailStore mailStore(Jdbc jdbc, Clock clock, EventLog events) {
        return new MailStore(jdbc, clock, events);
    }

    /** Sends through the hub's own routes (e.g. {@code direct:mail-officer}) with one producer. */
    @BindToRegistry("mailSender")
    public MailSender mailSender(CamelContext context, MailSettings settings) {
        return new MailSender(Suppliers.memorize(context::createProducerTemplate), settings);
    }

    /**
     * A letter must say on whose behalf it asks: with mail on and a mail-channel connector enabled, the controller's
     * name, address and privacy contact are required, and their absence stops the start naming the settings.
     */
    @BindToRegistry("letters")
    public Letters letters(MailSettings settings, HubConfig config, ConnectorCatalog catalog) {
        Controller controller = Controller.from(config::optional);
        List<String> mailConnectors = mailConnectors(catalog);
        if (!mailConnectors.isEmpty() && settings.enabled() && !controller.missing().isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", controller.missing()) + ": not set; letters to the mail"
                    + " connectors' processors (" + String.join(", ", mailConnectors) + ") must name the controller: the"
                    + " shop's legal name, postal address and privacy e-mail address");
        }
        return new Letters(settings.from(), controller);
    }

    private static List<String> mailConnectors(ConnectorCatalog catalog) {
        return catalog.enabled().stream().filter(c -> c.channel() == Channel.MAIL).map(Connector::name).toList();
    }

    /** One start-up line, without addresses or secrets; a warning when mail connectors cannot work. */
    private static void report(MailSettings settings, ConnectorCatalog catalog) {
        List<String> mailConnectors = mailConnectors(catalog);
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
