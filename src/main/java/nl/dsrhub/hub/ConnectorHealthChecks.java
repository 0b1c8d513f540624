package nl.dsrhub.hub;

import java.util.List;
import nl.dsrhub.ops.ConnectorHealthCheck;

/** The health checks of the enabled connectors, one bean so the dashboard and Camel's health registry share them. */
public record ConnectorHealthChecks(List<ConnectorHealthCheck> all) {
}
