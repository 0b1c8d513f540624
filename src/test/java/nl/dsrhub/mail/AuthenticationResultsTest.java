package nl.dsrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Authentication-Results headers as real mail servers write them (RFC 8601 and its examples). */
class AuthenticationResultsTest {

    private static AuthenticationResults parse(String header) {
        return AuthenticationResults.parse(header).orElseThrow();
    }

    private static List<String> verdicts(AuthenticationResults h) {
        return h.results().stream().map(r -> r.method() + "=" + r.result()).toList();
    }

    @Test
    void gmailsFoldedHeaderWithCommentsGivesEachMethodWithItsProperties() {
        AuthenticationResults h = parse("""
                mx.google.com;\r
                       dkim=pass header.i=@example.com header.s=20230601 header.b=AbCd+Ef/12=;\r
                       spf=pass (google.com: domain of sender@example.com designates 209.85.220.41 as permitted sender) \
                smtp.mailfrom=sender@example.com;\r
                       dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=example.com""");

        assertThat(h.authservId()).isEqualTo("mx.google.com");
        assertThat(verdicts(h)).containsExactly("dkim=pass", "spf=pass", "dmarc=pass");
        assertThat(h.results().get(0).property("header.i")).contains("@example.com");
        assertThat(h.results().get(0).property("header.b")).contains("AbCd+Ef/12=");
        assertThat(h.results().get(1).property("smtp.mailfrom")).contains("sender@example.com");
        assertThat(h.results().get(2).property("header.from")).contains("example.com");
        // the comment's words are not properties
        assertThat(h.results().get(2).properties()).containsOnlyKeys("header.from");
    }

    @Test
    void aVersionAfterTheServerIdAndNoneAreRead() {
        AuthenticationResults h = parse("mx.example.org 1; none");

        assertThat(h.authservId()).isEqualTo("mx.example.org");
        assertThat(h.results()).isEmpty();
    }

    @Test
    void methodVersionsSpacesAroundTheEqualsSignAndQuotedValuesAreRead() {
        AuthenticationResults h = parse("example.com; dkim/1 = pass reason=\"good signature; key of 2048 bits\" "
                + "header.d = \"example.net\" ; spf = fail smtp.mailfrom=example.net");

        assertThat(verdicts(h)).containsExactly("dkim=pass", "spf=fail");
        assertThat(h.results().get(0).property("reason")).contains("good signature; key of 2048 bits");
        assertThat(h.results().get(0).property("header.d")).contains("example.net");
    }

    @Test
    void failTemperrorAndNoneResultsAreKeptAsWrittenInLowerCase() {
        AuthenticationResults h = parse("mail.example.nl; dkim=TempError (no key for signature) header.d=example.nl; "
                + "dmarc=fail (p=reject dis=none) header.from=example.nl; spf=none smtp.mailfrom=example.nl; arc=none");

        assertThat(verdicts(h)).containsExactly("dkim=temperror", "dmarc=fail", "spf=none", "arc=none");
    }

    @Test
    void nestedCommentsAndAParenthesisInsideAQuotedStringAreHandled() {
        AuthenticationResults h = parse("mx.example.nl (a (nested) comment); dkim=pass (signature (really) verified) "
                + "header.d=example.nl reason=\"see (here)\"");

        assertThat(h.authservId()).isEqualTo("mx.example.nl");
        assertThat(h.results().get(0).property("reason")).contains("see (here)");
        assertThat(h.results().get(0).property("header.d")).contains("example.nl");
    }

    @Test
    void fastmailsManyPropertiesAndAMissingSpaceAfterTheSemicolonAreRead() {
        AuthenticationResults h = parse("mx3.messagingengine.com;\n    dkim=pass (2048-bit rsa key sha256) header.d=example.com "
                + "header.i=@example.com header.b=ABC header.a=rsa-sha256 header.s=fm1 x-bits=2048;dmarc=pass "
                + "policy.published-domain-policy=none (p=none,d=none,d.eval=none) policy.policy-from=p header.from=example.com;\n"
                + "    iprev=pass smtp.remote-ip=192.0.2.7 (mail.example.com)");

        assertThat(verdicts(h)).containsExactly("dkim=pass", "dmarc=pass", "iprev=pass");
        assertThat(h.results().get(1).property("header.from")).contains("example.com");
        assertThat(h.results().get(1).property("policy.policy-from")).contains("p");
    }

    @Test
    void aHeaderWithoutAServerIdIsNoHeaderAndAResultWithoutEqualsSignIsSkipped() {
        assertThat(AuthenticationResults.parse("   ;dkim=pass header.d=example.nl")).isEmpty();
        assertThat(AuthenticationResults.parse(null)).isEmpty();
        // Microsoft 365 writes no id at all: its first result is taken for one, and matches no configured server
        assertThat(parse("spf=pass (sender IP is 192.0.2.1) smtp.mailfrom=example.nl; dkim=pass header.d=example.nl")
                .authservId()).isEqualTo("spf=pass");
        assertThat(verdicts(parse("mx.example.nl; garbage; dmarc=pass header.from=example.nl")))
                .containsExactly("dmarc=pass");
    }
}
