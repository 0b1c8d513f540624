package nl.dsrhub.model;

import java.util.List;
import java.util.Map;

/**
 * What one task came to, as a connector engine (or the officer settling by hand) hands it over: the outcome, its
 * explanation, what the processor still keeps, and the identifiers the task learned about the subject.
 */
public record TaskResult(Outcome outcome, String detail, List<Retention> retained, Map<String, List<String>> provided) {
}
