package nl.dsrhub.request;

/**
 * One thing wrong with a submitted request.
 *
 * @param pointer JSON pointer (RFC 6901) to the offending field, {@code ""} for the whole document
 * @param message what is wrong, in words an officer understands; never echoes personal data
 */
public record Problem(String pointer, String message) {
}
