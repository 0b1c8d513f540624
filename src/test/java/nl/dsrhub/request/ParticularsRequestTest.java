package nl.dsrhub.request;

import static nl.dsrhub.request.TestRequests.resource;
import static org.assertj.core.api.Assertions.assertThat;

import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Particulars;
import nl.dsrhub.model.RequestType;
import org.junit.jupiter.api.Test;

/** A request of each type beyond access and erasure is read with what it asks in particular. */
class ParticularsRequestTest {

    private final RequestValidator validator = TestRequests.validator();

    private DsrRequest valid(String file) {
        Validation v = validator.validate(file, resource("good/" + file));
        assertThat(v.problems()).as(file).isEmpty();
        return v.request();
    }

    @Test
    void aRectificationCarriesOnlyTheFieldsItChanges() {
        DsrRequest r = valid("rectification.json");

        Particulars.Changes c = r.particulars().changes();
        assertThat(r.type()).isEqualTo(RequestType.RECTIFICATION);
        assertThat(c.email()).isEqualTo("sanne.nieuw@example.nl");
        assertThat(c.newEmailVerifiedAt()).isNotNull();
        // a corrected name is given whole (the first name as it is): processors with one name field need both
        assertThat(c.firstName()).isEqualTo("Sanne");
        assertThat(c.lastName()).isEqualTo("de Vries-Bakker");
        assertThat(c.phone()).isNull();
        assertThat(c.address().line1()).isEqualTo("Nieuwe Gracht 12-A");
        assertThat(c.address().country()).isEqualTo("NL");
    }

    @Test
    void aRectificationOfTheAddressIsAnsweredAtTheKnownAddressNotTheNewOne() {
        DsrRequest r = valid("rectification.json");

        assertThat(r.subjectMailAddress()).isEqualTo("sanne.devries@example.nl");
    }

    @Test
    void aRestrictionCarriesItsReason() {
        DsrRequest r = valid("restriction.json");

        assertThat(r.type()).isEqualTo(RequestType.RESTRICTION);
        assertThat(r.particulars().restriction().reason()).isEqualTo("accuracy-contested");
        assertThat(r.particulars().changes()).isNull();
    }

    @Test
    void aLiftingNamesTheRestrictionItEnds() {
        DsrRequest r = valid("lift-restriction.json");

        assertThat(r.type()).isEqualTo(RequestType.LIFT_RESTRICTION);
        assertThat(r.particulars().lift().restrictionRequestId()).isEqualTo("r-20260220-0001");
        assertThat(r.particulars().lift().reason()).startsWith("accuracy checked");
    }

    @Test
    void anObjectionSaysWhetherItIsToDirectMarketingOrOnGrounds() {
        DsrRequest marketing = valid("objection-marketing.json");
        DsrRequest grounds = valid("objection-particular.json");

        assertThat(marketing.particulars().objection().directMarketing()).isTrue();
        assertThat(marketing.particulars().objection().grounds()).isNull();
        assertThat(grounds.particulars().objection().directMarketing()).isFalse();
        assertThat(grounds.particulars().objection().grounds()).startsWith("stalking risk");
    }

    @Test
    void anExportOrErasureHasNoParticulars() {
        assertThat(valid("erasure.json").particulars()).isEqualTo(Particulars.NONE);
    }

    @Test
    void theParticularsSurviveTheStoredDocument() throws Exception {
        DsrRequest r = valid("rectification.json");
        com.fasterxml.jackson.databind.ObjectMapper json = nl.dsrhub.store.Json.mapper();

        DsrRequest read = nl.dsrhub.store.Json.read(json, nl.dsrhub.store.Json.write(json, r), DsrRequest.class);

        assertThat(read.particulars()).isEqualTo(r.particulars());
    }
}
