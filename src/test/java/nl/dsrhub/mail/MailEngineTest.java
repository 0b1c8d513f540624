package nl.dsrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.connector.PermanentFailure;
import nl.dsrhub.connector.TaskContext;
import nl.dsrhub.hub.Services;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.Test;

class MailEngineTest {

    @Test
    void anEnabledMailConnectorWithoutMailConfiguredNeedsAttentionWithAClearMessageAndSendsNothing() {
        HubConfig config = HubConfig.load(null, Map.of("dsr.connectors.dir", "no-such-dir", "dsr.connector.paynl.enabled", "true"), Map.of());
        Connector paynl = Services.loadConnectors(config, false).find("paynl").orElseThrow();
        MailSender sender = new MailSender(() -> {
            throw new AssertionError("nothing may be sent");
        }, MailSettings.from(config));
        MailEngine engine = new MailEngine(sender, null, new Letters("hub@shop.example.nl", new nl.dsrhub.mail.Controller(
                "Testwinkel B.V.", "Proefstraat 1, 1234 AB Teststad", "privacy@shop.example.nl")), Clock.systemUTC(),
                requestId -> java.time.LocalDate.of(2026, 12, 4));
        TaskContext task = new TaskContext(1, Requests.of(RequestType.ERASURE, "p@example.nl", Map.of()).withId("R1"), Map.of(),
                Path.of("unused"));

        assertThat(paynl.enabled()).isTrue();
        assertThatThrownBy(() -> engine.run(paynl, task)).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("mail is not configured").hasMessageContaining("dsr.mail.enabled");
    }

    @Test
    void aRecipientThatHoldsNoneOfWhatARectificationCorrectsGetsNoLetter() {
        HubConfig config = HubConfig.load(null, Map.of("dsr.connectors.dir", "no-such-dir", "dsr.connector.postnl.enabled", "true"), Map.of());
        Connector postnl = Services.loadConnectors(config, false).find("postnl").orElseThrow();
        MailSender sender = new MailSender(() -> {
            throw new AssertionError("nothing may be sent");
        }, MailSettings.from(config));
        MailEngine engine = new MailEngine(sender, null, new Letters("hub@shop.example.nl", new nl.dsrhub.mail.Controller(
                "Testwinkel B.V.", "Proefstraat 1, 1234 AB Teststad", "privacy@shop.example.nl")), Clock.systemUTC(),
                requestId -> java.time.LocalDate.of(2026, 12, 4));
        // PostNL's delivery data hold a name and an address, not the person's e-mail address
        TaskContext task = new TaskContext(1, Requests.rectification("p@example.nl", new nl.dsrhub.model.Particulars.Changes(
                "nieuw@example.com", null, null, null, null, null)).withId("R1"), Map.of(), Path.of("unused"));

        nl.dsrhub.model.TaskResult r = engine.run(postnl, task);

        assertThat(r.outcome()).isEqualTo(nl.dsrhub.model.Outcome.NOT_FOUND);
        assertThat(r.detail()).isEqualTo("holds none of what the request changes (its letter corrects: name, address); no letter sent");
    }

    @Test
    void mailSettingsNeverPrintTheirPasswords() {
        HubConfig config = HubConfig.load(null, Map.of("dsr.mail.smtp.password", "smtp-secret", "dsr.mail.imap.password", "imap-secret"),
                Map.of());
        assertThat(MailSettings.from(config).toString()).doesNotContain("secret");
    }
}
