package nl.dsrhub.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;
import nl.dsrhub.files.PrivateFiles;
import nl.dsrhub.mail.MailSettings;

/**
 * What Camel reads as its properties: {@code HubConfig}'s one layering (defaults, --config, --set, the environment),
 * plus what is derived from it: the HTTP server's upload folder and body bound, the management port, and the IMAP
 * endpoint of the mail routes.
 */
final class HubProperties {

    private HubProperties() {
    }

    static Properties of(Services services) {
        Properties resolved = services.config.resolved();
        server(services, resolved);
        resolved.putAll(mail(MailSettings.from(services.config)));
        return resolved;
    }

    /** The settle form's files, inside the data dir: they are a processor's export of a person. */
    static Path uploads(Services services) {
        return services.workDir().resolve(".uploads");
    }

    /**
     * One HTTP server: the management endpoints (/observe/...) share the dashboard's port unless set apart. The server
     * writes uploaded files inside the data dir (not the system's temp folder: they hold personal data) and deletes
     * them when the request ends.
     */
    private static void server(Services services, Properties resolved) {
        if (!resolved.containsKey("camel.server.fileUploadDirectory") && !resolved.containsKey("camel.server.file-upload-directory")) {
            Path incoming = uploads(services).resolve("incoming").toAbsolutePath();
            try {
                // made owner-only before the server writes into it (it would make it world-readable)
                PrivateFiles.folder(incoming);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the upload folder " + incoming, e);
            }
            resolved.setProperty("camel.server.fileUploadDirectory", incoming.toString());
        }
        // the server's own bound on any body: the largest the gate lets through (it bounds each route before reading)
        resolved.setProperty("camel.server.max-body-size", String.valueOf(Math.max(
                services.config.getLong("dsr.web.max-upload-bytes"), services.config.getLong("dsr.intake.max-bytes"))));
        if (!resolved.containsKey("camel.management.port") && resolved.containsKey("camel.server.port")) {
            resolved.setProperty("camel.management.port", resolved.getProperty("camel.server.port"));
        }
        if (!resolved.containsKey("camel.management.host") && resolved.containsKey("camel.server.host")) {
            resolved.setProperty("camel.management.host", resolved.getProperty("camel.server.host"));
        }
    }

    /** Properties the mail routes use, derived from the settings (the IMAP endpoint with its options). */
    private static Properties mail(MailSettings settings) {
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
}
