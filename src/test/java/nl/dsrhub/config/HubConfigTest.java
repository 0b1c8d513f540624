package nl.dsrhub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubConfigTest {

    @TempDir
    Path dir;

    private Path configFile(String text) throws IOException {
        return Files.writeString(dir.resolve("hub.properties"), text);
    }

    @Test
    void aSettingNobodyGaveHasTheDefaultOfApplicationProperties() {
        HubConfig config = HubConfig.load(null, Map.of(), Map.of());

        assertThat(config.getInt("dsr.purge.after-days")).isEqualTo(30);
        assertThat(config.source("dsr.purge.after-days")).isEqualTo("the built-in application.properties");
    }

    @Test
    void theConfigFileWinsOverTheDefault() throws IOException {
        HubConfig config = HubConfig.load(configFile("dsr.purge.after-days = 20\n"), Map.of(), Map.of());

        assertThat(config.getInt("dsr.purge.after-days")).isEqualTo(20);
    }

    @Test
    void setWinsOverTheConfigFile() throws IOException {
        HubConfig config = HubConfig.load(configFile("dsr.purge.after-days = 20\n"), Map.of("dsr.purge.after-days", "10"), Map.of());

        assertThat(config.getInt("dsr.purge.after-days")).isEqualTo(10);
    }

    @Test
    void theEnvironmentWinsOverSet() throws IOException {
        HubConfig config = HubConfig.load(configFile("dsr.purge.after-days = 20\n"), Map.of("dsr.purge.after-days", "10"),
                Map.of("DSR_PURGE_AFTER_DAYS", "5"));

        assertThat(config.getInt("dsr.purge.after-days")).isEqualTo(5);
        assertThat(config.resolved().getProperty("dsr.purge.after-days")).isEqualTo("5");
    }

    @Test
    void anEmptyDefaultIsAnUnsetSetting() {
        HubConfig config = HubConfig.load(null, Map.of(), Map.of());

        assertThat(config.optional("dsr.db.url")).isEmpty();
        assertThat(config.get("dsr.controller.name")).isEmpty();
    }

    @Test
    void readingASettingWithoutADefaultIsAProgrammingError() {
        HubConfig config = HubConfig.load(null, Map.of("dsr.no-such-setting", "1"), Map.of());

        assertThatThrownBy(() -> config.getInt("dsr.no-such-setting")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dsr.no-such-setting has no default in the built-in application.properties");
    }

    @Test
    void aWordWhereANumberBelongsStopsLoadingNamingTheVariableItCameFrom() {
        assertThatThrownBy(() -> HubConfig.load(null, Map.of(), Map.of("DSR_PURGE_AFTER_DAYS", "thirty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dsr.purge.after-days = \"thirty\" (from the environment variable DSR_PURGE_AFTER_DAYS) is not a"
                        + " whole number; the default is 30");
    }

    @Test
    void aWrongNumberGivenWithSetIsReportedAsSet() {
        assertThatThrownBy(() -> HubConfig.load(null, Map.of("camel.server.port", "80 80"), Map.of()))
                .hasMessage("camel.server.port = \"80 80\" (from the command line (--set camel.server.port)) is not a whole"
                        + " number; the default is 8080");
    }

    @Test
    void aWrongNumberInTheConfigFileNamesTheFile() throws IOException {
        Path file = configFile("dsr.retry.max-attempts = 2.5\n");

        assertThatThrownBy(() -> HubConfig.load(file, Map.of(), Map.of()))
                .hasMessage("dsr.retry.max-attempts = \"2.5\" (from the config file " + file + ") is not a whole number;"
                        + " the default is 24");
    }

    @Test
    void aSwitchTakesOnlyTrueOrFalse() {
        assertThatThrownBy(() -> HubConfig.load(null, Map.of("dsr.mail.enabled", "yes"), Map.of()))
                .hasMessage("dsr.mail.enabled = \"yes\" (from the command line (--set dsr.mail.enabled)) is not true or false;"
                        + " the default is false");
    }

    @Test
    void aNumberTooLargeForItsUseIsRefusedWhenRead() {
        HubConfig config = HubConfig.load(null, Map.of("dsr.purge.after-days", "9999999999"), Map.of());

        assertThatThrownBy(() -> config.getInt("dsr.purge.after-days"))
                .hasMessageContaining("is not a whole number (at most 2147483647)");
    }

    @Test
    void aConnectorsOwnSettingNeedsNoDefault() {
        HubConfig config = HubConfig.load(null, Map.of(), Map.of("DSR_CONNECTOR_SHOP_TOKEN", "t"));

        assertThat(config.find("dsr.connector.shop.token")).contains("t");
    }
}
