package nl.dsrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.dsrhub.config.HubConfig;
import org.junit.jupiter.api.Test;

class OfficerMailTest {

    @Test
    void withoutMailConfiguredANoticeIsNotSentAndNothingBreaks() {
        MailSettings off = MailSettings.from(HubConfig.load(null, Map.of(), Map.of()));
        MailSender sender = new MailSender(() -> {
            throw new AssertionError("nothing may be sent");
        }, off);

        assertThat(new OfficerMail(off, sender).send("Deadline near", "Request R1 has 3 days left")).isFalse();
    }

    @Test
    void withMailOnButNoOfficerAddressNothingIsSentEither() {
        MailSettings noOfficer = MailSettings.from(HubConfig.load(null, Map.of("dsr.mail.enabled", "true"), Map.of()));
        MailSender sender = new MailSender(() -> {
            throw new AssertionError("nothing may be sent");
        }, noOfficer);

        assertThat(new OfficerMail(noOfficer, sender).send("Deadline near", "text")).isFalse();
    }
}
