package nl.dsrhub.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What the hub reads of one mail: sender, subject, its text and its attachments, each read only up to
 * a limit so that one enormous mail cannot exhaust memory. Personal data: held in memory only while the
 * mail is handled, never logged or stored whole.
 *
 * @param key                   SHA-256 of the Message-ID (or of sender, date and subject when a mail has none)
 * @param from                  the From address; {@code null} when the mail has none or several (then no one can
 *                              say who sent it, and it is neither an officer's request nor a processor's reply)
 * @param authenticationResults the mail's {@code Authentication-Results} headers, top to bottom (see {@link SenderAuthentication})
 */
public record IncomingMail(String key, String from, String subject, String text, List<FilePart> attachments,
                           boolean tooLarge, boolean automatic, List<String> authenticationResults) {

    private static final java.util.regex.Pattern AUTO_SUBJECT = java.util.regex.Pattern.compile(
            "^(automatic reply|auto-reply|autoreply|out of office|automatisch antwoord|afwezig|niet aanwezig)\\b.*",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** An attached file; {@code truncated} when it was larger than the limit and cut off. */
    public record FilePart(String name, byte[] content, boolean truncated) {
    }

    public static IncomingMail read(Message m, long maxBytes) throws MessagingException, IOException {
        String from = null;
        Address[] senders = m.getFrom();
        if (senders != null && senders.length == 1 && senders[0] instanceof InternetAddress ia) {
            from = ia.getAddress();
        }
        String[] ids = m.getHeader("Message-ID");
        String identity = ids != null && ids.length > 0 ? ids[0]
                : from + "|" + m.getSentDate() + "|" + m.getSubject() + "|" + m.getSize();
        String subject = m.getSubject() == null ? "" : m.getSubject();
        boolean tooLarge = m.getSize() > maxBytes;
        boolean automatic = automatic(m, subject);
        String[] results = m.getHeader(SenderAuthentication.HEADER);
        List<String> authentication = results == null ? List.of() : List.of(results);
        if (tooLarge) {
            return new IncomingMail(sha256(identity), from, subject, "", List.of(), true, automatic, authentication);
        }
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        List<FilePart> files = new ArrayList<>();
        collect(m, text, html, files, maxBytes, 0);
        // many mail programs send HTML only: then its text, without the markup, is the mail's text
        String body = text.length() > 0 ? text.toString() : htmlText(html.toString());
        return new IncomingMail(sha256(identity), from, subject, body, List.copyOf(files), false, automatic, authentication);
    }

    /**
     * An out-of-office or other automatic answer (RFC 3834 Auto-Submitted, the usual vendor headers, or
     * the usual subjects): never an answer to a letter, and never to be answered (mail loops).
     */
    static boolean automatic(Message m, String subject) throws MessagingException {
        String[] auto = m.getHeader("Auto-Submitted");
        if (auto != null && auto.length > 0 && !auto[0].trim().equalsIgnoreCase("no")) {
            return true;
        }
        String[] precedence = m.getHeader("Precedence");
        if (precedence != null && precedence.length > 0 && precedence[0].trim().toLowerCase(java.util.Locale.ROOT)
                .matches("auto_reply|bulk|junk|list")) {
            return true;
        }
        if (m.getHeader("X-Autoreply") != null || m.getHeader("X-Autorespond") != null) {
            return true;
        }
        return AUTO_SUBJECT.matcher(subject.trim()).matches();
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html, List<FilePart> files, long maxBytes, int depth)
            throws MessagingException, IOException {
        if (depth > 10) {
            return;
        }
        String name = part.getFileName();
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || name != null;
        if (!attachment && part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart bp = mp.getBodyPart(i);
                collect(bp, text, html, files, maxBytes, depth + 1);
            }
        } else if (attachment) {
            try (InputStream in = part.getInputStream()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                boolean truncated = bytes.length > maxBytes;
                files.add(new FilePart(name == null ? "attachment-" + (files.size() + 1) : name, bytes, truncated));
            }
        } else if (part.isMimeType("text/plain") && text.length() < maxBytes) {
            text.append(content(part, maxBytes));
        } else if (part.isMimeType("text/html") && html.length() < maxBytes) {
            html.append(content(part, maxBytes));
        }
    }

    private static String content(Part part, long maxBytes) throws MessagingException, IOException {
        Object content = part.getContent();
        return content instanceof String s ? s : new String(((InputStream) content).readNBytes((int) maxBytes), StandardCharsets.UTF_8);
    }

    /** The words of an HTML mail: tags dropped, block ends as line breaks, quoted replies ({@code blockquote}) kept as '>' lines. */
    static String htmlText(String html) {
        if (html.isEmpty()) {
            return "";
        }
        String t = html.replaceAll("(?is)<(script|style|head)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?is)<blockquote[^>]*>.*?</blockquote>", "\n> (quoted)\n")
                .replaceAll("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6])>", "\n")
                .replaceAll("<[^>]+>", " ")
                .replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
        return t.replaceAll("[ \\t]+", " ").replaceAll(" ?\n ?", "\n").strip();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
