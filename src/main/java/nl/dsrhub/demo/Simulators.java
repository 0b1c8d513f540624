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

    private Simulators() {
        woo = new WooCommerceSimulator(DemoPeople.WOO_CONSUMER_KEY, DemoPeople.WOO_CONSUMER_SECRET);
        mailchimp = new MailchimpSimulator(DemoPeople.MAILCHIMP_API_KEY);
    }

    public static Simulators start() {
        Simulators s = new Simulators();
        DemoPeople.seed(s.woo.start(), s.mailchimp.start());
        return s;
    }

    public List<SimulatorServer> all() {
        return List.of(woo, mailchimp);
    }

    /** Points each connector at its simulator, with the credentials it was seeded with. */
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("dsr.connector.woocommerce.base-url", woo.baseUrl());
        s.put("dsr.connector.woocommerce.consumer-key", DemoPeople.WOO_CONSUMER_KEY);
        s.put("dsr.connector.woocommerce.consumer-secret", DemoPeople.WOO_CONSUMER_SECRET);
        s.put("dsr.connector.mailchimp.base-url", mailchimp.baseUrl());
        s.put("dsr.connector.mailchimp.api-key", DemoPeople.MAILCHIMP_API_KEY);
        return s;
    }

    @Override
    public void close() {
        all().forEach(SimulatorServer::stop);
    }
}
