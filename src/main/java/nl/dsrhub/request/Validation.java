package nl.dsrhub.request;

import java.util.List;
import nl.dsrhub.model.DsrRequest;

/**
 * The verdict on a submitted request file.
 *
 * @param request  the parsed request (without id) when there are no problems, else {@code null}
 * @param problems every problem found, each with its JSON pointer; empty when the request is good
 */
public record Validation(String fileName, DsrRequest request, List<Problem> problems) {
    public Validation {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
