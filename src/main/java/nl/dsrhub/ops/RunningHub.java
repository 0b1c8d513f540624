package nl.dsrhub.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.dsrhub.files.PrivateFiles;

/**
 * {@code <data dir>/hub.json}: a hub running on this data dir says so, and where its API answers. The command line
 * reads it: while a hub runs, the database is the hub's alone (H2 is opened by one process), so {@code status},
 * {@code submit}, {@code retry}, {@code settle}, {@code extend} and {@code ledger} go through the hub's API; without
 * a running hub they open the database themselves. Written when the hub has started, removed when it stops; a file
 * left by a killed hub names a process that is gone, and is ignored.
 *
 * @param pid the hub's process
 * @param api the API's base URL ({@code http://127.0.0.1:8080/}), or null when the hub runs without its HTTP server
 */
public record RunningHub(long pid, URI api) {

    static final String FILE = "hub.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Path file(Path dataDir) {
        return dataDir.resolve(FILE);
    }

    /** The hub running on this data dir, if its file names a live process. */
    public static Optional<RunningHub> find(Path dataDir) {
        Path file = file(dataDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            long pid = n.path("pid").asLong(-1);
            String api = n.path("api").asText(null);
            boolean alive = pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(new RunningHub(pid, api == null ? null : URI.create(api))) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();   // half written by a hub killed while starting: no hub to talk to
        }
    }

    /** Written by the hub once it serves (owner-only, like everything in the data dir). */
    public static void announce(Path dataDir, URI api) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("pid", ProcessHandle.current().pid());
        content.put("api", api == null ? null : api.toString());
        Path file = file(dataDir);
        Path tmp = file.resolveSibling("." + FILE + ".tmp");
        try {
            PrivateFiles.write(tmp, JSON.writeValueAsBytes(content));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Removed by the hub when it stops, unless another process has announced itself since. */
    public static void withdraw(Path dataDir) {
        find(dataDir).filter(h -> h.pid() == ProcessHandle.current().pid()).ifPresent(h -> {
            try {
                Files.deleteIfExists(file(dataDir));
            } catch (IOException e) {
                // a stale file names a process that is gone: the next command ignores it
            }
        });
    }
}
