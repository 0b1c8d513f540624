package nl.dsrhub.demo;

import static nl.dsrhub.demo.SimulatorServer.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import nl.dsrhub.demo.SimulatorServer.Request;
import nl.dsrhub.demo.SimulatorServer.Response;

/**
 * What every resource of the simulated Mailchimp API shares: the {@code _links} array on each body, {@code count} and
 * {@code offset} paging, and the {@code application/problem+json} error shape.
 */
final class MailchimpHttp {

    private final Supplier<String> baseUrl;

    /** @param baseUrl the simulator's API root, asked for each link (the port is known only once started) */
    MailchimpHttp(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
    }

    ObjectNode link(String rel, String path, String method) {
        ObjectNode l = JSON.createObjectNode();
        l.put("rel", rel);
        l.put("href", baseUrl.get() + path);
        l.put("method", method);
        return l;
    }

    static ArrayNode links(ObjectNode... links) {
        ArrayNode a = JSON.createArrayNode();
        for (ObjectNode l : links) {
            a.add(l);
        }
        return a;
    }

    /** The page of {@code all} that {@code count} (default 10) and {@code offset} (default 0) ask for. */
    static <T> List<T> page(List<T> all, Request req) {
        Integer count = intParam(req, "count", 10);
        Integer offset = intParam(req, "offset", 0);
        return all.stream().skip(offset == null ? 0 : offset).limit(count == null ? 10 : count).toList();
    }

    /** The parameter as a number, the fallback when absent, {@code null} when it is not a number. */
    static Integer intParam(Request req, String name, int fallback) {
        String v = req.param(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Response json(int status, ObjectNode body) {
        return Response.of(status, MailchimpSimulator.CONTENT_TYPE, SimulatorServer.toJson(body));
    }

    /** Mailchimp's title for an error status. */
    static String title(int status) {
        return switch (status) {
            case 400 -> "Invalid Resource";
            case 401 -> "API Key Invalid";
            case 403 -> "Forbidden";
            case 404 -> "Resource Not Found";
            case 405 -> "Method Not Allowed";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }

    static Response notFound() {
        return problem(404, "Resource Not Found", "The requested resource could not be found.");
    }

    static Response methodNotAllowed() {
        return problem(405, "Method Not Allowed", "The requested method and resource are not compatible.");
    }

    static Response invalidResource(String field) {
        return problem(400, "Invalid Resource", "The resource submitted could not be validated: " + field + ".");
    }

    /**
     * Mailchimp's answer to a body that does not validate: 400 "Invalid Resource" with an {@code errors} list naming
     * the field.
     */
    static Response invalidField(String field, String message) {
        ObjectNode p = problemBody(400, "Invalid Resource",
                "The resource submitted could not be validated. For field-specific details, see the 'errors' array.");
        p.putArray("errors").addObject().put("field", field).put("message", message);
        return Response.of(400, MailchimpSimulator.PROBLEM_TYPE, SimulatorServer.toJson(p));
    }

    /** A body that is not JSON (or not a JSON object). */
    static Response jsonParseError() {
        return problem(400, "JSON Parse Exception", "We encountered an unspecified JSON parsing error.");
    }

    static Response problem(int status, String title, String detail) {
        return Response.of(status, MailchimpSimulator.PROBLEM_TYPE, SimulatorServer.toJson(problemBody(status, title, detail)));
    }

    private static ObjectNode problemBody(int status, String title, String detail) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", MailchimpSimulator.ERROR_DOC);
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        p.put("instance", UUID.randomUUID().toString());
        return p;
    }

    /** The request body as a JSON object, or {@code null} when it is not one. */
    static ObjectNode objectBody(Request req) {
        try {
            JsonNode n = JSON.readTree(req.body());
            return n != null && n.isObject() ? (ObjectNode) n : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
