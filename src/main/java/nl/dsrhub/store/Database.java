package nl.dsrhub.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The hub's database: an H2 file under the data dir by default, PostgreSQL (or any JDBC URL Flyway
 * supports) when configured. The schema is migrated by Flyway at start.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The default database for a data dir. AUTO_SERVER lets the CLI ({@code status}, {@code submit})
     * read and write the same file while the hub runs. WRITE_DELAY=0: a commit is written to the file before it
     * returns (H2 would otherwise wait up to half a second), so a kill -9 right after a commit loses nothing
     * (CrashTest lost an accepted request without it: its inbox file was already deleted).
     */
    public static String defaultUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db").resolve("dsr-hub") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null && !user.isBlank()) {
            config.setUsername(user);
        }
        if (password != null && !password.isBlank()) {
            config.setPassword(password);
        }
        // Flyway holds one connection for its lock while migrating on a second
        config.setMaximumPoolSize(Math.max(poolSize, 2));
        config.setPoolName("dsr-hub-db");
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Jdbc jdbc() {
        return new Jdbc(dataSource);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
