package nl.dsrhub.model;

/** Where the result goes. An address other than the subject's own needs an {@code id-document} verification. */
public record Delivery(String email) {
}
