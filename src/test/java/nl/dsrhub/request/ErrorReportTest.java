package nl.dsrhub.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorReportTest {

    @Test
    void reportListsFileTimeAndEveryProblemWithItsPointer() throws Exception {
        Validation v = new Validation("bad.json", null, List.of(
                new Problem("/subject/email", "is not a valid e-mail address"),
                new Problem("/verification", "is required")));

        String json = ErrorReport.toJson(v, Instant.parse("2026-03-01T12:00:00Z"));
        JsonNode report = new ObjectMapper().readTree(json);

        assertThat(report.get("file").asText()).isEqualTo("bad.json");
        assertThat(report.get("rejectedAt").asText()).isEqualTo("2026-03-01T12:00:00Z");
        assertThat(report.get("problems")).hasSize(2);
        assertThat(report.get("problems").get(0).get("pointer").asText()).isEqualTo("/subject/email");
        assertThat(report.get("problems").get(0).get("message").asText()).isEqualTo("is not a valid e-mail address");
        assertThat(json).contains("\n  \"problems\" : [");
    }

    @Test
    void reportOfARejectedFileNeverContainsItsPersonalData() {
        String request = """
                {"type": "erasure", "receivedAt": "2026-01-31T09:12:00+01:00",
                 "subject": {"email": "sara.dewit@example", "name": 17},
                 "delivery": {"email": "sara@example.com"}}
                """;
        Validation v = TestRequests.validator().validate("../inbox/sara.json", request.getBytes(StandardCharsets.UTF_8));

        String json = ErrorReport.toJson(v, Instant.parse("2026-03-01T12:00:00Z"));

        assertThat(json).contains("\"file\" : \"sara.json\"").contains("/subject/email").contains("/verification")
                .doesNotContain("sara.dewit", "sara@example.com", "inbox");
    }

    @Test
    void reportFileNameIsTheSafeNamePlusErrorJson() {
        assertThat(ErrorReport.reportFileName("../../x.yaml")).isEqualTo("x.yaml.error.json");
    }

    @Test
    void textFormListsOneProblemPerLine() {
        Validation v = new Validation("bad.json", null, List.of(
                new Problem("", "the file is empty")));

        assertThat(ErrorReport.toText(v)).isEqualTo("bad.json: 1 problem" + System.lineSeparator() + "  (document): the file is empty");
    }
}
