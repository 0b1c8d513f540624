package nl.dsrhub.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The registers on the default database: an H2 file under the data dir. */
class H2RegistersTest extends RegistersContract {

    @TempDir
    Path dataDir;

    @Override
    protected Database open() {
        return Database.openDefault(dataDir, 4);
    }
}
