package nl.dsrhub.demo;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated mail-only processors for the demo, on the embedded mail server: Pay.nl answers with the
 * person's data as an attachment (or confirms erasure), PostNL answers it holds no data, DHL stays silent
 * (its task keeps AWAITING_REPLY, as a real silent processor's would).
 */
public final class MailProcessors implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailProcessors.class);

    public static final String PAYNL = "privacy@pay.example.com";
    public static final String POSTNL = "privacy@postnl.example.com";
    public static final String DHL = "privacy@dhl.example.com";

    private static final Pattern EMAIL_LINE = Pattern.compile("(?m)^\\s*e-mail:\\s*(\\S+)");

    private final MailServer server;
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-mail-processors");
        t.setDaemon(true);
        return t;
    });

    private MailProcessors(MailServer server) {
        this.server = server;
    }

    public static MailProcessors start(MailServer server) {
        MailProcessors p = new MailProcessors(server);
        p.poller.scheduleWithFixedDelay(p::answerNewLetters, 300, 300, TimeUnit.MILLISECONDS);
        return p;
    }

    /** The connector settings that point the mail-only connectors at these simulated processors. */
    public static Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("dsr.connector.paynl.enabled", "true");
        s.put("dsr.connector.paynl.privacy-contact", PAYNL);
        s.put("dsr.connector.postnl.enabled", "true");
        s.put("dsr.connector.postnl.privacy-contact", POSTNL);
        s.put("dsr.connector.dhl.enabled", "true");
        s.put("dsr.connector.dhl.privacy-contact", DHL);
        return s;
    }

    private void answerNewLetters() {
        try {
            for (MimeMessage m : server.greenMail().getReceivedMessages()) {
                String id = m.getMessageID();
                String to = Arrays.toString(m.getRecipients(Message.RecipientType.TO));
                if (id == null || !answered.add(id)) {
                    continue;
                }
                String subject = m.getSubject() == null ? "" : m.getSubject();
                if (subject.startsWith("Herinnering")) {
                    continue;
                }
                if (to.contains(PAYNL)) {
                    answerWithData(m, subject);
                } else if (to.contains(POSTNL)) {
                    server.send(POSTNL, MailServer.HUB, "Re: " + subject,
                            "Geachte heer/mevrouw,\n\nWij hebben geen gegevens van deze persoon.\n\nPostNL Privacy (demo)\n", Map.of());
                }
            }
        } catch (Exception e) {
            LOG.warn("demo mail processors: {}", e.getClass().getSimpleName());
        }
    }

    private void answerWithData(MimeMessage m, String subject) throws Exception {
        if (subject.startsWith("Verzoek tot wissen")) {
            server.send(PAYNL, MailServer.HUB, "Re: " + subject,
                    "Beste,\n\nDe gegevens zijn verwijderd.\n\nPay. Privacy (demo)\n", Map.of());
            return;
        }
        if (subject.startsWith("Verzoek tot rectificatie")) {
            server.send(PAYNL, MailServer.HUB, "Re: " + subject,
                    "Beste,\n\nDe gegevens zijn gecorrigeerd.\n\nPay. Privacy (demo)\n", Map.of());
            return;
        }
        String text = String.valueOf(m.getContent());
        Matcher e = EMAIL_LINE.matcher(text);
        String email = e.find() ? e.group(1) : "";
        String data = """
                {"merchant":"Demo webwinkel","customer":{"email":"%s"},
                 "transactions":[{"id":"EX-1234-5678","amount":"24.95","currency":"EUR","method":"ideal","date":"2026-10-02"}]}
                """.formatted(email);
        server.send(PAYNL, MailServer.HUB, "Re: " + subject,
                "Beste,\n\nIn de bijlage de gegevens die wij van deze persoon verwerken.\n\nPay. Privacy (demo)\n",
                Map.of("paynl-transactions.json", data.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
