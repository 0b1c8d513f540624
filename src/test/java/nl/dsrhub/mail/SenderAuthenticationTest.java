package nl.dsrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.dsrhub.mail.SenderAuthentication.Status;
import org.junit.jupiter.api.Test;

/** Which Authentication-Results header is trusted, and what it must say for a From address to count as authenticated. */
class SenderAuthenticationTest {

    static final String OURS = "mx.shop.example.nl";
    static final String OFFICER = "privacy@shop.example.nl";

    final SenderAuthentication auth = new SenderAuthentication(OURS);

    private Status status(String from, String... headers) {
        return auth.check(List.of(headers), from).status();
    }

    @Test
    void anAlignedDmarcPassFromOurServerAuthenticatesAndSaysSo() {
        SenderAuthentication.Verdict v = auth.check(List.of(OURS + "; spf=pass smtp.mailfrom=shop.example.nl; "
                + "dmarc=pass (p=reject) header.from=shop.example.nl"), OFFICER);

        assertThat(v.authenticated()).isTrue();
        assertThat(v.detail()).isEqualTo("authenticated by mx.shop.example.nl: dmarc=pass").doesNotContain("@");
    }

    @Test
    void anAlignedDkimPassAuthenticatesAlsoFromAParentOrSubdomainButNotFromAnotherDomain() {
        assertThat(status(OFFICER, OURS + "; dkim=pass header.d=shop.example.nl")).isEqualTo(Status.PASS);
        assertThat(status(OFFICER, OURS + "; dkim=pass header.d=example.nl")).isEqualTo(Status.PASS);
        assertThat(status("privacy@example.nl", OURS + "; dkim=pass header.d=mail.example.nl")).isEqualTo(Status.PASS);
        // Gmail names the signer by header.i only
        assertThat(status(OFFICER, OURS + "; dkim=pass header.i=@shop.example.nl header.s=s1")).isEqualTo(Status.PASS);
        assertThat(status(OFFICER, OURS + "; dkim=pass header.d=elsewhere.example.com")).isEqualTo(Status.NONE);
        assertThat(status(OFFICER, OURS + "; dkim=pass header.d=notshop.example.nl")).isEqualTo(Status.NONE);
        // a bare top-level domain aligns with nothing
        assertThat(status(OFFICER, OURS + "; dkim=pass header.d=nl")).isEqualTo(Status.NONE);
    }

    @Test
    void aDmarcPassForAnotherDomainDoesNotAuthenticateThisFromAddress() {
        assertThat(status(OFFICER, OURS + "; dmarc=pass header.from=elsewhere.example.com")).isEqualTo(Status.NONE);
        assertThat(status(OFFICER, OURS + "; dmarc=pass header.from=example.nl")).isEqualTo(Status.NONE);
    }

    @Test
    void spfAloneNeverAuthenticatesTheFromHeader() {
        SenderAuthentication.Verdict v = auth.check(List.of(OURS + "; spf=pass smtp.mailfrom=shop.example.nl; dkim=none; dmarc=none"), OFFICER);

        assertThat(v.status()).isEqualTo(Status.NONE);
        assertThat(v.detail()).contains("spf=pass", "dkim=none", "dmarc=none");
    }

    @Test
    void aHeaderOfAnotherServerIsIgnoredHoweverGoodItLooks() {
        SenderAuthentication.Verdict v = auth.check(List.of("mx.elsewhere.example.com; dmarc=pass header.from=shop.example.nl"), OFFICER);

        assertThat(v.status()).isEqualTo(Status.NONE);
        assertThat(v.detail()).contains("no Authentication-Results of mx.shop.example.nl");
        // nor one whose id merely contains ours
        assertThat(status(OFFICER, "evil-mx.shop.example.nl; dmarc=pass header.from=shop.example.nl")).isEqualTo(Status.NONE);
    }

    @Test
    void onlyTheTopmostHeaderOfOurServerCountsAHeaderOfOurIdFurtherDownCameWithTheMail() {
        assertThat(status(OFFICER, OURS + "; dmarc=fail header.from=shop.example.nl",
                OURS + "; dmarc=pass header.from=shop.example.nl")).isEqualTo(Status.FAIL);
        assertThat(status(OFFICER, "mx.elsewhere.example.com; dmarc=fail header.from=shop.example.nl",
                OURS + "; dmarc=pass header.from=shop.example.nl")).isEqualTo(Status.PASS);
    }

    @Test
    void theServerIdIsComparedWithoutRegardToCase() {
        assertThat(status(OFFICER, "MX.Shop.Example.NL; dmarc=pass header.from=shop.example.nl")).isEqualTo(Status.PASS);
    }

    @Test
    void aFailedDmarcOrAlignedDkimIsAFailureAndTemperrorIsNoVerdict() {
        assertThat(status(OFFICER, OURS + "; dmarc=fail (p=none) header.from=shop.example.nl")).isEqualTo(Status.FAIL);
        assertThat(status(OFFICER, OURS + "; dkim=fail (bad signature) header.d=shop.example.nl")).isEqualTo(Status.FAIL);
        assertThat(status(OFFICER, OURS + "; dkim=temperror header.d=shop.example.nl; dmarc=temperror header.from=shop.example.nl"))
                .isEqualTo(Status.NONE);
        // a failed signature of another domain says nothing about this one
        assertThat(status(OFFICER, OURS + "; dkim=fail header.d=list.example.org")).isEqualTo(Status.NONE);
        // a passing aligned signature outweighs a broken one
        assertThat(status(OFFICER, OURS + "; dkim=fail header.d=shop.example.nl; dkim=pass header.d=shop.example.nl"))
                .isEqualTo(Status.PASS);
    }

    @Test
    void withoutAConfiguredServerNothingIsTrustedAndWithoutAFromAddressNothingIsAuthenticated() {
        assertThat(new SenderAuthentication("").check(List.of(OURS + "; dmarc=pass header.from=shop.example.nl"), OFFICER).status())
                .isEqualTo(Status.NONE);
        assertThat(auth.check(List.of(OURS + "; dmarc=pass header.from=shop.example.nl"), null).status()).isEqualTo(Status.NONE);
        assertThat(auth.check(List.of(), OFFICER).status()).isEqualTo(Status.NONE);
    }

    @Test
    void domainsAreReadFromAddressesAndComparedWithoutCaseOrTrailingDot() {
        assertThat(SenderAuthentication.domain("Privacy@Shop.Example.NL.")).contains("shop.example.nl");
        assertThat(SenderAuthentication.domain("example.nl")).contains("example.nl");
        assertThat(SenderAuthentication.domain("not a domain")).isEmpty();
        assertThat(SenderAuthentication.within("mail.pay.example.com", "pay.example.com")).isTrue();
        assertThat(SenderAuthentication.within("evilpay.example.com", "pay.example.com")).isFalse();
    }
}
