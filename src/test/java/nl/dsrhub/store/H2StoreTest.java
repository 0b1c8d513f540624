package nl.dsrhub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on the default database: an H2 file under the data dir. */
class H2StoreTest extends StoreContract {

    @TempDir
    Path dataDir;

    @Override
    protected Database open() {
        return Database.openDefault(dataDir, 4);
    }

    @Test
    void requestsSurviveClosingAndReopeningTheDatabase() {
        String id = requests.store(Requests.export("h2-reopen@example.nl")).requestId();
        db.close();

        db = open();
        RequestStore reopened = new RequestStore(db.jdbc(), java.time.Clock.systemUTC(), new EventLog(db.jdbc(),
                java.time.Clock.systemUTC()));
        assertThat(reopened.get(id).subject().email()).isEqualTo("h2-reopen@example.nl");
        assertThat(dataDir.resolve("db/dsr-hub.mv.db")).exists();
    }
}
