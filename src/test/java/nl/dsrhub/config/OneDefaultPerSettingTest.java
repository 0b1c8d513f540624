package nl.dsrhub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each setting's default lives in one place, src/main/resources/application.properties: every key the code and the
 * routes read is there, and the README's settings table says the same defaults.
 */
class OneDefaultPerSettingTest {

    /**
     * A setting read by the code: {@code config.getInt("dsr.x")}, {@code settings.apply("dsr.x")} and the like, and
     * {@code @PropertyInject("dsr.x")} in the hub's configuration classes.
     */
    private static final Pattern READ_IN_CODE = Pattern.compile(
            "(?:\\.(?:get|getInt|getLong|getBoolean|optional|apply)|@PropertyInject)\\(\"((?:dsr|camel)\\.[a-z0-9.-]+)\"\\)");
    /** A setting read by a route: {@code {{dsr.x}}}. */
    private static final Pattern READ_IN_ROUTE = Pattern.compile("\\{\\{((?:dsr|camel)\\.[a-z0-9.-]+)}}");
    /** Placeholders the hub makes itself from other settings (HubProperties: the IMAP endpoint with its options). */
    private static final List<String> DERIVED = List.of("dsr.mail.imap.uri");

    private static final Properties DEFAULTS = HubConfig.builtIn();

    @Test
    void everySettingTheCodeReadsHasItsDefaultInApplicationProperties() throws IOException {
        TreeMap<String, Path> read = keys(READ_IN_CODE, Path.of("src/main/java"), ".java");
        read.putAll(keys(READ_IN_CODE, Path.of("src/demo/java"), ".java"));
        assertThat(read).as("settings the code reads").hasSizeGreaterThan(40);
        read.keySet().removeIf(DEFAULTS::containsKey);
        assertThat(read).as("settings read without a default in application.properties (key: the file reading it)").isEmpty();
    }

    @Test
    void everySettingTheRoutesReadHasItsDefaultInApplicationProperties() throws IOException {
        TreeMap<String, Path> read = keys(READ_IN_ROUTE, Path.of("routes"), ".yaml");
        assertThat(read).as("settings the routes read").hasSizeGreaterThan(10);
        read.keySet().removeIf(k -> DEFAULTS.containsKey(k) || DERIVED.contains(k));
        assertThat(read).as("placeholders without a default in application.properties (key: the route file)").isEmpty();
    }

    @Test
    void theReadmeTableNamesOnlySettingsOfApplicationPropertiesWithTheirDefaults() throws IOException {
        List<String> problems = new ArrayList<>();
        int rows = 0;
        for (String row : configurationTable()) {
            String[] cells = row.split("\\|");
            List<String> keys = backticked(cells[1]);
            List<String> values = backticked(cells[2]);
            rows++;
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                if (!DEFAULTS.containsKey(key)) {
                    problems.add(key + ": in the README, not in application.properties");
                } else if (values.size() == keys.size() && !values.get(i).equals(DEFAULTS.getProperty(key).trim())) {
                    problems.add(key + ": README says " + values.get(i) + ", application.properties " + DEFAULTS.getProperty(key));
                } else if (cells[2].trim().equals("empty") && !DEFAULTS.getProperty(key).isBlank()) {
                    problems.add(key + ": README says empty, application.properties " + DEFAULTS.getProperty(key));
                }
            }
        }
        assertThat(rows).as("rows of the README's settings table").isGreaterThan(20);
        assertThat(problems).isEmpty();
    }

    /** The rows of the first table under "## Configuration" that name settings. */
    private static List<String> configurationTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Configuration\n");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        return section.lines().filter(l -> l.startsWith("| `dsr.")).toList();
    }

    private static List<String> backticked(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("`([^`]*)`").matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static TreeMap<String, Path> keys(Pattern pattern, Path root, String suffix) throws IOException {
        TreeMap<String, Path> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(f));
                while (m.find()) {
                    out.putIfAbsent(m.group(1), f);
                }
            }
        }
        return out;
    }

    @Test
    void theDefaultsHoldNoKeyTwice() throws IOException {
        TreeSet<String> seen = new TreeSet<>();
        List<String> twice = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                String key = l.split("[=:]", 2)[0].strip();
                if (!seen.add(key)) {
                    twice.add(key);
                }
            }
        }
        assertThat(twice).as("keys given twice: the second silently wins").isEmpty();
        assertThat(Map.copyOf(DEFAULTS)).hasSize(seen.size());
    }
}
