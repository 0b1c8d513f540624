package nl.dsrhub.store;

import nl.dsrhub.testing.Postgres;

/** The requests list's queries on a real PostgreSQL server, started by the test from Maven Central's binaries. */
class PostgresRequestHistoryTest extends RequestHistoryContract {

    @Override
    protected Database open() {
        return Postgres.freshDatabase(4);
    }
}
