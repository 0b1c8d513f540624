package nl.dsrhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.dsrhub.cli.DsrHub;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.MailProcessors;
import nl.dsrhub.demo.MailServer;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file the hub writes is its user's alone. A hub with mail and delivery on runs every writer: receipts, a
 * processor's export kept in work/ and a mail-only processor's attachments, the bundle, the encrypted bundle and its
 * passphrase, an erasure confirmation, a rejected file with its report, an extension notice, a settlement with an
 * uploaded file, the database, the keys. Then the data dir is listed with each mode: folders 0700, files 0600.
 */
class PrivateDataDirTest {

    @TempDir
    Path dataDir;

    @Test
    void everyFolderAndFileTheHubWritesIsTheOwnersAlone() throws Exception {
        try (MailServer mail = MailServer.start(); MailProcessors processors = MailProcessors.start(mail)) {
            HubFixture fixture = HubFixture.create(dataDir);
            mail.settings().forEach(fixture::set);
            MailProcessors.settings().forEach(fixture::set);
            fixture.set("dsr.connector.dhl.enabled", "false");   // the silent one: the requests here complete
            fixture.set("dsr.delivery.enabled", "true");
            fixture.startHub();
            try (fixture) {
                String processorsList = "\"processors\": [\"woocommerce\", \"mailchimp\", \"paynl\", \"postnl\"]";
                fixture.drop("export.json", withDelivery(Requests.file("export", DemoPeople.JAN.email(), Requests.now(), "PRIV-EXPORT")
                        .replace("\"processors\": \"all\"", processorsList), DemoPeople.JAN.email()));
                fixture.drop("erasure.json", withDelivery(Requests.file("erasure", DemoPeople.ANNA.email(), Requests.now(), "PRIV-ERASE")
                        .replace("\"processors\": \"all\"", processorsList), DemoPeople.ANNA.email()));
                fixture.drop("Jan Jansen wil weg.json", "{ \"type\": \"forget-me\" }");
                String export = fixture.awaitRequest("PRIV-EXPORT");
                String erasure = fixture.awaitRequest("PRIV-ERASE");
                fixture.awaitCompleted(export);
                fixture.awaitCompleted(erasure);
                await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(fixture.outbox(export).resolve("bundle-aes.zip"))
                        && Files.exists(fixture.outbox(export).resolve("passphrase.txt")));

                // a task the officer settles with the processor's file, after extending the deadline
                fixture.woo.setCredentials("ck_rotated", "cs_rotated");
                fixture.drop("settle.json", Requests.file("export", DemoPeople.EVA.email(), Requests.now(), "PRIV-SETTLE")
                        .replace("\"processors\": \"all\"", "\"processors\": [\"woocommerce\"]"));
                String settled = fixture.awaitRequest("PRIV-SETTLE");
                await().atMost(Duration.ofSeconds(30)).until(() -> fixture.hub().services().tasks.forRequest(settled).stream()
                        .anyMatch(t -> t.outcome() == Outcome.NEEDS_ATTENTION));
                Path upload = Files.writeString(dataDir.resolveSibling(dataDir.getFileName() + "-orders.csv"), "order\n1001\n");
                assertThat(cli("extend", settled, "--months", "1", "--reason", "archive")).isZero();
                assertThat(cli("settle", settled, "--connector", "woocommerce", "--outcome", "EXPORTED", "--reason", "by hand",
                        "--file", upload.toString())).isZero();
                fixture.awaitCompleted(settled);

                assertThat(Files.list(dataDir.resolve("error")).toList()).hasSize(2);
                assertThat(dataDir.resolve("work").resolve(export).resolve("paynl")).isDirectoryContaining(p -> true);
                assertThat(fixture.outbox(settled).resolve("extension-notice.html")).exists();
            }
        }

        Map<String, String> modes = modes(dataDir);
        System.out.println("PrivateDataDirTest: modes under the data dir:");
        modes.forEach((path, mode) -> System.out.println("  " + mode + "  " + path));
        assertThat(modes).as("what the hub wrote").hasSizeGreaterThan(30);
        assertThat(modes).containsEntry(".", "rwx------");
        assertThat(modes.entrySet()).allSatisfy(e -> assertThat(e.getValue())
                .as(e.getKey()).isEqualTo(Files.isDirectory(dataDir.resolve(e.getKey())) ? "rwx------" : "rw-------"));
        // nothing the server received for an upload is left behind
        try (Stream<Path> left = Files.walk(dataDir.resolve("work").resolve(".uploads"))) {
            assertThat(left.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }

    private static String withDelivery(String request, String email) {
        return request.replace("\"processors\"", "\"delivery\": { \"email\": \"" + email + "\" },\n  \"processors\"");
    }

    private int cli(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data";
        all[args.length + 1] = dataDir.toString();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        return new DsrHub(new PrintStream(sink, true, StandardCharsets.UTF_8), new PrintStream(sink, true, StandardCharsets.UTF_8))
                .execute(all);
    }

    /** Every folder and file under the root (itself as "."), with its permissions as {@code ls} shows them. */
    private static Map<String, String> modes(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String name = root.relativize(p).toString();
                out.put(name.isEmpty() ? "." : name, PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
        }
        return out;
    }
}
