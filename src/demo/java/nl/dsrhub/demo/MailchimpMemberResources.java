package nl.dsrhub.demo;

import static nl.dsrhub.demo.MailchimpHttp.intParam;
import static nl.dsrhub.demo.MailchimpHttp.page;
import static nl.dsrhub.demo.MailchimpSimulator.ts;
import static nl.dsrhub.demo.SimulatorServer.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.temporal.ChronoUnit;

import nl.dsrhub.demo.MailchimpSimulator.Note;
import nl.dsrhub.demo.SimulatorServer.Request;

/**
 * One member's resources in the simulated Mailchimp API, in the spec's shapes: the member itself, its
 * {@code /activity}, {@code /activity-feed}, {@code /tags} and {@code /notes}.
 */
final class MailchimpMemberResources {

    private final MailchimpHttp http;

    MailchimpMemberResources(MailchimpHttp http) {
        this.http = http;
    }

    ObjectNode memberJson(MailchimpMember m) {
        String hash = m.hash();
        String self = "/lists/" + m.listId + "/members/" + hash;
        ObjectNode o = JSON.createObjectNode();
        o.put("id", hash);
        o.put("email_address", m.email);
        o.put("unique_email_id", m.uniqueEmailId);
        o.put("contact_id", m.contactId);
        o.put("full_name", m.fullName());
        o.put("web_id", m.webId);
        o.put("email_type", "html");
        o.put("status", m.status);
        o.put("consents_to_one_to_one_messaging", true);
        ObjectNode merge = o.putObject("merge_fields");
        merge.put("FNAME", m.firstName);
        merge.put("LNAME", m.lastName);
        merge.put("PHONE", m.phone == null ? "" : m.phone);
        ObjectNode address = m.address;
        if (address == null) {
            merge.put("ADDRESS", "");   // Mailchimp answers an empty address merge field as ""
        } else {
            merge.set("ADDRESS", address.deepCopy());
        }
        merge.put("BIRTHDAY", "");
        o.putObject("interests");
        ObjectNode stats = o.putObject("stats");
        long opens = m.activity.stream().filter(a -> a.action().equals("open")).count();
        long sent = Math.max(1, m.activity.stream().filter(a -> a.action().equals("sent")).count());
        stats.put("avg_open_rate", Math.min(1.0, (double) opens / sent));
        stats.put("avg_click_rate", Math.min(1.0,
                (double) m.activity.stream().filter(a -> a.action().equals("click")).count() / sent));
        o.put("ip_signup", "");
        o.put("timestamp_signup", ts(m.signedUp));
        o.put("ip_opt", "192.0.2." + (m.webId % 250 + 1));   // TEST-NET-1 documentation range
        o.put("timestamp_opt", ts(m.signedUp.plus(3, ChronoUnit.MINUTES)));
        o.put("member_rating", 2 + (int) Math.min(3, opens));
        o.put("last_changed", ts(m.lastChanged));
        o.put("language", "nl");
        o.put("vip", false);
        o.put("email_client", "");
        location(o.putObject("location"));
        o.putArray("marketing_permissions");
        if (!m.notes.isEmpty()) {
            lastNote(o.putObject("last_note"), m.notes.get(m.notes.size() - 1));
        }
        o.put("source", "API - Generic");
        o.put("tags_count", m.tags.size());
        ArrayNode tags = o.putArray("tags");
        m.tags.forEach(t -> tags.addObject().put("id", t.id()).put("name", t.name()));
        o.put("list_id", m.listId);
        o.set("_links", MailchimpHttp.links(http.link("self", self, "GET"), http.link("parent", "/lists/" + m.listId + "/members", "GET"),
                http.link("update", self, "PATCH"), http.link("upsert", self, "PUT"), http.link("delete", self, "DELETE"),
                http.link("activity", self + "/activity", "GET"), http.link("notes", self + "/notes", "GET")));
        return o;
    }

    ObjectNode activity(MailchimpMember m) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode arr = o.putArray("activity");
        m.activity.stream().sorted((a, b) -> b.timestamp().compareTo(a.timestamp())).forEach(a -> {
            ObjectNode x = arr.addObject();
            x.put("action", a.action());
            x.put("timestamp", ts(a.timestamp()));
            if (a.url() != null) {
                x.put("url", a.url());
            }
            x.put("type", "regular");
            x.put("campaign_id", a.campaignId());
            x.put("title", a.campaignTitle());
            x.put("parent_campaign", "");
        });
        String self = "/lists/" + m.listId + "/members/" + m.hash();
        o.put("email_id", m.hash());
        o.put("contact_id", m.contactId);
        o.put("list_id", m.listId);
        o.put("total_items", m.activity.size());
        o.set("_links", MailchimpHttp.links(http.link("self", self + "/activity", "GET"), http.link("parent", self, "GET")));
        return o;
    }

    ObjectNode activityFeed(MailchimpMember m, Request req) {
        Integer count = intParam(req, "count", 10);
        Integer offset = intParam(req, "offset", 0);
        ObjectNode o = JSON.createObjectNode();
        ArrayNode arr = o.putArray("activity");
        m.activity.stream().sorted((a, b) -> b.timestamp().compareTo(a.timestamp()))
                .skip(offset == null ? 0 : offset).limit(count == null ? 10 : count).forEach(a -> {
                    ObjectNode x = arr.addObject();
                    x.put("activity_type", a.action());
                    x.put("created_at_timestamp", ts(a.timestamp()));
                    x.put("campaign_id", a.campaignId());
                    x.put("campaign_title", a.campaignTitle());
                    if (a.url() != null) {
                        x.put("link_clicked", a.url());
                    }
                });
        String self = "/lists/" + m.listId + "/members/" + m.hash();
        o.put("email_id", m.hash());
        o.put("list_id", m.listId);
        o.set("_links", MailchimpHttp.links(http.link("self", self + "/activity-feed", "GET"), http.link("parent", self, "GET")));
        return o;
    }

    ObjectNode tags(MailchimpMember m, Request req) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode arr = o.putArray("tags");
        page(m.tags, req).forEach(t -> arr.addObject().put("id", t.id()).put("name", t.name())
                .put("date_added", ts(t.dateAdded())));
        o.put("total_items", m.tags.size());
        String self = "/lists/" + m.listId + "/members/" + m.hash();
        o.set("_links", MailchimpHttp.links(http.link("self", self + "/tags", "GET"), http.link("parent", self, "GET"),
                http.link("update", self + "/tags", "POST")));
        return o;
    }

    ObjectNode notes(MailchimpMember m, Request req) {
        String hash = m.hash();
        String self = "/lists/" + m.listId + "/members/" + hash;
        ObjectNode o = JSON.createObjectNode();
        ArrayNode arr = o.putArray("notes");
        page(m.notes, req).forEach(n -> {
            ObjectNode x = arr.addObject();
            x.put("id", n.id());
            x.put("created_at", ts(n.createdAt()));
            x.put("created_by", n.createdBy());
            x.put("updated_at", ts(n.createdAt()));
            x.put("note", n.note());
            x.put("list_id", m.listId);
            x.put("email_id", hash);
            x.put("contact_id", m.contactId);
            x.set("_links", MailchimpHttp.links(http.link("self", self + "/notes/" + n.id(), "GET"),
                    http.link("parent", self + "/notes", "GET")));
        });
        o.put("email_id", hash);
        o.put("list_id", m.listId);
        o.put("total_items", m.notes.size());
        o.set("_links", MailchimpHttp.links(http.link("self", self + "/notes", "GET"), http.link("parent", self, "GET"),
                http.link("create", self + "/notes", "POST")));
        return o;
    }

    /** Every simulated member is placed in Utrecht. */
    private static void location(ObjectNode loc) {
        loc.put("latitude", 52.09);
        loc.put("longitude", 5.12);
        loc.put("gmtoff", 1);
        loc.put("dstoff", 2);
        loc.put("country_code", "NL");
        loc.put("timezone", "Europe/Amsterdam");
        loc.put("region", "UT");
    }

    private static void lastNote(ObjectNode ln, Note last) {
        ln.put("note_id", last.id());
        ln.put("created_at", ts(last.createdAt()));
        ln.put("created_by", last.createdBy());
        ln.put("note", last.note());
    }
}
