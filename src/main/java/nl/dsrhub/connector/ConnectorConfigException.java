package nl.dsrhub.connector;

import java.util.List;

/** A connector file that cannot be used; the message names the file and each bad field. Stops start-up. */
public class ConnectorConfigException extends RuntimeException {

    private final List<String> problems;

    public ConnectorConfigException(List<String> problems) {
        super("Invalid connector configuration:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
