package nl.dsrhub.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class IncomingMailTest {

    private static MimeMessage parse(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(UTF_8)));
    }

    @Test
    void anHtmlOnlyReplyIsReadAsTextWithoutItsMarkupOrItsQuote() throws Exception {
        IncomingMail mail = IncomingMail.read(parse("""
                From: privacy@pay.example.com
                Subject: Re: [DSR-ABCDEFGHJK]
                Message-ID: <html-1@pay.example.com>
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8

                <html><body><p>Wij hebben <b>geen gegevens</b> van deze persoon.</p>
                <blockquote>Bevestig dat de gegevens zijn verwijderd</blockquote></body></html>
                """), 100_000);

        assertThat(mail.text()).contains("Wij hebben geen gegevens van deze persoon.").doesNotContain("<b>", "verwijderd");
        assertThat(new ReplyClassifier().classify(nl.dsrhub.model.RequestType.ERASURE, mail.text(), 0).outcome())
                .isEqualTo(nl.dsrhub.model.Outcome.NOT_FOUND);
        assertThat(mail.automatic()).isFalse();
        assertThat(mail.key()).hasSize(64).doesNotContain("pay.example.com");
    }

    @Test
    void aMailOverTheLimitIsNotReadAtAllAndAnOutOfOfficeIsRecognised() throws Exception {
        String big = "x".repeat(5_000);
        IncomingMail mail = IncomingMail.read(parse("""
                From: privacy@pay.example.com
                Subject: Out of office
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=UTF-8

                Back on Monday.
                --b1
                Content-Type: application/json
                Content-Disposition: attachment; filename="data.json"

                %s
                --b1--
                """.formatted(big)), 1_000);

        assertThat(mail.automatic()).isTrue();
        assertThat(mail.tooLarge()).isTrue();
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.text()).isEmpty();
    }

    @Test
    void aMailWithTwoFromAddressesHasNoSenderAndItsAuthenticationResultsAreReadTopToBottom() throws Exception {
        IncomingMail mail = IncomingMail.read(parse("""
                Authentication-Results: mx.shop.example.nl; dmarc=fail header.from=shop.example.nl
                Authentication-Results: mx.shop.example.nl; dmarc=pass header.from=shop.example.nl
                From: privacy@shop.example.nl, attacker@elsewhere.example.com
                Subject: vergeetverzoek
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                type: erasure
                """), 100_000);

        assertThat(mail.from()).isNull();
        assertThat(mail.authenticationResults()).hasSize(2);
        assertThat(mail.authenticationResults().get(0)).contains("dmarc=fail");
    }
}
