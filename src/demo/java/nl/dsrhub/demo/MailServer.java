package nl.dsrhub.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * An embedded mail server (GreenMail: real SMTP and IMAP on free loopback ports) with the hub's own
 * mailbox and an officer, for the demo and the tests. Mail to any other address is kept in a mailbox
 * of its own, so simulated processors can read their letters.
 */
public final class MailServer implements AutoCloseable {

    public static final String HUB = "dsr-hub@shop.example.nl";
    public static final String HUB_LOGIN = "dsr-hub";
    public static final String OFFICER = "privacy@shop.example.nl";

    private final GreenMail greenMail;
    private final String password;

    private MailServer(GreenMail greenMail, String password) {
        this.greenMail = greenMail;
        this.password = password;
    }

    public static MailServer start() {
        return start(0, UUID.randomUUID().toString());
    }

    /**
     * A server whose SMTP listens on {@code smtpPort} (0: a free one) and whose hub account has this password:
     * a test can let the hub's mail server be down at first, and start it later where the hub expects it.
     */
    public static MailServer start(int smtpPort, String password) {
        ServerSetup smtp = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup[] setups = {smtpPort == 0 ? smtp.dynamicPort() : smtp,
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()};
        GreenMail gm = new GreenMail(setups);
        gm.start();
        MailServer server = new MailServer(gm, password);
        gm.setUser(HUB, HUB_LOGIN, server.password);
        gm.setUser(OFFICER, OFFICER, OFFICER);
        return server;
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** The hub's mail settings for this server: plain SMTP/IMAP on loopback, the hub's account, the officer allowed. */
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("dsr.mail.enabled", "true");
        s.put("dsr.mail.smtp.host", "127.0.0.1");
        s.put("dsr.mail.smtp.port", String.valueOf(smtpPort()));
        s.put("dsr.mail.smtp.tls", "false");
        s.put("dsr.mail.smtp.username", HUB_LOGIN);
        s.put("dsr.mail.smtp.password", password);
        s.put("dsr.mail.imap.host", "127.0.0.1");
        s.put("dsr.mail.imap.port", String.valueOf(imapPort()));
        s.put("dsr.mail.imap.tls", "false");
        s.put("dsr.mail.imap.username", HUB_LOGIN);
        s.put("dsr.mail.imap.password", password);
        s.put("dsr.mail.from", HUB);
        s.put("dsr.mail.officer", OFFICER);
        s.put("dsr.mail.allow", OFFICER);
        s.put("dsr.mail.poll-seconds", "1");
        return s;
    }

    /** Sends a mail through this server's SMTP, as another mail client would. */
    public void send(String from, String to, String subject, String text, Map<String, byte[]> attachments) {
        try {
            send(message(from, to, subject, text, attachments));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot send a mail to the embedded server: " + e.getMessage(), e);
        }
    }

    public MimeMessage message(String from, String to, String subject, String text, Map<String, byte[]> attachments)
            throws MessagingException {
        MimeMessage m = new MimeMessage(session());
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        if (attachments.isEmpty()) {
            m.setText(text, "UTF-8");
        } else {
            MimeMultipart mp = new MimeMultipart();
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            mp.addBodyPart(body);
            for (Map.Entry<String, byte[]> a : attachments.entrySet()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.getValue(), "application/octet-stream")));
                part.setFileName(a.getKey());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mp.addBodyPart(part);
            }
            m.setContent(mp);
        }
        return m;
    }

    public void send(MimeMessage m) throws MessagingException {
        m.saveChanges();
        Transport.send(m);
    }

    public Session session() {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(smtpPort()));
        return Session.getInstance(p);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
