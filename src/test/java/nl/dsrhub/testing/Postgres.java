package nl.dsrhub.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import nl.dsrhub.store.Database;

/**
 * One real PostgreSQL server for the test JVM (binaries from Maven Central), started on first use and
 * stopped when the JVM ends; every caller gets a fresh database of its own, reached by JDBC URL exactly
 * as an installation would configure it, so test classes running in parallel never share state.
 */
public final class Postgres {

    private static EmbeddedPostgres server;

    private Postgres() {
    }

    /** A new, empty database, migrated by {@link Database#open}. */
    public static Database freshDatabase(int poolSize) {
        return Database.open(freshUrl(), USER, null, poolSize);
    }

    /** The user of {@link #freshUrl()}'s database (no password: the server is on loopback, for this JVM only). */
    public static final String USER = "postgres";

    /** A new, empty database, not migrated: e.g. to bring it to an earlier schema first. */
    public static String freshUrl() {
        EmbeddedPostgres pg = server();
        String name = "dsr_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name;
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is ending: the server's folder is temporary
                }
            }));
        }
        return server;
    }
}
