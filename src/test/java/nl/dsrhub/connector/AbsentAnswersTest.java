package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.dsrhub.connector.ConnectorDefinition.AbsentWhen;
import nl.dsrhub.connector.ConnectorDefinition.Call;
import nl.dsrhub.connector.ConnectorDefinition.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Not there" is what the processor says it is: a status of {@code absentOn}, or an {@code absentWhen} status with the
 * body value it names (Laposta's unknown member is a 400 with error code 203); any other error answer stays an error.
 */
class AbsentAnswersTest {

    private static final AbsentWhen LAPOSTA_UNKNOWN = new AbsentWhen(400, "$.error.code", List.of("203"));

    @TempDir
    Path folder;

    private static Step step(List<Integer> absentOn, List<AbsentWhen> absentWhen) {
        return new Step("member", null, null, null, new Call("GET", "/member/x", null, null, null, null), null, absentOn, null,
                null, Map.of(), Map.of(), null, Map.of(), null, null, null, null, null, null, absentWhen, null);
    }

    private boolean absent(Step step, int status, String body) throws Exception {
        try (CallWatch watch = CallWatch.start(Duration.ofSeconds(30));
             Answer answer = new Answer(status, Map.of(), AnswerBody.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                     new AnswerLimits("laposta", 4096, Duration.ofSeconds(30)), watch, folder, "laposta step member"))) {
            return AnswerJson.absent(step, answer);
        }
    }

    @Test
    void aStatusOfAbsentOnIsNotThere() throws Exception {
        assertThat(absent(step(List.of(404), List.of()), 404, "")).isTrue();
    }

    @Test
    void anAbsentWhenStatusWithItsBodyValueIsNotThere() throws Exception {
        String unknownMember = "{\"error\":{\"type\":\"invalid_input\",\"message\":\"Unknown member\",\"code\":203,\"parameter\":\"member_id\"}}";

        assertThat(absent(step(List.of(404), List.of(LAPOSTA_UNKNOWN)), 400, unknownMember)).isTrue();
    }

    @Test
    void theSameStatusWithAnotherBodyValueIsStillAnError() throws Exception {
        String missingList = "{\"error\":{\"type\":\"invalid_input\",\"message\":\"list_id: Missing\",\"code\":201,\"parameter\":\"list_id\"}}";

        assertThat(absent(step(List.of(404), List.of(LAPOSTA_UNKNOWN)), 400, missingList)).isFalse();
        assertThat(absent(step(List.of(404), List.of(LAPOSTA_UNKNOWN)), 400, "not json")).isFalse();
    }

    @Test
    void theBodyValueUnderAnotherStatusIsStillAnError() throws Exception {
        String serverError = "{\"error\":{\"code\":203}}";

        assertThat(absent(step(List.of(404), List.of(LAPOSTA_UNKNOWN)), 500, serverError)).isFalse();
    }
}
