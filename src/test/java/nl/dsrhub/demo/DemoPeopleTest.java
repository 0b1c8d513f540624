package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static nl.dsrhub.demo.DemoPeople.EVERYONE;
import static nl.dsrhub.demo.DemoPeople.PIETER;
import static nl.dsrhub.demo.DemoPeople.SANNE;
import static org.assertj.core.api.Assertions.assertThat;

/** The identifiers each {@link DemoPeople.Person} declares are exactly what the seeded processors hold. */
class DemoPeopleTest {

    private static WooCommerceSimulator woo;
    private static MailchimpSimulator mc;

    @BeforeAll
    static void seed() {
        woo = new WooCommerceSimulator(DemoPeople.WOO_CONSUMER_KEY, DemoPeople.WOO_CONSUMER_SECRET);
        mc = new MailchimpSimulator(DemoPeople.MAILCHIMP_API_KEY);
        DemoPeople.seed(woo, mc);   // seeding works before start()
    }

    @AfterAll
    static void stop() {
        woo.stop();
        mc.stop();
    }

    private static List<String> meta(String key, List<Long> orderIds) {
        List<String> values = new ArrayList<>();
        for (long id : orderIds) {
            woo.order(id).orElseThrow().path("meta_data").forEach(m -> {
                if (m.path("key").asText().equals(key)) {
                    values.add(m.path("value").asText());
                }
            });
        }
        return values.stream().distinct().toList();
    }

    @Test
    void everyPersonsDeclaredIdentifiersMatchTheSeededData() {
        for (DemoPeople.Person p : EVERYONE) {
            assertThat(woo.orderIdsByBillingEmail(p.email())).as("orders").containsExactlyInAnyOrderElementsOf(p.wooOrderIds());
            assertThat(woo.customerIdByEmail(p.email()).orElse(null)).as("customer id").isEqualTo(p.wooCustomerId());
            assertThat(meta("_mollie_payment_id", p.wooOrderIds())).containsExactlyInAnyOrderElementsOf(p.molliePaymentIds());
            assertThat(meta("_sendcloud_parcel_id", p.wooOrderIds())).containsExactlyInAnyOrderElementsOf(p.sendcloudParcelIds());
            assertThat(meta("_postnl_barcode", p.wooOrderIds())).containsExactlyInAnyOrderElementsOf(p.postnlBarcodes());
            assertThat(mc.listsOf(p.email())).containsExactlyInAnyOrderElementsOf(p.mailchimpListIds());
            if (p.mollieCustomerId() != null) {
                assertThat(meta("_mollie_customer_id", p.wooOrderIds())).containsExactly(p.mollieCustomerId());
            }
        }
    }

    @Test
    void onlyInventedAddressesAreUsed() {
        assertThat(EVERYONE).allSatisfy(p -> assertThat(p.email()).matches(".+@example\\.(nl|com)"));
        assertThat(DemoPeople.ALL_ORDER_IDS).hasSize(17).allSatisfy(id -> assertThat(woo.orderExists(id)).isTrue());
    }

    @Test
    void sanneIsKnownNowhereAndPieterOnlyAsAWordPressSubscriber() {
        assertThat(woo.customerIdByEmail(SANNE.email())).isEmpty();
        assertThat(woo.orderIdsByBillingEmail(SANNE.email())).isEmpty();
        assertThat(mc.listsOf(SANNE.email())).isEmpty();
        JsonNode pieter = woo.customer(PIETER.wooCustomerId()).orElseThrow();
        assertThat(pieter.path("role").asText()).isEqualTo("subscriber");
        assertThat(mc.listsOf(PIETER.email())).isEmpty();
    }

    @Test
    void personToStringHoldsNoPersonalData() {
        assertThat(EVERYONE).allSatisfy(p -> assertThat(p.toString())
                .doesNotContain(p.email(), p.lastName(), Objects.toString(p.phone(), "\u0000")));
    }
}
