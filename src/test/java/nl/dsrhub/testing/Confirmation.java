package nl.dsrhub.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An erasure confirmation as the hub wrote it in the outbox: {@code confirmation.json}, and the text a reader of
 * {@code confirmation.html} sees (tags dropped, entities decoded, white space collapsed), per recipient.
 */
public record Confirmation(JsonNode json, String html) {

    private static final Pattern CARD = Pattern.compile("<section class=\"card\">(.*?)</section>", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");

    /** The confirmation in a request's outbox folder. */
    public static Confirmation in(Path outbox) {
        try {
            return new Confirmation(new ObjectMapper().readTree(outbox.resolve("confirmation.json").toFile()),
                    Files.readString(outbox.resolve("confirmation.html")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON entry of the recipient with this connector name. */
    public JsonNode recipient(String connector) {
        for (JsonNode r : json.path("recipients")) {
            if (r.path("connector").asText().equals(connector)) {
                return r;
            }
        }
        throw new AssertionError("confirmation.json lists no recipient " + connector + ": " + json);
    }

    /** The text of the recipient's card in the HTML, found by its title (e.g. "Mailchimp"). */
    public String recipientText(String title) {
        Matcher m = CARD.matcher(html);
        while (m.find()) {
            if (m.group(1).contains("<small>" + title + "</small>")) {
                return text(m.group(1));
            }
        }
        throw new AssertionError("confirmation.html has no card for " + title);
    }

    /** What a reader sees of an HTML fragment. */
    public static String text(String html) {
        String plain = html.replaceAll("(?s)<[^>]*>", " ");
        Matcher m = ENTITY.matcher(plain);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String c = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> new String(Character.toChars(e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16)
                        : Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(c));
        }
        m.appendTail(sb);
        return sb.toString().replaceAll("\\s+", " ").trim();
    }
}
