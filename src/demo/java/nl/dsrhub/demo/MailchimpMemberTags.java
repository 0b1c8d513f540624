package nl.dsrhub.demo;

import static nl.dsrhub.demo.MailchimpHttp.invalidField;
import static nl.dsrhub.demo.MailchimpHttp.jsonParseError;
import static nl.dsrhub.demo.MailchimpHttp.objectBody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.function.IntSupplier;

import nl.dsrhub.demo.MailchimpSimulator.Tag;
import nl.dsrhub.demo.SimulatorServer.Request;
import nl.dsrhub.demo.SimulatorServer.Response;

/**
 * {@code POST /lists/{id}/members/{hash}/tags} ({@code postListMemberTags}): {@code {"tags": [{"name", "status":
 * "active"|"inactive"}], "is_syncing"}} adds each active tag the member does not have yet and removes each inactive
 * one (names compared without regard to case, as Mailchimp does); 204 without a body. Repeating it changes nothing.
 */
final class MailchimpMemberTags {

    private final IntSupplier ids;

    MailchimpMemberTags(IntSupplier ids) {
        this.ids = ids;
    }

    Response post(Request req, MailchimpMember m) {
        ObjectNode body = objectBody(req);
        if (body == null) {
            return jsonParseError();
        }
        JsonNode tags = body.get("tags");
        if (tags == null || !tags.isArray()) {
            return invalidField("tags", "Required property tags not found.");
        }
        for (JsonNode t : tags) {
            if (!t.path("name").isTextual() || t.path("name").asText().isBlank()) {
                return invalidField("tags.name", "Each tag needs a name.");
            }
            String status = t.path("status").asText("");
            if (!status.equals("active") && !status.equals("inactive")) {
                return invalidField("tags.status", "The status of a tag is active or inactive.");
            }
        }
        synchronized (m.tags) {
            for (JsonNode t : tags) {
                String name = t.path("name").asText().trim();
                boolean has = m.tags.stream().anyMatch(x -> x.name().equalsIgnoreCase(name));
                if (t.path("status").asText().equals("active") && !has) {
                    m.tags.add(new Tag(ids.getAsInt(), name, Instant.now()));
                } else if (t.path("status").asText().equals("inactive")) {
                    m.tags.removeIf(x -> x.name().equalsIgnoreCase(name));
                }
            }
        }
        m.lastChanged = Instant.now();
        return Response.empty(204);
    }
}
