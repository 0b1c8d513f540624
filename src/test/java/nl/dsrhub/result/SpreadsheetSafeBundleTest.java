package nl.dsrhub.result;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.dsrhub.demo.RecordedCall;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV injection through a processor's answer, against the real hub: the shop's simulator answers with a
 * customer and an order whose text fields are spreadsheet formulas (OWASP's examples), the hub exports them,
 * and the bundle's CSV files show each as text while its JSON files keep what the processor sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpreadsheetSafeBundleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMAIL = "formule.fenna@example.nl";
    private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example.com\")";

    HubFixture fixture;
    Map<String, byte[]> bundle;

    @BeforeAll
    void exportAPersonWhoseShopDataHoldsFormulas(@TempDir Path dataDir) throws IOException {
        fixture = HubFixture.create(dataDir);
        fixture.woo.putCustomer(customer());
        fixture.woo.putOrder(order());
        fixture.startHub();
        fixture.drop("formulas.json", """
                { "type": "export", "receivedAt": "%s",
                  "subject": { "email": "%s", "name": "Fenna Formule" },
                  "verification": { "method": "known-email", "verifiedBy": "privacy@shop.example.nl", "verifiedAt": "%s" },
                  "processors": ["woocommerce"], "reference": "CSV-FORMULAS" }
                """.formatted(Requests.now(), EMAIL, Requests.now()));
        String id = fixture.awaitRequest("CSV-FORMULAS");
        fixture.awaitCompleted(id);
        bundle = unzip(fixture.outbox(id).resolve("bundle.zip"));
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @Test
    void everyFormulaInTheCustomersCsvIsShownAsTextWithALeadingQuote() {
        Map<String, String> customer = onlyRow(csv("woocommerce/customer.csv"));

        assertThat(customer).containsEntry("first_name", "'" + HYPERLINK).containsEntry("last_name", "'@SUM(A1)")
                .containsEntry("username", "'+1").containsEntry("id", "9001").containsEntry("email", EMAIL);
    }

    @Test
    void everyFormulaInTheOrdersCsvIsShownAsTextWithALeadingQuote() {
        Map<String, String> order = onlyRow(csv("woocommerce/orders-p0001.csv"));

        assertThat(order).containsEntry("customer_note", "'-2+3").containsEntry("payment_method_title", "'\tiDEAL")
                .containsEntry("transaction_id", "'\rtr_F0rmu1a").containsEntry("total", "12.50");
    }

    @Test
    void noCellOfAnyCsvInTheBundleStartsLikeAFormula() {
        List<String> csvFiles = bundle.keySet().stream().filter(n -> n.endsWith(".csv")).toList();

        assertThat(csvFiles).contains("woocommerce/customer.csv", "woocommerce/orders-p0001.csv");
        for (String file : csvFiles) {
            for (List<String> row : csv(file)) {
                assertThat(row).as(file).noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0);
            }
        }
    }

    @Test
    void theCustomersJsonIsInTheBundleByteForByteAsTheShopSentIt() {
        RecordedCall lookup = fixture.woo.callsMatching("GET", ".*/customers").stream()
                .filter(c -> c.rawQuery() != null && c.rawQuery().contains("formule.fenna")).findFirst().orElseThrow();

        assertThat(bundle.get("woocommerce/customer.json")).isEqualTo(lookup.responseBody().getBytes(UTF_8));
        assertThat(new String(bundle.get("woocommerce/customer.json"), UTF_8)).contains("\"first_name\":\"=HYPERLINK(\\\"http://evil.example.com\\\")\"");
    }

    @Test
    void theOrdersJsonKeepsTheValuesAsTheShopSentThem() throws IOException {
        var order = JSON.readTree(bundle.get("woocommerce/orders-p0001.json")).get(0);

        assertThat(order.path("customer_note").asText()).isEqualTo("-2+3");
        assertThat(order.path("payment_method_title").asText()).isEqualTo("\tiDEAL");
        assertThat(order.path("transaction_id").asText()).isEqualTo("\rtr_F0rmu1a");
    }

    @Test
    void theBundlesIndexTellsTheSubjectAboutTheLeadingQuote() {
        String index = new String(bundle.get("index.html"), UTF_8);

        assertThat(index).contains("heeft vooraan een extra <code>'</code>", "carries an extra leading <code>'</code>");
    }

    // ------------------------------------------------------------------ the shop's data

    private static ObjectNode customer() {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", 9001);
        c.put("date_created", "2025-09-01T10:00:00");
        c.put("email", EMAIL);
        c.put("first_name", HYPERLINK);
        c.put("last_name", "@SUM(A1)");
        c.put("role", "customer");
        c.put("username", "+1");
        c.putObject("billing").put("email", EMAIL).put("first_name", "Fenna");
        c.putArray("meta_data");
        return c;
    }

    private static ObjectNode order() {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", 9101);
        o.put("status", "completed");
        o.put("currency", "EUR");
        o.put("date_created", "2025-09-02T10:00:00");
        o.put("date_created_gmt", "2025-09-02T08:00:00");
        o.put("total", "12.50");
        o.put("customer_id", 9001);
        o.putObject("billing").put("email", EMAIL).put("first_name", "Fenna");
        o.put("customer_note", "-2+3");
        o.put("payment_method_title", "\tiDEAL");
        o.put("transaction_id", "\rtr_F0rmu1a");
        o.putArray("meta_data");
        o.putArray("line_items");
        return o;
    }

    // ------------------------------------------------------------------ reading the bundle

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    private List<List<String>> csv(String entry) {
        assertThat(bundle).containsKey(entry);
        return Rfc4180.parse(new String(bundle.get(entry), UTF_8));
    }

    /** The header row and the one data row, as column name to cell. */
    private static Map<String, String> onlyRow(List<List<String>> rows) {
        assertThat(rows).hasSize(2);
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < rows.get(0).size(); i++) {
            out.put(rows.get(0).get(i), rows.get(1).get(i));
        }
        return out;
    }

    /** A reader of RFC 4180 CSV, as a spreadsheet reads it: quoted cells may hold commas, quotes and line breaks. */
    static final class Rfc4180 {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    cell.append(ch);
                }
            }
            return rows;
        }
    }
}
