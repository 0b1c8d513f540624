package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorCatalogTest {

    /** A value for every setting (those of a type excepted: a date, a boolean; they have defaults). */
    private static final SettingsSource CREDENTIALS = new SettingsSource(key -> typed(key)
            ? Optional.empty() : Optional.of("secret-" + key), Map.of());

    @TempDir
    Path folder;

    /** A shipped setting whose value must be of its type (the fiscal year's end, a switch): its default is used. */
    private static boolean typed(String key) {
        return key.endsWith(".fiscal-year-end") || key.endsWith(".anonymise-orders") || key.endsWith(".mailchimp-plugin");
    }

    @Test
    void shippedConnectorsLoadAndValidate() {
        ConnectorCatalog catalog = ConnectorCatalog.load(null, CREDENTIALS);

        assertThat(catalog.names()).contains("woocommerce", "mailchimp");
        Connector woo = catalog.get("woocommerce");
        assertThat(woo.definition().provides()).contains("mollie.customerId", "sendcloud.parcelId");
        assertThat(woo.facts().legalName()).isNotBlank();
        assertThat(catalog.get("mailchimp").definition().limits().concurrency()).isEqualTo(10);
    }

    @Test
    void unknownFieldStopsStartWithFileAndField() throws Exception {
        write("shop.yaml", validConnector("shop").replace("find:", "finnd:"));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining(folder.getFileName() + "/shop.yaml")
                .hasMessageContaining("unknown field 'finnd'");
    }

    @Test
    void badStepIsReportedWithItsPointer() throws Exception {
        write("shop.yaml", validConnector("shop").replace("method: GET", "method: FETCH"));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("shop.yaml: /find/0/request/method: must be one of GET, POST, PUT, PATCH, DELETE");
    }

    @Test
    void nameMustMatchTheFileName() throws Exception {
        write("shop.yaml", validConnector("other"));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("shop.yaml: /name: must equal the file name 'shop'");
    }

    @Test
    void forEachMustReferToSomethingKnown() throws Exception {
        write("shop.yaml", validConnector("shop").replace("  - id: lookup\n", "  - id: lookup\n    forEach: nowhere\n"));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("/find/0/forEach: 'nowhere' is not picked by an earlier step");
    }

    @Test
    void aStepSwitchedByASettingMustNameADeclaredSetting() throws Exception {
        write("shop.yaml", validConnector("shop").replace("  - id: lookup\n", "  - id: lookup\n    ifSetting: anonymise\n"));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("/find/0/ifSetting: 'anonymise' is not one of the connector's settings");
    }

    @Test
    void onlyADataChangingCallCanLeaveSomethingBehind() throws Exception {
        write("shop.yaml", validConnector("shop").replace("  - id: lookup\n", "  - id: lookup\n    leaves: the IP address\n"));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("/find/0/leaves: says what a data-changing call cannot remove; a GET changes nothing");
    }

    @Test
    void aPairedPickCanBeIteratedByALaterStep() throws Exception {
        write("shop.yaml", validConnector("shop").replace("  - id: lookup\n", "  - id: stores\n"
                + "    request: { method: GET, path: /stores }\n    pickPairs: { storeCustomers: \"$[*].id\" }\n"
                + "  - id: lookup\n    forEach: storeCustomers\n"));

        assertThat(ConnectorCatalog.load(folder, CREDENTIALS).get("shop").definition().find()).hasSize(2);
    }

    @Test
    void theIdsAStepFoundThePersonWithCanBeIteratedByALaterStep() throws Exception {
        write("shop.yaml", validConnector("shop").replace("  - id: lookup\n", "  - id: lists\n"
                + "    request: { method: GET, path: /lists }\n    pick: { lists: \"$[*].id\" }\n"
                + "  - id: member\n    forEach: lists\n    request: { method: GET, path: \"/lists/${each}/me\" }\n"
                + "    pickEach: memberLists\n"
                + "  - id: lookup\n    forEach: memberLists\n"));

        assertThat(ConnectorCatalog.load(folder, CREDENTIALS).get("shop").definition().find().get(1).pickEach())
                .isEqualTo("memberLists");
    }

    @Test
    void pickEachNeedsAForEachToCollect() throws Exception {
        write("shop.yaml", validConnector("shop").replace("    keep: person\n", "    keep: person\n    pickEach: found\n"));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("shop.yaml: /find/0/pickEach: collects the step's ${each}, so the step needs forEach");
    }

    @Test
    void onlyADataChangingCallSaysWhichAnswerProvesItDone() throws Exception {
        write("shop.yaml", validConnector("shop").replace("    keep: person\n",
                "    keep: person\n    doneWhen: { path: \"$.status\", values: [deleted] }\n"));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("shop.yaml: /find/0/doneWhen: needs path and values, on a data-changing call");
    }

    @Test
    void anAuxiliaryStepSaysWhatItCovers() throws Exception {
        write("shop.yaml", validConnector("shop").replace("    keep: person\n", "    keep: person\n    auxiliary: \" \"\n"));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("shop.yaml: /find/0/auxiliary: says what the step covers");
    }

    @Test
    void missingRequiredCredentialNamesThePropertyAndTheEnvironmentVariable() throws Exception {
        write("shop.yaml", validConnector("shop"));
        SettingsSource none = new SettingsSource(key -> Optional.empty(), Map.of());

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, none))
                .hasMessageContaining("/settings/token: required but not set")
                .hasMessageContaining("dsr.connector.shop.token")
                .hasMessageContaining("DSR_CONNECTOR_SHOP_TOKEN");
    }

    @Test
    void disabledConnectorNeedsNoCredentials() throws Exception {
        write("shop.yaml", validConnector("shop"));
        SettingsSource disabled = new SettingsSource(
                key -> key.endsWith(".enabled") ? Optional.of("false") : Optional.empty(), Map.of());

        ConnectorCatalog catalog = ConnectorCatalog.load(folder, disabled);
        assertThat(catalog.get("shop").enabled()).isFalse();
        assertThat(catalog.enabled()).extracting(Connector::name).doesNotContain("shop");
    }

    @Test
    void environmentVariableOverridesPropertyAndDefault() throws Exception {
        write("shop.yaml", validConnector("shop"));
        SettingsSource settings = new SettingsSource(
                key -> key.equals("dsr.connector.shop.base-url") ? Optional.of("http://from-property")
                        : typed(key) ? Optional.empty() : Optional.of("x"),
                Map.of("DSR_CONNECTOR_SHOP_BASE_URL", "http://from-env"));

        assertThat(ConnectorCatalog.load(folder, settings).get("shop").baseUrl()).isEqualTo("http://from-env");
    }

    @Test
    void propertyOverridesTheFileDefault() throws Exception {
        write("shop.yaml", validConnector("shop"));
        SettingsSource settings = new SettingsSource(
                key -> key.equals("dsr.connector.shop.base-url") ? Optional.of("http://from-property")
                        : typed(key) ? Optional.empty() : Optional.of("x"),
                Map.of());

        assertThat(ConnectorCatalog.load(folder, settings).get("shop").baseUrl()).isEqualTo("http://from-property");
    }

    @Test
    void folderFileOverridesTheShippedOneOfTheSameName() throws Exception {
        write("mailchimp.yaml", validConnector("mailchimp").replace("title: Shop", "title: Our own Mailchimp"));

        assertThat(ConnectorCatalog.load(folder, CREDENTIALS).get("mailchimp").title()).isEqualTo("Our own Mailchimp");
    }

    @Test
    void everyProblemInEveryFileIsReportedAtOnce() throws Exception {
        write("a.yaml", validConnector("a").replace("method: GET", "method: FETCH"));
        write("b.yaml", validConnector("wrong"));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .isInstanceOfSatisfying(ConnectorConfigException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.contains("a.yaml"))
                        .anyMatch(p -> p.contains("b.yaml")));
    }

    @Test
    void linkHeaderPagingIsAPagingType() throws Exception {
        write("shop.yaml", validConnector("shop").replace("    keep: person\n",
                "    keep: person\n    paginate: { type: link-header }\n"));

        assertThat(ConnectorCatalog.load(folder, CREDENTIALS).get("shop").definition().find().get(0).paginate().type())
                .isEqualTo("link-header");
    }

    @Test
    void unknownPagingTypeNamesTheOnesThereAre() throws Exception {
        write("shop.yaml", validConnector("shop").replace("    keep: person\n",
                "    keep: person\n    paginate: { type: cursor }\n"));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("shop.yaml: /find/0/paginate/type: must be one of page, offset, next-link, link-header");
    }

    @Test
    void nextLinkPagingNeedsThePathOfTheLink() throws Exception {
        write("shop.yaml", validConnector("shop").replace("    keep: person\n",
                "    keep: person\n    paginate: { type: next-link }\n"));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("shop.yaml: /find/0/paginate/nextPath: is required for next-link");
    }

    @Test
    void aMailConnectorMustDeclareWhatItsLetterCarries() throws Exception {
        write("courier.yaml", mailConnector("courier", ""));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("courier.yaml: /letter/identifiers: a mail connector must say what its letter tells the"
                        + " processor about the person");
    }

    @Test
    void aLetterCarriesWhatItsTaskWaitsFor() throws Exception {
        write("courier.yaml", mailConnector("courier", "needs:\n  anyOf: [courier.barcode]\nletter:\n  identifiers: [email, name]\n"));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("courier.yaml: /needs/anyOf: 'courier.barcode' is what the task waits for, so the letter must"
                        + " carry it");
    }

    @Test
    void aLetterNamesOnlyTheSubjectsEmailAndNameOrIdentifiers() throws Exception {
        write("courier.yaml", mailConnector("courier", "letter:\n  identifiers: [email, \"subject's address\"]\n"));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("courier.yaml: /letter/identifiers/1: 'subject's address' is not email, name or an identifier");
    }

    @Test
    void onlyAMailConnectorSendsALetter() throws Exception {
        write("shop.yaml", validConnector("shop") + "letter:\n  identifiers: [email]\n");

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("shop.yaml: /letter: only a mail connector sends a letter");
    }

    @Test
    void theShippedCouriersLettersCarryTheBarcodeAlone() {
        ConnectorCatalog catalog = ConnectorCatalog.load(null, CREDENTIALS);

        assertThat(catalog.get("postnl").definition().letter().identifiers()).containsExactly("postnl.barcode");
        assertThat(catalog.get("postnl").definition().needs().anyOf()).containsExactly("postnl.barcode");
        assertThat(catalog.get("dhl").definition().letter().identifiers()).containsExactly("dhl.barcode");
    }

    private static String mailConnector(String name, String tail) {
        return """
                name: %s
                title: Courier
                channel: mail
                facts:
                  legalName: Courier B.V.
                  automatedDecisions: { nl: "Nee.", en: "No." }
                  role: controller
                settings:
                  privacy-contact: { default: "privacy@courier.example.com" }
                """.formatted(name) + tail;
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(folder.resolve(name), text);
    }

    static String validConnector(String name) {
        return """
                name: %s
                title: Shop
                channel: http
                facts:
                  legalName: Shop B.V.
                  automatedDecisions: { nl: "Nee.", en: "No." }
                settings:
                  base-url: { default: "http://127.0.0.1:1/api" }
                  token: { secret: true, required: true }
                http:
                  auth: { type: bearer, token: "${settings.token}" }
                find:
                  - id: lookup
                    request:
                      method: GET
                      path: /people
                      query: { email: "${subject.email}" }
                    keep: person
                """.formatted(name);
    }

    @Test
    void templatesEncodePathValuesSoAnIdCannotChangeThePath() {
        String path = Template.expandPath("/customers/${each}", n -> "../admin?x=1");
        assertThat(path).isEqualTo("/customers/..%2Fadmin%3Fx%3D1");
    }

    @Test
    void unknownPlaceholderIsAnErrorNotABlank() {
        assertThatThrownBy(() -> Template.expand("/x/${nope}", n -> null))
                .hasMessageContaining("${nope}");
    }
}
