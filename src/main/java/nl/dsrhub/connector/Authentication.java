package nl.dsrhub.connector;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the hub proves itself to a processor, chosen by the connector file's {@code http.auth.type}: {@code basic}
 * and {@code bearer} through camel-http's own authentication options, {@code session} by a login call whose answer
 * holds a token, {@code none}. The credentials go to the connector's own origin only (see {@link NextLink}).
 */
interface Authentication {

    /** The styles by name, each made from the file's {@code auth} and the run's values. */
    Map<String, Function<ConnectorDefinition.Auth, Authentication>> STYLES = Map.of(
            "none", auth -> new None(),
            "basic", BasicAuth::new,
            "bearer", BearerAuth::new,
            "session", SessionLogin::new);

    /**
     * @param auth null: none
     * @throws IllegalArgumentException for a style not in {@link #STYLES} (a loaded file's styles are checked)
     */
    static Authentication of(ConnectorDefinition.Auth auth) {
        if (auth == null) {
            return new None();
        }
        Function<ConnectorDefinition.Auth, Authentication> style = STYLES.get(auth.type());
        if (style == null) {
            throw new IllegalArgumentException("no authentication style " + auth.type());
        }
        return style.apply(auth);
    }

    /** What is wrong with a file's {@code http.auth}, each naming its path and the fix; empty when nothing. */
    static List<String> problems(ConnectorDefinition.Auth auth) {
        if (auth == null) {
            return List.of();
        }
        if (!STYLES.containsKey(String.valueOf(auth.type()))) {
            return List.of("/http/auth/type: '" + auth.type() + "' is no authentication style; known: "
                    + String.join(", ", new java.util.TreeSet<>(STYLES.keySet())));
        }
        return of(auth).ownProblems();
    }

    /** What this style needs of the file beyond its name. */
    default List<String> ownProblems() {
        return List.of();
    }

    /**
     * The camel-http endpoint options that carry the credentials ({@code &authMethod=...}), or empty when the
     * style sends its own header.
     */
    default String endpointOptions(RunValues values) {
        return "";
    }

    /**
     * The header sent with every call, if the style sends one itself.
     *
     * @param calls to send a login call with, unauthenticated
     */
    default Optional<Map.Entry<String, String>> header(RunValues values, ProcessorCalls calls) {
        return Optional.empty();
    }

    /** No credentials. */
    final class None implements Authentication {
    }

    /** A camel-http endpoint option's value, taken literally (a secret may hold {@code &} or {@code +}). */
    static String raw(String value) {
        return value.contains(")") ? "RAW{" + value + "}" : "RAW(" + value + ")";
    }
}
