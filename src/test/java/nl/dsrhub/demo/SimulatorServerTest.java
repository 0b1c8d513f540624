package nl.dsrhub.demo;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Behaviour shared by all simulators, exercised through the WooCommerce one. */
class SimulatorServerTest {

    @Test
    void latencyDelaysEveryResponse() {
        try (WooCommerceSimulator woo = new WooCommerceSimulator("ck", "cs").start()) {
            woo.latency(Duration.ofMillis(300));
            long t0 = System.nanoTime();

            int status = TestHttp.send("GET", woo.baseUrl() + "/orders", TestHttp.basic("ck", "cs")).statusCode();

            assertThat(status).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void eachSimulatorGetsItsOwnFreeLoopbackPort() {
        try (WooCommerceSimulator a = new WooCommerceSimulator("ck", "cs").start();
             MailchimpSimulator b = new MailchimpSimulator("key").start()) {
            assertThat(a.port()).isPositive().isNotEqualTo(b.port());
            assertThat(b.baseUrl()).isEqualTo("http://127.0.0.1:" + b.port() + "/3.0");
        }
    }

    @Test
    void logPathsHideEmailsAndSubscriberHashes() {
        assertThat(SimulatorExchange.redact("/3.0/lists/5f2e8c1a9b/members/" + DemoPeople.JAN.subscriberHash() + "/notes"))
                .isEqualTo("/3.0/lists/5f2e8c1a9b/members/*/notes");
        assertThat(SimulatorExchange.redact("/3.0/lists/5f2e8c1a9b/members/jan@example.nl"))
                .isEqualTo("/3.0/lists/5f2e8c1a9b/members/*");
    }

    @Test
    void stoppedSimulatorCanBeStoppedAgain() {
        WooCommerceSimulator woo = new WooCommerceSimulator("ck", "cs").start();
        woo.stop();
        woo.stop();
        assertThat(woo.isRunning()).isFalse();
    }
}
