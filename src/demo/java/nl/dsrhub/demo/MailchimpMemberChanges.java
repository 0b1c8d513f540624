package nl.dsrhub.demo;

import static nl.dsrhub.demo.MailchimpHttp.invalidField;
import static nl.dsrhub.demo.MailchimpHttp.json;
import static nl.dsrhub.demo.MailchimpHttp.jsonParseError;
import static nl.dsrhub.demo.MailchimpHttp.notFound;
import static nl.dsrhub.demo.MailchimpHttp.objectBody;
import static nl.dsrhub.demo.MailchimpHttp.problem;
import static nl.dsrhub.demo.MailchimpSimulator.subscriberHash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

import nl.dsrhub.demo.SimulatorServer.Request;
import nl.dsrhub.demo.SimulatorServer.Response;

/**
 * The calls that change a member of a simulated Mailchimp audience, as Mailchimp answers them
 * ({@code mailchimp-members-swagger.yaml}):
 * <ul>
 *   <li>{@code PATCH …/members/{hash}}: {@code email_address}, {@code status}, {@code merge_fields}. A new address
 *       <b>moves</b> the member to the new hash (the old one is 404 afterwards); an address that is already a member
 *       of the audience is refused (400 "Member Exists");</li>
 *   <li>{@code PUT …/members/{hash}} (upsert): required {@code email_address} (whose hash must be the path's) and
 *       {@code status_if_new}; an absent address becomes a new member, an archived one comes back;</li>
 *   <li>{@code DELETE} archives, {@code POST …/actions/delete-permanent} erases.</li>
 * </ul>
 * Re-subscribing ({@code status: subscribed}) a member who unsubscribed themselves, or who was cleaned, is refused
 * with 400 "Member In Compliance State"; a member unsubscribed through the API can be subscribed again.
 */
final class MailchimpMemberChanges {

    static final Set<String> PATCH_STATUSES = Set.of("subscribed", "unsubscribed", "cleaned", "pending");
    static final Set<String> PUT_STATUSES = Set.of("subscribed", "unsubscribed", "cleaned", "pending", "transactional");
    /** The merge fields every simulated audience has. */
    static final Set<String> MERGE_TAGS = Set.of("FNAME", "LNAME", "PHONE", "ADDRESS", "BIRTHDAY");
    private static final Set<String> ADDRESS_PARTS = Set.of("addr1", "addr2", "city", "state", "zip", "country");

    /** list id → subscriber hash → member: the simulator's own map; a list's map is the lock for moves. */
    private final Map<String, Map<String, MailchimpMember>> members;
    private final MailchimpMemberResources resources;
    private final IntSupplier webIds;

    MailchimpMemberChanges(Map<String, Map<String, MailchimpMember>> members, MailchimpMemberResources resources,
                           IntSupplier webIds) {
        this.members = members;
        this.resources = resources;
        this.webIds = webIds;
    }

    Response patch(Request req, MailchimpMember m) {
        ObjectNode body = objectBody(req);
        if (body == null) {
            return jsonParseError();
        }
        Optional<Response> invalid = invalid(body, PATCH_STATUSES);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Map<String, MailchimpMember> inList = members.get(m.listId);
        synchronized (inList) {
            if (inList.get(m.hash()) != m) {
                return notFound();   // moved or erased by a call that ran first
            }
            String email = text(body, "email_address");
            String status = text(body, "status");
            Optional<Response> refused = refused(inList, m, email, status);
            if (refused.isPresent()) {
                return refused.get();
            }
            apply(inList, m, email, status, body.get("merge_fields"));
        }
        return json(200, resources.memberJson(m));
    }

    /** PUT: {@code existing} is the member the path names, or {@code null} with {@code pathHash} the hash asked. */
    Response put(Request req, String listId, String pathHash, MailchimpMember existing) {
        ObjectNode body = objectBody(req);
        if (body == null) {
            return jsonParseError();
        }
        String email = text(body, "email_address");
        String ifNew = text(body, "status_if_new");
        if (email == null || email.isBlank()) {
            return invalidField("email_address", "This value should not be blank.");
        }
        if (ifNew == null || !PUT_STATUSES.contains(ifNew)) {
            return invalidField("status_if_new", "Data did not match any of the schemas described in anyOf.");
        }
        Optional<Response> invalid = invalid(body, PUT_STATUSES);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        String hash = existing != null ? existing.hash() : pathHash;
        if (!subscriberHash(email).equals(hash)) {
            return invalidField("email_address", "The subscriber hash in the path does not match email_address.");
        }
        Map<String, MailchimpMember> inList = members.get(listId);
        synchronized (inList) {
            MailchimpMember m = inList.get(hash);
            if (m == null) {
                m = new MailchimpMember(listId, email.trim(), "", "", null, ifNew, Instant.now(), webIds.getAsInt());
                inList.put(hash, m);
                apply(inList, m, null, null, body.get("merge_fields"));
                return json(200, resources.memberJson(m));
            }
            String status = text(body, "status");
            if (status == null && m.status.equals("archived")) {
                status = ifNew;   // an archived contact comes back as a new one would
            }
            Optional<Response> refused = refused(inList, m, null, status);
            if (refused.isPresent()) {
                return refused.get();
            }
            apply(inList, m, null, status, body.get("merge_fields"));
            return json(200, resources.memberJson(m));
        }
    }

    /** Plain DELETE: Mailchimp archives the contact, it stays in the audience (its prior status is not kept). */
    Response archive(MailchimpMember m) {
        m.status = "archived";
        m.lastChanged = Instant.now();
        return Response.empty(204);
    }

    /** delete-permanent: the contact and its history are gone from this audience. */
    Response deletePermanent(MailchimpMember m) {
        Map<String, MailchimpMember> inList = members.get(m.listId);
        synchronized (inList) {
            inList.remove(m.hash(), m);
        }
        return Response.empty(204);
    }

    // ------------------------------------------------------------------ validation

    /** A 400 for a field of the body that Mailchimp would not accept, if there is one. */
    static Optional<Response> invalid(ObjectNode body, Set<String> statuses) {
        JsonNode email = body.get("email_address");
        if (email != null && (!email.isTextual() || !email.asText().trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            return Optional.of(invalidField("email_address", "Please provide a valid email address."));
        }
        JsonNode status = body.get("status");
        if (status != null && (!status.isTextual() || !statuses.contains(status.asText()))) {
            return Optional.of(invalidField("status", "Data did not match any of the schemas described in anyOf."));
        }
        JsonNode merge = body.get("merge_fields");
        if (merge == null) {
            return Optional.empty();
        }
        if (!merge.isObject()) {
            return Optional.of(invalidField("merge_fields", "Your merge fields were invalid."));
        }
        for (var it = merge.fieldNames(); it.hasNext(); ) {
            String tag = it.next();
            if (!MERGE_TAGS.contains(tag)) {
                return Optional.of(invalidField(tag, "Your merge fields were invalid: " + tag + " is not a merge field"
                        + " of this audience."));
            }
        }
        JsonNode address = merge.get("ADDRESS");
        if (address != null && !(address.isTextual() || address.isObject() && onlyAddressParts(address))) {
            return Optional.of(invalidField("ADDRESS", "Please enter a complete address."));
        }
        return Optional.empty();
    }

    private static boolean onlyAddressParts(JsonNode address) {
        for (var it = address.fieldNames(); it.hasNext(); ) {
            if (!ADDRESS_PARTS.contains(it.next())) {
                return false;
            }
        }
        return true;
    }

    /** Why Mailchimp refuses this change of this member, if it does. */
    private static Optional<Response> refused(Map<String, MailchimpMember> inList, MailchimpMember m, String email,
                                              String status) {
        if (email != null && !subscriberHash(email).equals(m.hash()) && inList.containsKey(subscriberHash(email))) {
            return Optional.of(problem(400, "Member Exists", email.trim()
                    + " is already a list member. Use PUT to insert or update list members."));
        }
        boolean blocked = m.unsubscribedThemselves || m.status.equals("cleaned");
        if ("subscribed".equals(status) && blocked) {
            return Optional.of(problem(400, "Member In Compliance State", m.email + " is in a compliance state due to"
                    + " unsubscribe, bounce, or compliance review and cannot be subscribed."));
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ changing

    /** Applies a validated, allowed change; the caller holds the list's lock. */
    private static void apply(Map<String, MailchimpMember> inList, MailchimpMember m, String email, String status,
                              JsonNode merge) {
        if (email != null && !email.trim().equals(m.email)) {
            String old = m.hash();
            m.email = email.trim();
            inList.remove(old, m);
            inList.put(m.hash(), m);   // the member moves to the hash of its new address
        }
        if (status != null) {
            m.status = status;
        }
        if (merge != null) {
            merge.fields().forEachRemaining(f -> mergeField(m, f.getKey(), f.getValue()));
        }
        m.lastChanged = Instant.now();
    }

    private static void mergeField(MailchimpMember m, String tag, JsonNode value) {
        switch (tag) {
            case "FNAME" -> m.firstName = value.asText("");
            case "LNAME" -> m.lastName = value.asText("");
            case "PHONE" -> m.phone = value.asText("");
            case "ADDRESS" -> m.address = address(value);
            default -> { }   // BIRTHDAY: accepted, not kept by the simulator
        }
    }

    /**
     * The ADDRESS merge field: an object, or Mailchimp's text form with parts separated by two spaces
     * ({@code addr1  addr2  city  state  zip  country}); an empty text clears it.
     */
    private static ObjectNode address(JsonNode value) {
        if (value.isObject()) {
            return ((ObjectNode) value).deepCopy();
        }
        String text = value.asText("").trim();
        if (text.isEmpty()) {
            return null;
        }
        String[] parts = text.split(" {2}");
        ObjectNode a = SimulatorServer.JSON.createObjectNode();
        String[] names = {"addr1", "addr2", "city", "state", "zip", "country"};
        for (int i = 0; i < names.length; i++) {
            a.put(names[i], i < parts.length ? parts[i].trim() : "");
        }
        return a;
    }

    private static String text(ObjectNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
