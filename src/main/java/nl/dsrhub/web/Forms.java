package nl.dsrhub.web;

import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * Fields of a posted form (url-encoded or multipart), read from the body as it came. Not from Camel's headers:
 * platform-http merges query parameters into them, so a field could be posed by a link's query string.
 */
public final class Forms {

    private Forms() {
    }

    /** The field's value, or null when the form has none (or this is not an HTTP request). */
    public static String field(Exchange exchange, String name) {
        HttpServerRequest request = request(exchange);
        return request == null ? null : request.getFormAttribute(name);
    }

    /** True when the body is a multipart form (a settlement with the processor's files). */
    public static boolean isMultipart(Exchange exchange) {
        String type = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, "", String.class);
        return type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    static HttpServerRequest request(Exchange exchange) {
        HttpMessage message = exchange.getIn(HttpMessage.class);
        return message == null ? null : message.getRequest();
    }
}
