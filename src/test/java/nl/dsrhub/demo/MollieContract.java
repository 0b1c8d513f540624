package nl.dsrhub.demo;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;

import java.util.List;


/**
 * Checks recorded Mollie interactions (request and response) against Mollie's published OpenAPI spec
 * {@code ../shared/specs/mollie-openapi.yaml} (system property {@code dsr.specs.dir}); the spec's paths
 * start with {@code /v2}, like the recorded ones. Usable for the simulator's answers and for what a connector
 * sends: {@code MollieContract.assertConforms(simulator.calls())}.
 */
public final class MollieContract {

    private static volatile OpenApiInteractionValidator validator;

    private MollieContract() {
    }

    /** Fails with the validator's messages for every call whose request or response breaks the spec. */
    public static void assertConforms(List<RecordedCall> calls) {
        ContractCalls.assertConforms("Mollie", calls, MollieContract::validate);
    }

    /** The validator's report for one call. */
    public static ValidationReport validate(RecordedCall call) {
        ValidationReport report = validator().validate(ContractCalls.request(call, call.path()),
                ContractCalls.response(call));
        return ValidationReport.from(report.getMessages().stream().filter(m -> !isKnownSpecNoise(call, m)).toList());
    }

    /**
     * False alarms of the validator on Mollie's OpenAPI 3.1 spec (each dropped only where it occurs):
     * <ol>
     *   <li>{@code metadata} is {@code oneOf} five type-only alternatives (string, number, object, array, null);
     *       the validator does not see OpenAPI 3.1 {@code type} there, so every value matches all five
     *       ("matched 5 out of 5"). Dropped: that oneOf message at a {@code .../properties/metadata} schema, and an
     *       {@code allOf} message whose only reasons are such oneOf messages.</li>
     *   <li>A single payment is {@code allOf [entity-payment-response, {properties: {method}}]}; the validator
     *       closes the second member ({@code additionalProperties: false}), so every field declared in the first
     *       is "not allowed". Dropped: additionalProperties at schema {@code /allOf/1} of
     *       {@code GET /v2/payments/{id}}; and, in any request or answer, an allOf member's "not allowed" for fields
     *       that another member of the same allOf accepts (the customer update's body
     *       {@code allOf [entity-customer, {testmode}]}, a {@code billingAddress}). A field that <em>every</em>
     *       member refuses is declared nowhere, and stays an error.</li>
     *   <li>String parameters declared by {@code $ref} or 3.1 {@code type} ({@code from}, {@code sort},
     *       {@code idempotency-key}) are parsed as JSON by the validator ("Unable to parse JSON"). Dropped for
     *       those three parameters only.</li>
     *   <li>The spec lists per operation only its specific answers; Mollie's general 401 (wrong key) and 5xx
     *       answers are not listed ("status not defined"). Dropped for 401 and 5xx, after checking that the body
     *       is Mollie's hal+json error object.</li>
     * </ol>
     */
    static boolean isKnownSpecNoise(RecordedCall call, ValidationReport.Message m) {
        String key = m.getKey();
        String schema = schemaPointer(m);
        switch (key) {
            case "validation.response.body.schema.oneOf", "validation.request.body.schema.oneOf":
                return schema.endsWith("/properties/metadata") && m.getMessage().contains("matched 5 out of 5");
            case "validation.response.body.schema.allOf", "validation.request.body.schema.allOf":
                return !m.getNestedMessages().isEmpty() && m.getNestedMessages().stream()
                        .allMatch(n -> isKnownSpecNoise(call, n) || acceptedByAnotherMember(m, n));
            case "validation.response.body.schema.additionalProperties":
                return schema.equals("/allOf/1") && call.path().matches("/v2/payments/[^/]+");
            case "validation.request.parameter.schema.invalidJson":
                return m.getContext().flatMap(ValidationReport.MessageContext::getParameter)
                        .map(p -> STRING_PARAMS.contains(p.getIn() + "." + p.getName())).orElse(false);
            case "validation.response.status.unknown":
                return (call.status() == 401 || call.status() >= 500) && isHalError(call);
            default:
                return false;
        }
    }

    /**
     * {@code member} is an allOf member's "not allowed" inside {@code allOf}; true when each field it names is not
     * refused by every member of that allOf (so some member declares it).
     */
    private static boolean acceptedByAnotherMember(ValidationReport.Message allOf, ValidationReport.Message member) {
        if (!member.getKey().endsWith(".schema.additionalProperties")) {
            return false;
        }
        java.util.regex.Matcher total = java.util.regex.Pattern.compile("out of (\\d+)").matcher(allOf.getMessage());
        if (!total.find()) {
            return false;
        }
        int members = Integer.parseInt(total.group(1));
        for (String field : notAllowed(member)) {
            long refusing = allOf.getNestedMessages().stream()
                    .filter(n -> n.getKey().endsWith(".schema.additionalProperties"))
                    .filter(n -> notAllowed(n).contains(field))
                    .map(n -> schemaPointer(n).replaceAll(".*/allOf/(\\d+)$", "$1")).distinct().count();
            if (refusing >= members) {
                return false;
            }
        }
        return true;
    }

    /** The field names of a "properties which are not allowed by the schema: [...]" message. */
    private static java.util.List<String> notAllowed(ValidationReport.Message m) {
        java.util.regex.Matcher list = java.util.regex.Pattern.compile("\\[(.*)]\\s*$").matcher(m.getMessage());
        if (!list.find()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(list.group(1).split(",")).map(f -> f.trim().replace("\"", "")).toList();
    }

    private static final java.util.Set<String> STRING_PARAMS =
            java.util.Set.of("query.from", "query.sort", "header.idempotency-key");

    private static String schemaPointer(ValidationReport.Message m) {
        return m.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getSchema).orElse("");
    }

    /** The body is {@code application/hal+json} {@code {status (= HTTP status), title, detail, _links.documentation}}. */
    static boolean isHalError(RecordedCall call) {
        if (call.responseContentType() == null || !call.responseContentType().startsWith("application/hal+json")) {
            return false;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(call.responseBody());
            return n.path("status").asInt() == call.status() && n.path("title").isTextual()
                    && n.path("detail").isTextual() && n.path("_links").path("documentation").path("href").isTextual()
                    && n.path("_links").path("documentation").path("type").isTextual();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static OpenApiInteractionValidator validator() {
        OpenApiInteractionValidator v = validator;
        if (v == null) {
            synchronized (MollieContract.class) {
                if (validator == null) {
                    validator = ContractCalls.build("mollie-openapi.yaml");
                }
                v = validator;
            }
        }
        return v;
    }
}
