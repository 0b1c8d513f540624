package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Next-page links are resolved, and followed only to the origin of the connector's base URL. */
class NextLinkTest {

    private static final String BASE = "https://api.example.com/v2";
    private static final String PAGE = "https://api.example.com/v2/customers/cst_1/payments?limit=250";

    @Test
    void absoluteLinkOfTheSameOriginIsFollowedAsItIs() {
        assertThat(NextLink.follow(BASE, PAGE, "https://api.example.com/v2/customers/cst_1/payments?from=tr_2&limit=250", "mollie step payments"))
                .isEqualTo("https://api.example.com/v2/customers/cst_1/payments?from=tr_2&limit=250");
    }

    @Test
    void sameOriginIsRecognisedWithTheDefaultPortWrittenOutAndAnyCase() {
        assertThat(NextLink.follow(BASE, PAGE, "HTTPS://API.example.com:443/v2/payments?from=tr_2", "step"))
                .isEqualTo("HTTPS://API.example.com:443/v2/payments?from=tr_2");
    }

    @Test
    void linkFromTheRootIsResolvedAgainstTheBaseUrlsOrigin() {
        assertThat(NextLink.follow(BASE, PAGE, "/v2/customers/cst_1/payments?from=tr_2", "step"))
                .isEqualTo("https://api.example.com/v2/customers/cst_1/payments?from=tr_2");
    }

    @Test
    void relativeLinkIsResolvedAgainstThePageThatCarriedIt() {
        assertThat(NextLink.follow(BASE, PAGE, "payments?from=tr_2", "step"))
                .isEqualTo("https://api.example.com/v2/customers/cst_1/payments?from=tr_2");
    }

    @Test
    void linkToAnotherHostIsRefusedNamingTheStepButNotTheQuery() {
        assertThatThrownBy(() -> NextLink.follow(BASE, PAGE, "https://evil.example.net/v2/payments?email=jan@example.nl",
                "mollie step payments"))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageStartingWith("mollie step payments: the processor's link to the next page points to another origin")
                .hasMessageContaining("https://evil.example.net:443")
                .hasMessageNotContaining("jan@example.nl");
    }

    @Test
    void anotherPortOfTheSameHostIsAnotherOrigin() {
        assertThatThrownBy(() -> NextLink.follow("http://127.0.0.1:8081/api", "http://127.0.0.1:8081/api/items",
                "http://127.0.0.1:8082/api/items?page=2", "step"))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("http://127.0.0.1:8082");
    }

    @Test
    void plainHttpForAnHttpsProcessorIsAnotherOrigin() {
        assertThatThrownBy(() -> NextLink.follow(BASE, PAGE, "http://api.example.com/v2/payments?from=tr_2", "step"))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("http://api.example.com:80");
    }

    @Test
    void schemeRelativeLinkToAnotherHostIsRefused() {
        assertThatThrownBy(() -> NextLink.follow(BASE, PAGE, "//evil.example.net/v2/payments", "step"))
                .isInstanceOf(PermanentFailure.class);
    }

    @Test
    void linkWithItsOwnUserInfoIsRefusedEvenOnTheSameHost() {
        assertThatThrownBy(() -> NextLink.follow(BASE, PAGE, "https://someone:secret@api.example.com/v2/payments", "step"))
                .isInstanceOf(PermanentFailure.class);
    }

    @Test
    void linkThatIsNoUrlIsRefused() {
        assertThatThrownBy(() -> NextLink.follow(BASE, PAGE, "https://api.example.com/v2/pay ments?x=<y>", "step"))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("is not a URL");
    }

    @Test
    void originWritesTheDefaultPort() {
        assertThat(NextLink.origin(URI.create("https://Api.Example.com/x"))).isEqualTo("https://api.example.com:443");
        assertThat(NextLink.origin(URI.create("http://127.0.0.1/x"))).isEqualTo("http://127.0.0.1:80");
    }

    @Test
    void linkHeaderGivesTheNextRelationOnly() {
        String header = "<https://api.example.com/v2/items?page=1>; rel=\"first\", "
                + "<https://api.example.com/v2/items?page=3>; rel=\"next\", <https://api.example.com/v2/items?page=9>; rel=\"last\"";

        assertThat(NextLink.inLinkHeader(header)).hasValue("https://api.example.com/v2/items?page=3");
    }

    @Test
    void linkHeaderRelationsAreCaseInsensitiveUnquotedOrSeveral() {
        assertThat(NextLink.inLinkHeader("</items?page=2>; REL=next")).hasValue("/items?page=2");
        assertThat(NextLink.inLinkHeader("</items?page=2>; rel=\"last next\"")).hasValue("/items?page=2");
        assertThat(NextLink.inLinkHeader("</items?page=2>;rel=nextpage")).isEmpty();
    }

    @Test
    void linkHeaderParametersWithCommasInQuotesDoNotSplitALink() {
        String header = "</items?page=1>; rel=\"prev\"; title=\"a, <b>\", </items?page=3>; rel=\"next\"";

        assertThat(NextLink.inLinkHeader(header)).hasValue("/items?page=3");
    }

    @Test
    void noLinkHeaderOrNoNextMeansTheLastPage() {
        assertThat(NextLink.inLinkHeader(null)).isEmpty();
        assertThat(NextLink.inLinkHeader("</items?page=1>; rel=\"prev\"")).isEmpty();
        assertThat(NextLink.inLinkHeader("</items?page=2; rel=next")).isEmpty();
    }
}
