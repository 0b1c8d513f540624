package nl.dsrhub.mail;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a mail's From address is authenticated, by the verdict of the officer's own mail server: its
 * {@code Authentication-Results} header (RFC 8601), recognised by the server's id ({@code dsr.mail.authserv-id}).
 * Only the topmost header of that id counts: the receiving server adds its header on top, and one of the
 * same id further down came with the mail from its sender, who can write anything there. Headers of other
 * servers are ignored for the same reason. Without a configured id no header is trusted.
 * <p>Authenticated: {@code dmarc=pass} whose {@code header.from} is the From address's domain, or
 * {@code dkim=pass} whose signing domain {@code header.d} (or, without it, the signer {@code header.i}) is aligned with it. DMARC's relaxed alignment
 * compares organisational domains (by the public suffix list); this approximates it: the two domains are equal,
 * or one is a subdomain of the other, and a bare top-level domain never aligns. SPF alone never authenticates:
 * it vouches for the envelope sender, not for the From header.
 */
public final class SenderAuthentication {

    public static final String HEADER = "Authentication-Results";

    /** PASS: authenticated; FAIL: the server says the From domain failed DMARC or DKIM; NONE: no verdict either way. */
    public enum Status { PASS, FAIL, NONE }

    /**
     * @param detail what the verdict rests on, without addresses, e.g. {@code authenticated by mx.example.nl: dmarc=pass}
     */
    public record Verdict(Status status, String detail) {
        public boolean authenticated() {
            return status == Status.PASS;
        }

        public boolean failed() {
            return status == Status.FAIL;
        }
    }

    private final String authservId;

    /** @param authservId the officer's own mail server's id; empty: no header is trusted */
    public SenderAuthentication(String authservId) {
        this.authservId = authservId == null ? "" : authservId.trim();
    }

    /**
     * @param headers the mail's {@code Authentication-Results} values, top to bottom (as the mail holds them)
     * @param from    the From address
     */
    public Verdict check(List<String> headers, String from) {
        if (authservId.isEmpty()) {
            return new Verdict(Status.NONE, "not authenticated: no mail server is trusted (dsr.mail.authserv-id is empty)");
        }
        String domain = domain(from).orElse(null);
        if (domain == null) {
            return new Verdict(Status.NONE, "not authenticated: the mail has no single From address");
        }
        Optional<AuthenticationResults> trusted = headers.stream().map(AuthenticationResults::parse).flatMap(Optional::stream)
                .filter(h -> h.authservId().equalsIgnoreCase(authservId)).findFirst();
        if (trusted.isEmpty()) {
            return new Verdict(Status.NONE, "not authenticated: no Authentication-Results of " + authservId);
        }
        List<AuthenticationResults.Result> results = trusted.get().results();
        for (AuthenticationResults.Result r : results) {
            if (r.method().equals("dmarc") && r.result().equals("pass") && sameDomain(r.property("header.from"), domain)) {
                return new Verdict(Status.PASS, "authenticated by " + authservId + ": dmarc=pass");
            }
        }
        for (AuthenticationResults.Result r : results) {
            if (r.method().equals("dkim") && r.result().equals("pass") && aligned(signer(r), domain)) {
                return new Verdict(Status.PASS, "authenticated by " + authservId + ": dkim=pass, aligned");
            }
        }
        for (AuthenticationResults.Result r : results) {
            boolean dmarcFailed = r.method().equals("dmarc") && r.result().equals("fail") && sameDomain(r.property("header.from"), domain);
            boolean dkimFailed = r.method().equals("dkim") && r.result().equals("fail") && aligned(signer(r), domain);
            if (dmarcFailed || dkimFailed) {
                return new Verdict(Status.FAIL, "not authenticated: " + authservId + " says " + r.method() + "=fail");
            }
        }
        String seen = results.stream().map(r -> r.method() + "=" + r.result()).distinct().collect(Collectors.joining(", "));
        return new Verdict(Status.NONE, "not authenticated: " + authservId + " says " + (seen.isEmpty() ? "none" : seen)
                + " (no aligned dmarc or dkim pass)");
    }

    /** The domain of an address, lower-case, without a trailing dot; empty for no address. */
    public static Optional<String> domain(String address) {
        if (address == null) {
            return Optional.empty();
        }
        int at = address.lastIndexOf('@');
        String d = (at < 0 ? address : address.substring(at + 1)).trim().toLowerCase(Locale.ROOT);
        d = d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
        return d.matches("[a-z0-9_-]+(\\.[a-z0-9_-]+)*") ? Optional.of(d) : Optional.empty();
    }

    /** True when {@code domain} is {@code parent} or a subdomain of it. */
    public static boolean within(String domain, String parent) {
        return domain.equals(parent) || domain.endsWith("." + parent);
    }

    /**
     * The signing domain {@code header.d}. Some servers (Gmail) write only the signer's identity {@code header.i},
     * whose domain is by RFC 6376 the signing domain or a subdomain of it: when it aligns with the From domain,
     * so does the signing domain, under the approximation above.
     */
    private static Optional<String> signer(AuthenticationResults.Result dkim) {
        return dkim.property("header.d").or(() -> dkim.property("header.i"));
    }

    private static boolean sameDomain(Optional<String> value, String domain) {
        return value.flatMap(SenderAuthentication::domain).filter(domain::equals).isPresent();
    }

    private static boolean aligned(Optional<String> value, String domain) {
        return value.flatMap(SenderAuthentication::domain)
                .filter(d -> d.contains(".") && domain.contains("."))
                .filter(d -> within(d, domain) || within(domain, d)).isPresent();
    }
}
