package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.dsrhub.model.RequestType;
import org.junit.jupiter.api.Test;

/**
 * A connector file's steps come in sections named by the request types ({@link RequestType#sections()}): the file's
 * reader keeps any section by its name, so a new type's section needs no change here, and the checks refuse a section
 * no type runs, naming the file and the section.
 */
class ConnectorSectionsTest {

    private static final SettingsSource CREDENTIALS = new SettingsSource(key -> Optional.of("secret-" + key), Map.of());

    private static final String ERASE = """
            erase:
              - id: remove
                request: { method: DELETE, path: /people/1 }
                says: { nl: "Uw account is verwijderd.", en: "Your account was deleted." }
            """;

    @Test
    void theReaderKeepsEverySectionByItsName() throws Exception {
        String yaml = ConnectorCatalogTest.validConnector("shop") + ERASE + ERASE.replace("erase:", "rectify:");

        ConnectorDefinition def = new ObjectMapper(new YAMLFactory()).readValue(yaml, ConnectorDefinition.class);

        assertThat(def.sections().keySet()).containsExactlyInAnyOrder("find", "erase", "rectify");
        assertThat(def.section("rectify")).extracting(ConnectorDefinition.Step::id).containsExactly("remove");
        assertThat(def.section("restrict")).isEmpty();
    }

    @Test
    void aTypeRunsTheSectionItNamesAfterFind() throws Exception {
        ConnectorDefinition def = catalog(ConnectorCatalogTest.validConnector("shop") + ERASE).get("shop").definition();

        for (RequestType type : RequestType.values()) {
            List<ConnectorDefinition.Step> expected = type.changes().map(def::section).orElse(List.of());
            assertThat(def.changes(type)).as(type.wire()).isEqualTo(expected);
            assertThat(type.sections().get(0)).isEqualTo(RequestType.FIND);
        }
        assertThat(def.changes(RequestType.fromWire("erasure"))).extracting(ConnectorDefinition.Step::id).containsExactly("remove");
        assertThat(def.changes(RequestType.fromWire("export"))).isEmpty();
    }

    @Test
    void aSectionNoRequestTypeRunsIsRefusedNamingFileAndSection() {
        String yaml = ConnectorCatalogTest.validConnector("shop") + ERASE.replace("erase:", "anonymise:");

        assertThatThrownBy(() -> catalog(yaml))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("connectors/shop.yaml: /anonymise: unknown field 'anonymise'")
                .hasMessageContaining("the sections a request type runs: " + String.join(", ", RequestType.allSections()));
    }

    @Test
    void aMistypedFieldIsAnUnknownFieldNotAStepList() {
        String yaml = ConnectorCatalogTest.validConnector("shop").replace("title: Shop", "titel: Shop");

        assertThatThrownBy(() -> catalog(yaml))
                .hasMessageContaining("connectors/shop.yaml: /titel: unknown field 'titel'")
                .hasMessageNotContaining("deserialize");
    }

    @Test
    void aStepForOneTypeOnlyNamesAType() {
        String yaml = ConnectorCatalogTest.validConnector("shop").replace("    keep: person", "    keep: person\n    only: anonymisation");

        assertThatThrownBy(() -> catalog(yaml))
                .hasMessageContaining("/find/0/only: must be one of " + String.join(", ", RequestType.wireNames()));
    }

    @Test
    void aStepRunsForEachTypeItsOnlyLists() throws Exception {
        String yaml = ConnectorCatalogTest.validConnector("shop").replace("    keep: person",
                "    keep: person\n    only: [erasure, rectification]");

        ConnectorDefinition.Step step = catalog(yaml).get("shop").definition().find().get(0);

        assertThat(RequestType.values()).filteredOn(step::runsFor).extracting(RequestType::wire)
                .containsExactly("erasure", "rectification");
    }

    @Test
    void aCaseForTheOfficerSaysWhatItMeans() {
        String yaml = ConnectorCatalogTest.validConnector("shop") + ERASE.replace("erase:", "rectify:")
                + "    attentionOn: { status: [400], path: \"$.code\", values: [taken] }\n";

        assertThatThrownBy(() -> catalog(yaml)).hasMessageContaining("connectors/shop.yaml: /rectify/0/attentionOn");
    }

    @Test
    void anApiConnectorIsAskedForAnObjectionOnlyWhenItHasStepsForIt() {
        Connector without = catalog(ConnectorCatalogTest.validConnector("shop") + ERASE).get("shop");
        Connector with = catalog(ConnectorCatalogTest.validConnector("shop") + ERASE.replace("erase:", "object:")).get("shop");

        assertThat(without.handles(RequestType.OBJECTION)).isFalse();
        assertThat(with.handles(RequestType.OBJECTION)).isTrue();
    }

    @Test
    void everyConnectorIsAskedForATypeWhoseRecipientsMustAllBeTold() {
        Connector withoutSteps = catalog(ConnectorCatalogTest.validConnector("shop") + ERASE).get("shop");

        // art. 19: the officer tells it by hand when the hub has no way to (the task needs attention, saying so)
        assertThat(withoutSteps.handles(RequestType.RECTIFICATION)).isTrue();
        assertThat(withoutSteps.handles(RequestType.RESTRICTION)).isTrue();
        assertThat(withoutSteps.handles(RequestType.EXPORT)).isTrue();
    }

    @Test
    void aChangePlaceholderOutsideTheKnownOnesIsRefusedNamingThem() {
        String yaml = ConnectorCatalogTest.validConnector("shop") + """
                rectify:
                  - id: update
                    request: { method: PUT, path: /people/1, json: { nickname: "${changes.nickname}" } }
                    says: { nl: "Uw gegevens zijn aangepast.", en: "Your details were corrected." }
                """;

        assertThatThrownBy(() -> catalog(yaml))
                .hasMessageContaining("/rectify/0/request/json/nickname: ${changes.nickname} is no change a request can name")
                .hasMessageContaining("changes.address.line1");
    }

    private static ConnectorCatalog catalog(String yaml) {
        return ConnectorCatalog.fromSources(List.of(new ConnectorCatalog.Source("connectors/shop.yaml", "shop.yaml", yaml)),
                CREDENTIALS, true);
    }
}
