package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import nl.dsrhub.connector.ConnectorDefinition.Step;
import org.junit.jupiter.api.Test;

/**
 * The call journal names each data-changing call so that one step's calls for different targets are told apart (each
 * is made once), and so that it holds no personal data: a target named only in the body is added to the key, a name
 * picked with an id never is.
 */
class JournalKeyTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void aTargetNamedOnlyInTheBodyIsPartOfTheKey() throws Exception {
        Step step = step("""
                id: correct-member
                forEach: memberLists
                request: { method: POST, path: "/member/${subject.email}", form: { list_id: "${each}" } }
                """);

        assertThat(JournaledErasure.callKey(step, "https://api.example.nl/v2/member/a%40example.nl", "list1"))
                .isEqualTo("correct-member POST /v2/member/a%40example.nl [list1]");
        assertThat(JournaledErasure.callKey(step, "https://api.example.nl/v2/member/a%40example.nl", "list2"))
                .isNotEqualTo(JournaledErasure.callKey(step, "https://api.example.nl/v2/member/a%40example.nl", "list1"));
    }

    @Test
    void aTargetInThePathIsNotRepeated() throws Exception {
        Step step = step("""
                id: update-order
                forEach: orders
                request: { method: PATCH, path: "/v3/orders/${each}", json: { name: "${changes.fullName}" } }
                """);

        assertThat(JournaledErasure.callKey(step, "http://127.0.0.1:41234/api/v3/orders/2", "2"))
                .isEqualTo("update-order PATCH /api/v3/orders/2");
    }

    @Test
    void aTargetOnlyTheBodyNamesIsAddedWhateverTheUrlHappensToContain() throws Exception {
        Step step = step("""
                id: update-parcel
                forEach: parcels
                request: { method: PUT, path: "/v2/parcels", json: { parcel: { id: "${each}" } } }
                """);

        // "2" is in "v2" and in the port, but the URL does not name the parcel: the body does
        assertThat(JournaledErasure.callKey(step, "http://127.0.0.1:41234/api/v2/parcels", "2"))
                .isEqualTo("update-parcel PUT /api/v2/parcels [2]");
    }

    @Test
    void aNamePickedWithItsIdNeverGoesIntoTheKey() throws Exception {
        Step step = step("""
                id: correct-relation
                forEach: namedRelations
                request: { method: PATCH, path: "/relation/${each[0]}", json: { name: "${each[1]}" } }
                """);

        assertThat(JournaledErasure.callKey(step, "https://api.example.nl/v1/relation/5042", Tuple.of("5042", "Jan Jansen")))
                .isEqualTo("correct-relation PATCH /v1/relation/5042");
    }

    private static Step step(String yaml) throws Exception {
        return YAML.readValue(yaml, Step.class);
    }
}
