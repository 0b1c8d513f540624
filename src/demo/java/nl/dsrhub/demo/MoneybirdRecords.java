package nl.dsrhub.demo;

import static nl.dsrhub.demo.MoneybirdSimulator.ADMINISTRATION_ID;
import static nl.dsrhub.demo.SimulatorServer.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/** A Moneybird contact and sales invoice as the API returns them, built from the seeded facts. */
final class MoneybirdRecords {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private MoneybirdRecords() {
    }

    static ObjectNode contact(String id, DemoPeople.Person p, String customerId, Instant created) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id);
        c.put("administration_id", ADMINISTRATION_ID);
        c.put("company_name", "");
        c.put("firstname", p.firstName());
        c.put("lastname", p.lastName());
        DemoPeople.Address a = p.address();
        c.put("address1", a == null ? "" : a.street());
        c.put("address2", "");
        c.put("zipcode", a == null ? "" : a.postcode());
        c.put("city", a == null ? "" : a.city());
        c.put("country", a == null ? "NL" : a.country());
        c.put("phone", p.phone() == null ? "" : p.phone());
        c.put("delivery_method", "Email");
        c.put("customer_id", customerId);
        c.put("tax_number", "");
        c.put("chamber_of_commerce", "");
        c.put("bank_account", "");
        c.put("attention", "");
        c.put("email", p.email());
        c.put("email_ubl", true);
        c.put("send_invoices_to_attention", "");
        c.put("send_invoices_to_email", p.email());
        c.put("send_estimates_to_attention", "");
        c.put("send_estimates_to_email", p.email());
        c.put("sepa_active", false);
        c.put("created_at", created.toString());
        c.put("updated_at", created.toString());
        c.put("version", created.getEpochSecond());
        c.put("sales_invoices_url", "https://moneybird.com/" + ADMINISTRATION_ID + "/sales_invoices/"
                + Long.toHexString(Long.parseLong(id.substring(6))) + "/all");
        c.put("archived", false);
        c.putArray("notes");
        c.putArray("custom_fields");
        c.putArray("contact_people");
        return c;
    }

    /** An invoice of the contact; {@code lines}: description → price incl. 21% VAT. */
    static ObjectNode salesInvoice(String id, ObjectNode contact, String invoiceNumber, String state, LocalDate date,
                                   Map<String, String> lines) {
        ObjectNode inv = JSON.createObjectNode();
        inv.put("id", id);
        inv.put("administration_id", ADMINISTRATION_ID);
        inv.put("contact_id", contact.path("id").asText());
        inv.set("contact", contact.deepCopy());
        inv.put("invoice_id", invoiceNumber);
        inv.put("state", state);
        inv.put("invoice_date", date.toString());
        inv.put("due_date", date.plusDays(14).toString());
        inv.put("reference", "Bestelling webshop");
        inv.put("language", "nl");
        inv.put("currency", "EUR");
        inv.put("prices_are_incl_tax", true);
        BigDecimal total = BigDecimal.ZERO;
        ArrayNode details = inv.putArray("details");
        long detailId = Long.parseLong(id) * 10;
        for (Map.Entry<String, String> l : lines.entrySet()) {
            BigDecimal price = new BigDecimal(l.getValue());
            total = total.add(price);
            ObjectNode d = details.addObject();
            d.put("id", String.valueOf(++detailId));
            d.put("description", l.getKey());
            d.put("amount", "1 x");
            d.put("price", price.toPlainString());
            d.put("tax_rate_id", "430412345678900021");
            d.put("total_price_excl_tax_with_discount", exclTax(price).toPlainString());
        }
        inv.put("total_price_excl_tax", exclTax(total).toPlainString());
        inv.put("total_price_incl_tax", total.setScale(2, RoundingMode.HALF_UP).toPlainString());
        inv.put("total_paid", state.equals("paid") ? total.setScale(2, RoundingMode.HALF_UP).toPlainString() : "0.0");
        String created = date.atTime(10, 0).atZone(ZONE).toInstant().toString();
        inv.put("created_at", created);
        inv.put("updated_at", created);
        return inv;
    }

    private static BigDecimal exclTax(BigDecimal incl) {
        return incl.multiply(new BigDecimal("100")).divide(new BigDecimal("121"), 2, RoundingMode.HALF_UP);
    }
}
