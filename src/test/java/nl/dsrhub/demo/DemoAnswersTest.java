package nl.dsrhub.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.ConnectorCatalog;
import nl.dsrhub.connector.ConnectorDefinition.Step;
import nl.dsrhub.connector.SettingsSource;
import nl.dsrhub.result.SubjectMails;
import nl.dsrhub.testing.Confirmation;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.SubjectText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything the demo's subjects would read, as the demo writes it (run in-process, {@code demo --exit}): the receipts,
 * DEMO-1's bundle (its index, its manifest's plain words, its CSV files), DEMO-2's confirmation, DEMO-3's confirmation so
 * far and extension notice, DEMO-4's refusal letter, and the mails that go with them. None holds technical jargon,
 * no Dutch part holds English, and each says what the law asks of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each file a subject gets, by its path under the outbox; a bundle's entries as "bundle.zip!entry". */
    final Map<String, byte[]> answers = new LinkedHashMap<>();
    final Map<String, String> outboxOf = new LinkedHashMap<>();
    Set<String> stepIds;
    List<String> names;

    @BeforeAll
    void runTheDemo(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("demo-data");
        HubConfig config = HubConfig.load(null, Map.of("dsr.data-dir", dataDir.toString(),
                "camel.main.name", "dsr-hub-demo-" + UUID.randomUUID().toString().substring(0, 8),
                "camel.server.port", String.valueOf(HubFixture.freePort())), Map.of());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = new DemoRunner(new PrintStream(printed, true, UTF_8)).run(config, true);
        assertThat(code).as(printed.toString(UTF_8)).isZero();
        try (Stream<Path> files = Files.walk(dataDir.resolve("outbox"))) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = dataDir.resolve("outbox").relativize(f).toString();
                if (name.endsWith("bundle.zip")) {
                    unzip(f).forEach((entry, bytes) -> answers.put(name + "!" + entry, bytes));
                } else {
                    answers.put(name, Files.readAllBytes(f));
                }
            }
        }
        ConnectorCatalog catalog = ConnectorCatalog.load(null, new SettingsSource(k -> Optional.empty(), Map.of()), false);
        stepIds = new TreeSet<>();
        names = new ArrayList<>();
        for (Connector c : catalog.all()) {
            Stream.concat(c.definition().find().stream(), c.definition().erase().stream()).map(Step::id)
                    .filter(id -> id.contains("-")).forEach(stepIds::add);
            names.add(c.facts().legalName());
        }
        names.add("EU-VS Data Privacy Framework");
    }

    @Test
    void noPageTheSubjectsReadHoldsTechnicalJargon() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        pages().forEach((name, html) -> {
            List<String> hits = SubjectText.jargon(SubjectText.all(html), stepIds);
            if (!hits.isEmpty()) {
                found.put(name, hits);
            }
        });
        assertThat(pages()).containsKeys(file("DEMO-2", "confirmation.html"), file("DEMO-3", "extension-notice.html"),
                file("DEMO-4", "refusal-letter.html"), file("DEMO-1", "bundle.zip!index.html"));
        assertThat(found).as("jargon in the subject's pages").isEmpty();
    }

    @Test
    void noPlainTextOfTheJsonAnswersHoldsTechnicalJargon() throws Exception {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> a : answers.entrySet()) {
            if (a.getKey().endsWith(".json") && !a.getKey().contains(".zip!") || a.getKey().endsWith("!manifest.json")) {
                List<String> hits = new ArrayList<>();
                plainTexts(JSON.readTree(a.getValue()), hits, "");
                List<String> jargon = hits.stream().flatMap(t -> SubjectText.jargon(t, stepIds).stream()).toList();
                if (!jargon.isEmpty()) {
                    found.put(a.getKey(), jargon);
                }
            }
        }
        assertThat(found).as("jargon in the JSON answers' plain texts (nl, en)").isEmpty();
    }

    @Test
    void noDutchPartHoldsEnglish() throws Exception {
        Map<String, List<String>> found = new LinkedHashMap<>();
        pages().forEach((name, html) -> addEnglish(found, name, SubjectText.dutch(html)));
        for (Map.Entry<String, byte[]> a : answers.entrySet()) {
            if (a.getKey().endsWith(".json") && !a.getKey().contains(".zip!") || a.getKey().endsWith("!manifest.json")) {
                List<String> dutch = new ArrayList<>();
                plainTexts(JSON.readTree(a.getValue()), dutch, "nl");
                dutch.forEach(t -> addEnglish(found, a.getKey(), t));
            }
        }
        mails().forEach((name, mail) -> addEnglish(found, name, mail.subjectNl() + " " + mail.nl()));
        assertThat(found).as("English in a Dutch part").isEmpty();
    }

    @Test
    void noMailToTheSubjectHoldsTechnicalJargon() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        mails().forEach((name, mail) -> {
            List<String> hits = SubjectText.jargon(mail.subject() + " " + mail.text(), stepIds);
            if (!hits.isEmpty()) {
                found.put(name, hits);
            }
        });
        assertThat(found).isEmpty();
        assertThat(SubjectMails.confirmation(nl.dsrhub.model.RequestType.ERASURE, true).text())
                .doesNotContain("have been erased", "zijn gewist");
    }

    @Test
    void theChecksFindWhatTheyLookFor() {
        String before = "<div lang=\"nl\"><p>done: minimise-relation 1x; left: IP address: read-only in the REST API</p>"
                + "<p class=\"outcome\">ERASED</p><p>Your data were erased.</p></div><div lang=\"en\"><p>Your data</p></div>";

        // minimise-relation, 1x, done:, left:, read-only, REST API, ERASED
        assertThat(SubjectText.jargon(SubjectText.all(before), stepIds)).hasSize(7);
        // in the Dutch part: the, ERASED, Your, data, were, erased (not the English part's "Your data")
        assertThat(SubjectText.english(SubjectText.dutch(before))).hasSize(6);
    }

    @Test
    void eachChangeAProcessorMadeIsSaidInItsOwnPlainSentence() {
        String confirmation = Confirmation.text(page(file("DEMO-2", "confirmation.html")));

        assertThat(confirmation).contains("Uw klantaccount in de webwinkel is verwijderd.",
                "Your customer account in the web shop was deleted.",
                "Uw inschrijving op de nieuwsbrief is blijvend verwijderd, met uw gegevens en geschiedenis.",
                "Your newsletter subscription was permanently deleted, with your details and history.");
    }

    @Test
    void thePartialAndTheRetainedConfirmationsCarryTheRemedies() throws Exception {
        JsonNode partial = JSON.readTree(answers.get(file("DEMO-2", "confirmation.json")));
        JsonNode retained = JSON.readTree(answers.get(file("DEMO-3", "confirmation.json")));
        assertThat(outcome(partial, "woocommerce")).isEqualTo("PARTIAL");
        assertThat(outcome(retained, "mollie")).isEqualTo("RETAINED");

        for (String name : List.of(file("DEMO-2", "confirmation.html"), file("DEMO-3", "confirmation.html"))) {
            assertThat(Confirmation.text(page(name))).as(name).contains("Als u het niet eens bent met ons besluit",
                    "een klacht indienen bij de Autoriteit Persoonsgegevens", "naar de rechter gaan (artikel 79 AVG)",
                    "binnen zes weken", "go to court (article 79 GDPR)", "within six weeks");
        }
        assertThat(partial.path("remedies")).hasSize(2);
        assertThat(retained.path("remedies").get(1).path("en").asText()).contains("within six weeks", "UAVG");
    }

    @Test
    void theBundleSaysPerRecipientWhetherDecisionsAreAutomatedAndWhereTheDataGo() {
        String index = page(file("DEMO-1", "bundle.zip!index.html"));

        String mailchimp = card(index, "mailchimp");
        assertThat(mailchimp).contains("Geautomatiseerde besluiten en profilering", "Wel profilering", "member rating",
                "Automated decisions and profiling", "Profiling does take place");
        assertThat(mailchimp).contains("Doorgifte buiten de EER Ja. Land: Verenigde Staten (US). Waarborg: Intuit Mailchimp is"
                + " gecertificeerd onder het EU-VS Data Privacy Framework", "Transfer outside the EEA Yes. Country: United States"
                + " (US). Safeguard: Intuit Mailchimp is certified under the EU-US Data Privacy Framework", "standaardcontractbepalingen");
        assertThat(card(index, "laposta")).contains("Doorgifte buiten de EER Nee: de gegevens blijven in de Europese Economische Ruimte.",
                "Transfer outside the EEA No: the data stay in the European Economic Area.", "er vindt geen profilering plaats");
    }

    @Test
    void theBundleExplainsTheFieldsOfEachProcessor() {
        String index = page(file("DEMO-1", "bundle.zip!index.html"));

        assertThat(card(index, "woocommerce")).contains("Wat de velden betekenen", "What the fields mean",
                "billing.*, shipping.*", "factuur- en afleveradres", "billing and shipping address");
        assertThat(card(index, "mollie")).contains("amount.value, amount.currency, description", "het bedrag en de omschrijving");
    }

    @Test
    void aHalListIsATableOfItsPayments() {
        List<Map<String, String>> payments = csv("mollie/payments-cst_8wmqcHMN4U-p0001.csv");

        assertThat(payments).hasSize(3).allSatisfy(row -> assertThat(row.get("id")).startsWith("tr_"));
        assertThat(payments.get(0)).containsKeys("amount.value", "amount.currency", "status").doesNotContainKey("_links.self.href");
    }

    @Test
    void aMailchimpMemberIsOneRowWithItsNestedFieldsAsColumns() {
        List<Map<String, String>> member = csv("mailchimp/member-5f2e8c1a9b.csv");

        assertThat(member).singleElement().satisfies(row -> assertThat(row).containsEntry("merge_fields.FNAME", "Jan")
                .containsEntry("location.country_code", "NL").containsKey("member_rating"));
    }

    @Test
    void aSingleObjectIsOneRowAndAWrapperIsItsRecord() {
        assertThat(csv("mollie/customer-cst_8wmqcHMN4U.csv")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("id", "cst_8wmqcHMN4U").containsEntry("metadata.wooCustomerId", "42"));
        assertThat(csv("sendcloud/parcel-184729301.csv")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("city", "Amsterdam").containsEntry("country.iso_2", "NL"));
    }

    @Test
    void nestedObjectsOfTheShopsOrdersAreFlattenedIntoColumns() {
        assertThat(csv("woocommerce/orders-p0001.csv")).isNotEmpty()
                .allSatisfy(row -> assertThat(row).containsKeys("billing.city", "billing.email", "shipping.city"));
    }

    @Test
    void aMailReplysJsonAttachmentGetsItsCsvToo() {
        assertThat(csv("paynl/paynl-transactions.csv")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("merchant", "Demo webwinkel").containsKey("transactions"));
    }

    @Test
    void theRefusedRequestsLetterGivesTheGroundTheReasonsAndBothRemedies() {
        String letter = Confirmation.text(page(file("DEMO-4", "refusal-letter.html")));

        assertThat(letter).contains("Wij voeren uw verzoek niet uit", "buitensporig", DemoOfficer.REFUSAL_REASON,
                "Wij hadden DHL Parcel (Netherlands) B.V. al per e-mail om uw gegevens gevraagd",
                "een klacht indienen bij de Autoriteit Persoonsgegevens", "binnen zes weken", "within six weeks");
        assertThat(answers.keySet()).noneMatch(k -> k.startsWith(outbox("DEMO-4")) && k.contains("confirmation"));
    }

    // ---- helpers

    private Map<String, String> pages() {
        Map<String, String> out = new LinkedHashMap<>();
        answers.forEach((name, bytes) -> {
            if (name.endsWith(".html")) {
                out.put(name, new String(bytes, UTF_8));
            }
        });
        return out;
    }

    private String page(String name) {
        return new String(answers.get(name), UTF_8);
    }

    private static Map<String, SubjectMails.Mail> mails() {
        Map<String, SubjectMails.Mail> out = new LinkedHashMap<>();
        out.put("bundle mail", SubjectMails.bundle());
        for (nl.dsrhub.model.RequestType type : nl.dsrhub.model.RequestType.values()) {
            if (!type.keepsAnswers()) {
                out.put(type.wire() + " confirmation mail", SubjectMails.confirmation(type, false));
                out.put("partial " + type.wire() + " confirmation mail", SubjectMails.confirmation(type, true));
            }
        }
        out.put("interim mail (export)", SubjectMails.interim(true, LocalDate.of(2026, 12, 28)));
        out.put("interim mail (erasure)", SubjectMails.interim(false, LocalDate.of(2026, 12, 28)));
        out.put("extension mail", SubjectMails.extension());
        out.put("refusal mail", SubjectMails.refusal());
        return out;
    }

    private void addEnglish(Map<String, List<String>> found, String name, String dutch) {
        String text = dutch;
        for (String n : names) {
            text = text.replace(n, " ");
        }
        List<String> hits = SubjectText.english(text);
        if (!hits.isEmpty()) {
            found.computeIfAbsent(name, k -> new ArrayList<>()).addAll(hits);
        }
    }

    /** The texts under {@code nl} and {@code en} keys (or only one language), anywhere in the JSON. */
    private static void plainTexts(JsonNode node, List<String> out, String language) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual() && (language.isEmpty() ? Set.of("nl", "en").contains(e.getKey())
                        : language.equals(e.getKey()))) {
                    out.add(e.getValue().asText());
                } else {
                    plainTexts(e.getValue(), out, language);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> plainTexts(n, out, language));
        }
    }

    /** The path under the outbox of a demo request's file, found by its reference. */
    private String file(String reference, String name) {
        return outbox(reference) + name;
    }

    private String outbox(String reference) {
        return outboxOf.computeIfAbsent(reference, r -> answers.entrySet().stream().filter(a -> a.getKey().endsWith("receipt.json")
                && new String(a.getValue(), UTF_8).contains("\"" + r + "\"")).map(a -> a.getKey().replace("receipt.json", ""))
                .findFirst().orElseThrow(() -> new AssertionError("no receipt of " + r)));
    }

    private static String outcome(JsonNode confirmation, String connector) {
        for (JsonNode r : confirmation.path("recipients")) {
            if (r.path("connector").asText().equals(connector)) {
                return r.path("outcome").asText();
            }
        }
        throw new AssertionError("no recipient " + connector);
    }

    /** The text of a processor's card in the bundle's index. */
    private static String card(String index, String connector) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)<section class=\"card\" id=\"p-" + connector
                + "\">(.*?)</section>").matcher(index);
        assertThat(m.find()).as("a card for " + connector).isTrue();
        return Confirmation.text(m.group(1));
    }

    /** A CSV of DEMO-1's bundle as rows of column to cell (simple CSV: the demo's cells hold no line breaks). */
    private List<Map<String, String>> csv(String entry) {
        byte[] bytes = answers.get(file("DEMO-1", "bundle.zip!" + entry));
        assertThat(bytes).as(entry + " in the bundle").isNotNull();
        List<List<String>> lines = new ArrayList<>();
        for (String line : new String(bytes, UTF_8).split("\r\n")) {
            lines.add(cells(line));
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> line : lines.subList(1, lines.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < lines.get(0).size(); i++) {
                row.put(lines.get(0).get(i), i < line.size() ? line.get(i) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    private static Map<String, byte[]> unzip(Path zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }
}
