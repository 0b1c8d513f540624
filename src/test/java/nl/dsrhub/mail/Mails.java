package nl.dsrhub.mail;

import static org.awaitility.Awaitility.await;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.dsrhub.demo.MailServer;

/** Sending as officers, processors and forgers do, and reading what the embedded mail server received, for the mail tests. */
final class Mails {

    /** The officer's own mail server, as the hub is told to trust it ({@code dsr.mail.authserv-id}). */
    static final String AUTHSERV_ID = "mx.shop.example.nl";

    private Mails() {
    }

    /**
     * A mail as the officer's own server delivers an authenticated one: its Authentication-Results header of
     * {@link #AUTHSERV_ID} on top, saying the From domain passed DMARC.
     */
    static void sendAuthenticated(MailServer server, String from, String subject, String text, Map<String, byte[]> attachments) {
        try {
            MimeMessage m = server.message(from, MailServer.HUB, subject, text, attachments);
            m.addHeader("Authentication-Results", AUTHSERV_ID + "; spf=pass smtp.mailfrom=" + domain(from)
                    + "; dkim=pass header.d=" + domain(from) + "; dmarc=pass (p=reject) header.from=" + domain(from));
            server.send(m);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a mail written out whole (headers in the order given, CRLF added) over the server's SMTP, as any
     * mail client, or a forger's script, can. Its Message-ID is kept, so the same mail can arrive twice.
     */
    static void sendRaw(MailServer server, String raw) {
        try {
            MimeMessage m = new MimeMessage(server.session(), new java.io.ByteArrayInputStream(
                    raw.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                @Override
                protected void updateMessageID() throws jakarta.mail.MessagingException {
                    if (getHeader("Message-ID") == null) {
                        super.updateMessageID();
                    }
                }
            };
            jakarta.mail.Transport.send(m);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the hub has read every mail in its mailbox (the IMAP consumer marks each one read after handling it). */
    static void awaitAllRead(MailServer server) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            jakarta.mail.Store store = jakarta.mail.Session.getInstance(new java.util.Properties()).getStore("imap");
            try {
                store.connect("127.0.0.1", server.imapPort(), server.settings().get("dsr.mail.imap.username"),
                        server.settings().get("dsr.mail.imap.password"));
                jakarta.mail.Folder inbox = store.getFolder("INBOX");
                inbox.open(jakarta.mail.Folder.READ_ONLY);
                int unread = inbox.getUnreadMessageCount();
                inbox.close(false);
                return unread == 0;
            } finally {
                store.close();
            }
        });
    }

    /** Sends the message under the given Message-ID (kept, so the very same mail can arrive again). */
    static void sendWithId(MailServer server, String messageId, String from, String subject, String text,
                           Map<String, byte[]> attachments) {
        try {
            MimeMessage built = server.message(from, MailServer.HUB, subject, text, attachments);
            MimeMessage m = new MimeMessage(built) {
                @Override
                protected void updateMessageID() throws jakarta.mail.MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            server.send(m);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One mail in the hub's mailbox: its subject, and whether it was read. */
    record Held(String subject, boolean seen) {
    }

    /**
     * Every mail in the hub's mailbox now, read or not (deleted ones are gone). Read again when the hub expunged a mail
     * while it was being listed.
     */
    static List<Held> mailbox(MailServer server) {
        for (int attempt = 1; ; attempt++) {
            try {
                return listMailbox(server);
            } catch (IllegalStateException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    private static List<Held> listMailbox(MailServer server) {
        try {
            jakarta.mail.Store store = jakarta.mail.Session.getInstance(new java.util.Properties()).getStore("imap");
            store.connect("127.0.0.1", server.imapPort(), server.settings().get("dsr.mail.imap.username"),
                    server.settings().get("dsr.mail.imap.password"));
            try {
                jakarta.mail.Folder inbox = store.getFolder("INBOX");
                inbox.open(jakarta.mail.Folder.READ_ONLY);
                List<Held> out = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    out.add(new Held(m.getSubject(), m.isSet(jakarta.mail.Flags.Flag.SEEN)));
                }
                inbox.close(false);
                return out;
            } finally {
                store.close();
            }
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts a mail into the hub's mailbox over IMAP, as having arrived at {@code arrived} (its internal date). */
    static void appendArrivedAt(MailServer server, java.time.Instant arrived, String from, String subject, String text) {
        try {
            MimeMessage built = server.message(from, MailServer.HUB, subject, text, Map.of());
            built.saveChanges();
            MimeMessage m = new MimeMessage(built) {
                @Override
                public java.util.Date getReceivedDate() {
                    return java.util.Date.from(arrived);
                }
            };
            jakarta.mail.Store store = jakarta.mail.Session.getInstance(new java.util.Properties()).getStore("imap");
            store.connect("127.0.0.1", server.imapPort(), server.settings().get("dsr.mail.imap.username"),
                    server.settings().get("dsr.mail.imap.password"));
            try {
                jakarta.mail.Folder inbox = store.getFolder("INBOX");
                inbox.appendMessages(new Message[] {m});
            } finally {
                store.close();
            }
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String domain(String address) {
        return address.substring(address.indexOf('@') + 1);
    }

    /** A hub on its own data dir, with mail on against the embedded server, plus the test's own settings. */
    static nl.dsrhub.testing.HubFixture startHub(MailServer server, java.nio.file.Path dataDir, Map<String, String> extra) {
        nl.dsrhub.testing.HubFixture fixture = nl.dsrhub.testing.HubFixture.create(dataDir);
        server.settings().forEach(fixture::set);
        extra.forEach(fixture::set);
        fixture.startHub();
        return fixture;
    }

    static List<MimeMessage> to(MailServer server, String address) {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : server.greenMail().getReceivedMessages()) {
            try {
                Address[] to = m.getRecipients(Message.RecipientType.TO);
                if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address))) {
                    out.add(m);
                }
            } catch (Exception e) {
                // a deliberately broken mail in a test: not one of ours
            }
        }
        return out;
    }

    static List<MimeMessage> awaitTo(MailServer server, String address, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> to(server, address), l -> l.size() >= count);
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a mail (its first text part). */
    static String text(MimeMessage m) {
        try {
            Object c = m.getContent();
            if (c instanceof String s) {
                return s;
            }
            Multipart mp = (Multipart) c;
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart p = mp.getBodyPart(i);
                if (p.isMimeType("text/plain") && p.getFileName() == null) {
                    return (String) p.getContent();
                }
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, byte[]> attachments(MimeMessage m) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try {
            if (m.getContent() instanceof Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart p = mp.getBodyPart(i);
                    if (p.getFileName() != null) {
                        out.put(p.getFileName(), p.getInputStream().readAllBytes());
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
