package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallRoutesTest {

    @Test
    void credentialOptionsBecomePlaceholdersOfSecretPropertiesTakenWhole() {
        Map<String, String> secrets = new HashMap<>();
        String endpoint = "http://127.0.0.1:8080?followRedirects=false&authMethod=Basic&authUsername=RAW(ck_1)"
                + "&authPassword=RAW{a&b=c)d}&connectTimeout=5";

        String routed = CallRoutes.withSecretsApart("shop", endpoint, secrets);

        assertThat(routed).isEqualTo("http://127.0.0.1:8080?followRedirects=false&authMethod=Basic"
                + "&authUsername={{dsr.call.shop.authUsername.secret}}&authPassword={{dsr.call.shop.authPassword.secret}}"
                + "&connectTimeout=5");
        assertThat(secrets).containsEntry("dsr.call.shop.authUsername.secret", "RAW(ck_1)")
                .containsEntry("dsr.call.shop.authPassword.secret", "RAW{a&b=c)d}");
    }

    @Test
    void anEndpointWithoutCredentialsIsLeftAsItIs() {
        Map<String, String> secrets = new HashMap<>();
        String endpoint = "https://api.example.com?throwExceptionOnFailure=false&connectTimeout=30000";

        assertThat(CallRoutes.withSecretsApart("shop", endpoint, secrets)).isEqualTo(endpoint);
        assertThat(secrets).isEmpty();
    }
}
