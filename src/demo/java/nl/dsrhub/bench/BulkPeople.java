package nl.dsrhub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.demo.LapostaSimulator;
import nl.dsrhub.demo.MollieSimulator;
import nl.dsrhub.demo.SendCloudSimulator;
import nl.dsrhub.demo.Simulators;

/**
 * Invented people for the bulk run ({@code bulk-00001@example.nl} …), each present at every HTTP
 * processor of the demo stack the way a real customer is: a shop account and one order (naming their
 * Mollie customer and payment, their SendCloud parcel and order), a Mailchimp and a Laposta
 * subscription, a Moneybird contact and an e-Boekhouden relation. So every erasure makes real calls
 * everywhere: look-ups, deletes, verifications.
 */
final class BulkPeople {

    private static final Instant CREATED = Instant.parse("2025-03-01T10:00:00Z");
    private static final DemoPeople.Address ADDRESS = new DemoPeople.Address("Voorbeeldstraat 1", "3511 AB", "Utrecht", "NL");

    private BulkPeople() {
    }

    static String email(int i) {
        return String.format("bulk-%05d@example.nl", i);
    }

    static void seed(Simulators s, int count) {
        ObjectMapper json = new ObjectMapper();
        for (int i = 1; i <= count; i++) {
            String email = email(i);
            String last = String.format("Persoon%05d", i);
            long customerId = 200_000L + i;
            long orderId = 600_000L + i;
            long parcelId = 700_000_000L + i;
            String mollieCustomer = String.format("cst_bulk%05d", i);
            String payment = String.format("tr_bulk%05d", i);
            DemoPeople.Person p = new DemoPeople.Person(email, "Bulk", last, null, ADDRESS, customerId, "customer",
                    List.of(orderId), mollieCustomer, List.of(payment), List.of(String.valueOf(parcelId)), List.of(),
                    List.of(DemoPeople.LIST_NEWSLETTER));

            s.mollie.addCustomer(new MollieSimulator.Customer(mollieCustomer, p.name(), email, "nl_NL", Map.of(), CREATED));
            s.mollie.addPayment(new MollieSimulator.Payment(payment, mollieCustomer, "EUR", "29.90", "Bestelling " + orderId,
                    "ideal", "paid", CREATED, Map.of(), p.name(), "NL00INGB0000012345"));
            SendCloudSimulator.Recipient to = new SendCloudSimulator.Recipient(p.name(), "Voorbeeldstraat", "1", "3511 AB",
                    "Utrecht", "NL", email, null);
            BigDecimal total = new BigDecimal("29.90");
            s.sendcloud.addParcel(new SendCloudSimulator.Parcel(parcelId, String.valueOf(orderId), to,
                    "3SBULK" + parcelId, SendCloudSimulator.DELIVERED, CREATED, CREATED.plusSeconds(300), total));
            long sendcloudOrder = s.sendcloud.addOrder(String.valueOf(parcelId), String.valueOf(orderId),
                    String.valueOf(orderId), to, List.of(new SendCloudSimulator.Item("Koffiebonen Espresso 1kg", 1,
                            new BigDecimal("24.95"))), total, CREATED);

            ObjectNode c = json.createObjectNode();
            c.put("id", customerId).put("email", email).put("first_name", "Bulk").put("last_name", last)
                    .put("role", "customer").put("username", email.substring(0, email.indexOf('@')));
            c.putObject("billing").put("first_name", "Bulk").put("last_name", last).put("email", email);
            c.putArray("meta_data").addObject().put("id", customerId * 10).put("key", "_mollie_customer_id")
                    .put("value", mollieCustomer);
            s.woo.putCustomer(c);
            ObjectNode o = json.createObjectNode();
            o.put("id", orderId).put("status", "completed").put("currency", "EUR").put("total", "29.90")
                    .put("customer_id", customerId).put("date_created", "2025-03-01T11:00:00").put("number", String.valueOf(orderId));
            o.putObject("billing").put("first_name", "Bulk").put("last_name", last).put("email", email);
            ArrayNode meta = o.putArray("meta_data");
            meta.addObject().put("id", orderId * 10 + 1).put("key", "_mollie_customer_id").put("value", mollieCustomer);
            meta.addObject().put("id", orderId * 10 + 2).put("key", "_mollie_payment_id").put("value", payment);
            meta.addObject().put("id", orderId * 10 + 3).put("key", "_sendcloud_parcel_id").put("value", String.valueOf(parcelId));
            meta.addObject().put("id", orderId * 10 + 4).put("key", "_sendcloud_order_id").put("value", String.valueOf(sendcloudOrder));
            o.putArray("line_items").addObject().put("id", orderId * 10 + 5).put("name", "Koffiebonen Espresso 1kg")
                    .put("quantity", 1).put("total", "24.95");
            s.woo.putOrder(o);

            s.mailchimp.addMember(DemoPeople.LIST_NEWSLETTER, email, "Bulk", last, null, "subscribed", CREATED);
            s.laposta.addMember(LapostaSimulator.LIST_NEWSLETTER, email, "active", CREATED, Map.of());
            s.moneybird.addContact(String.valueOf(431_000_000_000_000_000L + i), p, String.valueOf(90_000 + i), CREATED);
            s.eboekhouden.addRelation(800_000 + i, String.format("B%05d", i), p, LocalDate.of(2025, 3, 1));
        }
    }
}
