package nl.dsrhub.mail;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import nl.dsrhub.config.HubConfig;

/**
 * The {@code dsr.mail.*} and {@code dsr.delivery.*} settings. Passwords are only ever put into endpoint
 * URIs as {@code RAW(...)} values, which Camel masks in its logs; they are never logged by the hub.
 */
public record MailSettings(boolean enabled, String smtpHost, int smtpPort, boolean smtpTls, String smtpUser,
                           String smtpPassword, String imapHost, int imapPort, boolean imapTls, String imapUser,
                           String imapPassword, String folder, String from, String officer, Set<String> allow,
                           int reminderDays, int pollSeconds, long maxBytes, boolean deliveryEnabled, String authservId) {

    /** From the settings, each with its default in application.properties. */
    public static MailSettings from(HubConfig c) {
        return new MailSettings(c.getBoolean("dsr.mail.enabled"),
                c.get("dsr.mail.smtp.host"), c.getInt("dsr.mail.smtp.port"), c.getBoolean("dsr.mail.smtp.tls"),
                c.get("dsr.mail.smtp.username"), c.get("dsr.mail.smtp.password"),
                c.get("dsr.mail.imap.host"), c.getInt("dsr.mail.imap.port"), c.getBoolean("dsr.mail.imap.tls"),
                c.get("dsr.mail.imap.username"), c.get("dsr.mail.imap.password"),
                c.get("dsr.mail.imap.folder"), c.get("dsr.mail.from"), c.get("dsr.mail.officer"),
                Arrays.stream(c.get("dsr.mail.allow").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()),
                c.getInt("dsr.mail.reminder-days"), c.getInt("dsr.mail.poll-seconds"), c.getLong("dsr.mail.max-bytes"),
                c.getBoolean("dsr.delivery.enabled"), c.get("dsr.mail.authserv-id"));
    }

    /** True when an officer address may send requests (compared case-insensitively). */
    public boolean allows(String sender) {
        return sender != null && allow.contains(sender.trim().toLowerCase(Locale.ROOT));
    }

    /** The SMTP endpoint; the password as RAW() so that Camel neither decodes nor logs it. */
    public String smtpUri() {
        StringBuilder uri = new StringBuilder(smtpTls ? "smtps://" : "smtp://").append(smtpHost).append(':').append(smtpPort)
                .append("?from=RAW(").append(from).append(')');
        if (!smtpUser.isEmpty()) {
            uri.append("&username=RAW(").append(smtpUser).append(")&password=RAW(").append(smtpPassword).append(')');
        }
        return uri.toString();
    }

    public List<String> missing() {
        List<String> out = new java.util.ArrayList<>();
        if (from.isEmpty()) {
            out.add("dsr.mail.from");
        }
        if (officer.isEmpty()) {
            out.add("dsr.mail.officer");
        }
        return out;
    }

    @Override
    public String toString() {
        // a record's toString would print the passwords
        return "MailSettings[enabled=" + enabled + ", smtp=" + smtpHost + ':' + smtpPort + ", imap=" + imapHost + ':' + imapPort + ']';
    }
}
