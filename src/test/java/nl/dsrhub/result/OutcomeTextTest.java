package nl.dsrhub.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import nl.dsrhub.model.Outcome;
import org.junit.jupiter.api.Test;

class OutcomeTextTest {

    @Test
    void everyOutcomeHasItsOwnDutchAndEnglishWords() {
        assertThat(Arrays.stream(Outcome.values()).map(OutcomeText::nl)).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(Arrays.stream(Outcome.values()).map(OutcomeText::en)).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void wordingMatchesTheShopsPolicies() {
        assertThat(OutcomeText.of(Outcome.EXPORTED)).extracting(OutcomeText::nl, OutcomeText::en)
                .containsExactly("gegevens ontvangen", "data received");
        assertThat(OutcomeText.of(Outcome.NOT_FOUND)).extracting(OutcomeText::nl, OutcomeText::en)
                .containsExactly("geen gegevens gevonden", "no data found");
        assertThat(OutcomeText.en(Outcome.AWAITING_REPLY)).contains("still awaiting a reply");
        assertThat(OutcomeText.en(Outcome.NEEDS_ATTENTION)).contains("needs attention");
    }
}
