package nl.dsrhub.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationPolicyTest {

    private final VerificationPolicy policy = new VerificationPolicy(TestRequests.CLOCK); // now: 2026-03-01T12:00:00Z

    private static ObjectNode good() throws IOException {
        return (ObjectNode) new ObjectMapper().readTree(TestRequests.resource("good/erasure.json"));
    }

    @Test
    void goodRequestHasNoPolicyProblems() throws IOException {
        assertThat(policy.check(good())).isEmpty();
    }

    @Test
    void receivedAtWithinTheClockSkewIsAccepted() throws IOException {
        ObjectNode doc = good();
        doc.put("receivedAt", "2026-03-01T12:04:00Z");
        ((ObjectNode) doc.get("verification")).put("verifiedAt", "2026-03-01T12:04:30Z");

        assertThat(policy.check(doc)).isEmpty();
    }

    @Test
    void receivedAtBeyondTheClockSkewIsInTheFuture() throws IOException {
        ObjectNode doc = good();
        doc.put("receivedAt", "2026-03-01T13:06:00+01:00"); // 12:06Z

        assertThat(policy.check(doc)).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/receivedAt");
            assertThat(p.message()).contains("in the future");
        });
    }

    @Test
    void receivedAtMoreThanAYearAgoIsRejected() throws IOException {
        ObjectNode doc = good();
        doc.put("receivedAt", "2025-02-28T09:00:00Z");
        ((ObjectNode) doc.get("verification")).put("verifiedAt", "2025-02-28T10:00:00Z");

        assertThat(policy.check(doc)).singleElement().extracting(Problem::pointer).isEqualTo("/receivedAt");
    }

    @Test
    void verificationUpToThirtyDaysBeforeReceiptIsAccepted() throws IOException {
        ObjectNode doc = good();
        ((ObjectNode) doc.get("verification")).put("verifiedAt", "2026-01-01T09:12:00+01:00"); // exactly 30 days

        assertThat(policy.check(doc)).isEmpty();
    }

    @Test
    void verificationMoreThanThirtyDaysBeforeReceiptIsRejected() throws IOException {
        ObjectNode doc = good();
        ((ObjectNode) doc.get("verification")).put("verifiedAt", "2026-01-01T09:11:00+01:00");

        assertThat(policy.check(doc)).singleElement().extracting(Problem::pointer).isEqualTo("/verification/verifiedAt");
    }

    @Test
    void deliveryToTheSubjectsAddressInOtherCaseNeedsNoIdDocument() throws IOException {
        ObjectNode doc = good();
        ((ObjectNode) doc.get("delivery")).put("email", " Jan.Jansen@EXAMPLE.nl");

        assertThat(policy.check(doc)).isEmpty();
    }

    @Test
    void deliveryElsewhereNeedsAnIdDocument() throws IOException {
        ObjectNode doc = good();
        ((ObjectNode) doc.get("delivery")).put("email", "j.jansen@example.com");

        assertThat(policy.check(doc)).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/delivery/email");
            assertThat(p.message()).contains("id-document").doesNotContain("example");
        });

        ((ObjectNode) doc.get("verification")).put("method", "id-document");
        assertThat(policy.check(doc)).isEmpty();
    }

    @Test
    void aNewEmailAddressNeedsMoreThanTheKnownMailbox() throws IOException {
        ObjectNode doc = rectification();
        ((ObjectNode) doc.get("verification")).put("method", "known-email");

        assertThat(policy.check(doc)).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/changes/email");
            assertThat(p.message()).contains("account-login or id-document").doesNotContain("example");
        });
    }

    @Test
    void aNewEmailAddressIsAcceptedAfterAnAccountLoginOrAnIdDocument() throws IOException {
        ObjectNode doc = rectification();
        assertThat(policy.check(doc)).isEmpty();

        ((ObjectNode) doc.get("verification")).put("method", "id-document");
        assertThat(policy.check(doc)).isEmpty();
    }

    @Test
    void correctionsWithoutANewEmailAddressNeedNoStrongerVerification() throws IOException {
        ObjectNode doc = rectification();
        ObjectNode changes = (ObjectNode) doc.get("changes");
        changes.remove("email");
        changes.remove("newEmailVerifiedAt");
        ((ObjectNode) doc.get("verification")).put("method", "known-email");

        assertThat(policy.check(doc)).isEmpty();
    }

    @Test
    void theCheckOfTheNewAddressBelongsToThisRequest() throws IOException {
        ObjectNode doc = rectification();
        ((ObjectNode) doc.get("changes")).put("newEmailVerifiedAt", "2026-01-19T10:00:00+01:00");

        assertThat(policy.check(doc)).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/changes/newEmailVerifiedAt");
            assertThat(p.message()).contains("more than 30 days before receivedAt");
        });
    }

    private static ObjectNode rectification() throws IOException {
        return (ObjectNode) new ObjectMapper().readTree(TestRequests.resource("good/rectification-new-email.json"));
    }

    @Test
    void impossibleDateIsAProblemAtItsPointer() throws IOException {
        ObjectNode doc = good();
        doc.put("receivedAt", "2026-02-30T09:00:00+01:00");

        assertThat(policy.check(doc)).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/receivedAt");
            assertThat(p.message()).contains("not a valid date-time");
        });
    }

    @Test
    void fieldsOfTheWrongTypeAreLeftToTheSchema() throws IOException {
        JsonNode doc = new ObjectMapper().readTree("{\"receivedAt\": 5, \"verification\": \"yes\", \"delivery\": []}");

        assertThat(policy.check(doc)).isEmpty();
    }

    @Test
    void rfc3339LowerCaseSeparatorsParse() {
        assertThat(VerificationPolicy.parseDateTime("2026-01-31t09:12:00z"))
                .contains(OffsetDateTime.parse("2026-01-31T09:12:00Z"));
        assertThat(VerificationPolicy.parseDateTime("2026-01-31T09:12:00")).isEmpty();
    }
}
