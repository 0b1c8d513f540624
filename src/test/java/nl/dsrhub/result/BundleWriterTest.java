package nl.dsrhub.result;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.dsrhub.connector.ProcessorFacts;
import nl.dsrhub.connector.ProcessorFacts.Text;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Retention;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path woo;
    private Path mollie;
    private byte[] pdf;
    private List<ProcessorResult> results;

    @BeforeEach
    void processorData() throws IOException {
        woo = Files.createDirectories(tmp.resolve("data/woocommerce"));
        Files.writeString(woo.resolve("customer.json"),
                "{\"id\":42,\"email\":\"jan.jansen@example.nl\",\"first_name\":\"Jan\"}", UTF_8);
        Files.writeString(woo.resolve("orders.json"), """
                [
                  {"id": 1001, "total": "12.50", "note": "Graag bellen, niet aanbellen", "billing": {"city": "Utrecht", "zip": "3511 AB"}},
                  {"id": 1002, "total": 7.10, "note": "Zeg \\"hallo\\"\\nen dag", "coupon": null, "items": [1, 2.50]}
                ]
                """, UTF_8);
        Files.createDirectories(woo.resolve("notes"));
        Files.writeString(woo.resolve("notes/contact é.txt"), "Klant belde op 1 november — vroeg naar levering.\n", UTF_8);
        pdf = new byte[70_000];
        new Random(7).nextBytes(pdf);
        Files.write(woo.resolve("invoice-2026-001.pdf"), pdf);

        mollie = Files.createDirectories(tmp.resolve("data/mollie"));
        Files.writeString(mollie.resolve("payments.json"),
                "[{\"id\":\"tr_WDqYK6vllg\",\"amount\":{\"value\":\"12.50\",\"currency\":\"EUR\"},\"status\":\"paid\"}]", UTF_8);

        results = List.of(
                Fixtures.result("woocommerce", "WooCommerce", Fixtures.facts("Webwinkel Voorbeeld B.V.", "NL", "processor"),
                        Outcome.EXPORTED, woo, List.of(), null),
                Fixtures.result("mollie", "Mollie", Fixtures.facts("Mollie B.V.", "NL", "processor"),
                        Outcome.EXPORTED, mollie, List.of(), "customer and payments"),
                Fixtures.result("mailchimp", "Mailchimp", Fixtures.facts("The Rocket Science Group LLC", "US", "processor"),
                        Outcome.NOT_FOUND, null, List.of(), "not found in any audience"));
    }

    private Map<String, byte[]> writeAndUnzip() throws IOException {
        Path zip = new BundleWriter().write(Fixtures.request(RequestType.EXPORT), results, Fixtures.COMPLETED,
                tmp.resolve("outbox/req-2026-0042/bundle.zip"));
        assertThat(zip).isRegularFile();
        return Fixtures.unzip(zip);
    }

    private JsonNode manifest(Map<String, byte[]> entries) throws IOException {
        return JSON.readTree(entries.get("manifest.json"));
    }

    private static String index(Map<String, byte[]> entries) {
        return new String(entries.get("index.html"), UTF_8);
    }

    @Test
    void aRecipientThatSentPartOfTheDataIsSaidSoInTheExportsWordsNeverAsErased() throws IOException {
        results = List.of(Fixtures.result("mollie", "Mollie", Fixtures.facts("Mollie B.V.", "NL", "processor"),
                Outcome.PARTIAL, mollie, List.of(Retention.asStated("Mollie stuurde de uitbetalingen niet mee")), "payments"));

        String index = index(writeAndUnzip());

        assertThat(index).contains("een deel van de gegevens ontvangen", "part of the data received")
                .doesNotContain("deels gewist", "partly erased");
    }

    @Test
    void everyProcessorFileIsInItsFolderByteForByte() throws Exception {
        Map<String, byte[]> entries = writeAndUnzip();

        assertThat(entries.get("woocommerce/customer.json")).isEqualTo(Files.readAllBytes(woo.resolve("customer.json")));
        assertThat(entries.get("woocommerce/orders.json")).isEqualTo(Files.readAllBytes(woo.resolve("orders.json")));
        assertThat(entries.get("woocommerce/notes/contact é.txt")).isEqualTo(Files.readAllBytes(woo.resolve("notes/contact é.txt")));
        assertThat(entries.get("woocommerce/invoice-2026-001.pdf")).isEqualTo(pdf);
        assertThat(entries.get("mollie/payments.json")).isEqualTo(Files.readAllBytes(mollie.resolve("payments.json")));
    }

    @Test
    void manifestSha256OfEveryEntryEqualsTheHashOfItsBytes() throws Exception {
        Map<String, byte[]> entries = writeAndUnzip();
        List<JsonNode> files = listedFiles(manifest(entries));

        assertThat(files).isNotEmpty();
        for (JsonNode f : files) {
            byte[] bytes = entries.get(f.get("path").asText());
            assertThat(bytes).as(f.get("path").asText()).isNotNull();
            assertThat(f.get("sha256").asText()).as(f.get("path").asText()).isEqualTo(Fixtures.sha256(bytes));
            assertThat(f.get("bytes").asLong()).as(f.get("path").asText()).isEqualTo(bytes.length);
        }
    }

    @Test
    void manifestListsEveryEntryButItselfAndIsTheLastEntry() throws Exception {
        Map<String, byte[]> entries = writeAndUnzip();
        List<String> listed = listedFiles(manifest(entries)).stream().map(f -> f.get("path").asText()).toList();

        List<String> names = new ArrayList<>(entries.keySet());
        assertThat(names.get(names.size() - 1)).isEqualTo("manifest.json");
        names.remove("manifest.json");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(names).contains("index.html");
    }

    @Test
    void manifestHasRequestAndEveryProcessorWithOutcome() throws Exception {
        JsonNode m = manifest(writeAndUnzip());

        assertThat(m.get("requestId").asText()).isEqualTo("req-2026-0042");
        assertThat(m.get("type").asText()).isEqualTo("export");
        assertThat(m.get("receivedAt").asText()).isEqualTo("2026-11-20T09:12:00+01:00");
        assertThat(m.get("deadline").asText()).isEqualTo("2026-12-20");
        assertThat(m.get("completedAt").asText()).isEqualTo("2026-12-03T14:30:00Z");
        assertThat(m.get("processors")).extracting(p -> p.get("connector").asText())
                .containsExactly("woocommerce", "mollie", "mailchimp");
        assertThat(m.get("processors").get(1).get("legalName").asText()).isEqualTo("Mollie B.V.");
        assertThat(m.get("processors").get(1).get("outcome").asText()).isEqualTo("EXPORTED");
    }

    @Test
    void manifestAndIndexHoldNoSubjectNameOrEmail() throws Exception {
        Map<String, byte[]> entries = writeAndUnzip();

        assertThat(new String(entries.get("manifest.json"), UTF_8)).doesNotContain(Fixtures.EMAIL).doesNotContain(Fixtures.NAME);
        assertThat(index(entries)).doesNotContain(Fixtures.EMAIL).doesNotContain(Fixtures.NAME);
    }

    @Test
    void notFoundProcessorWithoutDataAppearsInManifestAndIndex() throws Exception {
        Map<String, byte[]> entries = writeAndUnzip();
        JsonNode mailchimp = manifest(entries).get("processors").get(2);

        assertThat(mailchimp.get("outcome").asText()).isEqualTo("NOT_FOUND");
        assertThat(mailchimp.get("detail").asText()).isEqualTo("not found in any audience");
        assertThat(mailchimp.get("files")).isEmpty();
        assertThat(entries.keySet()).noneMatch(n -> n.startsWith("mailchimp/"));
        assertThat(index(entries)).contains("The Rocket Science Group LLC", "geen gegevens gevonden", "no data found");
    }

    @Test
    void indexIsBilingualAndNamesEveryProcessorAndTheAutoriteitPersoonsgegevens() throws Exception {
        String html = index(writeAndUnzip());

        assertThat(html).contains("Uw persoonsgegevens", "Your personal data", "Uw rechten", "Your rights");
        assertThat(html).contains("Webwinkel Voorbeeld B.V.", "Mollie B.V.", "The Rocket Science Group LLC");
        assertThat(html).contains("gegevens ontvangen", "data received");
        assertThat(html).contains("Autoriteit Persoonsgegevens", "https://autoriteitpersoonsgegevens.nl");
        assertThat(html).contains("recht van inzage", "rectificatie", "gegevenswissing", "beperking", "bezwaar", "overdraagbaarheid van gegevens");
        assertThat(html).contains("access", "rectification", "erasure", "restriction", "object", "portability");
    }

    @Test
    void indexGivesTheArticle15FactsOfEachProcessor() throws Exception {
        String html = index(writeAndUnzip());

        assertThat(html).contains("Verenigde Staten (US)", "United States (US)", "Nederland (NL)");
        assertThat(html).contains("verwerker", "processor");
        assertThat(html).contains("betalingen verwerken", "processing payments");
        assertThat(html).contains("naam, e-mailadres, betaalgegevens", "name, e-mail address, payment details");
        assertThat(html).contains("7 jaar na de laatste betaling", "7 years after the last payment");
        assertThat(html).contains("onze webwinkel", "our web shop");
    }

    @Test
    void indexIsSelfContainedAndLinksToEveryFile() throws Exception {
        Map<String, byte[]> entries = writeAndUnzip();
        String html = index(entries);

        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//(?!autoriteitpersoonsgegevens\\.nl)");
        assertThat(html).doesNotContain("<script", "<link");
        assertThat(html).contains("<style>");
        assertThat(html).contains("href=\"woocommerce/orders.json\"", "href=\"woocommerce/orders.csv\"",
                "href=\"woocommerce/notes/contact%20%C3%A9.txt\"", "href=\"mollie/payments.json\"");
    }

    @Test
    void indexEscapesHtmlInProcessorTexts() throws Exception {
        ProcessorFacts evil = new ProcessorFacts("Evil <script>alert(1)</script> B.V.", "NL", "processor",
                new Text("<b>doel</b>", "<b>purpose</b>"), null, null, null, null);
        results = List.of(Fixtures.result("evil", "Evil", evil, Outcome.NOT_FOUND, null, List.of(), "<img src=x>"));

        String html = index(writeAndUnzip());

        assertThat(html).doesNotContain("<script>alert(1)</script>", "<b>doel</b>", "<img src=x>");
        assertThat(html).contains("Evil &lt;script&gt;alert(1)&lt;/script&gt; B.V.", "niet opgegeven", "not stated");
    }

    @Test
    void csvIsAddedBesideEveryJsonDatasetWithNestedObjectsFlattenedAndProperQuoting() throws Exception {
        Map<String, byte[]> entries = writeAndUnzip();

        String csv = new String(entries.get("woocommerce/orders.csv"), UTF_8);
        assertThat(csv).isEqualTo(
                "id,total,note,billing.city,billing.zip,coupon,items\r\n"
                + "1001,12.50,\"Graag bellen, niet aanbellen\",Utrecht,3511 AB,,\r\n"
                + "1002,7.10,\"Zeg \"\"hallo\"\"\nen dag\",,,,\"[1,2.50]\"\r\n");
        assertThat(entries).containsKey("mollie/payments.csv");
        // a single record is a table of one row
        assertThat(new String(entries.get("woocommerce/customer.csv"), UTF_8))
                .isEqualTo("id,email,first_name\r\n42,jan.jansen@example.nl,Jan\r\n");
    }

    @Test
    void csvDoesNotOverwriteAReceivedFileOfTheSameName() throws Exception {
        Files.writeString(woo.resolve("orders.csv"), "as received", UTF_8);

        Map<String, byte[]> entries = writeAndUnzip();

        assertThat(new String(entries.get("woocommerce/orders.csv"), UTF_8)).isEqualTo("as received");
        assertThat(new String(entries.get("woocommerce/orders.json.csv"), UTF_8)).startsWith("id,total,note");
    }

    @Test
    void missingDataFolderLeavesNoBundleAndNoTempFile() throws Exception {
        results = List.of(Fixtures.result("woocommerce", "WooCommerce", Fixtures.facts("Webwinkel Voorbeeld B.V.", "NL", "processor"),
                Outcome.EXPORTED, tmp.resolve("data/gone"), List.of(), null));
        Path target = tmp.resolve("outbox/bundle.zip");

        assertThatThrownBy(() -> new BundleWriter().write(Fixtures.request(RequestType.EXPORT), results, Fixtures.COMPLETED, target))
                .isInstanceOf(IOException.class);

        assertThat(target).doesNotExist();
        try (var left = Files.list(target.getParent())) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void failedRewriteKeepsTheEarlierBundleIntact() throws Exception {
        Path target = tmp.resolve("outbox/bundle.zip");
        new BundleWriter().write(Fixtures.request(RequestType.EXPORT), results, Fixtures.COMPLETED, target);
        byte[] before = Files.readAllBytes(target);
        Files.delete(mollie.resolve("payments.json"));
        Files.delete(mollie);

        assertThatThrownBy(() -> new BundleWriter().write(Fixtures.request(RequestType.EXPORT), results, Fixtures.COMPLETED, target))
                .isInstanceOf(IOException.class);

        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        try (var left = Files.list(target.getParent())) {
            assertThat(left).containsExactly(target);
        }
    }

    @Test
    void refusesAnErasureRequest() {
        assertThatThrownBy(() -> new BundleWriter().write(Fixtures.request(RequestType.ERASURE), results,
                Fixtures.COMPLETED, tmp.resolve("bundle.zip")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(tmp.resolve("bundle.zip")).doesNotExist();
    }

    @Test
    void refusesAConnectorNameThatEscapesItsFolder() {
        results = List.of(Fixtures.result("../etc", "Bad", null, Outcome.NOT_FOUND, null, List.of(), null));

        assertThatThrownBy(() -> new BundleWriter().write(Fixtures.request(RequestType.EXPORT), results,
                Fixtures.COMPLETED, tmp.resolve("bundle.zip")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static List<JsonNode> listedFiles(JsonNode manifest) {
        List<JsonNode> files = new ArrayList<>();
        manifest.get("processors").forEach(p -> p.get("files").forEach(files::add));
        manifest.get("files").forEach(files::add);
        return files;
    }
}
