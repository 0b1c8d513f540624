package nl.dsrhub.ledger;

import nl.dsrhub.store.Database;
import nl.dsrhub.testing.Postgres;

/** The ledger on a real PostgreSQL server: appends from many connections still form one chain. */
class PostgresLedgerTest extends LedgerContract {

    @Override
    protected Database open() {
        return Postgres.freshDatabase(8);
    }
}
