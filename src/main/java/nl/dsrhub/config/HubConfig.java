package nl.dsrhub.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The hub's configuration: the commented defaults in the jar's application.properties, then the
 * --config file (or ./application.properties), then --set overrides, then environment variables
 * (key upper-cased, '.' and '-' as '_').
 */
public final class HubConfig {

    private final Properties properties;
    private final Map<String, String> environment;

    private HubConfig(Properties properties, Map<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    public static HubConfig load(Path configFile, Map<String, String> overrides, Map<String, String> environment) {
        Properties p = new Properties();
        try (InputStream in = HubConfig.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in application.properties", e);
        }
        Path file = configFile != null ? configFile : Path.of("application.properties");
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException("config file not found: " + configFile);
        }
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage());
            }
        }
        overrides.forEach(p::setProperty);
        return new HubConfig(p, Map.copyOf(environment));
    }

    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    public Optional<String> find(String key) {
        String env = environment.get(environmentName(key));
        if (env != null && !env.isBlank()) {
            return Optional.of(env);
        }
        String v = properties.getProperty(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    public String get(String key, String fallback) {
        return find(key).orElse(fallback);
    }

    public int getInt(String key, int fallback) {
        return find(key).map(Integer::parseInt).orElse(fallback);
    }

    public Path dataDir() {
        return Path.of(get("dsr.data-dir", "data")).toAbsolutePath().normalize();
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** Every key with its effective value, for Camel's property placeholders. */
    public Properties resolved() {
        Properties out = new Properties();
        for (String key : properties.stringPropertyNames()) {
            find(key).ifPresent(v -> out.setProperty(key, v));
        }
        out.setProperty("dsr.data-dir", dataDir().toString());
        return out;
    }

    /** A copy with more overrides (the demo points connectors at its simulators this way). */
    public HubConfig with(Map<String, String> more) {
        Properties p = new Properties();
        p.putAll(properties);
        more.forEach(p::setProperty);
        return new HubConfig(p, environment);
    }
}
