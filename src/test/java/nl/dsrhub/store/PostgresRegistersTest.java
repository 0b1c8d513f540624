package nl.dsrhub.store;

import nl.dsrhub.testing.Postgres;

/** The registers on a real PostgreSQL server, a fresh database per test. */
class PostgresRegistersTest extends RegistersContract {

    @Override
    protected Database open() {
        return Postgres.freshDatabase(4);
    }
}
