package nl.dsrhub.demo;

import static nl.dsrhub.demo.MailchimpHttp.intParam;
import static nl.dsrhub.demo.MailchimpHttp.invalidResource;
import static nl.dsrhub.demo.MailchimpHttp.json;
import static nl.dsrhub.demo.MailchimpSimulator.subscriberHash;
import static nl.dsrhub.demo.MailchimpSimulator.ts;
import static nl.dsrhub.demo.SimulatorServer.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import nl.dsrhub.demo.MailchimpSimulator.AudienceList;
import nl.dsrhub.demo.SimulatorServer.Request;
import nl.dsrhub.demo.SimulatorServer.Response;

/**
 * The audience-wide resources of the simulated Mailchimp API: {@code GET /lists} (optionally only the lists that
 * hold an {@code email}), {@code GET /lists/{id}/members} (filtered by {@code status}, paged by {@code count} and
 * {@code offset}, trimmed by {@code fields}/{@code exclude_fields}) and {@code GET /search-members}, in the spec's
 * shapes.
 */
final class MailchimpAudienceResources {

    private final Supplier<List<AudienceList>> lists;
    /** list id → subscriber hash → member: the simulator's own map, read live. */
    private final Map<String, Map<String, MailchimpMember>> members;
    private final MailchimpMemberResources memberResources;
    private final MailchimpHttp http;

    MailchimpAudienceResources(Supplier<List<AudienceList>> lists, Map<String, Map<String, MailchimpMember>> members,
                               MailchimpMemberResources memberResources, MailchimpHttp http) {
        this.lists = lists;
        this.members = members;
        this.memberResources = memberResources;
        this.http = http;
    }

    Response getLists(Request req) {
        Integer count = intParam(req, "count", 10);
        Integer offset = intParam(req, "offset", 0);
        if (count == null || offset == null || count < 0 || count > 1000 || offset < 0) {
            return invalidResource("count/offset");
        }
        String email = req.param("email");
        List<AudienceList> all = lists.get().stream()
                .filter(l -> email == null || members.get(l.id()).containsKey(subscriberHash(email))).toList();
        ObjectNode body = JSON.createObjectNode();
        ArrayNode arr = body.putArray("lists");
        all.stream().skip(offset).limit(count).forEach(l -> arr.add(listJson(l)));
        body.put("total_items", all.size());
        ObjectNode constraints = body.putObject("constraints");
        constraints.put("may_create", true);
        constraints.put("max_instances", 5);
        constraints.put("current_total_instances", lists.get().size());
        body.set("_links", MailchimpHttp.links(http.link("self", "/lists", "GET"), http.link("create", "/lists", "POST")));
        return json(200, body);
    }

    Response listMembers(Request req, String listId) {
        Integer count = intParam(req, "count", 10);
        Integer offset = intParam(req, "offset", 0);
        if (count == null || offset == null || count < 0 || count > 1000 || offset < 0) {
            return invalidResource("count/offset");
        }
        String status = req.param("status");
        List<MailchimpMember> all = members.get(listId).values().stream()
                .filter(mb -> status == null || status.equals(mb.status))
                .sorted((a, b) -> Integer.compare(a.webId, b.webId)).toList();
        ObjectNode body = JSON.createObjectNode();
        ArrayNode arr = body.putArray("members");
        all.stream().skip(offset).limit(count).forEach(mb -> arr.add(memberResources.memberJson(mb)));
        body.put("list_id", listId);
        body.put("total_items", all.size());
        body.set("_links", MailchimpHttp.links(http.link("self", "/lists/" + listId + "/members", "GET")));
        return json(200, MailchimpFields.select(body, req.param("fields"), req.param("exclude_fields")));
    }

    Response searchMembers(Request req) {
        String query = req.param("query");
        if (query == null || query.isBlank()) {
            return invalidResource("query");
        }
        String q = query.trim().toLowerCase(Locale.ROOT);
        String listId = req.param("list_id");
        List<MailchimpMember> candidates = members.entrySet().stream()
                .filter(e -> listId == null || e.getKey().equals(listId))
                .flatMap(e -> e.getValue().values().stream())
                .sorted((a, b) -> Integer.compare(a.webId, b.webId)).toList();
        List<MailchimpMember> exact = candidates.stream().filter(mb -> mb.email.equalsIgnoreCase(q)).toList();
        List<MailchimpMember> full = candidates.stream()
                .filter(mb -> mb.email.toLowerCase(Locale.ROOT).contains(q)
                        || mb.fullName().toLowerCase(Locale.ROOT).contains(q))
                .limit(10).toList();
        ObjectNode body = JSON.createObjectNode();
        ObjectNode em = body.putObject("exact_matches");
        ArrayNode ea = em.putArray("members");
        exact.forEach(mb -> ea.add(memberResources.memberJson(mb)));
        em.put("total_items", exact.size());
        ObjectNode fs = body.putObject("full_search");
        ArrayNode fa = fs.putArray("members");
        full.forEach(mb -> fa.add(memberResources.memberJson(mb)));
        fs.put("total_items", full.size());
        body.set("_links", MailchimpHttp.links(http.link("self", "/search-members", "GET")));
        return json(200, body);
    }

    ObjectNode listJson(AudienceList l) {
        List<MailchimpMember> ms = List.copyOf(members.get(l.id()).values());
        ObjectNode o = JSON.createObjectNode();
        o.put("id", l.id());
        o.put("web_id", l.webId());
        o.put("name", l.name());
        ObjectNode contact = o.putObject("contact");
        contact.put("company", "Voorbeeldwinkel B.V.");
        contact.put("address1", "Voorbeeldweg 1");
        contact.put("address2", "");
        contact.put("city", "Utrecht");
        contact.put("state", "");
        contact.put("zip", "3500 AA");
        contact.put("country", "NL");
        contact.put("phone", "");
        o.put("permission_reminder", "Je ontvangt deze e-mail omdat je je hebt aangemeld op onze website.");
        o.put("use_archive_bar", true);
        ObjectNode defaults = o.putObject("campaign_defaults");
        defaults.put("from_name", "Voorbeeldwinkel");
        defaults.put("from_email", "nieuws@example.com");
        defaults.put("subject", "");
        defaults.put("language", "nl");
        o.put("notify_on_subscribe", "");
        o.put("notify_on_unsubscribe", "");
        o.put("date_created", ts(l.createdAt()));
        o.put("list_rating", 3);
        o.put("email_type_option", false);
        o.put("subscribe_url_short", "http://eepurl.com/" + l.id().substring(0, 6));
        o.put("subscribe_url_long", "https://example.us21.list-manage.com/subscribe?u=0&id=" + l.id());
        o.put("beamer_address", "us21-" + l.id() + "@inbound.mailchimp.com");
        o.put("visibility", "prv");
        o.put("double_optin", true);
        o.put("has_welcome", false);
        o.put("marketing_permissions", false);
        o.putArray("modules");
        ObjectNode stats = o.putObject("stats");
        long subscribed = ms.stream().filter(m -> m.status.equals("subscribed")).count();
        stats.put("member_count", subscribed);
        stats.put("total_contacts", ms.size());
        stats.put("unsubscribe_count", ms.stream().filter(m -> m.status.equals("unsubscribed")).count());
        stats.put("cleaned_count", ms.stream().filter(m -> m.status.equals("cleaned")).count());
        stats.put("member_count_since_send", 0);
        stats.put("unsubscribe_count_since_send", 0);
        stats.put("cleaned_count_since_send", 0);
        stats.put("campaign_count", 4);
        stats.put("campaign_last_sent", ts(l.createdAt().plus(200, ChronoUnit.DAYS)));
        stats.put("merge_field_count", 4);
        stats.put("avg_sub_rate", 2);
        stats.put("avg_unsub_rate", 0);
        stats.put("target_sub_rate", 1);
        stats.put("open_rate", 41.5);
        stats.put("click_rate", 6.25);
        stats.put("last_sub_date", ts(l.createdAt().plus(150, ChronoUnit.DAYS)));
        stats.put("last_unsub_date", ts(l.createdAt().plus(90, ChronoUnit.DAYS)));
        o.set("_links", MailchimpHttp.links(http.link("self", "/lists/" + l.id(), "GET"), http.link("parent", "/lists", "GET"),
                http.link("members", "/lists/" + l.id() + "/members", "GET")));
        return o;
    }
}
