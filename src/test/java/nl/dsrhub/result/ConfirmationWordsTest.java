package nl.dsrhub.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.dsrhub.model.Particulars;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Retention.Words;
import org.junit.jupiter.api.Test;

/**
 * {@code text/confirmations.yaml} has every word a confirmation says, in both languages: for every type whose writer is
 * a confirmation, every field a rectification may correct and every reason of a restriction the request schema accepts.
 */
class ConfirmationWordsTest {

    @Test
    void everyTypeConfirmedHasEveryPartInBothLanguages() {
        for (RequestType type : RequestType.values()) {
            if (!(ResultWriters.installed().of(type) instanceof ConfirmationWriter)) {
                continue;
            }
            ConfirmationWords.TypeWords w = ConfirmationWords.of(type);
            ConfirmationWords.Kept k = w.kept();
            List<Words> all = List.of(w.title(), w.heading(), w.intro(), w.notAll(), k.shopDuty(), k.processorDuty(),
                    k.processorDutyNote(), k.remains(), k.asStated(), k.until(), k.notStated(), w.mail().done().subject(),
                    w.mail().done().text(), w.mail().notAllDone().subject(), w.mail().notAllDone().text());
            assertThat(all).as(type.wire()).allSatisfy(ConfirmationWordsTest::bothLanguages);
            assertThat(w.articles()).as(type.wire()).isNotBlank();
        }
    }

    @Test
    void everyParticularIsSaidInBothLanguages() {
        ConfirmationWords.ParticularsWords p = ConfirmationWords.particulars();

        assertThat(List.of(p.rectification().asked(), p.restriction().reason(), p.restriction().stored(),
                p.restriction().toldFirst(), p.lift().ends(), p.directMarketing().stopped(), p.directMarketing().suppressed(),
                p.particularSituation().weighed())).allSatisfy(ConfirmationWordsTest::bothLanguages);
        assertThat(p.rectification().asked().nl()).contains("{fields}");
        assertThat(p.rectification().asked().en()).contains("{fields}");
    }

    @Test
    void everyFieldARectificationMayCorrectHasANameInBothLanguages() {
        List<String> fields = Arrays.stream(Particulars.Changes.class.getRecordComponents()).map(c -> c.getName())
                .filter(n -> !n.equals("newEmailVerifiedAt")).toList();

        assertThat(fields).containsExactlyInAnyOrder("email", "firstName", "lastName", "phone", "address");
        assertThat(fields).allSatisfy(f -> bothLanguages(ConfirmationWords.field(f)));
    }

    @Test
    void everyReasonTheRequestSchemaAcceptsForARestrictionIsSaidWithItsArticle() throws Exception {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/dsr-request.schema.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        List<String> reasons = new ArrayList<>();
        schema.at("/properties/restriction/properties/reason/enum").forEach(r -> reasons.add(r.asText()));

        assertThat(reasons).hasSize(4);
        assertThat(reasons).allSatisfy(r -> {
            Words w = ConfirmationWords.restrictionReason(r);
            bothLanguages(w);
            assertThat(w.nl()).contains("(artikel 18 lid 1 onder ");
            assertThat(w.en()).contains("(article 18(1)(");
        });
    }

    private static void bothLanguages(Words w) {
        assertThat(w).isNotNull();
        assertThat(w.nl()).isNotBlank();
        assertThat(w.en()).isNotBlank().isNotEqualTo(w.nl());
    }
}
