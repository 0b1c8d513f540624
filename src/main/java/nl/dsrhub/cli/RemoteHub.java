package nl.dsrhub.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.dsrhub.request.Problem;

/**
 * The running hub's data through its API ({@code /api/...}, with the token of the data dir as a bearer token): while
 * a hub runs, its database is its own. The answers are made where the database is, so a command prints the same
 * whichever way it went.
 */
final class RemoteHub implements HubAccess {

    private final URI api;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    RemoteHub(URI api, String token) {
        this.api = api;
        this.token = token;
    }

    @Override
    public String via() {
        return "a hub runs on this data dir: through its API at " + api;
    }

    @Override
    public String openRequests(boolean asJson) {
        return expect(get("api/status" + (asJson ? "?format=json" : "")), 200).body();
    }

    @Override
    public String request(String id, boolean asJson) {
        HttpResponse<String> r = get("api/status/" + path(id) + (asJson ? "?format=json" : ""));
        if (r.statusCode() == 404) {
            throw new NoSuchRequest(id);
        }
        return expect(r, 200).body();
    }

    @Override
    public Submission submit(String fileName, byte[] content) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        String type = lower.endsWith(".yaml") || lower.endsWith(".yml") ? "application/yaml" : "application/json";
        HttpResponse<String> r = send(request("api/requests").header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
        JsonNode body = read(r);
        if (r.statusCode() == 400) {
            List<Problem> problems = new ArrayList<>();
            body.path("problems").forEach(p -> problems.add(new Problem(p.path("pointer").asText(""), p.path("message").asText(""))));
            return new Submission(null, false, problems);
        }
        expect(r, 200, 201);
        return new Submission(body.path("id").asText(), body.path("duplicate").asBoolean(), List.of());
    }

    @Override
    public int retry(String id, String connector) {
        HttpResponse<String> r = send(request("api/requests/" + path(id) + "/retry"
                + (connector == null ? "" : "?connector=" + URLEncoder.encode(connector, StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (r.statusCode() == 404) {
            throw new NoSuchRequest(id);
        }
        return read(expect(r, 202)).path("queued").asInt();
    }

    @Override
    public void settle(String id, String connector, String outcome, String reason, List<Path> files) {
        Multipart form = new Multipart();
        form.field("connector", connector).field("outcome", outcome).field("reason", reason);
        int i = 0;
        for (Path f : files) {
            form.file("file-" + (++i), f);
        }
        HttpResponse<String> r = send(request("api/requests/" + path(id) + "/settle")
                .header("Content-Type", form.contentType()).POST(form.publisher()));
        refusedOn409(r);
        expect(r, 200);
    }

    @Override
    public Extension extend(String id, int months, String reason) {
        String body = json.createObjectNode().put("months", months).put("reason", reason).toString();
        HttpResponse<String> r = send(request("api/requests/" + path(id) + "/extend").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        refusedOn409(r);
        JsonNode n = read(expect(r, 200));
        return new Extension(n.path("deadline").asText().substring(0, 10), n.path("notice").asText());
    }

    @Override
    public RefusalDone refuse(String id, String ground, String reason) {
        String body = json.createObjectNode().put("ground", ground).put("reason", reason).toString();
        HttpResponse<String> r = send(request("api/requests/" + path(id) + "/refuse").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        refusedOn409(r);
        JsonNode n = read(expect(r, 200));
        return new RefusalDone(n.path("ground").asText(), n.path("letter").asText(), n.path("due").asText(),
                n.path("late").asBoolean(), texts(n.path("stopped")), texts(n.path("toldByLetter")));
    }

    @Override
    public String uphold(String id) {
        HttpResponse<String> r = send(request("api/requests/" + path(id) + "/uphold").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        refusedOn409(r);
        return read(expect(r, 200)).path("erasure").asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    @Override
    public LedgerCheck verifyLedger() {
        JsonNode n = read(expect(get("api/ledger/verify"), 200));
        return new LedgerCheck(n.path("intact").asBoolean(), n.path("rows").asLong(),
                n.path("brokenSeq").isNull() ? null : n.path("brokenSeq").asLong(), n.path("problem").asText(null),
                n.path("checked").asText(null));
    }

    @Override
    public String ledgerCsv() {
        return expect(get("api/ledger/export"), 200).body();
    }

    @Override
    public String circuits() {
        return expect(get("api/circuits"), 200).body();
    }

    @Override
    public String confirm(String id) {
        return held(id, "confirm", json.createObjectNode());
    }

    @Override
    public String discard(String id, String reason) {
        return held(id, "discard", json.createObjectNode().put("reason", reason));
    }

    private String held(String id, String action, com.fasterxml.jackson.databind.node.ObjectNode body) {
        HttpResponse<String> r = send(request("api/requests/" + path(id) + "/" + action).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        if (r.statusCode() == 404) {
            throw new NoSuchRequest(id);
        }
        refusedOn409(r);
        return read(expect(r, 200)).path("message").asText();
    }

    @Override
    public String registers(boolean asJson) {
        return expect(get("api/registers" + (asJson ? "?format=json" : "")), 200).body();
    }

    @Override
    public String resolveFinding(long findingId, String reason) {
        HttpResponse<String> r = send(request("api/registers/findings/" + findingId + "/resolve")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode().put("reason", reason).toString())));
        refusedOn409(r);
        if (r.statusCode() == 400) {
            throw new IllegalArgumentException(read(r).path("error").asText("bad request"));
        }
        return read(expect(r, 200)).path("message").asText();
    }

    @Override
    public void close() {
        // nothing held: each call is one HTTP exchange
    }

    // ---- HTTP

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json, text/plain, text/csv");
    }

    private HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new Unreachable("the hub running on this data dir does not answer at " + api
                    + " (is it still starting, or stopping?)", e);
        } catch (IOException e) {
            throw new IllegalStateException("the hub's API at " + api + " failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the hub", e);
        }
    }

    private void refusedOn409(HttpResponse<String> r) {
        if (r.statusCode() == 409) {
            throw new Refused(read(r).path("error").asText("refused"));
        }
        if (r.statusCode() == 404) {
            throw new Refused(read(r).path("error").asText("not found"));
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int... codes) {
        for (int c : codes) {
            if (r.statusCode() == c) {
                return r;
            }
        }
        if (r.statusCode() == 401) {
            throw new IllegalStateException("the running hub refused the token of this data dir (HTTP 401)");
        }
        throw new IllegalStateException("the running hub answered HTTP " + r.statusCode() + ": " + firstLine(r.body()));
    }

    private JsonNode read(HttpResponse<String> r) {
        try {
            return json.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("the running hub answered HTTP " + r.statusCode() + " with no JSON: " + firstLine(r.body()), e);
        }
    }

    private static String firstLine(String body) {
        return body == null ? "" : body.lines().findFirst().orElse("");
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A multipart/form-data body of fields and files (RFC 7578), streamed, with its length known before sending. */
    static final class Multipart {
        private final String boundary = "dsr-hub-" + Long.toHexString(new java.security.SecureRandom().nextLong());
        private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

        Multipart field(String name, String value) {
            if (value != null) {
                text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
                        + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + value + "\r\n");
            }
            return this;
        }

        Multipart file(String name, Path file) {
            String fileName = file.getFileName().toString().replace("\"", "_").replace("\r", "_").replace("\n", "_");
            text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n");
            try {
                parts.add(HttpRequest.BodyPublishers.ofFile(file));
            } catch (java.io.FileNotFoundException e) {
                throw new IllegalArgumentException("cannot read " + file + ": no such file");
            }
            text("\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        HttpRequest.BodyPublisher publisher() {
            text("--" + boundary + "--\r\n");
            return HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new));
        }

        private void text(String s) {
            parts.add(HttpRequest.BodyPublishers.ofString(s, StandardCharsets.UTF_8));
        }
    }
}
