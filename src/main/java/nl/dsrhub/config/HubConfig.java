package nl.dsrhub.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The hub's configuration: the commented defaults in the jar's application.properties, then the
 * --config file (or ./application.properties), then --set overrides, then environment variables
 * (key upper-cased, '.' and '-' as '_').
 *
 * <p>Every setting the hub reads has its default in the jar's application.properties and nowhere else: the hub's
 * settings are read without a fallback ({@link #get}, {@link #getInt}, {@link #getLong}, {@link #getBoolean},
 * {@link #optional}), and a key the file does not hold is a programming error. A value whose default is a number or
 * {@code true}/{@code false} must be one too: otherwise loading stops with one line naming the setting, where the
 * value came from and what is expected. {@link #find} is for the open-ended keys the file cannot list (a connector's
 * own settings, {@code dsr.connector.<name>.<key>}).
 */
public final class HubConfig {

    static final String BUILT_IN = "the built-in application.properties";

    private final Properties defaults;
    private final Properties properties;
    /** Where each key's value in {@link #properties} came from, when not from the built-in defaults. */
    private final Map<String, String> sources;
    private final Map<String, String> environment;

    private HubConfig(Properties defaults, Properties properties, Map<String, String> sources, Map<String, String> environment) {
        this.defaults = defaults;
        this.properties = properties;
        this.sources = sources;
        this.environment = environment;
        SettingTypes.check(this);
    }

    public static HubConfig load(Path configFile, Map<String, String> overrides, Map<String, String> environment) {
        Properties defaults = builtIn();
        Properties p = new Properties();
        p.putAll(defaults);
        Map<String, String> sources = new HashMap<>();
        Path file = configFile != null ? configFile : Path.of("application.properties");
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException("config file not found: " + configFile);
        }
        if (Files.isRegularFile(file)) {
            Properties fromFile = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                fromFile.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage());
            }
            fromFile.stringPropertyNames().forEach(k -> sources.put(k, "the config file " + file));
            p.putAll(fromFile);
        }
        overrides.forEach((k, v) -> {
            p.setProperty(k, v);
            sources.put(k, "the command line (--set " + k + ")");
        });
        return new HubConfig(defaults, p, sources, Map.copyOf(environment));
    }

    /** The commented defaults shipped in the jar: every setting the hub reads, once. */
    static Properties builtIn() {
        Properties p = new Properties();
        try (InputStream in = HubConfig.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("the built-in application.properties is missing from the class path");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in application.properties", e);
        }
        return p;
    }

    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Any key's effective value, empty when unset or blank; for keys the defaults cannot list (a connector's own). */
    public Optional<String> find(String key) {
        String env = environment.get(environmentName(key));
        if (env != null && !env.isBlank()) {
            return Optional.of(env.trim());
        }
        String v = properties.getProperty(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** A setting's value, empty when unset (its default is empty). */
    public Optional<String> optional(String key) {
        requireDefault(key);
        return find(key);
    }

    /** A setting's value; the empty string when unset (its default is empty). */
    public String get(String key) {
        return optional(key).orElse("");
    }

    public int getInt(String key) {
        return SettingTypes.wholeNumber(this, key, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
    }

    public long getLong(String key) {
        return SettingTypes.wholeNumber(this, key, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public boolean getBoolean(String key) {
        return SettingTypes.bool(this, key);
    }

    /** Where a key's effective value comes from, for messages: the environment variable, --set, a file or the defaults. */
    public String source(String key) {
        String env = environment.get(environmentName(key));
        if (env != null && !env.isBlank()) {
            return "the environment variable " + environmentName(key);
        }
        return sources.getOrDefault(key, BUILT_IN);
    }

    /** The built-in default of a setting, which also tells its type. */
    String defaultOf(String key) {
        return requireDefault(key);
    }

    Iterable<String> settings() {
        return defaults.stringPropertyNames();
    }

    private String requireDefault(String key) {
        String value = defaults.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("the setting " + key + " has no default in the built-in application.properties:"
                    + " add it there, commented (an empty value for none)");
        }
        return value.trim();
    }

    public Path dataDir() {
        return Path.of(get("dsr.data-dir")).toAbsolutePath().normalize();
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** Every key with its effective value (empty when unset), for Camel's property placeholders and options. */
    public Properties resolved() {
        Properties out = new Properties();
        for (String key : properties.stringPropertyNames()) {
            out.setProperty(key, find(key).orElse(""));
        }
        out.setProperty("dsr.data-dir", dataDir().toString());
        return out;
    }

    /** A copy with more overrides (the demo points connectors at its simulators this way). */
    public HubConfig with(Map<String, String> more) {
        Properties p = new Properties();
        p.putAll(properties);
        Map<String, String> s = new HashMap<>(sources);
        more.forEach((k, v) -> {
            p.setProperty(k, v);
            s.put(k, "the settings of the command that started the hub");
        });
        return new HubConfig(defaults, p, s, environment);
    }
}
