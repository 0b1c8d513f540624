package nl.dsrhub.demo;

import static nl.dsrhub.demo.DemoPeople.ANNA;
import static nl.dsrhub.demo.DemoPeople.DAAN;
import static nl.dsrhub.demo.DemoPeople.EVA;
import static nl.dsrhub.demo.DemoPeople.JAN;
import static nl.dsrhub.demo.DemoPeople.KEES;
import static nl.dsrhub.demo.DemoPeople.LOTTE;
import static nl.dsrhub.demo.DemoPeople.MARJAN;
import static nl.dsrhub.demo.DemoPeople.SHOP_URL;
import static nl.dsrhub.demo.DemoPeople.SHOP_ZONE;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import nl.dsrhub.demo.DemoPeople.Address;
import nl.dsrhub.demo.DemoPeople.Person;

/**
 * The demo shop's orders of the invented people, and the WooCommerce customers and orders made from them as the
 * WooCommerce simulator serves them (with the Mollie, SendCloud and PostNL ids the plugins keep on an order).
 */
final class DemoShop {

    record Item(String name, int quantity, String unitPrice) {
        BigDecimal total() {
            return new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity));
        }
    }

    /** An order of the shop: who bought, with which e-mail, when, and the ids other processors gave it. */
    record OrderSeed(long id, Person buyer, String billingEmail, boolean guest, String created,
                             String status, List<Item> items, String paymentId, String parcelId, String barcode) {
    }

    private static final Item ESPRESSO = new Item("Koffiebonen Espresso 1kg", 2, "24.95");
    private static final Item FROTHER = new Item("Melkopschuimer", 1, "39.95");
    private static final Item ETHIOPIA = new Item("Filterkoffie Ethiopië 500g", 1, "12.50");
    private static final Item FILTERS = new Item("Koffiefilters nr. 4 (80 st.)", 1, "3.95");
    private static final Item GRINDER = new Item("Handmolen keramisch", 1, "59.00");
    private static final Item WORKSHOP = new Item("Workshop latte art", 1, "45.00");
    private static final Item DECAF = new Item("Koffiebonen Decaf 500g", 3, "11.25");

    static final List<OrderSeed> ORDERS = List.of(
            // paid by bank transfer before the shop used Mollie, and older than the 7-year fiscal retention
            new OrderSeed(990, ANNA, ANNA.email(), false, "2018-06-02T10:20:00", "completed", List.of(GRINDER), null, null, null),
            new OrderSeed(1001, JAN, JAN.email(), false, "2024-11-03T14:12:09", "completed", List.of(ESPRESSO), "tr_WDqYK6vllg", "184729301", null),
            new OrderSeed(1002, ANNA, ANNA.email(), false, "2024-11-10T10:02:44", "completed", List.of(GRINDER), "tr_Nc5wE2rTy7", "183004112", null),
            new OrderSeed(1003, KEES, KEES.email(), false, "2024-11-22T16:45:00", "completed", List.of(DECAF), "tr_Gh4jK7lMn2", "183877650", null),
            new OrderSeed(1004, EVA, EVA.email(), true, "2024-12-09T08:30:12", "completed", List.of(ETHIOPIA, FILTERS), "tr_Lp2vX8cQw3", null, "3SDSRH000100415"),
            new OrderSeed(1005, LOTTE, LOTTE.email(), true, "2024-12-18T21:14:51", "completed", List.of(ESPRESSO), "tr_Yt5rE3wQa7", null, null),
            new OrderSeed(1006, ANNA, ANNA.email(), false, "2025-01-07T12:00:03", "completed", List.of(WORKSHOP), "tr_Ux9pQ4sLm1", null, null),
            new OrderSeed(1007, JAN, JAN.email(), false, "2025-02-14T09:41:55", "completed", List.of(FROTHER), "tr_7UhSN1zuXS", "188310457", "3SDSRH000100712"),
            new OrderSeed(1008, MARJAN, MARJAN.email(), true, "2025-02-20T17:25:36", "completed", List.of(FILTERS), "tr_Mj8nB2vCx4", null, null),
            new OrderSeed(1009, KEES, KEES.email(), false, "2025-03-03T11:11:11", "refunded", List.of(GRINDER), "tr_Pq8rS1tUv6", null, null),
            new OrderSeed(1010, ANNA, ANNA.email(), false, "2025-03-15T09:05:27", "completed", List.of(ESPRESSO, FILTERS), "tr_Bv7kH3dGj5", "186550923", null),
            new OrderSeed(1011, EVA, "Eva.deVries@Example.com", true, "2025-04-02T19:48:20", "completed", List.of(DECAF), "tr_Zt6nM1bKr8", null, "3SDSRH000101118"),
            new OrderSeed(1012, DAAN, DAAN.email(), true, "2025-04-19T13:37:42", "completed", List.of(WORKSHOP), "tr_Ds4fG6hJk8", null, null),
            new OrderSeed(1013, MARJAN, MARJAN.email(), true, "2025-05-06T07:59:18", "cancelled", List.of(ETHIOPIA), "tr_Kl6jH9gFd3", null, null),
            new OrderSeed(1014, ANNA, ANNA.email(), false, "2025-05-28T15:20:00", "completed", List.of(DECAF), "tr_Ro2fW8zXc4", "189902341", null),
            new OrderSeed(1015, JAN, JAN.email(), false, "2025-06-21T19:03:27", "processing", List.of(ETHIOPIA, FILTERS), "tr_Hf3kR9pLqe", null, null),
            new OrderSeed(1016, KEES, KEES.email(), false, "2025-07-01T10:10:10", "on-hold", List.of(FILTERS), "tr_Wx3yZ5aBc9", null, null));

    private DemoShop() {
    }

    /** Puts every person with a WordPress account and every order into the simulator. */
    static void seed(WooCommerceSimulator woo, List<Person> everyone) {
        ObjectMapper json = new ObjectMapper();
        AtomicInteger metaIds = new AtomicInteger(5000);
        for (Person p : everyone) {
            if (p.wooCustomerId() != null) {
                woo.putCustomer(customerJson(json, p, metaIds));
            }
        }
        for (OrderSeed o : ORDERS) {
            woo.putOrder(orderJson(json, o, metaIds));
        }
    }

    private static ObjectNode customerJson(ObjectMapper json, Person p, AtomicInteger metaIds) {
        List<OrderSeed> orders = ORDERS.stream().filter(o -> o.buyer() == p).toList();
        String created = orders.isEmpty() ? "2024-10-01T12:00:00" : orders.get(0).created();
        ObjectNode c = json.createObjectNode();
        c.put("id", p.wooCustomerId());
        c.put("date_created", created);
        c.put("date_created_gmt", gmt(created));
        c.put("date_modified", created);
        c.put("date_modified_gmt", gmt(created));
        c.put("email", p.email());
        c.put("first_name", p.firstName());
        c.put("last_name", p.lastName());
        c.put("role", p.wooRole());
        c.put("username", p.username());
        c.set("billing", address(json, p, p.email(), true));
        c.set("shipping", address(json, p, null, false));
        c.put("is_paying_customer", !orders.isEmpty());
        c.put("avatar_url", "https://secure.gravatar.com/avatar/?s=96&d=mm&r=g");
        ArrayNode meta = c.putArray("meta_data");
        if (p.mollieCustomerId() != null) {
            meta.addObject().put("id", metaIds.incrementAndGet()).put("key", "_mollie_customer_id")
                    .put("value", p.mollieCustomerId());
        }
        links(json, c, "/customers/" + p.wooCustomerId(), "/customers");
        return c;
    }

    private static ObjectNode orderJson(ObjectMapper json, OrderSeed o, AtomicInteger metaIds) {
        Person p = o.buyer();
        BigDecimal items = o.items().stream().map(Item::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal shipping = new BigDecimal("4.95");
        BigDecimal total = items.add(shipping);
        BigDecimal tax = total.multiply(new BigDecimal("21")).divide(new BigDecimal("121"), 2, java.math.RoundingMode.HALF_UP);
        ObjectNode n = json.createObjectNode();
        n.put("id", o.id());
        n.put("parent_id", 0);
        n.put("status", o.status());
        n.put("currency", "EUR");
        n.put("version", "9.3.3");
        n.put("prices_include_tax", true);
        n.put("date_created", o.created());
        n.put("date_created_gmt", gmt(o.created()));
        n.put("date_modified", o.created());
        n.put("date_modified_gmt", gmt(o.created()));
        n.put("discount_total", "0.00");
        n.put("shipping_total", shipping.toPlainString());
        n.put("total", total.setScale(2).toPlainString());
        n.put("total_tax", tax.toPlainString());
        n.put("customer_id", o.guest() ? 0 : p.wooCustomerId());
        n.put("order_key", "wc_order_" + Long.toString(o.id() * 7919L, 36) + "demo");
        n.set("billing", address(json, p, o.billingEmail(), true));
        n.set("shipping", address(json, p, null, false));
        n.put("payment_method", o.paymentId() == null ? "bacs" : "mollie_wc_gateway_ideal");
        n.put("payment_method_title", o.paymentId() == null ? "Bankoverschrijving" : "iDEAL");
        n.put("transaction_id", o.paymentId());
        n.put("customer_ip_address", "192.0.2." + (o.id() % 200 + 1));
        n.put("customer_user_agent", "Mozilla/5.0 (X11; Linux x86_64)");
        n.put("created_via", "checkout");
        n.put("customer_note", "");
        n.put("date_completed", o.status().equals("completed") ? o.created() : null);
        n.put("date_paid", o.status().equals("pending") ? null : o.created());
        n.put("number", String.valueOf(o.id()));
        orderMeta(n.putArray("meta_data"), o, metaIds);
        lineItems(n, o, shipping);
        links(json, n, "/orders/" + o.id(), "/orders");
        if (!o.guest()) {
            n.withObject("/_links").putArray("customer").addObject()
                    .put("href", SHOP_URL + WooCommerceSimulator.BASE_PATH + "/customers/" + p.wooCustomerId());
        }
        return n;
    }

    /** The ids of the buyer and the other processors, as the plugins store them on an order. */
    private static void orderMeta(ArrayNode meta, OrderSeed o, AtomicInteger metaIds) {
        Person p = o.buyer();
        if (!o.guest() && p.mollieCustomerId() != null) {
            meta.addObject().put("id", metaIds.incrementAndGet()).put("key", "_mollie_customer_id").put("value", p.mollieCustomerId());
        }
        if (o.paymentId() != null) {
            meta.addObject().put("id", metaIds.incrementAndGet()).put("key", "_mollie_payment_id").put("value", o.paymentId());
        }
        if (o.parcelId() != null) {
            meta.addObject().put("id", metaIds.incrementAndGet()).put("key", "_sendcloud_parcel_id").put("value", o.parcelId());
        }
        if (o.barcode() != null) {
            meta.addObject().put("id", metaIds.incrementAndGet()).put("key", "_postnl_barcode").put("value", o.barcode());
        }
    }

    private static void lineItems(ObjectNode n, OrderSeed o, BigDecimal shipping) {
        ArrayNode lines = n.putArray("line_items");
        int lineId = (int) o.id() * 10;
        for (Item i : o.items()) {
            ObjectNode li = lines.addObject();
            li.put("id", ++lineId);
            li.put("name", i.name());
            li.put("quantity", i.quantity());
            li.put("subtotal", i.total().toPlainString());
            li.put("total", i.total().toPlainString());
            li.put("price", new BigDecimal(i.unitPrice()).doubleValue());
        }
        ArrayNode shippingLines = n.putArray("shipping_lines");
        shippingLines.addObject().put("id", lineId + 1).put("method_title", "PostNL").put("method_id", "flat_rate")
                .put("total", shipping.toPlainString());
    }

    private static ObjectNode address(ObjectMapper json, Person p, String email, boolean billing) {
        ObjectNode a = json.createObjectNode();
        Address addr = p.address();
        boolean has = addr != null;
        a.put("first_name", has || billing && p.wooRole() == null ? p.firstName() : "");
        a.put("last_name", has || billing && p.wooRole() == null ? p.lastName() : "");
        a.put("company", "");
        a.put("address_1", has ? addr.street() : "");
        a.put("address_2", "");
        a.put("city", has ? addr.city() : "");
        a.put("state", "");
        a.put("postcode", has ? addr.postcode() : "");
        a.put("country", has ? addr.country() : "");
        if (billing) {
            a.put("email", email == null ? "" : email);
        }
        a.put("phone", has && p.phone() != null ? p.phone() : "");
        return a;
    }

    private static void links(ObjectMapper json, ObjectNode node, String self, String collection) {
        ObjectNode l = node.putObject("_links");
        l.putArray("self").addObject().put("href", SHOP_URL + WooCommerceSimulator.BASE_PATH + self);
        l.putArray("collection").addObject().put("href", SHOP_URL + WooCommerceSimulator.BASE_PATH + collection);
    }

    private static String gmt(String shopLocal) {
        return LocalDateTime.parse(shopLocal).atZone(SHOP_ZONE).withZoneSameInstant(ZoneOffset.UTC)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
    }
}
