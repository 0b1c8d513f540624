package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.dsrhub.connector.ConnectorDefinition.Call;
import nl.dsrhub.connector.ConnectorDefinition.Step;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.TaskResult;
import org.junit.jupiter.api.Test;

/** What an auxiliary step's failure does to the run: never stops it, never hidden, retried when it may pass. */
class AuxiliaryStepsTest {

    private static final TaskResult ERASED = new TaskResult(Outcome.ERASED, "done: delete-permanent 2x",
            List.of(), Map.of());

    private static Step step(String id, String auxiliary) {
        return new Step(id, null, null, null, new Call("GET", "/x", null, null, null, null), null, List.of(), null, null,
                Map.of(), Map.of(), null, Map.of(), null, null, null, null, auxiliary, null, List.of(), null);
    }

    private static Runnable failing(RuntimeException e) {
        return () -> {
            throw e;
        };
    }

    @Test
    void aStepThatIsNotAuxiliaryStopsTheRunAsBefore() {
        AuxiliarySteps aux = new AuxiliarySteps("r1", "mailchimp", true);

        assertThatThrownBy(() -> aux.run(step("member", null), true,
                failing(new PermanentFailure("mailchimp step member: HTTP 403 (Forbidden)"))))
                .isInstanceOf(PermanentFailure.class);
    }

    @Test
    void aFailedAuxiliaryLookupInAnErasureIsNamedAsNotCheckedWithDataThatMayRemain() {
        AuxiliarySteps aux = new AuxiliarySteps("r1", "mailchimp", true);

        aux.run(step("stores", "the shop's copies in its stores"), true,
                failing(new PermanentFailure("mailchimp step stores: HTTP 404 (Resource Not Found)")));

        assertThat(aux.anyFailed()).isTrue();
        TaskResult f = aux.outcome(ERASED);
        assertThat(f.outcome()).isEqualTo(Outcome.ERASED);
        assertThat(f.detail()).isEqualTo("done: delete-permanent 2x; not checked, so data there may remain: "
                + "the shop's copies in its stores (stores: HTTP 404 (Resource Not Found))");
    }

    @Test
    void aFailedAuxiliaryLookupInAnExportIsNamedAsNotChecked() {
        AuxiliarySteps aux = new AuxiliarySteps("r1", "mailchimp", false);

        aux.run(step("store-carts", "abandoned carts"), true,
                failing(new PermanentFailure("mailchimp step store-carts: answer is not JSON")));

        assertThat(aux.outcome(new TaskResult(Outcome.EXPORTED, "2 file(s) received", List.of(), Map.of())).detail())
                .isEqualTo("2 file(s) received; not checked: abandoned carts (store-carts: answer is not JSON)");
    }

    @Test
    void aFailedAuxiliaryDataChangingCallIsNamedAsNotRemoved() {
        AuxiliarySteps aux = new AuxiliarySteps("r1", "mailchimp", true);

        aux.run(step("delete-store-cart", "abandoned carts"), false,
                failing(new PermanentFailure("mailchimp step delete-store-cart: HTTP 405 (Method Not Allowed)")));

        assertThat(aux.outcome(ERASED).detail())
                .endsWith("; not removed: abandoned carts (delete-store-cart: HTTP 405 (Method Not Allowed))");
    }

    @Test
    void aPassingFailureIsThrownAfterTheOtherStepsNamingWhatWasDoneMeanwhile() {
        AuxiliarySteps aux = new AuxiliarySteps("r1", "mailchimp", true);
        aux.run(step("store-carts", "abandoned carts"), true,
                failing(new TransientFailure("mailchimp step store-carts: HTTP 503 (Service Unavailable)", Duration.ofSeconds(7))));
        boolean[] nextStepRan = {false};
        aux.run(step("delete-permanent", null), false, () -> nextStepRan[0] = true);

        assertThat(nextStepRan[0]).isTrue();
        assertThatThrownBy(() -> aux.outcome(ERASED)).isInstanceOfSatisfying(TransientFailure.class, e -> {
            assertThat(e.getMessage()).isEqualTo("mailchimp step store-carts: HTTP 503 (Service Unavailable) "
                    + "(an auxiliary step: the others ran; so far ERASED, done: delete-permanent 2x)");
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        });
    }

    @Test
    void withoutFailuresTheOutcomeIsUnchanged() {
        AuxiliarySteps aux = new AuxiliarySteps("r1", "mailchimp", true);
        aux.run(step("stores", "stores"), true, () -> { });

        assertThat(aux.anyFailed()).isFalse();
        assertThat(aux.outcome(ERASED)).isSameAs(ERASED);
    }
}
