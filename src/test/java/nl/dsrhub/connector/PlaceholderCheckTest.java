package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A placeholder the file does not declare stops the start, naming file, path and the fix, before any task runs. */
class PlaceholderCheckTest {

    private static final SettingsSource CREDENTIALS = new SettingsSource(key -> key.endsWith(".fiscal-year-end") || key.endsWith(".anonymise-orders") || key.endsWith(".mailchimp-plugin")
            ? Optional.empty() : Optional.of("secret"), Map.of());

    @TempDir
    Path folder;

    private void write(String connector) throws Exception {
        Files.writeString(folder.resolve("shop.yaml"), connector);
    }

    private static String shop() {
        return ConnectorCatalogTest.validConnector("shop");
    }

    @Test
    void everyShippedConnectorsPlaceholdersAreDeclared() {
        for (Connector c : ConnectorCatalog.load(null, CREDENTIALS).all()) {
            assertThat(PlaceholderCheck.problems(c.definition())).as(c.name()).isEmpty();
        }
    }

    @Test
    void aSettingThatIsNotDeclaredNamesTheSettingsThereAre() throws Exception {
        write(shop().replace("path: /people", "path: \"/lists/${settings.list-id}/people\""));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining(folder.getFileName() + "/shop.yaml: /find/0/request/path: ${settings.list-id} names "
                        + "no declared setting: declare 'list-id' under /settings, or use one of [base-url, token]");
    }

    @Test
    void eachOutsideAForEachStepSaysToAddForEach() throws Exception {
        write(shop().replace("path: /people", "path: \"/people/${each}\""));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("shop.yaml: /find/0/request/path: ${each} is only known in a step with forEach: "
                        + "add forEach to the step");
    }

    @Test
    void aMisspelledPlaceholderIsNotKnown() throws Exception {
        write(shop().replace("${subject.email}", "${subjct.email}"));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("shop.yaml: /find/0/request/query/email: ${subjct.email} is not known: use subject.email");
    }

    @Test
    void anIdentifierPickedByALaterStepIsNotKnownBeforeIt() throws Exception {
        write(shop().replace("    keep: person\n", """
                    keep: person
                  - id: orders
                    request: { method: GET, path: "/orders/${id.shop.orderId}" }
                  - id: people
                    request: { method: GET, path: /people, query: { email: "${subject.email}" } }
                    pick: { shop.orderId: "$[*].order" }
                """));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("shop.yaml: /find/1/request/path: ${id.shop.orderId} is not known");
    }

    @Test
    void theSubjectIsNotKnownToTheCheckCall() throws Exception {
        write(shop() + "check: { method: GET, path: /people, query: { email: \"${subject.email}\" } }\n");

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("shop.yaml: /check/query/email: ${subject.email} is not known here (no subject");
    }

    @Test
    void picksOfEarlierStepsDatesAndEachPartsAreKnown() throws Exception {
        write(shop().replace("    keep: person\n", """
                    keep: person
                    pickPairs: { shop.pair: "$[?(@.date < '${fiscalYearsAgo.7}')].id" }
                  - id: pair
                    forEach: shop.pair
                    request: { method: GET, path: "/stores/${each[0]}/people/${each[1]}" }
                """));

        assertThat(ConnectorCatalog.load(folder, CREDENTIALS).get("shop").definition().find()).hasSize(2);
    }
}
