package nl.dsrhub.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line: a command, its positional arguments, and the options every command shares. An option
 * given twice keeps its last value, except {@code --file}, which may be given once per file.
 */
record Args(String command, List<String> positional, Map<String, String> options, Map<String, String> overrides,
            List<String> files) {

    /** @param pluggedValueOptions the options of the plugged commands ({@link PluggedCommand}) that take a value */
    static Args parse(String[] argv, Set<String> pluggedValueOptions) {
        String command = null;
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> overrides = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (takesValue(name) || pluggedValueOptions.contains(name)) {
                    if (i + 1 >= argv.length) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = argv[++i];
                }
                if ("set".equals(name)) {
                    int kv = value.indexOf('=');
                    if (kv <= 0) {
                        throw new UsageException("--set needs KEY=VALUE");
                    }
                    overrides.put(value.substring(0, kv), value.substring(kv + 1));
                } else if ("file".equals(name)) {
                    files.add(value);
                } else {
                    options.put(name, value == null ? "true" : value);
                }
            } else if (command == null) {
                command = a;
            } else {
                positional.add(a);
            }
        }
        if (options.containsKey("data")) {
            overrides.put("dsr.data-dir", options.get("data"));
        }
        return new Args(command == null ? "help" : command, positional, options, overrides, List.copyOf(files));
    }

    private static boolean takesValue(String option) {
        return switch (option) {
            case "config", "data", "set", "connector" -> true;
            case "outcome", "reason", "file", "months", "ground" -> true; // settle, extend, refuse
            default -> false;
        };
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    Path configFile() {
        return options.containsKey("config") ? Path.of(options.get("config")) : null;
    }

    String positional(int i, String what) {
        if (positional.size() <= i) {
            throw new UsageException(command + " needs " + what);
        }
        return positional.get(i);
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
