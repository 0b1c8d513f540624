package nl.dsrhub.request;

import static nl.dsrhub.request.TestRequests.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Representative;
import org.junit.jupiter.api.Test;

/** A request made by a parent, guardian or authorised person: what the file holds, and where the answer goes. */
class RepresentativeRequestTest {

    private final RequestValidator validator = TestRequests.validator();

    @Test
    void aParentsRequestNamesTheRepresentativeAndHowTheirAuthorityWasChecked() {
        Validation v = validator.validate("representative-parent.json", resource("good/representative-parent.json"));

        assertThat(v.problems()).isEmpty();
        Representative r = v.request().representative();
        assertThat(r).isEqualTo(new Representative("Petra de Vries", "petra.devries@example.com", Representative.PARENT,
                "privacy@example.com", OffsetDateTime.parse("2026-02-20T10:00:00+01:00"), "birth certificate seen"));
        assertThat(r.capacityWords().nl()).startsWith("ouder");
        assertThat(r.capacityWords().en()).startsWith("parent");
    }

    @Test
    void theAnswerGoesToTheRepresentativeNeverToTheChild() {
        DsrRequest request = validator.validate("representative-parent.json", resource("good/representative-parent.json")).request();

        assertThat(request.byRepresentative()).isTrue();
        assertThat(request.hasDeliveryAddress()).isTrue();
        assertThat(request.subjectMailAddress()).isEqualTo("petra.devries@example.com");
    }

    @Test
    void aDeliveryAddressEqualToTheRepresentativesIsAccepted() {
        String json = text().replace("\"reference\"", "\"delivery\": {\"email\": \"Petra.deVries@example.com\"}, \"reference\"");

        Validation v = validator.validate("r.json", json.getBytes(StandardCharsets.UTF_8));

        assertThat(v.problems()).isEmpty();
        assertThat(v.request().subjectMailAddress()).isEqualTo("petra.devries@example.com");
    }

    @Test
    void aRepresentativeWithTheSubjectsOwnAddressNeedsNoIdDocument() {
        String json = text().replace("petra.devries@example.com", "sanne.devries@example.nl").replace("id-document", "known-email");

        assertThat(validator.validate("r.json", json.getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
    }

    @Test
    void aRequestWithoutRepresentativeStillGoesToItsDeliveryAddress() {
        DsrRequest request = validator.validate("erasure.json", resource("good/erasure.json")).request();

        assertThat(request.representative()).isNull();
        assertThat(request.byRepresentative()).isFalse();
        assertThat(request.subjectMailAddress()).isEqualTo("jan.jansen@example.nl");
    }

    @Test
    void aCopyFieldIsRefusedWithItsOwnMessageNotAsAnUnknownField() {
        String json = text().replace("\"capacity\"", "\"passportScan\": \"x\", \"capacity\"");

        Validation v = validator.validate("r.json", json.getBytes(StandardCharsets.UTF_8));

        assertThat(v.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/representative/passportScan");
            assertThat(p.message()).contains("the hub stores no copies").doesNotContain("allowed fields");
        });
    }

    @Test
    void theRepresentativeChangesTheFingerprint() {
        String other = text().replace("Petra de Vries", "Pieter de Vries");

        assertThat(validator.validate("a.json", other.getBytes(StandardCharsets.UTF_8)).request().fingerprint())
                .isNotEqualTo(validator.validate("b.json", resource("good/representative-parent.json")).request().fingerprint());
    }

    private static String text() {
        return new String(resource("good/representative-parent.json"), StandardCharsets.UTF_8);
    }
}
