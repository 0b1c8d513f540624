package nl.dsrhub.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

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
    static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Amsterdam");

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

    /** All order ids in the shop. */
    public static final List<Long> ALL_ORDER_IDS = DemoShop.ORDERS.stream().map(DemoShop.OrderSeed::id).toList();

    private DemoPeople() {
    }

    // ------------------------------------------------------------------ seeding

    /** Fills both simulators with everyone's data. */
    public static void seed(WooCommerceSimulator woo, MailchimpSimulator mailchimp) {
        seed(woo);
        seed(mailchimp);
    }

    public static void seed(WooCommerceSimulator woo) {
        DemoShop.seed(woo, EVERYONE);
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
            List<DemoShop.OrderSeed> bought = DemoShop.ORDERS.stream().filter(o -> o.buyer() == p && o.paymentId() != null).toList();
            double spent = bought.stream().mapToDouble(o -> o.items().stream().map(DemoShop.Item::total)
                    .reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue()).sum();
            mc.addStoreCustomer(MAILCHIMP_STORE, mailchimpCustomerId(p), p, bought.size(), spent, at(bought.get(0).created()));
            for (DemoShop.OrderSeed o : bought) {
                mc.addStoreOrder(MAILCHIMP_STORE, String.valueOf(o.id()), mailchimpCustomerId(p),
                        o.items().stream().map(DemoShop.Item::total).reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue(), at(o.created()));
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

    private static Instant at(String shopLocal) {
        return LocalDateTime.parse(shopLocal).atZone(SHOP_ZONE).toInstant();
    }
}
