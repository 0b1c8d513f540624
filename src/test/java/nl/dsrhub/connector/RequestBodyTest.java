package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.dsrhub.connector.ConnectorDefinition.Call;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Particulars;
import nl.dsrhub.model.Particulars.Changes;
import nl.dsrhub.model.Particulars.PostalAddress;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.Test;

/** A rectification's call bodies carry what the request changes, and nothing it does not. */
class RequestBodyTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final PostalAddress NEW_ADDRESS = new PostalAddress("Nieuwe Gracht", "12-A", "3512 AB", "Utrecht", "NL");

    private static RunValues values(Changes changes) {
        ConnectorDefinition def = new ConnectorDefinition("shop", null, ConnectorDefinition.Channel.HTTP, null, null,
                null, null, null, null, null, null, null, null, null);
        Connector connector = new Connector(def, true, Map.of("list", "l1"));
        DsrRequest r = Requests.of(RequestType.RECTIFICATION, "jan@example.nl", Map.of());
        DsrRequest rectification = new DsrRequest(r.id(), r.type(), r.receivedAt(), r.deadline(), r.subject(), r.verification(),
                r.delivery(), r.processors(), r.reference(), r.source(), r.fingerprint(), null,
                new Particulars(changes, null, null, null));
        TaskContext task = new TaskContext(1, rectification, Map.of(), Path.of("unused"));
        return new RunValues(connector, task, new Retained(connector, java.time.Clock.systemUTC()));
    }

    private static Call jsonCall(String yaml) throws Exception {
        return new Call("PUT", "/customers/${each}", null, null, null, null, YAML.readTree(yaml), null);
    }

    private static Changes addressOnly() {
        return new Changes(null, null, null, null, NEW_ADDRESS, null);
    }

    private static JsonNode sent(Call call, RunValues values) throws Exception {
        RequestBody.Sent sent = RequestBody.of(call, values, "7").orElseThrow();
        assertThat(sent.contentType()).isEqualTo(RequestBody.JSON);
        return new ObjectMapper().readTree(sent.text());
    }

    @Test
    void aJsonBodyLeavesOutTheFieldsWhoseChangeTheRequestDoesNotSet() throws Exception {
        Call call = jsonCall("""
                email: "${changes.email}"
                first_name: "${changes.firstName}"
                billing: { address_1: "${changes.address.line1}", postcode: "${changes.address.postalCode}", phone: "${changes.phone}" }
                shipping: { first_name: "${changes.firstName}" }
                """);

        JsonNode body = sent(call, values(addressOnly()));

        assertThat(body.toString()).isEqualTo("{\"billing\":{\"address_1\":\"Nieuwe Gracht 12-A\",\"postcode\":\"3512 AB\"}}");
    }

    @Test
    void aJsonBodyKeepsFixedValuesAndTypesBesideTheChanges() throws Exception {
        Call call = jsonCall("""
                contact: { email: "${changes.email}", send_invoices_to_email: "${changes.email}" }
                skip_merge_validation: true
                list: "${settings.list}"
                """);

        JsonNode body = sent(call, values(new Changes("jan.nieuw@example.nl", null, null, null, null,
                OffsetDateTime.parse("2026-11-20T10:00:00+01:00"))));

        assertThat(body.at("/contact/email").asText()).isEqualTo("jan.nieuw@example.nl");
        assertThat(body.at("/skip_merge_validation").isBoolean()).isTrue();
        assertThat(body.at("/list").asText()).isEqualTo("l1");
    }

    @Test
    void aValueWithQuotesStaysOneJsonString() throws Exception {
        Call call = jsonCall("last_name: \"${changes.lastName}\"");

        JsonNode body = sent(call, values(new Changes(null, null, "de \"Vries\", \"x\": 1", null, null, null)));

        assertThat(body.size()).isEqualTo(1);
        assertThat(body.get("last_name").asText()).isEqualTo("de \"Vries\", \"x\": 1");
    }

    @Test
    void aCallWhoseEveryChangeIsLeftOutHasNothingToSend() throws Exception {
        Call call = jsonCall("""
                name: "${changes.fullName}"
                email: "${changes.email}"
                locale: nl_NL
                """);

        assertThat(RequestBody.nothingToSend(call, values(addressOnly()), "7")).isTrue();
        assertThat(RequestBody.nothingToSend(call, values(new Changes(null, "Jan", null, null, null, null)), "7")).isFalse();
    }

    @Test
    void aCallThatNamesNoChangeAlwaysHasSomethingToSend() throws Exception {
        Call call = jsonCall("status: unsubscribed");

        assertThat(RequestBody.nothingToSend(call, values(null), "7")).isFalse();
        assertThat(RequestBody.of(call, values(null), "7").orElseThrow().text()).isEqualTo("{\"status\":\"unsubscribed\"}");
    }

    @Test
    void aFormBodyIsUrlEncodedAndLeavesOutUnsetChangesToo() {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("list_id", "${each}");
        form.put("email", "${changes.email}");
        form.put("custom_fields[achternaam]", "${changes.lastName}");
        Call call = new Call("POST", "/member/${subject.email}", null, null, null, null, null, form);

        RequestBody.Sent sent = RequestBody.of(call, values(new Changes(null, null, "van Dijk & Zn", null, null, null)), "list 1")
                .orElseThrow();

        assertThat(sent.contentType()).isEqualTo(RequestBody.FORM);
        assertThat(sent.text()).isEqualTo("list_id=list+1&custom_fields%5Bachternaam%5D=van+Dijk+%26+Zn");
    }

    @Test
    void aPlaceholderOtherThanAChangeWithoutValueIsStillAnError() throws Exception {
        Call call = jsonCall("id: \"${moneybird.contactId}\"\nemail: \"${changes.email}\"");

        assertThatThrownBy(() -> RequestBody.of(call, values(addressOnly()), "7"))
                .isInstanceOf(Template.Unexpandable.class)
                .hasMessage("no value for ${moneybird.contactId}");
    }

    @Test
    void theNewAddressHashIsTheMd5OfTheLowerCasedAddress() {
        RunValues v = values(new Changes(" Jan.Nieuw@Example.NL ", null, null, null, null, null));

        assertThat(v.value("changes.emailHash", null)).isEqualTo(RunValues.md5("jan.nieuw@example.nl"));
        assertThat(v.value("changes.address.line1", null)).isNull();
        assertThat(values(new Changes(null, "Jan", "de Vries", null, null, null)).value("changes.fullName", null))
                .isEqualTo("Jan de Vries");
    }

    @Test
    void aRequestOfAnotherTypeHasNoChanges() {
        assertThat(values(null).value("changes.email", null)).isNull();
        assertThat(List.copyOf(ChangeValues.NAMES)).allSatisfy(n -> assertThat(values(null).value(n, null)).isNull());
    }
}
