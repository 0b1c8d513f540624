package nl.dsrhub.connector;

import java.util.List;

/**
 * A step's {@code attentionOn}: an error answer to a data-changing call that is no failure to retry but a case for the
 * officer: one of {@code status}, and with {@code path} only when the body's value there is one of {@code values}
 * (the processor's error code or title). {@code means} says what it is and what to do, for the task's detail; it is
 * the connector file's text, so it holds no personal data. Mailchimp's "Member Exists" when a corrected address is
 * already another member of the audience: two records for one person, or someone else's, never merged silently.
 */
public record AttentionOn(List<Integer> status, String path, List<String> values, String means) {

    public AttentionOn {
        status = status == null ? List.of() : List.copyOf(status);
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** Whether the answer is this case: its status, and the body's value at {@code path} (when given). */
    boolean matches(Answer answer) {
        if (!status.contains(answer.status())) {
            return false;
        }
        return path == null || AnswerJson.firstValueIn(answer, path, values);
    }
}
