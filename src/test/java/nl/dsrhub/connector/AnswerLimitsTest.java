package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A connector's own answer limits win over the hub-wide ones, which win over the defaults. */
class AnswerLimitsTest {

    @Test
    void withoutSettingsTheDefaultsApply() {
        AnswerLimits limits = resolve(Map.of(), Map.of()).apply("shop");

        assertThat(limits.maxBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(limits.maxTime()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void hubWideSettingsApplyToEveryConnector() {
        Function<String, AnswerLimits> limits = resolve(Map.of("dsr.connectors.max-answer-bytes", "2048",
                "dsr.connectors.max-answer-seconds", "5"), Map.of());

        assertThat(limits.apply("shop")).isEqualTo(new AnswerLimits("shop", 2048, Duration.ofSeconds(5)));
        assertThat(limits.apply("mailer")).isEqualTo(new AnswerLimits("mailer", 2048, Duration.ofSeconds(5)));
    }

    @Test
    void aConnectorsOwnSettingWinsByPropertyOrEnvironment() {
        Function<String, AnswerLimits> limits = resolve(Map.of("dsr.connectors.max-answer-bytes", "2048",
                "dsr.connector.shop.max-answer-bytes", "4096"), Map.of("DSR_CONNECTOR_MAILER_MAX_ANSWER_SECONDS", "9"));

        assertThat(limits.apply("shop").maxBytes()).isEqualTo(4096);
        assertThat(limits.apply("mailer").maxBytes()).isEqualTo(2048);
        assertThat(limits.apply("mailer").maxTime()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void aValueThatIsNoWholeNumberAboveZeroIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> resolve(Map.of("dsr.connector.shop.max-answer-bytes", "16MB"), Map.of()).apply("shop"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dsr.connector.shop.max-answer-bytes: '16MB' is not a whole number above 0");
        assertThatThrownBy(() -> resolve(Map.of("dsr.connectors.max-answer-seconds", "0"), Map.of()).apply("shop"))
                .hasMessage("dsr.connectors.max-answer-seconds: '0' is not a whole number above 0");
    }

    private static Function<String, AnswerLimits> resolve(Map<String, String> properties, Map<String, String> environment) {
        Function<String, Optional<String>> props = k -> Optional.ofNullable(properties.get(k));
        return AnswerLimits.resolver(new SettingsSource(props, environment), props);
    }
}
