package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import nl.dsrhub.model.Particulars.Changes;
import nl.dsrhub.model.Particulars.PostalAddress;
import org.junit.jupiter.api.Test;

/** The {@code ${changes.*}} placeholders: the corrected values, and none for what the request does not correct. */
class ChangeValuesTest {

    private static final Changes ALL = new Changes(" New.Address@Example.NL ", "Anna", "de Boer", "+31 6 1234 5678",
            new PostalAddress("Nieuwe Gracht", "12-A", "3512 LT", "Utrecht", "NL"), null);

    @Test
    void aSingleNameFieldGetsFirstAndLastNameAsOne() {
        assertThat(ChangeValues.value(ALL, "changes.fullName")).isEqualTo("Anna de Boer");
    }

    @Test
    void theFirstAddressLineIsStreetAndHouseNumber() {
        assertThat(ChangeValues.value(ALL, "changes.address.line1")).isEqualTo("Nieuwe Gracht 12-A");
        assertThat(ChangeValues.value(ALL, "changes.address.postalCode")).isEqualTo("3512 LT");
        assertThat(ChangeValues.value(ALL, "changes.address.country")).isEqualTo("NL");
    }

    @Test
    void whatTheRequestDoesNotCorrectHasNoValue() {
        Changes addressOnly = new Changes(null, null, null, null, ALL.address(), null);

        assertThat(ChangeValues.value(addressOnly, "changes.email")).isNull();
        assertThat(ChangeValues.value(addressOnly, "changes.emailHash")).isNull();
        assertThat(ChangeValues.value(addressOnly, "changes.fullName")).isNull();
        assertThat(ChangeValues.value(new Changes("a@example.nl", null, null, null, null, null), "changes.address.city")).isNull();
        // no rectification at all
        assertThat(ChangeValues.value(null, "changes.email")).isNull();
    }

    @Test
    void theKindsOfDataARequestCorrectsAreThoseItNames() {
        Changes nameAndAddress = new Changes(null, "Anna", "de Boer", null, ALL.address(), null);

        assertThat(Changes.KINDS).filteredOn(nameAndAddress::changes).containsExactly("name", "address");
        assertThat(Changes.KINDS).filteredOn(ALL::changes).containsExactly("name", "email", "phone", "address");
    }
}
