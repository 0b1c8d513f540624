package nl.dsrhub.connector;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a connector's settings come from, strongest first: the environment variable
 * {@code DSR_CONNECTOR_<NAME>_<KEY>}, then the property {@code dsr.connector.<name>.<key>}
 * (application.properties, --config file or -D), then the connector file's default.
 */
public final class SettingsSource {

    private final Function<String, Optional<String>> properties;
    private final Map<String, String> environment;

    public SettingsSource(Function<String, Optional<String>> properties, Map<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    public static String propertyName(String connector, String key) {
        return "dsr.connector." + connector + "." + key;
    }

    public static String environmentName(String connector, String key) {
        return ("DSR_CONNECTOR_" + connector + "_" + key).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    public Optional<String> get(String connector, String key) {
        String env = environment.get(environmentName(connector, key));
        if (env != null && !env.isBlank()) {
            return Optional.of(env);
        }
        return properties.apply(propertyName(connector, key)).filter(v -> !v.isBlank());
    }
}
