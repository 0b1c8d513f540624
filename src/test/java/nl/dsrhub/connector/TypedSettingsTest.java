package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings with types, and the connector file's schema: a wrong value names file, setting and expected type. */
class TypedSettingsTest {

    @TempDir
    Path folder;

    private static SettingsSource set(Map<String, String> properties) {
        // the shipped connectors' settings all set (their fiscal year's end by its default), these as given
        return new SettingsSource(key -> Optional.ofNullable(properties.get(key))
                .or(() -> key.endsWith(".fiscal-year-end") || key.endsWith(".anonymise-orders") || key.endsWith(".mailchimp-plugin") || key.startsWith("dsr.connector.shop.") ? Optional.empty()
                        : Optional.of("set-" + key)), Map.of());
    }

    private void write(String settings) throws Exception {
        Files.writeString(folder.resolve("shop.yaml"), ConnectorCatalogTest.validConnector("shop")
                .replace("  token: { secret: true, required: true }\n", "  token: { type: secret, required: true }\n" + settings));
    }

    @Test
    void aBooleanSettingSetToSomethingElseNamesFileSettingAndType() throws Exception {
        write("  anonymise: { type: boolean, default: \"true\" }\n");

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, set(Map.of("dsr.connector.shop.token", "t",
                "dsr.connector.shop.anonymise", "yes"))))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining(folder.getFileName() + "/shop.yaml: /settings/anonymise: 'yes' is not boolean "
                        + "(true or false): set property dsr.connector.shop.anonymise or environment variable "
                        + "DSR_CONNECTOR_SHOP_ANONYMISE to one");
    }

    @Test
    void integerAndDurationSettingsTakeTheirKindOfValue() throws Exception {
        write("  page-size: { type: integer, default: \"100\" }\n  wait: { type: duration, default: \"30s\" }\n");

        Connector shop = ConnectorCatalog.load(folder, set(Map.of("dsr.connector.shop.token", "t"))).get("shop");
        assertThat(shop.setting("page-size")).contains("100");
        assertThatThrownBy(() -> ConnectorCatalog.load(folder, set(Map.of("dsr.connector.shop.token", "t",
                "dsr.connector.shop.wait", "soon"))))
                .hasMessageContaining("/settings/wait: 'soon' is not duration (a duration such as 30s, 5m or 1h)");
    }

    @Test
    void aSecretsWrongValueIsNeverShown() throws Exception {
        write("  pin: { type: integer, secret: true }\n");

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, set(Map.of("dsr.connector.shop.token", "t",
                "dsr.connector.shop.pin", "hunter2"))))
                .hasMessageContaining("/settings/pin: the value is not integer")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void aSecretTypedSettingIsSecret() throws Exception {
        write("");

        assertThat(ConnectorCatalog.load(folder, set(Map.of("dsr.connector.shop.token", "t"))).get("shop")
                .definition().settings().get("token").isSecret()).isTrue();
    }

    @Test
    void anUnknownSettingTypeIsRefusedByTheSchemaNamingThePath() throws Exception {
        write("  page-size: { type: number }\n");

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, set(Map.of("dsr.connector.shop.token", "t"))))
                .hasMessageContaining("shop.yaml: /settings/page-size/type: ")
                .hasMessageContaining("[\"string\", \"boolean\", \"integer\", \"duration\", \"secret\"]");
    }

    @Test
    void aRateWithoutACountIsRefusedByTheSchema() throws Exception {
        Files.writeString(folder.resolve("shop.yaml"), ConnectorCatalogTest.validConnector("shop")
                + "limits: { requests: { per: 1m } }\n");

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, set(Map.of("dsr.connector.shop.token", "t"))))
                .hasMessageContaining("shop.yaml: /limits/requests: required property 'count' not found");
    }
}
