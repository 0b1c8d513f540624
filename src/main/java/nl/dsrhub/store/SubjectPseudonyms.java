package nl.dsrhub.store;

/**
 * How the hub names a person where it keeps no personal data: the ledger's keyed HMAC of the address
 * ({@code nl.dsrhub.ledger.Ledger} implements it). The registers of objections and restrictions name their subjects
 * with it, so an address is found in them only with the ledger key, and the same person has the same pseudonym in the
 * ledger and in the registers.
 */
public interface SubjectPseudonyms {

    /** The subject's pseudonym: HMAC-SHA256 (hex) of the trimmed, lower-cased address under the ledger key. */
    String pseudonym(String email);
}
