package nl.dsrhub.connector;

import java.util.Map;
import java.util.Optional;

/** A connector ready to use: its definition with this installation's settings applied. */
public record Connector(ConnectorDefinition definition, boolean enabled, Map<String, String> settings) {

    public static final String BASE_URL = "base-url";
    public static final String ENABLED = "enabled";

    public String name() {
        return definition.name();
    }

    public String title() {
        return definition.title() == null ? definition.name() : definition.title();
    }

    public ConnectorDefinition.Channel channel() {
        return definition.channel();
    }

    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    public String baseUrl() {
        String url = settings.getOrDefault(BASE_URL, "");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public ProcessorFacts facts() {
        return definition.facts() == null ? ProcessorFacts.minimal(title()) : definition.facts();
    }

    /** Whether its file lists the addresses subscribed now (a {@code subscribers} section), for the suppression register. */
    public boolean listsSubscribers() {
        return !definition.section(SubscriberLists.SECTION).isEmpty();
    }

    /**
     * Whether a request of {@code type} is taken here: every connector for a type that only reads, or whose recipients
     * must all be told (art. 19; one without steps for it then needs the officer); otherwise only an API connector with
     * steps for the type that this installation runs (an objection to direct marketing goes only where marketing is
     * sent from: not to a shop whose only such step is switched off by its setting).
     */
    public boolean handles(nl.dsrhub.model.RequestType type) {
        return type.changes().isEmpty() || type.notifiesRecipients()
                || channel() == ConnectorDefinition.Channel.HTTP && definition.changes(type).stream()
                .anyMatch(s -> s.ifSetting() == null || Boolean.parseBoolean(settings().get(s.ifSetting())));
    }

    /** True when the connector can work from what is known: any one of its needed identifiers. */
    public boolean canWorkFrom(java.util.Set<String> knownIdentifiers) {
        return definition.needs().anyOf().isEmpty()
                || definition.needs().anyOf().stream().anyMatch(knownIdentifiers::contains);
    }
}
