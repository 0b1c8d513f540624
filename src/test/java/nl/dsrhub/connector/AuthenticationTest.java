package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.dsrhub.connector.ConnectorDefinition.Auth;
import nl.dsrhub.connector.ConnectorDefinition.Call;
import org.junit.jupiter.api.Test;

/** Each authentication style alone: what it needs of the connector file and how its credentials travel. */
class AuthenticationTest {

    private static RunValues values(Map<String, String> settings) {
        ConnectorDefinition def = new ConnectorDefinition("shop", null, ConnectorDefinition.Channel.HTTP, null, null,
                null, null, null, null, null, null, null, null, null);
        Connector connector = new Connector(def, true, settings);
        return new RunValues(connector, null, new Retained(connector, java.time.Clock.systemUTC()));
    }

    private static Auth auth(String type, String username, String password, String token, String header, String prefix) {
        return new Auth(type, username, password, token, null, null, header, prefix);
    }

    @Test
    void basicTravelsAsCamelHttpsPreemptiveBasicOptionsTakenLiterally() {
        Authentication basic = Authentication.of(auth("basic", "${settings.key}", "${settings.secret}", null, null, null));

        assertThat(basic.endpointOptions(values(Map.of("key", "ck_1", "secret", "a&b+c"))))
                .isEqualTo("&authMethod=Basic&authenticationPreemptive=true&authUsername=RAW(ck_1)&authPassword=RAW(a&b+c)");
        assertThat(basic.header(values(Map.of("key", "ck_1", "secret", "s")), null)).isEmpty();
    }

    @Test
    void basicInAHeaderOfItsOwnIsSentByTheHub() {
        Authentication basic = Authentication.of(auth("basic", "user", null, null, "X-Auth", null));

        assertThat(basic.endpointOptions(values(Map.of()))).isEmpty();
        assertThat(basic.header(values(Map.of()), null)).contains(Map.entry("X-Auth", "Basic dXNlcjo="));
    }

    @Test
    void bearerSendsTheTokenAfterItsPrefix() {
        assertThat(Authentication.of(auth("bearer", null, null, "${settings.token}", null, null))
                .header(values(Map.of("token", "live_x")), null)).contains(Map.entry("Authorization", "Bearer live_x"));
        assertThat(Authentication.of(auth("bearer", null, null, "t", "X-Api-Key", "")).header(values(Map.of()), null))
                .contains(Map.entry("X-Api-Key", "t"));
    }

    @Test
    void noneSendsNothing() {
        Authentication none = Authentication.of(auth("none", null, null, null, null, null));

        assertThat(none.endpointOptions(values(Map.of()))).isEmpty();
        assertThat(none.header(values(Map.of()), null)).isEmpty();
    }

    @Test
    void anUnknownStyleIsRefusedNamingTheStylesKnown() {
        assertThat(Authentication.problems(auth("oauth", null, null, null, null, null)))
                .containsExactly("/http/auth/type: 'oauth' is no authentication style; known: basic, bearer, none, session");
    }

    @Test
    void eachStyleNamesWhatItNeeds() {
        assertThat(Authentication.problems(auth("basic", null, null, null, null, null)))
                .containsExactly("/http/auth/username: is required for basic auth (e.g. \"${settings.api-key}\")");
        assertThat(Authentication.problems(auth("bearer", null, null, null, null, null)))
                .containsExactly("/http/auth/token: is required for bearer auth (e.g. \"${settings.api-key}\")");
        assertThat(Authentication.problems(new Auth("session", null, null, null, new Call("POST", "/session", null, null, null, null),
                null, null, null))).containsExactly(
                "/http/auth/tokenPath: is required for session auth (where the login answer holds the token)");
    }
}
