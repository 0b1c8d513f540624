package nl.dsrhub.demo;

import static nl.dsrhub.demo.LapostaJson.json;
import static nl.dsrhub.demo.LapostaJson.lapostaError;
import static nl.dsrhub.demo.LapostaJson.memberAnswer;
import static nl.dsrhub.demo.LapostaJson.unknownMember;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import nl.dsrhub.demo.SimulatorServer.Request;
import nl.dsrhub.demo.SimulatorServer.Response;

/**
 * The calls that change the members of a simulated Laposta list, form-encoded ({@code application/x-www-form-urlencoded})
 * as Laposta's documentation and official client send them:
 * <ul>
 *   <li>{@code POST /v2/member/{member_id|email}} ("Modifying a subscriber"): required {@code list_id} in the body;
 *       optional {@code email}, {@code state} ({@code active}|{@code unsubscribed}) and
 *       {@code custom_fields[voornaam]}/{@code custom_fields[achternaam]}; only what is sent changes. 200
 *       {@code {"member": …}}; a new address that another member of the list has: 400 code 204;</li>
 *   <li>{@code POST /v2/member} ("Adding a subscriber"): required {@code list_id}, {@code email}, {@code ip};
 *       optional {@code source_url}, {@code custom_fields[…]}, {@code options[upsert]},
 *       {@code options[suppress_reactivation]}. An address already in the list: 400 code 204 (with its
 *       {@code member_id}), unless {@code options[upsert]=true}: then its fields are updated and, when it had
 *       unsubscribed, it is <b>active again</b> unless {@code options[suppress_reactivation]=true}. 201 for a new
 *       member, 200 for an upserted one.</li>
 * </ul>
 * Errors: {@code 400 {"error": {"type": "invalid_input", "message", "code", "parameter"}}}, codes 201 (empty),
 * 202 (wrong form), 203 (does not exist), 204 (already exists), 208 (not an e-mail address).
 */
final class LapostaMemberChanges {

    /** The custom fields (their {@code custom_name}s) every simulated list has. */
    static final Set<String> CUSTOM_FIELDS = Set.of("voornaam", "achternaam");
    private static final Set<String> STATES = Set.of("active", "unsubscribed");

    /** list id → member id → member; each list's map is its own lock. */
    private final Map<String, Map<String, ObjectNode>> members;
    private final BiFunction<String, String, Optional<ObjectNode>> find;
    private final Supplier<String> now;

    /**
     * @param find (list id, member id or e-mail) → the member
     * @param now  the time now, in Laposta's date format
     */
    LapostaMemberChanges(Map<String, Map<String, ObjectNode>> members,
                         BiFunction<String, String, Optional<ObjectNode>> find, Supplier<String> now) {
        this.members = members;
        this.find = find;
        this.now = now;
    }

    /** {@code POST /member/{member_id|email}}. */
    Response update(Request req, String memberIdOrEmail) {
        Map<String, List<String>> form = SimulatorExchange.parseQuery(req.body());
        Optional<Response> bad = checkList(form).or(() -> checkFields(form, false));
        if (bad.isPresent()) {
            return bad.get();
        }
        String listId = first(form, "list_id");
        Map<String, ObjectNode> inList = members.get(listId);
        synchronized (inList) {
            Optional<ObjectNode> found = find.apply(listId, memberIdOrEmail);
            if (found.isEmpty()) {
                return unknownMember();
            }
            ObjectNode m = found.get();
            String email = first(form, "email");
            Optional<ObjectNode> other = email == null ? Optional.empty() : find.apply(listId, email.trim());
            if (other.isPresent() && other.get() != m) {
                return emailExists(other.get());
            }
            apply(m, form);
            return memberAnswer(m);
        }
    }

    /** {@code POST /member}: add, or with {@code options[upsert]=true} add or update. */
    Response add(Request req) {
        Map<String, List<String>> form = SimulatorExchange.parseQuery(req.body());
        Optional<Response> bad = checkList(form).or(() -> checkFields(form, true));
        if (bad.isPresent()) {
            return bad.get();
        }
        String listId = first(form, "list_id");
        String email = first(form, "email").trim();
        Map<String, ObjectNode> inList = members.get(listId);
        synchronized (inList) {
            Optional<ObjectNode> existing = find.apply(listId, email);
            if (existing.isEmpty()) {
                String id = LapostaSimulator.memberId(listId, email);
                ObjectNode m = LapostaJson.memberRecord(id, listId, email, "active", now.get(), Map.of());
                m.put("ip", first(form, "ip"));
                m.put("source_url", first(form, "source_url") == null ? "" : first(form, "source_url"));
                apply(m, form);
                inList.put(id, m);
                return memberAnswer(m, 201);
            }
            ObjectNode m = existing.get();
            if (!"true".equals(first(form, "options[upsert]"))) {
                return emailExists(m);
            }
            Map<String, List<String>> upsert = new LinkedHashMap<>(form);
            upsert.remove("email");
            boolean reactivate = m.path("state").asText().equals("unsubscribed")
                    && !"true".equals(first(form, "options[suppress_reactivation]"));
            if (reactivate) {
                upsert.put("state", List.of("active"));   // Laposta: an upsert re-activates an unsubscribed member
            }
            apply(m, upsert);
            return memberAnswer(m);
        }
    }

    // ------------------------------------------------------------------ checks

    private Optional<Response> checkList(Map<String, List<String>> form) {
        String listId = first(form, "list_id");
        if (listId == null || listId.isBlank()) {
            return Optional.of(lapostaError(400, "invalid_input", "list_id: Missing", 201, "list_id"));
        }
        if (!members.containsKey(listId)) {
            return Optional.of(lapostaError(400, "invalid_input", "list_id: Unknown list", 203, "list_id"));
        }
        return Optional.empty();
    }

    private static Optional<Response> checkFields(Map<String, List<String>> form, boolean adding) {
        String email = first(form, "email");
        if (adding && (email == null || email.isBlank())) {
            return Optional.of(lapostaError(400, "invalid_input", "Email: Missing", 201, "email"));
        }
        if (email != null && !email.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return Optional.of(lapostaError(400, "invalid_input", "Email: invalid address", 208, "email"));
        }
        if (adding && (first(form, "ip") == null || first(form, "ip").isBlank())) {
            return Optional.of(lapostaError(400, "invalid_input", "ip: Missing", 201, "ip"));
        }
        String state = first(form, "state");
        if (state != null && (adding || !STATES.contains(state))) {
            return Optional.of(lapostaError(400, "invalid_input", "state: Invalid value", 202, "state"));
        }
        for (String key : form.keySet()) {
            if (key.startsWith("custom_fields[") && !CUSTOM_FIELDS.contains(fieldName(key))) {
                return Optional.of(lapostaError(400, "invalid_input", key + ": Unknown field", 203, key));
            }
        }
        return Optional.empty();
    }

    private static Response emailExists(ObjectNode existing) {
        ObjectNode body = SimulatorServer.JSON.createObjectNode();
        ObjectNode e = body.putObject("error");
        e.put("type", "invalid_input");
        e.put("message", "Email address exists");
        e.put("code", 204);
        e.put("parameter", "email");
        e.put("member_id", existing.path("member_id").asText());
        return json(400, body);
    }

    // ------------------------------------------------------------------ changing

    /** Sets what the form names; the caller holds the list's lock. */
    private void apply(ObjectNode m, Map<String, List<String>> form) {
        String email = first(form, "email");
        if (email != null) {
            m.put("email", email.trim());
        }
        String state = first(form, "state");
        if (state != null) {
            m.put("state", state);
        }
        ObjectNode fields = m.withObject("/custom_fields");
        form.forEach((key, values) -> {
            if (key.startsWith("custom_fields[")) {
                fields.put(fieldName(key), values.get(values.size() - 1));
            }
        });
        m.put("modified", now.get());
    }

    private static String fieldName(String key) {
        return key.substring("custom_fields[".length(), key.endsWith("]") ? key.length() - 1 : key.length());
    }

    private static String first(Map<String, List<String>> form, String key) {
        List<String> v = form.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
