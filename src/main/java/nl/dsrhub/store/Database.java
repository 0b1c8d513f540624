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

    /** The database user of the default H2 database; its password is made at first start (see {@link #openDefault}). */
    public static final String DEFAULT_USER = "dsr";

    /**
     * The default database for a data dir: an H2 file, opened by one process at a time (H2's file lock; no
     * AUTO_SERVER, which would listen on a TCP port of every interface for anyone who reads the lock file).
     * WRITE_DELAY=0: a commit is written to the file before it returns (H2 would otherwise wait up to half a
     * second), so a kill -9 right after a commit loses nothing (CrashTest lost an accepted request without it:
     * its inbox file was already deleted). TRACE_LEVEL_FILE=0: no H2 trace file, whose failed statements could
     * quote a person's data. DB_CLOSE_ON_EXIT=FALSE: H2 would close the database in its own shutdown hook, beside the
     * hub's, while the hub still lets running calls finish and records them ("Database is already closed"); the hub
     * closes it itself once its routes have stopped.
     */
    public static String defaultUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db").resolve("dsr-hub")
                + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Where the default database's password is kept (owner-only, like the dashboard token). */
    public static Path passwordFile(Path dataDir) {
        return dataDir.toAbsolutePath().resolve("db.password");
    }

    /**
     * Opens the data dir's H2 database as user {@value #DEFAULT_USER} with the password kept in
     * {@link #passwordFile}, made at first start. A database made by an earlier version without a password gets
     * this user and password, and its password-less user is dropped. The database files are the owner's only.
     */
    public static Database openDefault(Path dataDir, int poolSize) {
        return openDefault(dataDir, poolSize, null);
    }

    /** As {@link #openDefault(Path, int)}, with the ledger key that seals the ledger when its chain is keyed ({@link LedgerSeal}). */
    public static Database openDefault(Path dataDir, int poolSize, String ledgerKey) {
        String url = defaultUrl(dataDir);
        String password = nl.dsrhub.files.SecretFile.readOrCreate(passwordFile(dataDir));
        secureEarlierDatabase(dataDir, url, password);
        Database db = open(url, DEFAULT_USER, password, poolSize, ledgerKey);
        nl.dsrhub.files.PrivateFiles.restrictTree(dataDir.toAbsolutePath().resolve("db"));
        return db;
    }

    /** A database file of an earlier version opens with an empty user and password: give it the hub's user. */
    private static void secureEarlierDatabase(Path dataDir, String url, String password) {
        if (!java.nio.file.Files.exists(dataDir.toAbsolutePath().resolve("db").resolve("dsr-hub.mv.db"))) {
            return;
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "", "")) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("CREATE USER IF NOT EXISTS " + DEFAULT_USER.toUpperCase(java.util.Locale.ROOT)
                        + " PASSWORD '" + password.replace("'", "''") + "' ADMIN");
            }
            try (java.sql.Connection mine = java.sql.DriverManager.getConnection(url, DEFAULT_USER, password);
                 java.sql.Statement st = mine.createStatement()) {
                st.execute("DROP USER \"\"");
            }
        } catch (java.sql.SQLException e) {
            if (!"28000".equals(e.getSQLState())) {
                throw inUse(dataDir, e);
            }
            // 28000, wrong user or password: the database has its password already
        }
    }

    /** H2's file lock: another process (a running hub) has the database open. */
    static RuntimeException inUse(Path dataDir, java.sql.SQLException e) {
        if (e.getErrorCode() == 90020) {
            return new DatabaseInUse(dataDir);
        }
        return new StoreException("cannot open the database of " + dataDir + ": " + e.getMessage(), e);
    }

    /** The data dir's H2 database is open in another process: a hub runs on it. */
    public static final class DatabaseInUse extends RuntimeException {
        public DatabaseInUse(Path dataDir) {
            super("the database in " + dataDir.toAbsolutePath().resolve("db") + " is in use by another process (a hub running "
                    + "on this data dir?); while a hub runs, commands go through its API", null, false, false);
        }
    }

    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        return open(jdbcUrl, user, password, poolSize, null);
    }

    /**
     * Opens and migrates the database. The ledger key seals the ledger when the migration that keys its chain runs; without
     * it (a tool that inspects the database) that migration runs only on an empty ledger.
     */
    public static Database open(String jdbcUrl, String user, String password, int poolSize, String ledgerKey) {
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
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (com.zaxxer.hikari.pool.HikariPool.PoolInitializationException e) {
            if (e.getCause() instanceof java.sql.SQLException sql && sql.getErrorCode() == 90020 && jdbcUrl.startsWith("jdbc:h2:file:")) {
                throw new DatabaseInUse(Path.of(jdbcUrl.substring("jdbc:h2:file:".length()).split(";")[0]).getParent().getParent());
            }
            throw e;
        }
        try {
            LedgerSeal seal = new LedgerSeal(ledgerKey);
            Flyway flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration").callbacks(seal).load();
            seal.refuseWithoutKey(flyway, ds);
            flyway.migrate();
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
