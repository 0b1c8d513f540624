package nl.dsrhub.mail;

import java.util.Optional;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorCatalog;

/**
 * Whether a reply carrying a letter's token comes from the processor. A token is random, but it travels in
 * the letter's subject, and whoever saw that mail on its way could answer with it; so the reply must also
 * come from the domain of the connector's privacy contact (or a subdomain of it: processors answer from
 * their helpdesk's own host), and, when the officer's mail server gave a verdict, not one that says the
 * sender's domain failed DMARC or DKIM. Anything else is a reply from an unexpected sender: it settles nothing.
 */
public final class ReplySenders {

    private final ConnectorCatalog catalog;
    private final SenderAuthentication authentication;

    public ReplySenders(ConnectorCatalog catalog, SenderAuthentication authentication) {
        this.catalog = catalog;
        this.authentication = authentication;
    }

    /** Empty when the reply is the processor's own; else why not, naming the sender's domain only, never its address. */
    public Optional<String> unexpected(String connector, IncomingMail mail) {
        Optional<String> from = SenderAuthentication.domain(mail.from());
        if (from.isEmpty()) {
            return Optional.of("no single From address");
        }
        Optional<String> contact = catalog.find(connector).flatMap(ReplySenders::contact).flatMap(SenderAuthentication::domain);
        if (contact.isEmpty()) {
            return Optional.of(from.get() + "; connector " + connector + " has no privacy-contact address to compare with");
        }
        if (!SenderAuthentication.within(from.get(), contact.get())) {
            return Optional.of(from.get() + ", outside " + contact.get());
        }
        SenderAuthentication.Verdict verdict = authentication.check(mail.authenticationResults(), mail.from());
        if (verdict.failed()) {
            return Optional.of(from.get() + "; " + verdict.detail());
        }
        return Optional.empty();
    }

    /** The address letters go to, as the mail engine reads it. */
    private static Optional<String> contact(Connector c) {
        return c.setting(MailEngine.CONTACT).filter(s -> !s.isBlank()).or(() -> Optional.ofNullable(c.facts().privacyContact()));
    }
}
