package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.dsrhub.connector.ConnectorDefinition.Call;
import nl.dsrhub.model.Particulars.Changes;
import nl.dsrhub.model.Particulars.PostalAddress;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.Test;

/**
 * A rectification's call bodies: a field whose correction the request does not name is left out (never blanked), a
 * body left with nothing to send is no call at all, form bodies are url-encoded, and {@code firstOf} gives a field the
 * processor requires on every update the value it already has.
 */
class RequestBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private static final PostalAddress NEW_ADDRESS = new PostalAddress("Nieuwe Gracht", "12-A", "3512 LT", "Utrecht", "NL");

    @Test
    void aJsonFieldWhoseCorrectionTheRequestDoesNotNameIsLeftOut() throws Exception {
        Call call = call("""
                method: PUT
                path: /customers/1
                json:
                  email: "${changes.email}"
                  first_name: "${changes.firstName}"
                  last_name: "${changes.lastName}"
                  billing: { address_1: "${changes.address.line1}", city: "${changes.address.city}", phone: "${changes.phone}" }
                """);
        RunValues values = values(new Changes(null, null, null, null, NEW_ADDRESS, null), Map.of());

        JsonNode sent = JSON.readTree(RequestBody.of(call, values, null).orElseThrow().text());

        assertThat(sent).isEqualTo(JSON.readTree("""
                {"billing": {"address_1": "Nieuwe Gracht 12-A", "city": "Utrecht"}}"""));
        assertThat(RequestBody.of(call, values, null).orElseThrow().contentType()).isEqualTo("application/json");
        assertThat(RequestBody.nothingToSend(call, values, null)).isFalse();
    }

    @Test
    void anObjectLeftEmptyByTheOmissionsIsLeftOutToo() throws Exception {
        Call call = call("""
                method: PATCH
                path: /contacts/1.json
                json:
                  contact: { firstname: "${changes.firstName}", email: "${changes.email}" }
                  shipping: { address1: "${changes.address.line1}" }
                """);
        RunValues values = values(new Changes("new.address@example.nl", null, null, null, null, null), Map.of());

        assertThat(JSON.readTree(RequestBody.of(call, values, null).orElseThrow().text()))
                .isEqualTo(JSON.readTree("{\"contact\": {\"email\": \"new.address@example.nl\"}}"));
    }

    @Test
    void valuesThatAreNoCorrectionsAreAlwaysSentAndNotAsText() throws Exception {
        Call call = call("""
                method: PUT
                path: /stores/s1/customers/c1
                json:
                  id: "${each}"
                  email_address: "${changes.email}"
                  opt_in_status: false
                """);
        RunValues values = values(new Changes("new.address@example.nl", null, null, null, null, null), Map.of());

        assertThat(JSON.readTree(RequestBody.of(call, values, "c1").orElseThrow().text())).isEqualTo(JSON.readTree(
                "{\"id\": \"c1\", \"email_address\": \"new.address@example.nl\", \"opt_in_status\": false}"));
    }

    @Test
    void aCallWhoseEveryCorrectionIsLeftOutHasNothingToSend() throws Exception {
        // Mollie keeps a name and an e-mail address, no postal address: a corrected address is nothing for it
        Call call = call("""
                method: PATCH
                path: /customers/cst_1
                json: { name: "${changes.fullName}", email: "${changes.email}" }
                """);

        assertThat(RequestBody.nothingToSend(call, values(new Changes(null, null, null, null, NEW_ADDRESS, null), Map.of()), null))
                .isTrue();
        assertThat(RequestBody.nothingToSend(call, values(new Changes(null, "Anna", "Jansen", null, null, null), Map.of()), null))
                .isFalse();
    }

    @Test
    void aCallWithoutCorrectionsIsAlwaysSent() throws Exception {
        Call call = call("""
                method: PATCH
                path: /relation/7
                json: { inactive: true, name: "${relationName}" }
                """);

        assertThat(RequestBody.nothingToSend(call, values(null, Map.of("relationName", List.of("J. Jansen"))), null)).isFalse();
    }

    @Test
    void aFormBodyIsUrlEncodedAndLeavesOutWhatIsNotCorrected() throws Exception {
        Call call = call("""
                method: POST
                path: /member/old@example.nl
                form:
                  list_id: "${each}"
                  email: "${changes.email}"
                  "custom_fields[voornaam]": "${changes.firstName}"
                  "custom_fields[achternaam]": "${changes.lastName}"
                """);
        RunValues values = values(new Changes("new+mail@example.nl", null, "de Vries-Ågren", null, null, null), Map.of());

        RequestBody.Sent sent = RequestBody.of(call, values, "list 1").orElseThrow();

        assertThat(sent.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(sent.text()).isEqualTo("list_id=list+1&email=new%2Bmail%40example.nl"
                + "&custom_fields%5Bachternaam%5D=de+Vries-%C3%85gren");
    }

    @Test
    void aFormWhoseEveryCorrectionIsLeftOutHasNothingToSend() throws Exception {
        Call call = call("""
                method: POST
                path: /member/old@example.nl
                form: { list_id: "${each}", email: "${changes.email}" }
                """);

        assertThat(RequestBody.nothingToSend(call, values(new Changes(null, null, null, "+31 6 1234 5678", null, null), Map.of()),
                "L1")).isTrue();
    }

    @Test
    void firstOfTakesTheCorrectionWhenThereIsOne() throws Exception {
        Call call = call("""
                method: PATCH
                path: /relation/7
                json:
                  name: { firstOf: ["${changes.fullName}", "${each[1]}"] }
                  emailAddress: "${changes.email}"
                """);
        RunValues values = values(new Changes(null, "Anna", "de Boer", null, null, null), Map.of());

        assertThat(JSON.readTree(RequestBody.of(call, values, Tuple.of("7", "A. Jansen")).orElseThrow().text()))
                .isEqualTo(JSON.readTree("{\"name\": \"Anna de Boer\"}"));
    }

    @Test
    void firstOfFallsBackToTheValueTheProcessorHasWhenTheNameIsNotCorrected() throws Exception {
        Call call = call("""
                method: PATCH
                path: /relation/7
                json:
                  name: { firstOf: ["${changes.fullName}", "${each[1]}"] }
                  emailAddress: "${changes.email}"
                  city: "${changes.address.city}"
                """);
        String relation = Tuple.of("7", "A. Jansen");

        RunValues emailOnly = values(new Changes("new.address@example.nl", null, null, null, null, null), Map.of());
        assertThat(JSON.readTree(RequestBody.of(call, emailOnly, relation).orElseThrow().text())).isEqualTo(JSON.readTree(
                "{\"name\": \"A. Jansen\", \"emailAddress\": \"new.address@example.nl\"}"));
        // the fallback is no correction: with nothing else to correct, nothing is sent
        RunValues phoneOnly = values(new Changes(null, null, null, "+31 6 1234 5678", null, null), Map.of());
        assertThat(RequestBody.nothingToSend(call, phoneOnly, relation)).isTrue();
    }

    @Test
    void anotherPlaceholderWithoutAValueIsStillAnError() throws Exception {
        Call call = call("""
                method: PATCH
                path: /relation/7
                json: { name: "${relationName}", city: "${changes.address.city}" }
                """);

        assertThatThrownBy(() -> RequestBody.of(call, values(new Changes(null, null, null, null, NEW_ADDRESS, null), Map.of()), null))
                .isInstanceOf(Template.Unexpandable.class).hasMessage("no value for ${relationName}");
    }

    private static Call call(String yaml) throws Exception {
        return YAML.readValue(yaml, Call.class);
    }

    /** The run's values for a rectification of these changes (none: an erasure), with these picked values. */
    private static RunValues values(Changes changes, Map<String, List<String>> picked) {
        ConnectorDefinition def = new ConnectorDefinition("shop", null, ConnectorDefinition.Channel.HTTP, null, null,
                null, null, null, null, null, null, null, null, null);
        Connector connector = new Connector(def, true, Map.of("base-url", "https://shop.example.nl"));
        var request = changes == null ? Requests.erasure("anna.jansen@example.nl")
                : Requests.rectification("anna.jansen@example.nl", changes);
        TaskContext task = new TaskContext(1, request, picked, Path.of("unused"));
        return new RunValues(connector, task, new Retained(connector, Clock.systemUTC()));
    }
}
