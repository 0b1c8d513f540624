package nl.dsrhub.demo;

import static nl.dsrhub.demo.MailchimpHttp.json;
import static nl.dsrhub.demo.MailchimpHttp.methodNotAllowed;
import static nl.dsrhub.demo.MailchimpHttp.notFound;
import static nl.dsrhub.demo.MailchimpSimulator.subscriberHash;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.dsrhub.demo.SimulatorServer.Request;
import nl.dsrhub.demo.SimulatorServer.Response;

/**
 * Which call on a member path of the simulated Mailchimp API goes where: {@code /lists/{id}/members/{member}} with
 * GET, PATCH, PUT and DELETE, its {@code /tags} with GET and POST, its {@code /activity}, {@code /activity-feed} and
 * {@code /notes} with GET, and {@code /actions/delete-permanent} with POST. {@code {member}} is the subscriber hash,
 * the e-mail address or the member's {@code contact_id}, as the spec allows.
 */
final class MailchimpMemberRoutes {

    private static final Pattern MEMBER = Pattern.compile(
            "/lists/([^/]+)/members/([^/]+)(/activity|/activity-feed|/tags|/notes|/actions/delete-permanent)?/?");
    private static final Map<String, Set<String>> METHODS = Map.of(
            "", Set.of("GET", "PATCH", "PUT", "DELETE"),
            "/tags", Set.of("GET", "POST"),
            "/activity", Set.of("GET"),
            "/activity-feed", Set.of("GET"),
            "/notes", Set.of("GET"),
            "/actions/delete-permanent", Set.of("POST"));

    /** list id → subscriber hash → member: the simulator's own map, read live. */
    private final Map<String, Map<String, MailchimpMember>> members;
    private final MailchimpMemberResources reads;
    private final MailchimpMemberChanges changes;
    private final MailchimpMemberTags tags;

    MailchimpMemberRoutes(Map<String, Map<String, MailchimpMember>> members, MailchimpMemberResources reads,
                          MailchimpMemberChanges changes, MailchimpMemberTags tags) {
        this.members = members;
        this.reads = reads;
        this.changes = changes;
        this.tags = tags;
    }

    /** The answer for a member path, or empty when {@code path} is not one. */
    Optional<Response> route(Request req, String path) {
        Matcher mm = MEMBER.matcher(path);
        if (!mm.matches()) {
            return Optional.empty();
        }
        String listId = mm.group(1);
        String sub = mm.group(3) == null ? "" : mm.group(3);
        String m = req.method();
        if (!METHODS.get(sub).contains(m)) {
            return Optional.of(methodNotAllowed());
        }
        String idOrEmail = mm.group(2);
        String hash = idOrEmail.contains("@") ? subscriberHash(idOrEmail) : idOrEmail.toLowerCase(Locale.ROOT);
        Map<String, MailchimpMember> inList = members.get(listId);
        MailchimpMember member = inList == null ? null : find(inList, hash);
        if (member == null) {
            boolean upsert = inList != null && sub.isEmpty() && m.equals("PUT");
            return Optional.of(upsert ? changes.put(req, listId, hash, null) : notFound());
        }
        return Optional.of(switch (sub) {
            case "" -> switch (m) {
                case "GET" -> json(200, MailchimpFields.select(reads.memberJson(member), req.param("fields"),
                        req.param("exclude_fields")));
                case "PATCH" -> changes.patch(req, member);
                case "PUT" -> changes.put(req, listId, hash, member);
                default -> changes.archive(member);
            };
            case "/tags" -> m.equals("POST") ? tags.post(req, member) : json(200, reads.tags(member, req));
            case "/activity" -> json(200, reads.activity(member));
            case "/activity-feed" -> json(200, reads.activityFeed(member, req));
            case "/notes" -> json(200, reads.notes(member, req));
            default -> changes.deletePermanent(member);
        });
    }

    /** By subscriber hash, or else by {@code contact_id}. */
    private static MailchimpMember find(Map<String, MailchimpMember> inList, String hashOrContactId) {
        MailchimpMember byHash = inList.get(hashOrContactId);
        if (byHash != null) {
            return byHash;
        }
        return inList.values().stream().filter(x -> x.contactId.equals(hashOrContactId)).findFirst().orElse(null);
    }
}
