package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector file's retention is checked at start-up: each kind of basis says what it must and nothing it must
 * not, so a processor's own duty or data that merely remain can never be given the shop's legal basis or an
 * erasure date, and the shop's duty always has its records' dates and what happens when it ends.
 */
class RetentionRulesTest {

    private static final SettingsSource CREDENTIALS = new SettingsSource(key -> key.endsWith(".fiscal-year-end")
            ? Optional.empty() : Optional.of("secret-" + key), Map.of());

    @TempDir
    Path folder;

    @Test
    void aProcessorsOwnDutyCannotBeScheduledForErasureByTheShop() throws Exception {
        write(withRetain("""
                  - when: orders
                    record: payment
                    what: { nl: betaling, en: payment }
                    basis: { kind: processor-legal-duty, law: "Wwft art. 33", reason: { nl: plicht, en: duty },
                             term: { nl: "5 jaar", en: "5 years" } }
                    atEnd: { notice: "delete it" }
                """));

        assertThatThrownBy(this::load).hasMessageContaining("shop.yaml: /retain/0: a processor's own duty has no years and no atEnd");
    }

    @Test
    void dataThatRemainWithoutADutyGetNoLaw() throws Exception {
        write(withRetain("""
                  - when: orders
                    record: parcel
                    what: { nl: pakket, en: parcel }
                    basis: { kind: no-legal-duty, law: "Verwerkersovereenkomst", reason: { nl: blijft, en: remains } }
                """));

        assertThatThrownBy(this::load).hasMessageContaining(
                "shop.yaml: /retain/0: data that remain without a legal duty get no law, years, term, keeper or atEnd");
    }

    @Test
    void theShopsDutyRunsFromEachRecordsDate() throws Exception {
        write(withRetain("""
                  - when: email
                    record: order
                    what: { nl: bestelling, en: order }
                    basis: { kind: shop-legal-duty, law: "AWR art. 52 lid 4", reason: { nl: plicht, en: duty }, years: 7 }
                    atEnd: { notice: "delete it" }
                """));

        assertThatThrownBy(this::load).hasMessageContaining(
                "shop.yaml: /retain/0: the shop's duty runs from each record's date: pick the records with their dates");
    }

    @Test
    void theShopsDutySaysWhatHappensWhenItEnds() throws Exception {
        write(withRetain("""
                  - when: orders
                    record: order
                    what: { nl: bestelling, en: order }
                    basis: { kind: shop-legal-duty, law: "AWR art. 52 lid 4", reason: { nl: plicht, en: duty }, years: 7 }
                """));

        assertThatThrownBy(this::load).hasMessageContaining("shop.yaml: /retain/0/atEnd: is required");
    }

    @Test
    void theEndStepMustBeAnEraseStep() throws Exception {
        write(withRetain("""
                  - when: orders
                    record: order
                    what: { nl: bestelling, en: order }
                    basis: { kind: shop-legal-duty, law: "AWR art. 52 lid 4", reason: { nl: plicht, en: duty }, years: 7 }
                    atEnd: { step: anonymise }
                """));

        assertThatThrownBy(this::load).hasMessageContaining(
                "shop.yaml: /retain/0/atEnd/step: 'anonymise' is not an erase step of this connector");
    }

    @Test
    void aBasisAsStatedIsTheOfficersNotAConnectorFiles() throws Exception {
        write(withRetain("""
                  - when: orders
                    record: order
                    what: { nl: bestelling, en: order }
                    basis: { kind: as-stated, reason: { nl: zo, en: so } }
                """));

        assertThatThrownBy(this::load).hasMessageContaining("shop.yaml: /retain/0/basis/kind: as-stated is the officer's");
    }

    @Test
    void aFiscalYearEndThatIsNoDayStopsTheStartNamingTheSetting() {
        SettingsSource settings = new SettingsSource(key -> key.equals("dsr.connector.woocommerce.fiscal-year-end")
                ? Optional.of("31-12") : key.endsWith(".fiscal-year-end") ? Optional.empty() : Optional.of("x"), Map.of());

        assertThatThrownBy(() -> ConnectorCatalog.load(null, settings)).hasMessageContaining(
                "connectors/woocommerce.yaml: /settings/fiscal-year-end: must be the last day of the fiscal year as MM-DD");
    }

    @Test
    void theShippedConnectorsGiveTheirStatutoryRecordsAnEnd() {
        // the shop's choices at their defaults (anonymise-orders: true)
        ConnectorCatalog catalog = ConnectorCatalog.load(null, new SettingsSource(key -> key.endsWith(".fiscal-year-end")
                || key.endsWith(".anonymise-orders") || key.endsWith(".mailchimp-plugin") ? Optional.empty() : Optional.of("secret-" + key), Map.of()));

        assertThat(RetentionRules.endFor(catalog.get("woocommerce"), "order").orElseThrow().step())
                .hasValueSatisfying(s -> assertThat(s.id()).isEqualTo("anonymise-order"));
        assertThat(RetentionRules.endFor(catalog.get("moneybird"), "contact").orElseThrow().step())
                .hasValueSatisfying(s -> assertThat(s.id()).isEqualTo("delete-contact"));
        assertThat(RetentionRules.endFor(catalog.get("moneybird"), "invoice").orElseThrow().step()).isEmpty();
        // Mollie's payments are Mollie's own duty: nothing for the calendar
        assertThat(RetentionRules.endFor(catalog.get("mollie"), "payment")).isEmpty();
    }

    @Test
    void aShopThatKeepsItsOrdersHasTheOfficerToldInsteadOfAnAnonymisation() {
        ConnectorCatalog catalog = ConnectorCatalog.load(null, new SettingsSource(
                key -> key.endsWith(".anonymise-orders") || key.endsWith(".mailchimp-plugin") ? Optional.of("false")
                        : key.endsWith(".fiscal-year-end") ? Optional.empty() : Optional.of("secret-" + key), Map.of()));

        RetentionRules.End end = RetentionRules.endFor(catalog.get("woocommerce"), "order").orElseThrow();
        assertThat(end.step()).isEmpty();
        assertThat(end.notice()).contains("anonymise or delete it in WooCommerce");
    }

    @Test
    void whatARectificationLeavesAsItWasHasNoEndStepSinceNothingIsScheduled() throws Exception {
        write(withRetain("""
                  - when: orders
                    only: rectification
                    record: order
                    what: { nl: bestelling, en: order }
                    basis: { kind: shop-legal-duty, law: "AWR art. 52 lid 4", reason: { nl: plicht, en: duty }, years: 7 }
                    atEnd: { notice: "delete it" }
                """));

        assertThatThrownBy(this::load).hasMessageContaining("shop.yaml: /retain/0/atEnd: only what an erasure keeps is erased");
    }

    @Test
    void aRectificationsRuleMayNameARecordKindTheErasureKeepsToo() throws Exception {
        write(withRetain("""
                  - when: orders
                    record: order
                    what: { nl: bestelling, en: order }
                    basis: { kind: shop-legal-duty, law: "AWR art. 52 lid 4", reason: { nl: plicht, en: duty }, years: 7 }
                    atEnd: { notice: "delete it" }
                  - when: orders
                    only: [rectification]
                    ifChanges: [name, address]
                    record: order
                    what: { nl: bestelling zoals geplaatst, en: order as placed }
                    basis: { kind: shop-legal-duty, law: "AWR art. 52 lid 4", reason: { nl: plicht, en: duty }, years: 7 }
                """));

        ConnectorCatalog catalog = ConnectorCatalog.load(folder, new SettingsSource(key -> key.endsWith(".fiscal-year-end")
                || key.endsWith(".anonymise-orders") || key.endsWith(".mailchimp-plugin") ? Optional.empty() : Optional.of("secret-" + key), Map.of()));

        // the calendar reads the erasure's rule only
        assertThat(RetentionRules.endFor(catalog.get("shop"), "order").orElseThrow().notice()).isEqualTo("delete it");
    }

    @Test
    void aRuleNamesRequestTypesThatExist() throws Exception {
        write(withRetain("""
                  - when: orders
                    only: [rectify]
                    record: order
                    what: { nl: bestelling, en: order }
                    basis: { kind: no-legal-duty, reason: { nl: blijft, en: remains } }
                """));

        assertThatThrownBy(this::load).hasMessageContaining("shop.yaml: /retain/0/only: 'rectify' is no request type");
    }

    @Test
    void onlyARectificationsRuleDependsOnWhatTheRequestChanges() throws Exception {
        write(withRetain("""
                  - when: orders
                    ifChanges: [address]
                    record: order
                    what: { nl: bestelling, en: order }
                    basis: { kind: no-legal-duty, reason: { nl: blijft, en: remains } }
                """));

        assertThatThrownBy(this::load).hasMessageContaining("shop.yaml: /retain/0/ifChanges: only a rectification's rule");
    }

    private static String withRetain(String rules) {
        return ConnectorCatalogTest.validConnector("shop") + """
                    records:
                      orders: { items: "$[*]", id: id, date: created }
                retain:
                """ + rules;
    }

    private void write(String text) throws Exception {
        Files.writeString(folder.resolve("shop.yaml"), text);
    }

    private ConnectorCatalog load() {
        return ConnectorCatalog.load(folder, CREDENTIALS);
    }
}
