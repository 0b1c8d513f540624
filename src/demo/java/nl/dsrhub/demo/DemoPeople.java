package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static nl.dsrhub.demo.MailchimpSimulator.Activity.click;
import static nl.dsrhub.demo.MailchimpSimulator.Activity.open;
import static nl.dsrhub.demo.MailchimpSimulator.Activity.sent;

/**
 * Invented people (example.nl / example.com only) and the data the demo processors hold about them.
 *
 * <p>The four demo subjects:
 * <ul>
 *   <li>{@link #JAN} — registered shop customer 42 with 3 orders (Mollie {@code cst_} and payment ids,
 *       SendCloud parcel ids, a PostNL barcode in the order meta), subscribed to the newsletter and
 *       customer audiences with activity, notes and tags;</li>
 *   <li>{@link #EVA} — guest buyer ({@code customer_id} 0) with 2 orders, one typed with a different
 *       letter case, in the newsletter audience;</li>
 *   <li>{@link #PIETER} — WordPress user 57 with role {@code subscriber}: only found with {@code role=all};
 *       no orders, no audience;</li>
 *   <li>{@link #SANNE} — known nowhere.</li>
 * </ul>
 * Others ({@link #ANNA}, {@link #KEES}, {@link #MARJAN}, {@link #LOTTE}, {@link #DAAN}, the shop
 * administrator) are there so that a search must really filter. Note: WooCommerce and Mailchimp search by
 * substring, so searching {@code jan@example.nl} also finds {@link #MARJAN} ({@code marjan@example.nl}); a
 * connector has to compare e-mail addresses exactly.
 */
public final class DemoPeople {

    public static final String WOO_CONSUMER_KEY = "ck_0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";
    public static final String WOO_CONSUMER_SECRET = "cs_fedcba9876543210fedcba9876543210fedcba98";
    public static final String MAILCHIMP_API_KEY = "0123456789abcdef0123456789abcdef-us21";

    /** Mailchimp audience "Nieuwsbrief". */
    public static final String LIST_NEWSLETTER = "5f2e8c1a9b";
    /** Mailchimp audience "Klanten". */
    public static final String LIST_CUSTOMERS = "9c41d7e0b3";
    /** Mailchimp audience "Koffieworkshops". */
    public static final String LIST_WORKSHOPS = "0d6b3a8f27";

    /** The shop's e-commerce store in Mailchimp (connected by the Mailchimp for WooCommerce plugin). */
    public static final String MAILCHIMP_STORE = "koffiebar-5f2e8c";

    /** The plugin's customer id in Mailchimp: the MD5 of the lower-case e-mail address. */
    public static String mailchimpCustomerId(Person p) {
        return MailchimpSimulator.subscriberHash(p.email());
    }

    /** The site URL the shop's {@code _links} point at (as a real shop would, not the simulator). */
    static final String SHOP_URL = "https://shop.example.nl";
    private static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Amsterdam");

    public record Address(String street, String postcode, String city, String country) {
    }

    /**
     * A person and the identifiers each processor holds for them.
     *
     * @param wooCustomerId     WordPress user id, or {@code null} when none (guest or unknown)
     * @param wooRole           WordPress role ({@code customer}, {@code subscriber}, …) or {@code null}
     * @param wooOrderIds       orders whose billing e-mail is this person's (guest or not)
     * @param mollieCustomerId  Mollie {@code cst_} id, or {@code null}
     * @param mailchimpListIds  audiences holding the address
     */
    public record Person(String email, String firstName, String lastName, String phone, Address address,
                         Long wooCustomerId, String wooRole, List<Long> wooOrderIds,
                         String mollieCustomerId, List<String> molliePaymentIds,
                         List<String> sendcloudParcelIds, List<String> postnlBarcodes,
                         List<String> mailchimpListIds) {

        public String name() {
            return firstName + " " + lastName;
        }

        /** Mailchimp subscriber hash: MD5 of the lower-case e-mail. */
        public String subscriberHash() {
            return MailchimpSimulator.subscriberHash(email);
        }

        public String username() {
            return email.substring(0, email.indexOf('@'));
        }

        /** Debug-safe: no personal data. */
        @Override
        public String toString() {
            return "Person[wooCustomerId=" + wooCustomerId + ", orders=" + wooOrderIds + "]";
        }
    }

    public static final Person JAN = new Person("jan@example.nl", "Jan", "Jansen", "+31600000042",
            new Address("Voorbeeldstraat 12", "1234 AB", "Amsterdam", "NL"),
            42L, "customer", List.of(1001L, 1007L, 1015L),
            "cst_8wmqcHMN4U", List.of("tr_WDqYK6vllg", "tr_7UhSN1zuXS", "tr_Hf3kR9pLqe"),
            List.of("184729301", "188310457"), List.of("3SDSRH000100712"),
            List.of(LIST_NEWSLETTER, LIST_CUSTOMERS));

    public static final Person EVA = new Person("eva.devries@example.com", "Eva", "de Vries", "+31600000104",
            new Address("Proefweg 7", "3511 ZZ", "Utrecht", "NL"),
            null, null, List.of(1004L, 1011L),
            null, List.of("tr_Lp2vX8cQw3", "tr_Zt6nM1bKr8"),
            List.of(), List.of("3SDSRH000100415", "3SDSRH000101118"),
            List.of(LIST_NEWSLETTER));

    public static final Person PIETER = new Person("pieter.bakker@example.nl", "Pieter", "Bakker", null,
            null, 57L, "subscriber", List.of(), null, List.of(), List.of(), List.of(), List.of());

    public static final Person SANNE = new Person("sanne.smit@example.com", "Sanne", "Smit", null,
            null, null, null, List.of(), null, List.of(), List.of(), List.of(), List.of());

    public static final Person ANNA = new Person("anna.mulder@example.com", "Anna", "Mulder", "+31600000012",
            new Address("Testlaan 3", "9711 AA", "Groningen", "NL"),
            12L, "customer", List.of(990L, 1002L, 1006L, 1010L, 1014L),
            "cst_Q4xbT7mJ2c", List.of("tr_Nc5wE2rTy7", "tr_Ux9pQ4sLm1", "tr_Bv7kH3dGj5", "tr_Ro2fW8zXc4"),
            List.of("183004112", "186550923", "189902341"), List.of(),
            List.of(LIST_NEWSLETTER, LIST_WORKSHOPS));

    public static final Person KEES = new Person("kees.visser@example.nl", "Kees", "Visser", "+31600000031",
            new Address("Demoplein 21", "5611 XX", "Eindhoven", "NL"),
            31L, "customer", List.of(1003L, 1009L, 1016L),
            null, List.of("tr_Gh4jK7lMn2", "tr_Pq8rS1tUv6", "tr_Wx3yZ5aBc9"),
            List.of("183877650"), List.of(), List.of(LIST_CUSTOMERS));

    /** Guest buyer whose address contains {@code jan@example.nl}: the substring trap. */
    public static final Person MARJAN = new Person("marjan@example.nl", "Marjan", "Koster", "+31600000208",
            new Address("Oefenkade 5", "2511 AA", "Den Haag", "NL"),
            null, null, List.of(1008L, 1013L), null, List.of("tr_Mj8nB2vCx4", "tr_Kl6jH9gFd3"),
            List.of(), List.of(), List.of(LIST_NEWSLETTER));

    public static final Person LOTTE = new Person("lotte.willems@example.com", "Lotte", "Willems", "+31600000305",
            new Address("Steekproefstraat 9", "6811 AA", "Arnhem", "NL"),
            null, null, List.of(1005L), null, List.of("tr_Yt5rE3wQa7"), List.of(), List.of(),
            List.of(LIST_NEWSLETTER));

    public static final Person DAAN = new Person("daan.peters@example.nl", "Daan", "Peters", "+31600000412",
            new Address("Monsterweg 44", "3011 AA", "Rotterdam", "NL"),
            null, null, List.of(1012L), null, List.of("tr_Ds4fG6hJk8"), List.of(), List.of(),
            List.of(LIST_WORKSHOPS));

    /** The shop's own administrator account (role {@code administrator}). */
    public static final Person ADMIN = new Person("beheer@example.nl", "Shop", "Beheer", null, null,
            1L, "administrator", List.of(), null, List.of(), List.of(), List.of(), List.of());

    /** The four subjects the demo files requests for. */
    public static final List<Person> SUBJECTS = List.of(JAN, EVA, PIETER, SANNE);
    public static final List<Person> EVERYONE = List.of(JAN, EVA, PIETER, SANNE, ANNA, KEES, MARJAN, LOTTE, DAAN, ADMIN);

    private record Item(String name, int quantity, String unitPrice) {
        BigDecimal total() {
            return new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity));
        }
    }

    private record OrderSeed(long id, Person buyer, String billingEmail, boolean guest, String created,
                             String status, List<Item> items, String paymentId, String parcelId, String barcode) {
    }

    private static final Item ESPRESSO = new Item("Koffiebonen Espresso 1kg", 2, "24.95");
    private static final Item FROTHER = new Item("Melkopschuimer", 1, "39.95");
    private static final Item ETHIOPIA = new Item("Filterkoffie Ethiopië 500g", 1, "12.50");
    private static final Item FILTERS = new Item("Koffiefilters nr. 4 (80 st.)", 1, "3.95");
    private static final Item GRINDER = new Item("Handmolen keramisch", 1, "59.00");
    private static final Item WORKSHOP = new Item("Workshop latte art", 1, "45.00");
    private static final Item DECAF = new Item("Koffiebonen Decaf 500g", 3, "11.25");

    private static final List<OrderSeed> ORDERS = List.of(
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

    /** All order ids in the shop. */
    public static final List<Long> ALL_ORDER_IDS = ORDERS.stream().map(OrderSeed::id).toList();

    private DemoPeople() {
    }

    // ------------------------------------------------------------------ seeding

    /** Fills both simulators with everyone's data. */
    public static void seed(WooCommerceSimulator woo, MailchimpSimulator mailchimp) {
        seed(woo);
        seed(mailchimp);
    }

    public static void seed(WooCommerceSimulator woo) {
        ObjectMapper json = new ObjectMapper();
        AtomicInteger metaIds = new AtomicInteger(5000);
        for (Person p : EVERYONE) {
            if (p.wooCustomerId() != null) {
                woo.putCustomer(customerJson(json, p, metaIds));
            }
        }
        for (OrderSeed o : ORDERS) {
            woo.putOrder(orderJson(json, o, metaIds));
        }
    }

    public static void seed(MailchimpSimulator mc) {
        mc.addList(LIST_NEWSLETTER, "Nieuwsbrief", at("2023-05-01T09:00:00"));
        mc.addList(LIST_CUSTOMERS, "Klanten", at("2023-09-15T09:00:00"));
        mc.addList(LIST_WORKSHOPS, "Koffieworkshops", at("2024-02-01T09:00:00"));
        for (Person p : EVERYONE) {
            for (String list : p.mailchimpListIds()) {
                String status = p == LOTTE ? "unsubscribed" : "subscribed";
                mc.addMember(list, p.email(), p.firstName(), p.lastName(), p.phone(), status,
                        at("2024-0" + (1 + Math.abs(p.email().hashCode()) % 9) + "-12T20:15:00"));
            }
        }
        // the shop's Mailchimp for WooCommerce plugin: customers (id = MD5 of the e-mail) and their orders
        mc.addStore(MAILCHIMP_STORE, LIST_CUSTOMERS, "Koffiebar webshop", "shop.example.nl", at("2023-09-15T09:05:00"));
        for (Person p : List.of(JAN, ANNA, KEES)) {
            List<OrderSeed> bought = ORDERS.stream().filter(o -> o.buyer() == p && o.paymentId() != null).toList();
            double spent = bought.stream().mapToDouble(o -> o.items().stream().map(Item::total)
                    .reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue()).sum();
            mc.addStoreCustomer(MAILCHIMP_STORE, mailchimpCustomerId(p), p, bought.size(), spent, at(bought.get(0).created()));
            for (OrderSeed o : bought) {
                mc.addStoreOrder(MAILCHIMP_STORE, String.valueOf(o.id()), mailchimpCustomerId(p),
                        o.items().stream().map(Item::total).reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue(), at(o.created()));
            }
        }
        // abandoned carts the plugin copied too: Anna's and Kees's, each with their customer
        mc.addStoreCart(MAILCHIMP_STORE, "cart-7f3a91", mailchimpCustomerId(ANNA), "Melkopschuimer", 1, 39.95,
                at("2025-10-02T21:14:00"));
        mc.addStoreCart(MAILCHIMP_STORE, "cart-2b8c40", mailchimpCustomerId(KEES), "Koffiebonen Ethiopië 1 kg", 2, 24.50,
                at("2025-11-11T08:40:00"));
        // Jan: activity, notes and tags in both audiences
        mc.addActivity(LIST_NEWSLETTER, JAN.email(), sent(at("2025-03-01T08:00:00"), "c1a2b3c4d5", "Nieuwsbrief maart"));
        mc.addActivity(LIST_NEWSLETTER, JAN.email(), open(at("2025-03-01T12:31:07"), "c1a2b3c4d5", "Nieuwsbrief maart"));
        mc.addActivity(LIST_NEWSLETTER, JAN.email(), click(at("2025-03-01T12:32:40"), "c1a2b3c4d5", "Nieuwsbrief maart",
                "https://shop.example.nl/product/melkopschuimer"));
        mc.addActivity(LIST_NEWSLETTER, JAN.email(), sent(at("2025-04-01T08:00:00"), "d6e7f8a9b0", "Nieuwsbrief april"));
        mc.addTag(LIST_NEWSLETTER, JAN.email(), "koffieliefhebber", at("2024-11-03T14:20:00"));
        mc.addTag(LIST_NEWSLETTER, JAN.email(), "klant", at("2024-11-03T14:20:00"));
        mc.addNote(LIST_NEWSLETTER, JAN.email(), "Wil de nieuwsbrief liever op zaterdag ontvangen.", "Klantenservice",
                at("2025-01-10T10:15:00"));
        mc.addActivity(LIST_CUSTOMERS, JAN.email(), sent(at("2025-05-10T08:00:00"), "e1f2a3b4c5", "Je bestelling beoordelen"));
        mc.addActivity(LIST_CUSTOMERS, JAN.email(), open(at("2025-05-10T19:02:13"), "e1f2a3b4c5", "Je bestelling beoordelen"));
        mc.addTag(LIST_CUSTOMERS, JAN.email(), "vaste klant", at("2025-02-14T10:00:00"));
        mc.addNote(LIST_CUSTOMERS, JAN.email(), "Klacht over vertraagde levering van bestelling 1007 afgehandeld.",
                "Klantenservice", at("2025-02-20T16:40:00"));
        // Eva: a little history in the newsletter
        mc.addActivity(LIST_NEWSLETTER, EVA.email(), sent(at("2025-04-01T08:00:00"), "d6e7f8a9b0", "Nieuwsbrief april"));
        mc.addTag(LIST_NEWSLETTER, EVA.email(), "gast", at("2024-12-09T08:45:00"));
        // others
        mc.addActivity(LIST_NEWSLETTER, ANNA.email(), open(at("2025-03-01T09:12:00"), "c1a2b3c4d5", "Nieuwsbrief maart"));
        mc.addTag(LIST_WORKSHOPS, ANNA.email(), "latte art", at("2025-01-07T12:05:00"));
        mc.addTag(LIST_NEWSLETTER, MARJAN.email(), "gast", at("2025-02-20T17:30:00"));
    }

    // ------------------------------------------------------------------ WooCommerce JSON

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
        ArrayNode meta = n.putArray("meta_data");
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
        links(json, n, "/orders/" + o.id(), "/orders");
        if (!o.guest()) {
            n.withObject("/_links").putArray("customer").addObject()
                    .put("href", SHOP_URL + WooCommerceSimulator.BASE_PATH + "/customers/" + p.wooCustomerId());
        }
        return n;
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

    private static Instant at(String shopLocal) {
        return LocalDateTime.parse(shopLocal).atZone(SHOP_ZONE).toInstant();
    }
}
