package nl.dsrhub.connector;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a processor is, in the terms of GDPR art. 15, 19 and 30: the facts the bundle's index and the
 * erasure confirmation print. Every text is bilingual.
 *
 * @param legalName          the recipient as the subject should recognise it (e.g. "Mollie B.V.")
 * @param country            ISO country code where the data is processed
 * @param role               {@code processor} or {@code controller} (PostNL and DHL are controllers for delivery data)
 * @param purposes           why the shop shares data with it
 * @param dataCategories     which kinds of personal data it holds
 * @param retention          how long it keeps them
 * @param source             where the data came from
 * @param privacyContact     where the processor takes privacy requests (e-mail or URL), may be {@code null}
 * @param automatedDecisions whether automated decision-making or profiling takes place there (art. 15(1)(h)), and
 *                           what it is when it does
 * @param transferSafeguard  for a recipient outside the EEA: the safeguard the transfer relies on (art. 15(2), 45,
 *                           46), e.g. the EU-US Data Privacy Framework or standard contractual clauses; else null
 * @param fields             a short explanation of the fields in this processor's data, for the access bundle
 */
public record ProcessorFacts(
        String legalName,
        String country,
        String role,
        Text purposes,
        Text dataCategories,
        Text retention,
        Text source,
        String privacyContact,
        Text automatedDecisions,
        Text transferSafeguard,
        List<Field> fields) {

    /** The EU's member states and Iceland, Liechtenstein and Norway: a transfer elsewhere needs a safeguard. */
    public static final Set<String> EEA = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
            "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");

    public ProcessorFacts {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** The facts without the art. 15(1)(h) and 15(2) statements and field explanations (tests, minimal facts). */
    public ProcessorFacts(String legalName, String country, String role, Text purposes, Text dataCategories,
                          Text retention, Text source, String privacyContact) {
        this(legalName, country, role, purposes, dataCategories, retention, source, privacyContact, null, null, List.of());
    }

    /** A text in Dutch and English. */
    public record Text(String nl, String en) {
    }

    /** One field of the processor's data (a dotted path for a nested one, as the bundle's CSV names it) explained. */
    public record Field(String name, String nl, String en) {
    }

    /** Whether the data go to a country outside the EEA (a country not stated is shown as such, nothing assumed). */
    public boolean outsideEea() {
        return country != null && !country.isBlank() && !EEA.contains(country.trim().toUpperCase(Locale.ROOT));
    }

    public static ProcessorFacts minimal(String legalName) {
        Text unknown = new Text("niet opgegeven", "not stated");
        return new ProcessorFacts(legalName, "NL", "processor", unknown, unknown, unknown, unknown, null);
    }
}
