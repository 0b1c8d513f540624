package nl.dsrhub.connector;


/**
 * What a processor is, in the terms of GDPR art. 15, 19 and 30: the facts the bundle's index and the
 * erasure confirmation print. Every text is bilingual.
 *
 * @param legalName      the recipient as the subject should recognise it (e.g. "Mollie B.V.")
 * @param country        ISO country code where the data is processed
 * @param role           {@code processor} or {@code controller} (PostNL and DHL are controllers for delivery data)
 * @param purposes       why the shop shares data with it
 * @param dataCategories which kinds of personal data it holds
 * @param retention      how long it keeps them
 * @param source         where the data came from
 * @param privacyContact where the processor takes privacy requests (e-mail or URL), may be {@code null}
 */
public record ProcessorFacts(
        String legalName,
        String country,
        String role,
        Text purposes,
        Text dataCategories,
        Text retention,
        Text source,
        String privacyContact) {

    /** A text in Dutch and English. */
    public record Text(String nl, String en) {
    }

    public static ProcessorFacts minimal(String legalName) {
        Text unknown = new Text("niet opgegeven", "not stated");
        return new ProcessorFacts(legalName, "NL", "processor", unknown, unknown, unknown, unknown, null);
    }
}
