package nl.dsrhub.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds {@link MollieSimulator} and {@link SendCloudSimulator} with what they would hold about
 * {@link DemoPeople}, derived from the shop's own orders (the WooCommerce seed), so that the ids in the
 * order metadata ({@code _mollie_customer_id}, {@code _mollie_payment_id} = {@code transaction_id},
 * {@code _sendcloud_parcel_id}) are exactly the ids these simulators know. Invented data only.
 *
 * <ul>
 *   <li>Mollie: a customer (locale {@code nl_NL}, metadata {@code wooCustomerId}) per person with a
 *       {@code cst_} id; one iDEAL payment per order (amount = order total, description "Bestelling N",
 *       {@code customerId} only for non-guest orders of people with a {@code cst_} id); a valid direct-debit
 *       mandate for JAN and for ANNA, and an active monthly subscription for ANNA.</li>
 *   <li>SendCloud: a parcel per {@code _sendcloud_parcel_id} (status Delivered; the most recent one
 *       En route, announced a day before seeding so it can still be cancelled) and one v3 order per parcel
 *       ({@link SendCloudSimulator#orderIdFor(String)}).</li>
 * </ul>
 */
public final class DemoPaymentsAndParcels {

    /** Test-mode Mollie API key of the demo shop (invented). */
    public static final String MOLLIE_API_KEY = "test_dsrhubDemoKey0123456789abcdefgh";
    public static final String SENDCLOUD_PUBLIC_KEY = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    public static final String SENDCLOUD_SECRET_KEY = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b";

    /** JAN's direct-debit mandate. */
    public static final String JAN_MANDATE_ID = "mdt_DsrJan0042";
    public static final String ANNA_MANDATE_ID = "mdt_DsrAnna012";
    public static final String ANNA_SUBSCRIPTION_ID = "sub_DsrAnna012";

    private static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Pattern STREET_NUMBER = Pattern.compile("^(.*?)\\s+(\\d+\\S*)$");

    private DemoPaymentsAndParcels() {
    }

    /** An order of the demo shop and its buyer. */
    private record ShopOrder(DemoPeople.Person buyer, JsonNode json) {
        long id() {
            return json.path("id").asLong();
        }

        Instant created() {
            return LocalDateTime.parse(json.path("date_created").asText()).atZone(SHOP_ZONE).toInstant();
        }

        boolean guest() {
            return json.path("customer_id").asLong() == 0;
        }

        String meta(String key) {
            for (JsonNode m : json.path("meta_data")) {
                if (key.equals(m.path("key").asText())) {
                    return m.path("value").asText();
                }
            }
            return null;
        }
    }

    private static List<ShopOrder> shopOrders() {
        WooCommerceSimulator woo = new WooCommerceSimulator("seed", "seed");   // never started: a data source only
        DemoPeople.seed(woo);
        List<ShopOrder> out = new ArrayList<>();
        for (DemoPeople.Person p : DemoPeople.EVERYONE) {
            for (Long id : p.wooOrderIds()) {
                out.add(new ShopOrder(p, woo.order(id).orElseThrow()));
            }
        }
        out.sort(Comparator.comparing(ShopOrder::id));
        return out;
    }

    // ------------------------------------------------------------------ Mollie

    public static void seed(MollieSimulator mollie) {
        List<ShopOrder> orders = shopOrders();
        for (DemoPeople.Person p : DemoPeople.EVERYONE) {
            if (p.mollieCustomerId() == null) {
                continue;
            }
            Instant first = orders.stream().filter(o -> o.buyer() == p).map(ShopOrder::created)
                    .min(Comparator.naturalOrder()).orElse(Instant.parse("2024-10-01T10:00:00Z"));
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("wooCustomerId", String.valueOf(p.wooCustomerId()));
            mollie.addCustomer(new MollieSimulator.Customer(p.mollieCustomerId(), p.name(), p.email(), "nl_NL",
                    meta, first.minusSeconds(60)));
        }
        int account = 0;
        for (ShopOrder o : orders) {
            if (o.json().path("transaction_id").isNull()) {
                continue;   // paid by bank transfer before the shop used Mollie: Mollie never saw it
            }
            DemoPeople.Person p = o.buyer();
            String customerId = o.guest() ? null : o.meta("_mollie_customer_id");
            String status = switch (o.json().path("status").asText()) {
                case "cancelled" -> "canceled";
                case "on-hold", "pending" -> "open";
                default -> "paid";
            };
            mollie.addPayment(new MollieSimulator.Payment(o.json().path("transaction_id").asText(), customerId, "EUR",
                    o.json().path("total").asText(), "Bestelling " + o.json().path("number").asText(), "ideal",
                    status, o.created(), Map.of("order_id", String.valueOf(o.id())),
                    p.name(), "NL00INGB00000" + String.format("%05d", 10_000 + ++account)));
        }
        Instant janFirst = firstOrder(orders, DemoPeople.JAN);
        mollie.addMandate(new MollieSimulator.Mandate(JAN_MANDATE_ID, DemoPeople.JAN.mollieCustomerId(),
                "directdebit", "valid", DemoPeople.JAN.name(), "NL00INGB0000010001", "INGBNL2A", "DSRHUB-MD-0042",
                LocalDate.ofInstant(janFirst, SHOP_ZONE), janFirst.plusSeconds(120)));
        Instant annaWorkshop = Instant.parse("2025-01-07T11:05:00Z");
        mollie.addMandate(new MollieSimulator.Mandate(ANNA_MANDATE_ID, DemoPeople.ANNA.mollieCustomerId(),
                "directdebit", "valid", DemoPeople.ANNA.name(), "NL00INGB0000010002", "INGBNL2A", "DSRHUB-MD-0012",
                LocalDate.ofInstant(annaWorkshop, SHOP_ZONE), annaWorkshop));
        mollie.addSubscription(new MollieSimulator.Subscription(ANNA_SUBSCRIPTION_ID, DemoPeople.ANNA.mollieCustomerId(),
                ANNA_MANDATE_ID, "EUR", "12.50", "1 month", "Koffieabonnement Filterkoffie Ethiopië 500g",
                "directdebit", "active", LocalDate.of(2025, 2, 1), annaWorkshop.plusSeconds(60), null));
    }

    private static Instant firstOrder(List<ShopOrder> orders, DemoPeople.Person p) {
        return orders.stream().filter(o -> o.buyer() == p).map(ShopOrder::created).min(Comparator.naturalOrder())
                .orElseThrow();
    }

    // ------------------------------------------------------------------ SendCloud

    public static void seed(SendCloudSimulator sendcloud) {
        List<ShopOrder> shipped = shopOrders().stream().filter(o -> o.meta("_sendcloud_parcel_id") != null).toList();
        ShopOrder latest = shipped.stream().max(Comparator.comparing(ShopOrder::created)).orElseThrow();
        Instant now = sendcloud.clock().instant();
        for (ShopOrder o : shipped) {
            String parcelId = o.meta("_sendcloud_parcel_id");
            JsonNode ship = o.json().path("shipping");
            JsonNode bill = o.json().path("billing");
            Matcher m = STREET_NUMBER.matcher(ship.path("address_1").asText());
            String street = m.matches() ? m.group(1) : ship.path("address_1").asText();
            String number = m.matches() ? m.group(2) : "";
            String phone = bill.path("phone").asText();
            SendCloudSimulator.Recipient to = new SendCloudSimulator.Recipient(
                    ship.path("first_name").asText() + " " + ship.path("last_name").asText(), street, number,
                    ship.path("postcode").asText(), ship.path("city").asText(), ship.path("country").asText(),
                    bill.path("email").asText(), phone.isEmpty() ? null : phone);
            String barcode = o.meta("_postnl_barcode");
            String tracking = barcode != null ? barcode : "3SDSRC" + String.format("%09d", Long.parseLong(parcelId));
            boolean enRoute = o == latest;
            Instant created = enRoute ? now.minus(Duration.ofDays(1)) : o.created().plus(Duration.ofHours(2));
            BigDecimal total = new BigDecimal(o.json().path("total").asText());
            sendcloud.addParcel(new SendCloudSimulator.Parcel(Long.parseLong(parcelId), String.valueOf(o.id()), to,
                    tracking, enRoute ? SendCloudSimulator.EN_ROUTE : SendCloudSimulator.DELIVERED, created,
                    created.plus(Duration.ofMinutes(5)), total));
            List<SendCloudSimulator.Item> items = new ArrayList<>();
            for (JsonNode li : o.json().path("line_items")) {
                items.add(new SendCloudSimulator.Item(li.path("name").asText(), li.path("quantity").asInt(),
                        new BigDecimal(li.path("price").asText())));
            }
            sendcloud.addOrder(parcelId, String.valueOf(o.id()), o.json().path("number").asText(), to, items, total,
                    o.created());
        }
    }
}
