package nl.dsrhub.connector;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The connectors of this installation: the ones shipped in the jar ({@code classpath:connectors/}),
 * overridden or extended by the files in the configured connectors folder. Every file is validated
 * at start; any problem stops start-up with a message naming the file and the field.
 */
public final class ConnectorCatalog {


    private final Map<String, Connector> connectors;

    private ConnectorCatalog(Map<String, Connector> connectors) {
        this.connectors = connectors;
    }

    /** Loads the shipped connectors and those in {@code folder} (may be null or absent), for running them. */
    public static ConnectorCatalog load(Path folder, SettingsSource settings) {
        return load(folder, settings, true);
    }

    /**
     * @param requireSettings false for commands that only need the connectors' names and facts
     *                        ({@code status}, {@code submit}): missing credentials are no error there
     */
    public static ConnectorCatalog load(Path folder, SettingsSource settings, boolean requireSettings) {
        Map<String, Source> sources = new TreeMap<>();
        for (Source s : classpathSources()) {
            sources.put(s.fileName(), s);
        }
        if (folder != null && Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(ConnectorCatalog::isYaml).sorted().forEach(p -> sources.put(p.getFileName().toString(),
                        new Source(folder.getFileName() + "/" + p.getFileName(), p.getFileName().toString(), read(p))));
            } catch (IOException e) {
                throw new ConnectorConfigException(List.of(folder + ": cannot list: " + e.getMessage()));
            }
        }
        return fromSources(sources.values(), settings, requireSettings);
    }

    /** A connector file's text and the name it is reported under. */
    public record Source(String displayName, String fileName, String text) {
    }

    public static ConnectorCatalog fromSources(Collection<Source> sources, SettingsSource settings,
                                               boolean requireSettings) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        List<String> problems = new ArrayList<>();
        Map<String, Connector> loaded = new LinkedHashMap<>();
        for (Source source : sources) {
            ConnectorDefinition def;
            try {
                com.fasterxml.jackson.databind.JsonNode tree = yaml.readTree(source.text());
                // the shipped schema first: the shape and the types of the values, each with its pointer
                List<String> shape = tree == null || tree.isMissingNode() ? List.of() : ConnectorSchema.problems(tree);
                if (shape.isEmpty() && tree != null) {
                    // steps come in sections named by the request types: any other name is a typo, said as such
                    shape = ConnectorFileRules.unknownFields(tree);
                }
                if (!shape.isEmpty()) {
                    shape.forEach(p -> problems.add(source.displayName() + ": " + p));
                    continue;
                }
                def = tree == null || tree.isMissingNode() || tree.isNull() ? null : yaml.treeToValue(tree, ConnectorDefinition.class);
            } catch (JsonMappingException e) {
                problems.add(source.displayName() + ": " + describe(e));
                continue;
            } catch (IOException e) {
                problems.add(source.displayName() + ": not valid YAML: " + firstLine(e.getMessage()));
                continue;
            }
            if (def == null) {
                problems.add(source.displayName() + ": the file is empty");
                continue;
            }
            List<String> own = ConnectorFileRules.validate(def, source.fileName());
            own.forEach(p -> problems.add(source.displayName() + ": " + p));
            if (own.isEmpty()) {
                Connector c = configure(def, settings, requireSettings, problems, source.displayName());
                if (c != null) {
                    loaded.put(def.name(), c);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConnectorConfigException(problems);
        }
        return new ConnectorCatalog(loaded);
    }

    public Collection<Connector> all() {
        return connectors.values();
    }

    public List<Connector> enabled() {
        return connectors.values().stream().filter(Connector::enabled).toList();
    }

    public Optional<Connector> find(String name) {
        return Optional.ofNullable(connectors.get(name));
    }

    public Connector get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no connector " + name));
    }

    public Set<String> names() {
        return connectors.keySet();
    }

    /** Which connectors can provide the identifier (so the planner knows whom a waiting task waits for). */
    public List<Connector> providersOf(String identifier) {
        return enabled().stream().filter(c -> c.definition().provides().contains(identifier)).toList();
    }

    private static Connector configure(ConnectorDefinition def, SettingsSource source, boolean requireSettings,
                                       List<String> problems, String file) {
        Map<String, String> values = new HashMap<>();
        boolean enabled = source.get(def.name(), Connector.ENABLED).map(Boolean::parseBoolean)
                .orElse(def.enabled() == null || def.enabled());
        List<String> missing = new ArrayList<>();
        def.settings().forEach((key, setting) -> {
            Optional<String> v = source.get(def.name(), key);
            String value = v.orElse(setting.defaultValue());
            if (value != null) {
                values.put(key, value);
            } else if (setting.isRequired()) {
                missing.add(key);
            }
        });
        def.settings().forEach((key, setting) -> {
            String value = values.get(key);
            SettingType type = SettingType.named(setting.type());
            if (value != null && !type.accepts(value)) {
                // a secret's value is never shown, not even a wrong one
                problems.add(file + ": /settings/" + key + ": " + (setting.isSecret() ? "the value" : "'" + value + "'")
                        + " is not " + type.wireName() + " (" + type.example() + "): set property "
                        + SettingsSource.propertyName(def.name(), key) + " or environment variable "
                        + SettingsSource.environmentName(def.name(), key) + " to one, or fix the file's default");
            }
        });
        String fiscalYear = RetentionRules.fiscalYearProblem(values);
        if (fiscalYear != null) {
            problems.add(file + ": " + fiscalYear);
            return null;
        }
        if (enabled && !missing.isEmpty() && requireSettings) {
            for (String key : missing) {
                problems.add(file + ": /settings/" + key + ": required but not set: set property "
                        + SettingsSource.propertyName(def.name(), key) + " or environment variable "
                        + SettingsSource.environmentName(def.name(), key)
                        + " (or disable the connector with " + SettingsSource.propertyName(def.name(), "enabled") + "=false)");
            }
            return null;
        }
        return new Connector(def, enabled, Map.copyOf(values));
    }

    private static String describe(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        String where = pointer.length() == 0 ? "/" : pointer.toString();
        if (e instanceof UnrecognizedPropertyException u) {
            return where + ": unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException f) {
            return where + ": '" + f.getValue() + "' is not a valid " + f.getTargetType().getSimpleName().toLowerCase(Locale.ROOT);
        }
        return where + ": " + firstLine(e.getOriginalMessage());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new ConnectorConfigException(List.of(p + ": cannot read: " + e.getMessage()));
        }
    }

    /** The connector files shipped in the jar (or in target/classes when run from the build). */
    static List<Source> classpathSources() {
        URL url = ConnectorCatalog.class.getClassLoader().getResource("connectors");
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return listSources(fs.getPath("connectors"));
                }
            }
            return listSources(Path.of(uri));
        } catch (Exception e) {
            throw new ConnectorConfigException(List.of("classpath:connectors: cannot list: " + e.getMessage()));
        }
    }

    private static List<Source> listSources(Path dir) throws IOException {
        List<Source> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(ConnectorCatalog::isYaml).sorted().toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    String name = p.getFileName().toString();
                    out.add(new Source("connectors/" + name, name, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
                }
            }
        }
        return out;
    }
}
