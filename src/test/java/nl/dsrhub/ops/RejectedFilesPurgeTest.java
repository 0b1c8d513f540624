package nl.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import nl.dsrhub.testing.HubFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request file the hub rejected names a person: it and its report leave {@code error/} after the purge period,
 * counted from the rejection, and not before.
 */
class RejectedFilesPurgeTest {

    /** A request about an invented person that the validator rejects: it has no verification. */
    private static final String REJECTED = """
            { "type": "erasure", "receivedAt": "%s",
              "subject": { "email": "sophie.devries@example.nl", "name": "Sophie de Vries" } }
            """;

    @TempDir
    Path dataDir;

    HubFixture fixture;

    @BeforeEach
    void start() {
        fixture = HubFixture.start(dataDir, Map.of("dsr.purge.after-days", "30", "dsr.purge.check-seconds", "1"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aRejectedFileAndItsReportAreGoneAfterThePeriodWhileAYoungerOneStays() throws Exception {
        Path error = dataDir.resolve("error");
        fixture.drop("erase-sophie-de-vries.json", REJECTED.formatted(nl.dsrhub.testing.Requests.now()));
        fixture.drop("erase-sophie-again.json", REJECTED.formatted(nl.dsrhub.testing.Requests.now()));
        Path old = error.resolve("erase-sophie-de-vries.json");
        Path oldReport = error.resolve("erase-sophie-de-vries.json.error.json");
        Path young = error.resolve("erase-sophie-again.json");
        Path youngReport = error.resolve("erase-sophie-again.json.error.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(oldReport) && Files.exists(youngReport));

        // rejected 31 days ago, as the file system tells it
        FileTime monthAgo = FileTime.from(Instant.now().minus(Duration.ofDays(31)));
        Files.setLastModifiedTime(old, monthAgo);
        Files.setLastModifiedTime(oldReport, monthAgo);

        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(old) && !Files.exists(oldReport));
        assertThat(young).exists().content().contains("Sophie de Vries");
        assertThat(youngReport).exists();
    }

    @Test
    void aFileRejectedAWeekBeforeTheEndOfThePeriodStays() throws Exception {
        Path error = dataDir.resolve("error");
        fixture.drop("erase-sophie-de-vries.json", REJECTED.formatted(nl.dsrhub.testing.Requests.now()));
        Path rejected = error.resolve("erase-sophie-de-vries.json");
        Path report = error.resolve("erase-sophie-de-vries.json.error.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(report));
        Files.setLastModifiedTime(rejected, FileTime.from(Instant.now().minus(Duration.ofDays(23))));
        // a file rejected long ago beside it: once it is gone, a purge ran over both
        Path marker = Files.writeString(error.resolve("older.json"), "{}");
        Files.setLastModifiedTime(marker, FileTime.from(Instant.now().minus(Duration.ofDays(40))));

        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(marker));
        assertThat(rejected).exists();
        assertThat(report).exists();
    }
}
