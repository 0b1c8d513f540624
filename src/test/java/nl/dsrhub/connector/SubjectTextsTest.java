package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a connector file must tell the subject, checked at start-up with the file and field named. */
class SubjectTextsTest {

    private static final SettingsSource CREDENTIALS = new SettingsSource(key -> key.endsWith(".fiscal-year-end") || key.endsWith(".anonymise-orders") || key.endsWith(".mailchimp-plugin")
            ? Optional.empty() : Optional.of("secret-" + key), Map.of());

    private static final String ERASE = """
            erase:
              - id: delete-person
                request: { method: DELETE, path: /people/1 }
            """;

    @TempDir
    Path folder;

    @Test
    void whetherDecisionsAreAutomatedMustBeSaidInBothLanguages() throws Exception {
        write(ConnectorCatalogTest.validConnector("shop").replace("  automatedDecisions: { nl: \"Nee.\", en: \"No.\" }\n",
                "  automatedDecisions: { nl: \"Nee.\" }\n"));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("shop.yaml: /facts/automatedDecisions: is required in nl and en: whether automated"
                        + " decisions or profiling take place there is owed to the subject (GDPR art. 15(1)(h))");
    }

    @Test
    void aRecipientOutsideTheEeaMustStateTheSafeguardOfTheTransfer() throws Exception {
        write(ConnectorCatalogTest.validConnector("shop").replace("  legalName: Shop B.V.\n", "  legalName: Shop B.V.\n  country: US\n"));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("shop.yaml: /facts/transferSafeguard: is required in nl and en: country US is outside"
                        + " the EEA: the safeguard the transfer relies on is owed to the subject (GDPR art. 15(2))");
    }

    @Test
    void aRecipientInTheEeaStatesNoTransferSafeguard() throws Exception {
        write(ConnectorCatalogTest.validConnector("shop").replace("  legalName: Shop B.V.\n", "  legalName: Shop B.V.\n"
                + "  country: NL\n  transferSafeguard: { nl: \"SCC's\", en: \"SCCs\" }\n"));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("shop.yaml: /facts/transferSafeguard: country NL is in the EEA: there is no transfer to safeguard");
    }

    @Test
    void aStepThatChangesDataMustSayWhatItDidInPlainWords() throws Exception {
        write(ConnectorCatalogTest.validConnector("shop") + ERASE);

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("shop.yaml: /erase/0/says: is required in nl and en: a step that changes data says"
                        + " what it did for the person in plain words");
    }

    @Test
    void aStepThatChangesDataSaysWhatItDid() throws Exception {
        write(ConnectorCatalogTest.validConnector("shop") + ERASE
                + "    says: { nl: \"Uw gegevens zijn verwijderd.\", en: \"Your data were deleted.\" }\n");

        assertThat(ConnectorCatalog.load(folder, CREDENTIALS).get("shop").definition().erase().get(0).says().nl())
                .isEqualTo("Uw gegevens zijn verwijderd.");
    }

    @Test
    void aLookupSaysNothingItDid() throws Exception {
        write(ConnectorCatalogTest.validConnector("shop").replace("    keep: person\n",
                "    keep: person\n    says: { nl: \"Gevonden.\", en: \"Found.\" }\n"));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("shop.yaml: /find/0/says: only a step that changes data says what it did");
    }

    @Test
    void aFieldExplanationNeedsItsNameAndBothLanguages() throws Exception {
        write(ConnectorCatalogTest.validConnector("shop").replace("  legalName: Shop B.V.\n",
                "  legalName: Shop B.V.\n  fields:\n    - { name: email, nl: \"uw e-mailadres\" }\n"));

        assertThatThrownBy(() -> ConnectorCatalog.load(folder, CREDENTIALS))
                .hasMessageContaining("shop.yaml: /facts/fields/0: a field needs its name");
    }

    @Test
    void everyShippedConnectorThatExportsExplainsItsFieldsAndSaysWhatEachChangeDid() {
        ConnectorCatalog catalog = ConnectorCatalog.load(null, CREDENTIALS);

        for (Connector c : catalog.all()) {
            assertThat(c.facts().automatedDecisions()).as(c.name()).isNotNull();
            c.definition().erase().forEach(step -> assertThat(step.says()).as(c.name() + " " + step.id()).isNotNull());
            if (c.definition().find().stream().anyMatch(step -> step.keep() != null)) {
                assertThat(c.facts().fields()).as(c.name() + " keeps data for the bundle: its fields are explained").isNotEmpty();
            }
        }
        assertThat(catalog.get("mailchimp").facts().transferSafeguard().nl()).contains("EU-VS Data Privacy Framework");
        assertThat(catalog.get("mailchimp").facts().transferSafeguard().en()).contains("EU-US Data Privacy Framework");
    }

    private void write(String text) throws Exception {
        Files.writeString(folder.resolve("shop.yaml"), text);
    }
}
