package nl.dsrhub.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every processor simulator of the demo, seeded with the demo people, on free loopback ports; and the
 * settings that point the hub's connectors at them.
 */
public final class Simulators implements AutoCloseable {

    public final WooCommerceSimulator woo;
    public final MailchimpSimulator mailchimp;
    public final LapostaSimulator laposta;
    public final MoneybirdSimulator moneybird;
    public final EBoekhoudenSimulator eboekhouden;
    public final MollieSimulator mollie;
    public final SendCloudSimulator sendcloud;

    private Simulators() {
        woo = new WooCommerceSimulator(DemoPeople.WOO_CONSUMER_KEY, DemoPeople.WOO_CONSUMER_SECRET);
        mailchimp = new MailchimpSimulator(DemoPeople.MAILCHIMP_API_KEY);
        laposta = new LapostaSimulator(LapostaSimulator.API_KEY);
        moneybird = new MoneybirdSimulator(MoneybirdSimulator.API_TOKEN);
        eboekhouden = new EBoekhoudenSimulator(EBoekhoudenSimulator.ACCESS_TOKEN);
        mollie = new MollieSimulator(DemoPaymentsAndParcels.MOLLIE_API_KEY);
        sendcloud = new SendCloudSimulator(DemoPaymentsAndParcels.SENDCLOUD_PUBLIC_KEY, DemoPaymentsAndParcels.SENDCLOUD_SECRET_KEY);
    }

    public static Simulators start() {
        Simulators s = new Simulators();
        DemoPeople.seed(s.woo.start(), s.mailchimp.start());
        s.laposta.start().seedDemoPeople();
        s.moneybird.start().seedDemoPeople();
        s.eboekhouden.start().seedDemoPeople();
        DemoPaymentsAndParcels.seed(s.mollie.start());
        DemoPaymentsAndParcels.seed(s.sendcloud.start());
        s.linkShopOrdersToSendCloudOrders();
        return s;
    }

    /**
     * The shop's shipping plugin keeps SendCloud's order id in the order's metadata, beside the parcel id;
     * SendCloud assigns it when it gets the order, so it is filled in here once SendCloud is seeded.
     */
    private void linkShopOrdersToSendCloudOrders() {
        for (Long orderId : DemoPeople.ALL_ORDER_IDS) {
            woo.order(orderId).ifPresent(order -> {
                com.fasterxml.jackson.databind.node.ObjectNode copy = order.deepCopy();
                com.fasterxml.jackson.databind.node.ArrayNode meta = (com.fasterxml.jackson.databind.node.ArrayNode) copy.withArray("meta_data");
                for (com.fasterxml.jackson.databind.JsonNode m : order.path("meta_data")) {
                    if ("_sendcloud_parcel_id".equals(m.path("key").asText())) {
                        String sendcloudOrder = sendcloud.orderIdFor(m.path("value").asText());
                        if (sendcloudOrder != null) {
                            meta.addObject().put("id", 9000 + meta.size()).put("key", "_sendcloud_order_id")
                                    .put("value", sendcloudOrder);
                        }
                    }
                }
                woo.putOrder(copy);
            });
        }
    }

    public List<SimulatorServer> all() {
        return List.of(woo, mailchimp, mollie, sendcloud, laposta, moneybird, eboekhouden);
    }

    /** Points each connector at its simulator, with the credentials it was seeded with. */
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("dsr.connector.woocommerce.base-url", woo.baseUrl());
        s.put("dsr.connector.woocommerce.consumer-key", DemoPeople.WOO_CONSUMER_KEY);
        s.put("dsr.connector.woocommerce.consumer-secret", DemoPeople.WOO_CONSUMER_SECRET);
        s.put("dsr.connector.mailchimp.base-url", mailchimp.baseUrl());
        s.put("dsr.connector.mailchimp.api-key", DemoPeople.MAILCHIMP_API_KEY);
        s.put("dsr.connector.laposta.base-url", laposta.baseUrl());
        s.put("dsr.connector.laposta.api-key", LapostaSimulator.API_KEY);
        // like the real one: the base URL stops before the administration id, which is a setting of its own
        s.put("dsr.connector.moneybird.base-url", "http://127.0.0.1:" + moneybird.port() + "/api/v2");
        s.put("dsr.connector.moneybird.administration-id", MoneybirdSimulator.ADMINISTRATION_ID);
        s.put("dsr.connector.moneybird.token", MoneybirdSimulator.API_TOKEN);
        s.put("dsr.connector.eboekhouden.base-url", eboekhouden.baseUrl());
        s.put("dsr.connector.eboekhouden.access-token", EBoekhoudenSimulator.ACCESS_TOKEN);
        s.put("dsr.connector.mollie.base-url", mollie.baseUrl());
        s.put("dsr.connector.mollie.api-key", DemoPaymentsAndParcels.MOLLIE_API_KEY);
        s.put("dsr.connector.sendcloud.base-url", "http://127.0.0.1:" + sendcloud.port() + "/api");
        s.put("dsr.connector.sendcloud.public-key", DemoPaymentsAndParcels.SENDCLOUD_PUBLIC_KEY);
        s.put("dsr.connector.sendcloud.secret-key", DemoPaymentsAndParcels.SENDCLOUD_SECRET_KEY);
        return s;
    }

    @Override
    public void close() {
        all().forEach(SimulatorServer::stop);
    }
}
