package nl.dsrhub.connector;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP Basic with the file's {@code username} and {@code password} (templates, usually settings). Sent by
 * camel-http ({@code authMethod=Basic}, preemptive: with the first call, not after a challenge); in a header of the
 * hub's own only where the file names another {@code header}.
 */
final class BasicAuth implements Authentication {

    private final ConnectorDefinition.Auth auth;

    BasicAuth(ConnectorDefinition.Auth auth) {
        this.auth = auth;
    }

    @Override
    public List<String> ownProblems() {
        return auth.username() == null ? List.of("/http/auth/username: is required for basic auth (e.g. \"${settings.api-key}\")")
                : List.of();
    }

    @Override
    public String endpointOptions(RunValues values) {
        if (ownHeader()) {
            return "";
        }
        return "&authMethod=Basic&authenticationPreemptive=true&authUsername="
                + Authentication.raw(values.expand(auth.username(), null))
                + "&authPassword=" + Authentication.raw(password(values));
    }

    @Override
    public Optional<Map.Entry<String, String>> header(RunValues values, ProcessorCalls calls) {
        if (!ownHeader()) {
            return Optional.empty();
        }
        String pair = values.expand(auth.username(), null) + ":" + password(values);
        return Optional.of(Map.entry(auth.header(),
                "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
    }

    private String password(RunValues values) {
        return auth.password() == null ? "" : values.expand(auth.password(), null);
    }

    private boolean ownHeader() {
        return auth.header() != null && !"Authorization".equalsIgnoreCase(auth.header());
    }
}
