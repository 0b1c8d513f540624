package nl.dsrhub.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The requests list's queries on the default database: an H2 file under the data dir. */
class H2RequestHistoryTest extends RequestHistoryContract {

    @TempDir
    Path dataDir;

    @Override
    protected Database open() {
        return Database.openDefault(dataDir, 4);
    }
}
