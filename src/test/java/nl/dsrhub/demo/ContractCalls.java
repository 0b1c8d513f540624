package nl.dsrhub.demo;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;

import java.nio.file.Files;
import java.nio.file.Path;

/** Turns a {@link RecordedCall} into the swagger-request-validator's request and response. */
final class ContractCalls {

    private ContractCalls() {
    }

    /** The call's request, with {@code path} as the path the spec should see. */
    static Request request(RecordedCall call, String path) {
        SimpleRequest.Builder rq = new SimpleRequest.Builder(call.method(), path);
        call.requestHeaders().forEach(rq::withHeader);
        SimulatorExchange.parseQuery(call.rawQuery()).forEach(rq::withQueryParam);
        if (!call.requestBody().isEmpty()) {
            rq.withBody(call.requestBody());
        }
        return rq.build();
    }

    static Response response(RecordedCall call) {
        SimpleResponse.Builder rs = SimpleResponse.Builder.status(call.status());
        if (call.responseContentType() != null) {
            rs.withContentType(call.responseContentType());
        }
        if (!call.responseBody().isEmpty()) {
            rs.withBody(call.responseBody());
        }
        return rs.build();
    }

    /**
     * A validator for a spec file. Built one at a time: swagger-parser is not safe for building two specs at once
     * (with the Mollie and SendCloud contract tests building in parallel, the Mollie validator came out
     * without paths: "No API path found").
     */
    static synchronized com.atlassian.oai.validator.OpenApiInteractionValidator build(String file) {
        return com.atlassian.oai.validator.OpenApiInteractionValidator.createForSpecificationUrl("file:" + spec(file))
                .build();
    }

    /** Absolute path of a spec file in {@code dsr.specs.dir} (default {@code ../shared/specs}). */
    static Path spec(String file) {
        Path spec = Path.of(System.getProperty("dsr.specs.dir", "../shared/specs"), file).toAbsolutePath().normalize();
        if (!Files.isReadable(spec)) {
            throw new IllegalStateException("spec not found: " + spec + " (set -Ddsr.specs.dir)");
        }
        return spec;
    }

    /** Fails with the validator's messages for every call whose request or response breaks the spec. */
    static void assertConforms(String api, java.util.List<RecordedCall> calls,
                               java.util.function.Function<RecordedCall, com.atlassian.oai.validator.report.ValidationReport> validate) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        for (RecordedCall call : calls) {
            com.atlassian.oai.validator.report.ValidationReport report = validate.apply(call);
            if (report.hasErrors()) {
                problems.add(call.method() + " " + call.path() + (call.rawQuery() == null ? "" : "?" + call.rawQuery())
                        + " -> " + call.status() + "\n"
                        + com.atlassian.oai.validator.report.SimpleValidationReportFormat.getInstance().apply(report));
            }
        }
        if (!problems.isEmpty()) {
            org.junit.jupiter.api.Assertions.fail(problems.size() + " of " + calls.size() + " " + api
                    + " calls break the spec:\n" + String.join("\n", problems));
        }
    }
}
