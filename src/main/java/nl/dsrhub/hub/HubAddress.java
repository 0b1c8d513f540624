package nl.dsrhub.hub;

import java.net.URI;
import java.util.Optional;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.web.AccessToken;

/** Where the running hub answers (dashboard, API) and the token that opens it, from the effective configuration. */
public record HubAddress(AccessToken accessToken, HubConfig config) {

    public String token() {
        return accessToken.value();
    }

    public String dashboardUrl() {
        return "http://" + config.get("camel.server.host") + ":" + config.get("camel.server.port") + "/";
    }

    /**
     * Where this hub's API answers for a command on the same machine, or empty when the HTTP server is off. A server
     * on every interface (0.0.0.0) is reached on loopback.
     */
    public Optional<URI> apiUrl() {
        if (!config.getBoolean("camel.server.enabled")) {
            return Optional.empty();
        }
        String host = config.get("camel.server.host");
        host = switch (host) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
        return Optional.of(URI.create("http://" + host + ":" + config.get("camel.server.port") + "/"));
    }
}
