package nl.dsrhub.connector;

/**
 * An address subscribed now at a processor, as a connector's {@code subscribers} lookups list it: in memory only, for
 * the suppression register's re-subscription check, which pseudonymises it at once. Its text form names the list only,
 * so that a log line can never carry the address.
 *
 * @param list  the processor's list or audience the address is subscribed to; null when the lookups do not pair the
 *              addresses with a list ({@code pick} instead of {@code pickPairs})
 * @param email the subscribed address
 */
public record Subscriber(String list, String email) {

    @Override
    public String toString() {
        return "Subscriber[list=" + list + "]";
    }
}
