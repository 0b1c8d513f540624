package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A connector file's {@code subscribers} section (the suppression register's re-subscription check): lookups without
 * a subject that pick the subscribed addresses; the file is refused, naming file and path, when they could not run
 * without a subject, could change data, or pick no addresses.
 */
class SubscribersSectionTest {

    private static final SettingsSource CREDENTIALS = new SettingsSource(key -> Optional.of("secret-" + key), Map.of());

    private static final String SUBSCRIBERS = """
            subscribers:
              - id: lists
                request: { method: GET, path: /lists }
                pick: { lists: "$.lists[*].id" }
              - id: members
                forEach: lists
                request: { method: GET, path: "/lists/${each}/members", query: { status: subscribed } }
                pickPairs: { subscriberEmails: "$.members[*].email" }
            """;

    @Test
    void aSubscribersSectionIsAcceptedBesideTheRequestTypesSections() {
        Connector shop = catalog(ConnectorCatalogTest.validConnector("shop") + SUBSCRIBERS).get("shop");

        assertThat(shop.listsSubscribers()).isTrue();
        assertThat(shop.definition().section("subscribers")).extracting(ConnectorDefinition.Step::id)
                .containsExactly("lists", "members");
        assertThat(catalog(ConnectorCatalogTest.validConnector("shop")).get("shop").listsSubscribers()).isFalse();
    }

    @Test
    void theShippedMailchimpAndLapostaFilesListTheirSubscribers() {
        // the shipped files' typed settings keep their defaults; the credentials are set
        ConnectorCatalog shipped = ConnectorCatalog.load(null, new SettingsSource(key -> key.endsWith(".fiscal-year-end")
                || key.endsWith(".anonymise-orders") ? Optional.empty() : Optional.of("secret"), Map.of()));

        assertThat(shipped.all()).filteredOn(Connector::listsSubscribers).extracting(Connector::name)
                .containsExactlyInAnyOrder("mailchimp", "laposta");
    }

    @Test
    void aSubjectPlaceholderIsRefusedThereForTheCheckRunsForNoRequest() {
        String yaml = ConnectorCatalogTest.validConnector("shop")
                + SUBSCRIBERS.replace("status: subscribed", "email: \"${subject.email}\"");

        assertThatThrownBy(() -> catalog(yaml)).isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("connectors/shop.yaml: /subscribers/1/request/query/email: ${subject.email} is not"
                        + " known here (no subject: a check, a login, every call's headers and the subscribers' lookups");
    }

    @Test
    void anIdentifierOfARequestIsNotKnownThereEither() {
        String yaml = ConnectorCatalogTest.validConnector("shop") + "needs: { anyOf: [email, shop.customerId] }\n"
                + SUBSCRIBERS.replace("path: /lists }", "path: \"/lists/${shop.customerId}\" }");

        assertThatThrownBy(() -> catalog(yaml))
                .hasMessageContaining("/subscribers/0/request/path: ${shop.customerId} is not known: the subscribers'"
                        + " lookups run for no request");
    }

    @Test
    void eachWithoutForEachIsRefused() {
        String yaml = ConnectorCatalogTest.validConnector("shop") + SUBSCRIBERS.replace("    forEach: lists\n", "");

        assertThatThrownBy(() -> catalog(yaml))
                .hasMessageContaining("/subscribers/1/request/path: ${each} is only known in a step with forEach")
                .hasMessageContaining("/subscribers/1/pickPairs/subscriberEmails: pairs each address with the step's"
                        + " ${each} (its list), so the step needs forEach");
    }

    @Test
    void aLookupThatWouldChangeDataIsRefused() {
        String yaml = ConnectorCatalogTest.validConnector("shop")
                + SUBSCRIBERS.replace("{ method: GET, path: /lists }", "{ method: POST, path: /lists }");

        assertThatThrownBy(() -> catalog(yaml))
                .hasMessageContaining("/subscribers/0/request/method: the subscribers' lookups only read: GET");
    }

    @Test
    void aSectionThatPicksNoAddressesIsRefused() {
        String yaml = ConnectorCatalogTest.validConnector("shop") + SUBSCRIBERS.replace("subscriberEmails", "emails");

        assertThatThrownBy(() -> catalog(yaml))
                .hasMessageContaining("/subscribers: a step must pick the subscribed addresses into subscriberEmails");
    }

    @Test
    void aLookupThatWouldKeepAnAnswerIsRefused() {
        String yaml = ConnectorCatalogTest.validConnector("shop")
                + SUBSCRIBERS.replace("    forEach: lists\n", "    forEach: lists\n    keep: members\n");

        assertThatThrownBy(() -> catalog(yaml))
                .hasMessageContaining("/subscribers/1: a subscribers lookup runs for no request and keeps nothing");
    }

    @Test
    void theConnectorSchemaDescribesTheSectionAsSteps() throws Exception {
        com.fasterxml.jackson.databind.JsonNode schema = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(SubscribersSectionTest.class.getResourceAsStream(ConnectorSchema.RESOURCE));

        assertThat(schema.at("/properties/subscribers/items/$ref").asText()).isEqualTo("#/$defs/step");
        assertThat(ConnectorSchema.problems(new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree("subscribers: {}")))
                .anyMatch(p -> p.startsWith("/subscribers: "));
    }

    private static ConnectorCatalog catalog(String yaml) {
        return ConnectorCatalog.fromSources(List.of(new ConnectorCatalog.Source("connectors/shop.yaml", "shop.yaml", yaml)),
                CREDENTIALS, true);
    }
}
