package nl.dsrhub.store;

import nl.dsrhub.testing.Postgres;

/** The store on a real PostgreSQL server, started by the test from Maven Central's binaries. */
class PostgresStoreTest extends StoreContract {

    /** A fresh database per test, reached by JDBC URL exactly as an installation would configure it. */
    @Override
    protected Database open() {
        return Postgres.freshDatabase(4);
    }
}
