package nl.dsrhub.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.dsrhub.connector.ConnectorDefinition.Step;

/**
 * A session the processor opens at a {@code login} call (e-Boekhouden): its answer holds a token at
 * {@code tokenPath}, sent in {@code header} (default {@code Authorization}) after {@code prefix} with the calls
 * that follow. One login per run; a refused login is permanent (the credentials are wrong).
 */
final class SessionLogin implements Authentication {

    private final ConnectorDefinition.Auth auth;
    private String token;

    SessionLogin(ConnectorDefinition.Auth auth) {
        this.auth = auth;
    }

    @Override
    public List<String> ownProblems() {
        List<String> p = new ArrayList<>();
        if (auth.login() == null) {
            p.add("/http/auth/login: is required for session auth (the call that opens the session)");
        }
        if (auth.tokenPath() == null) {
            p.add("/http/auth/tokenPath: is required for session auth (where the login answer holds the token)");
        }
        return p;
    }

    @Override
    public Optional<Map.Entry<String, String>> header(RunValues values, ProcessorCalls calls) {
        String name = auth.header() == null ? "Authorization" : auth.header();
        return Optional.of(Map.entry(name, (auth.prefix() == null ? "" : auth.prefix()) + token(values, calls)));
    }

    private String token(RunValues values, ProcessorCalls calls) {
        if (token == null) {
            Step login = Step.call("login", auth.login());
            String what = calls.connectorName() + " login";
            try (Answer answer = calls.sendUnauthenticated(login, auth.login(), values.url(auth.login(), null, Map.of()))) {
                if (answer.status() == 401 || answer.status() == 403) {
                    throw new PermanentFailure(what + ": HTTP " + answer.status() + answer.errorTitle());
                }
                calls.failUnlessOk(login, answer);
                List<JsonNode> found = AnswerJson.read(AnswerJson.parse(answer, calls.connectorName() + " step login"),
                        auth.tokenPath());
                if (found.isEmpty() || found.get(0).asText().isEmpty()) {
                    throw new PermanentFailure(what + ": no token at " + auth.tokenPath());
                }
                token = found.get(0).asText();
            }
        }
        return token;
    }
}
