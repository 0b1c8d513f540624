package nl.dsrhub.demo;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;


/**
 * Checks recorded Mailchimp interactions (request and response) against the published Mailchimp specs in
 * {@code ../shared/specs} (system property {@code dsr.specs.dir}). Usable for the simulator's answers and
 * for what a connector sends: {@code MailchimpContract.assertConforms(simulator.calls())}.
 */
public final class MailchimpContract {

    /** Spec file per kind of path; parsing one takes seconds, so validators are built once per JVM. */
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private MailchimpContract() {
    }

    /** Fails with the validator's messages for every call whose request or response breaks the spec. */
    public static void assertConforms(List<RecordedCall> calls) {
        ContractCalls.assertConforms("Mailchimp", calls, MailchimpContract::validate);
    }

    /** The validator's report for one call. */
    public static ValidationReport validate(RecordedCall call) {
        SimpleRequest.Builder rq = new SimpleRequest.Builder(call.method(), call.path());
        call.requestHeaders().forEach(rq::withHeader);
        SimulatorExchange.parseQuery(call.rawQuery()).forEach(rq::withQueryParam);
        if (!call.requestBody().isEmpty()) {
            rq.withBody(call.requestBody());
        }
        SimpleResponse.Builder rs = SimpleResponse.Builder.status(call.status());
        if (call.responseContentType() != null) {
            rs.withContentType(call.responseContentType());
        }
        if (!call.responseBody().isEmpty()) {
            rs.withBody(call.responseBody());
        }
        ValidationReport report = validator(specFileFor(call.path())).validate(rq.build(), rs.build());
        return ValidationReport.from(report.getMessages().stream().filter(m -> !isKnownSpecNoise(m)).toList());
    }

    /**
     * The one false alarm of these specs: a member's {@code merge_fields} is declared as
     * {@code additionalProperties: {description: ...}} (a value of any type: merge tag values are strings,
     * numbers or an address object), but the Swagger 2.0 → OpenAPI 3 conversion inside the validator turns
     * that untyped schema into {@code type: object}, so every real string value (FNAME, LNAME, …) is reported.
     * A LevelResolver can only silence the key {@code validation.response.body.schema.type} everywhere, which
     * would hide real type errors too; so only type errors whose instance is a direct merge_fields value are
     * dropped, in answers and in requests alike (a PATCH or PUT of a member sends merge_fields too).
     */
    static boolean isKnownSpecNoise(ValidationReport.Message m) {
        return (m.getKey().equals("validation.response.body.schema.type")
                || m.getKey().equals("validation.request.body.schema.type"))
                && m.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                .map(p -> MERGE_FIELD_VALUE.matcher(p.getInstance()).matches()).orElse(false);
    }

    private static final Pattern MERGE_FIELD_VALUE = Pattern.compile("(.*/)?merge_fields/[^/]+");

    /**
     * Which of the four spec files describes this path (paths start with the basePath {@code /3.0}): lists, search,
     * e-commerce stores (stores, their customers, orders and carts), or members.
     */
    static String specFileFor(String path) {
        String p = path.startsWith("/3.0/") ? path.substring(4) : path;
        if (p.matches("/lists/?")) {
            return "mailchimp-lists-swagger.yaml";
        }
        if (p.startsWith("/ecommerce/")) {
            return "mailchimp-ecommerce-swagger.yaml";
        }
        if (p.startsWith("/search-members")) {
            return "mailchimp-search-swagger.yaml";
        }
        return "mailchimp-members-swagger.yaml";
    }

    private static OpenApiInteractionValidator validator(String file) {
        // built one at a time: swagger-parser is not safe building two specs at once
        return VALIDATORS.computeIfAbsent(file, ContractCalls::build);
    }
}
