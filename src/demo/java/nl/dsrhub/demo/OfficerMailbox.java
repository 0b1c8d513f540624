package nl.dsrhub.demo;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo officer's mailbox on the embedded mail server: it answers the hub's confirmation requests as the
 * officer would, with a plain reply, which quotes the mail and with it the one-time code. The demo mails its
 * request over plain SMTP, which no mail server authenticates, so the hub holds it until this reply comes.
 */
public final class OfficerMailbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OfficerMailbox.class);
    /** The subject of the hub's confirmation request (one request, or several). */
    private static final String ASKED = "Bevestig uw verzoek";

    private final MailServer server;
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-officer-mailbox");
        t.setDaemon(true);
        return t;
    });

    private OfficerMailbox(MailServer server) {
        this.server = server;
    }

    public static OfficerMailbox start(MailServer server) {
        OfficerMailbox box = new OfficerMailbox(server);
        box.poller.scheduleWithFixedDelay(box::confirmAsked, 300, 300, TimeUnit.MILLISECONDS);
        return box;
    }

    private void confirmAsked() {
        try {
            for (MimeMessage m : server.greenMail().getReceivedMessages()) {
                String subject = m.getSubject() == null ? "" : m.getSubject();
                if (!subject.startsWith(ASKED) || !Arrays.toString(m.getRecipients(Message.RecipientType.TO)).contains(MailServer.OFFICER)
                        || m.getMessageID() == null || !answered.add(m.getMessageID())) {
                    continue;
                }
                String quoted = String.valueOf(m.getContent()).lines().map(l -> "> " + l).collect(Collectors.joining("\n"));
                server.send(MailServer.OFFICER, MailServer.HUB, "Re: " + subject, "Ja, dit verzoek komt van mij.\n\n" + quoted, Map.of());
            }
        } catch (Exception e) {
            LOG.warn("demo officer mailbox: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
