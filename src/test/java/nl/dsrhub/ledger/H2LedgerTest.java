package nl.dsrhub.ledger;

import java.nio.file.Path;
import nl.dsrhub.store.Database;
import org.junit.jupiter.api.io.TempDir;

/** The ledger on the default H2 file database. */
class H2LedgerTest extends LedgerContract {

    @TempDir
    Path dataDir;

    @Override
    protected Database open() {
        return Database.openDefault(dataDir, 8);
    }
}
