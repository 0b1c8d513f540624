package nl.dsrhub.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.dsrhub.model.Delivery;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Subject;
import nl.dsrhub.model.Verification;
import org.junit.jupiter.api.Test;

import static nl.dsrhub.request.TestRequests.resource;
import static org.assertj.core.api.Assertions.assertThat;

class RequestValidatorTest {

    private final RequestValidator validator = TestRequests.validator();

    @Test
    void goodJsonErasureBecomesTheExpectedRequest() {
        Validation v = validator.validate("erasure.json", resource("good/erasure.json"));

        assertThat(v.problems()).isEmpty();
        assertThat(v.ok()).isTrue();
        DsrRequest r = v.request();
        assertThat(r.id()).isNull();
        assertThat(r.type()).isEqualTo(RequestType.ERASURE);
        assertThat(r.receivedAt()).isEqualTo(OffsetDateTime.parse("2026-01-31T09:12:00+01:00"));
        // due by the end of the last day of February, Dutch time
        assertThat(r.dueDate()).isEqualTo(java.time.LocalDate.of(2026, 2, 28));
        assertThat(r.deadline()).isEqualTo(OffsetDateTime.parse("2026-02-28T23:59:59.999999999+01:00"));
        assertThat(r.subject()).isEqualTo(new Subject("jan.jansen@example.nl", "Jan Jansen",
                Map.of("woocommerce.customerId", "42", "mollie.customerId", "cst_8wmqcHMN4U")));
        assertThat(r.verification()).isEqualTo(new Verification(Verification.KNOWN_EMAIL, "privacy@example.com",
                OffsetDateTime.parse("2026-01-31T10:00:00+01:00")));
        assertThat(r.delivery()).isEqualTo(new Delivery("jan.jansen@example.nl"));
        assertThat(r.processors()).isEmpty();
        assertThat(r.involves("mollie")).isTrue();
        assertThat(r.reference()).isEqualTo("ZD-1234");
        assertThat(r.source()).isEqualTo("erasure.json");
        assertThat(r.fingerprint()).matches("[0-9a-f]{64}");
    }

    @Test
    void goodYamlExportWithIdDocumentMayBeDeliveredElsewhere() {
        Validation v = validator.validate("export.yaml", resource("good/export.yaml"));

        assertThat(v.problems()).isEmpty();
        DsrRequest r = v.request();
        assertThat(r.type()).isEqualTo(RequestType.EXPORT);
        assertThat(r.receivedAt()).isEqualTo(OffsetDateTime.parse("2026-02-10T14:30:00Z"));
        assertThat(r.dueDate()).isEqualTo(java.time.LocalDate.of(2026, 3, 10));
        assertThat(r.subject()).isEqualTo(new Subject("marieke.bakker@example.com", "Marieke Bakker", Map.of()));
        assertThat(r.verification().method()).isEqualTo(Verification.ID_DOCUMENT);
        assertThat(r.verification().verifiedAt()).isEqualTo(OffsetDateTime.parse("2026-02-11T08:00:00+01:00"));
        assertThat(r.delivery()).isEqualTo(new Delivery("m.bakker@example.nl"));
        assertThat(r.processors()).containsExactly("woocommerce", "mollie");
        assertThat(r.involves("mailchimp")).isFalse();
        assertThat(r.reference()).isNull();
    }

    @Test
    void goodRectificationCarriesItsCorrections() {
        Validation v = validator.validate("rectification.json", resource("good/rectification-new-email.json"));

        assertThat(v.problems()).isEmpty();
        DsrRequest r = v.request();
        assertThat(r.type()).isEqualTo(RequestType.RECTIFICATION);
        // the processors still find her by the address they know; the answer goes there too
        assertThat(r.subject().email()).isEqualTo("sanne.devries@example.nl");
        nl.dsrhub.model.Particulars.Changes c = r.particulars().changes();
        assertThat(c.email()).isEqualTo("sanne.bakker@example.com");
        assertThat(c.newEmailVerifiedAt()).isEqualTo(OffsetDateTime.parse("2026-02-20T10:20:00+01:00"));
        assertThat(c.fullName()).isEqualTo("Sanne Bakker");
        assertThat(c.address().line1()).isEqualTo("Nieuwe Gracht 12-A");
        assertThat(c.phone()).isNull();
    }

    @Test
    void theShippedExampleRectificationIsValid() throws Exception {
        String example = java.nio.file.Files.readString(java.nio.file.Path.of("examples/rectification.json"))
                .replace("2026-11-20", "2026-02-20");

        assertThat(validator.validate("rectification.json", example.getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
    }

    @Test
    void sameRequestAsJsonAndAsReorderedYamlHasTheSameFingerprint() {
        String json = validator.validate("erasure.json", resource("good/erasure.json")).request().fingerprint();
        String yaml = validator.validate("erasure-reordered.yaml", resource("good/erasure-reordered.yaml")).request().fingerprint();

        assertThat(yaml).isEqualTo(json);
    }

    @Test
    void differentRequestHasADifferentFingerprint() {
        String erasure = validator.validate("erasure.json", resource("good/erasure.json")).request().fingerprint();
        String changed = new String(resource("good/erasure.json"), StandardCharsets.UTF_8).replace("ZD-1234", "ZD-1235");
        String other = validator.validate("erasure.json", changed.getBytes(StandardCharsets.UTF_8)).request().fingerprint();

        assertThat(other).isNotEqualTo(erasure);
    }

    @Test
    void fingerprintDoesNotDependOnTheFileName() {
        String a = validator.validate("a.json", resource("good/erasure.json")).request().fingerprint();
        String b = validator.validate("b.json", resource("good/erasure.json")).request().fingerprint();

        assertThat(a).isEqualTo(b);
    }

    @Test
    void everyProblemInOneFileIsReportedInPointerOrder() {
        String json = """
                {"type": "remove",
                 "receivedAt": "2026-12-01T09:00:00+01:00",
                 "subject": {"email": "not-an-address", "name": "Henk Hoekstra", "shoeSize": 44},
                 "verification": {"method": "gut-feeling", "verifiedBy": "officer", "verifiedAt": "2026-01-01T09:00:00+01:00"},
                 "processors": ["mollie", "hubspot", "Bad Name"]}
                """;
        Validation v = validator.validate("many.json", json.getBytes(StandardCharsets.UTF_8));

        assertThat(v.ok()).isFalse();
        assertThat(v.request()).isNull();
        assertThat(v.problems()).extracting(Problem::pointer).containsExactly(
                "/processors/1", "/processors/2", "/receivedAt", "/subject/email", "/subject/shoeSize",
                "/type", "/verification/method", "/verification/verifiedAt");
        assertThat(v.problems()).allSatisfy(p -> assertThat(p.message()).doesNotContain("Henk", "not-an-address", "gut-feeling", "remove"));
    }

    @Test
    void missingRequiredFieldsAreEachReportedAtTheirOwnPointer() {
        Validation v = validator.validate("bare.yaml", "reference: ZD-1\n".getBytes(StandardCharsets.UTF_8));

        assertThat(v.problems()).extracting(Problem::pointer)
                .containsExactly("/receivedAt", "/subject", "/type", "/verification");
        assertThat(v.problems()).extracting(Problem::message).allMatch(m -> m.startsWith("is required"));
    }

    @Test
    void unknownConnectorIsReportedAtItsIndex() {
        String json = new String(resource("good/erasure.json"), StandardCharsets.UTF_8)
                .replace("\"processors\": \"all\"", "\"processors\": [\"mollie\", \"laposta\"]");
        Validation v = validator.validate("erasure.json", json.getBytes(StandardCharsets.UTF_8));

        assertThat(v.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/processors/1");
            assertThat(p.message()).contains("is not a configured connector").contains("mollie, moneybird");
        });
    }

    @Test
    void sourceIsTheBaseNameEvenForAHostilePath() {
        Validation v = validator.validate("../../etc/\u202Eerasure.json", resource("good/erasure.json"));

        assertThat(v.fileName()).isEqualTo("erasure.json");
        assertThat(v.request().source()).isEqualTo("erasure.json");
    }

    @Test
    void alreadyParsedDocumentValidatesLikeTheFile() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(resource("good/erasure.json"));

        Validation fromTree = validator.validate("erasure.json", doc);
        Validation fromBytes = validator.validate("erasure.json", resource("good/erasure.json"));

        assertThat(fromTree.request()).isEqualTo(fromBytes.request());
    }

    @Test
    void alreadyParsedNonObjectIsAProblemNotAnException() throws Exception {
        Validation v = validator.validate("x.json", new ObjectMapper().readTree("[1, 2]"));

        assertThat(v.problems()).singleElement().extracting(Problem::pointer).isEqualTo("");
    }

    @Test
    void impossibleVerificationDateIsReportedOnceAtItsPointer() {
        String json = new String(resource("good/erasure.json"), StandardCharsets.UTF_8)
                .replace("2026-01-31T10:00:00+01:00", "2026-02-29T10:00:00+01:00"); // 2026 is no leap year
        Validation v = validator.validate("erasure.json", json.getBytes(StandardCharsets.UTF_8));

        assertThat(v.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/verification/verifiedAt");
            assertThat(p.message()).contains("not a valid date-time");
        });
    }

    @Test
    void connectorNamesWithoutConfiguredConnectorsAreAllUnknown() {
        RequestValidator none = new RequestValidator(new RequestParser(), TestRequests.CLOCK, Set.of());
        Validation v = none.validate("export.yaml", resource("good/export.yaml"));

        assertThat(v.problems()).extracting(Problem::pointer).containsExactly("/processors/0", "/processors/1");
        assertThat(v.problems()).extracting(Problem::message).allMatch(m -> m.contains("(none)"));
    }

    @Test
    void problemsAreOrderedByPointerWithNumericIndexes() {
        List<Problem> problems = new java.util.ArrayList<>(List.of(
                new Problem("/processors/10", "b"), new Problem("/processors/2", "a"), new Problem("", "root"),
                new Problem("/processors", "c")));
        problems.sort(RequestValidator.POINTER_ORDER);

        assertThat(problems).extracting(Problem::pointer)
                .containsExactly("", "/processors", "/processors/2", "/processors/10");
    }
}
