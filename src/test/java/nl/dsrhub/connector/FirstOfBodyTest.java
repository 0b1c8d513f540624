package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.dsrhub.connector.ConnectorDefinition.Call;
import nl.dsrhub.model.Particulars.Changes;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.Test;

/**
 * A {@code json} field written {@code {firstOf: [...]}}: for a field the processor requires on every update
 * (e-Boekhouden's relation name), the corrected value when the request has one, else the value the processor has,
 * which is no correction: with nothing else corrected, the call is not made.
 */
class FirstOfBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

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
