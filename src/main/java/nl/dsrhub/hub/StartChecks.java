package nl.dsrhub.hub;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.ops.RunningHub;
import nl.dsrhub.store.Database;

/**
 * What must hold before a hub starts, checked before anything opens: no other hub on the data dir, and its HTTP port
 * free. Camel's HTTP server only logs a port it cannot bind and runs on without dashboard, API or health; a second hub
 * on a data dir would find the database locked half-way through its start. Either is refused here in one line.
 */
final class StartChecks {

    private StartChecks() {
    }

    /** Throws {@link HubCannotStart} when another hub runs on the data dir or the HTTP port is taken. */
    static void before(HubConfig config) {
        Path dataDir = config.dataDir().toAbsolutePath();
        Optional<RunningHub> running = RunningHub.find(dataDir);
        if (running.isPresent() && running.get().pid() != ProcessHandle.current().pid()) {
            throw anotherHub(dataDir, running.get().pid());
        }
        if (config.getBoolean("camel.server.enabled")) {
            String host = config.get("camel.server.host");
            int port = config.getInt("camel.server.port");
            if (port > 0 && !free(host, port)) {
                throw new HubCannotStart("port " + port + " on " + host + " is in use by another program: stop it, or"
                        + " give the hub another port (camel.server.port, e.g. --set camel.server.port=8081)");
            }
        }
    }

    /**
     * After Camel started: its HTTP server answers on the port. Another program can take the port between
     * {@link #before} and Camel's bind (Camel then only logs it); a hub without its dashboard, API and health is
     * refused rather than left running half. Throws {@link HubCannotStart} naming the port.
     */
    static void serving(HubConfig config) {
        if (!config.getBoolean("camel.server.enabled")) {
            return;
        }
        String host = config.get("camel.server.host");
        int port = config.getInt("camel.server.port");
        if (port <= 0) {
            return;
        }
        try (java.net.Socket socket = new java.net.Socket()) {
            String to = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
            socket.connect(new InetSocketAddress(InetAddress.getByName(to), port), 2_000);
        } catch (IOException e) {
            throw new HubCannotStart("the HTTP server could not take port " + port + " on " + host + " (another program"
                    + " took it as the hub started): start again, or give the hub another port (camel.server.port)");
        }
    }

    /** The database was locked by another process while this hub opened it: another hub, not yet announced. */
    static HubCannotStart anotherHub(Database.DatabaseInUse e, Path dataDir) {
        return RunningHub.find(dataDir).map(h -> anotherHub(dataDir, h.pid()))
                .orElseGet(() -> new HubCannotStart("the data dir " + dataDir.toAbsolutePath() + " is in use by another"
                        + " process (its database is locked): stop the other hub, or give this one its own --data DIR"));
    }

    private static HubCannotStart anotherHub(Path dataDir, long pid) {
        return new HubCannotStart("another hub (process " + pid + ") runs on the data dir " + dataDir.toAbsolutePath()
                + ": stop it first, or give this hub its own --data DIR");
    }

    /** Whether a server socket can be bound there now (and is let go at once). */
    private static boolean free(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
