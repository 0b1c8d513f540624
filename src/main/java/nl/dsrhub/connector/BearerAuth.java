package nl.dsrhub.connector;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bearer token (the file's {@code token}, a template), in {@code header} (default {@code Authorization}) after
 * {@code prefix} (default {@code "Bearer "}). Sent by the hub itself, not through camel-http's
 * {@code authBearerToken}: with {@code authenticationPreemptive} every call failed in camel-http 4.16
 * (IllegalStateException, seen in the connector tests).
 */
final class BearerAuth implements Authentication {

    private final ConnectorDefinition.Auth auth;

    BearerAuth(ConnectorDefinition.Auth auth) {
        this.auth = auth;
    }

    @Override
    public List<String> ownProblems() {
        return auth.token() == null ? List.of("/http/auth/token: is required for bearer auth (e.g. \"${settings.api-key}\")")
                : List.of();
    }

    @Override
    public Optional<Map.Entry<String, String>> header(RunValues values, ProcessorCalls calls) {
        String name = auth.header() == null ? "Authorization" : auth.header();
        String prefix = auth.prefix() == null ? "Bearer " : auth.prefix();
        return Optional.of(Map.entry(name, prefix + values.expand(auth.token(), null)));
    }
}
