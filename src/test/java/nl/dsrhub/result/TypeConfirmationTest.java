package nl.dsrhub.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.testing.Confirmation;
import nl.dsrhub.testing.SubjectText;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The confirmation of every type beyond erasure, as the subject reads it: its own article in both languages, every
 * recipient (art. 19) with what it did in the type's terms, a record the law keeps as it is shown with its basis, the
 * remedies exactly when something was not done, and nobody's name, address or new data anywhere in its bytes.
 */
class TypeConfirmationTest {

    @TempDir
    Path outbox;

    private static ProcessorResult done(RequestType type) {
        return Fixtures.result("mailchimp", "Mailchimp", Fixtures.facts("The Rocket Science Group LLC", "US", "processor"),
                type.done(), null, List.of(), "done: update-member 1x");
    }

    private static ProcessorResult notFound() {
        return Fixtures.result("laposta", "Laposta", Fixtures.facts("Laposta B.V.", "NL", "processor"),
                Outcome.NOT_FOUND, null, List.of(), "not on any list");
    }

    private static ProcessorResult keptAsItIs() {
        return Fixtures.result("moneybird", "Moneybird", Fixtures.facts("Moneybird B.V.", "NL", "processor"), Outcome.RETAINED,
                null, List.of(Fixtures.bookedInvoice("2024-0001", LocalDate.of(2024, 11, 3), LocalDate.of(2031, 12, 31))),
                "retained: 1 under a legal duty of the shop");
    }

    private Confirmation write(RequestType type, List<ProcessorResult> results) throws Exception {
        ResultWriters.installed().of(type).writeInto(Fixtures.request(type, Fixtures.particulars(type)), results,
                Fixtures.COMPLETED, outbox);
        return Confirmation.in(outbox);
    }

    private Confirmation writeAll(RequestType type) throws Exception {
        return write(type, List.of(done(type), notFound(), keptAsItIs()));
    }

    @ParameterizedTest
    @EnumSource(names = {"RECTIFICATION", "RESTRICTION", "LIFT_RESTRICTION", "OBJECTION"})
    void itIsHeadedAndIntroducedInItsOwnArticlesTermsInBothLanguages(RequestType type) throws Exception {
        Confirmation c = writeAll(type);
        ConfirmationWords.TypeWords words = ConfirmationWords.of(type);

        String head = Confirmation.text(c.html().substring(c.html().indexOf("<header>"), c.html().indexOf("</header>")));
        assertThat(head).contains(words.heading().nl(), words.heading().en(), words.intro().nl(), words.intro().en())
                .doesNotContain("wissen", "gewist", "erase");
        assertThat(c.html()).contains("<title>" + words.title().nl() + " / " + words.title().en() + " – req-2026-0042</title>");
        assertThat(c.json().get("type").asText()).isEqualTo(type.wire());
        assertThat(c.json().get("legalBasis").asText()).isEqualTo(words.articles());
    }

    @ParameterizedTest
    @EnumSource(names = {"RECTIFICATION", "RESTRICTION", "LIFT_RESTRICTION", "OBJECTION"})
    void everyRecipientIsListedWithWhatItDidInTheTypesWords(RequestType type) throws Exception {
        Confirmation c = writeAll(type);

        assertThat(c.json().get("recipients")).extracting(r -> r.get("connector").asText() + "=" + r.get("outcome").asText())
                .containsExactly("mailchimp=" + type.done(), "laposta=NOT_FOUND", "moneybird=RETAINED");
        for (String[] recipient : new String[][] {{"Mailchimp", type.done().name()}, {"Laposta", "NOT_FOUND"},
                {"Moneybird", "RETAINED"}}) {
            OutcomeText said = OutcomeText.of(type, Outcome.valueOf(recipient[1]));
            assertThat(c.recipientText(recipient[0])).as(recipient[0]).contains(said.nl(), said.en(),
                    "Op de hoogte gebracht 20 november 2026", "Notified 20 November 2026", "Datum uitkomst 23 november 2026");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"RECTIFICATION", "RESTRICTION", "LIFT_RESTRICTION", "OBJECTION"})
    void aRecordTheLawKeepsAsItIsIsShownAsNotDoneWithItsBasisAndNoErasureOfItsOwn(RequestType type) throws Exception {
        Confirmation c = writeAll(type);
        ConfirmationWords.Kept kept = ConfirmationWords.of(type).kept();

        assertThat(c.recipientText("Moneybird")).contains(type.words().notDone().nl(), type.words().notDone().en(),
                kept.shopDuty().nl(), kept.shopDuty().en(), "verkoopfactuur 2024-0001", "sales invoice",
                "AWR art. 52 lid 4: fiscale bewaarplicht van de administratie", "31 december 2031")
                .doesNotContain("Verwijdering gepland", "Erasure scheduled");
        assertThat(Confirmation.text(c.html())).contains(ConfirmationWords.of(type).notAll().nl());
        assertThat(c.recipient("moneybird").get("retained").get(0).get("basis").asText()).isEqualTo("AWR art. 52 lid 4");
    }

    @ParameterizedTest
    @EnumSource(names = {"RECTIFICATION", "RESTRICTION", "LIFT_RESTRICTION", "OBJECTION"})
    void somethingNotDoneBringsTheRemediesInBothFiles(RequestType type) throws Exception {
        Confirmation c = writeAll(type);

        assertThat(c.json().get("remedies")).extracting(r -> r.get("right").asText()).containsExactly("complaint", "court");
        assertThat(Confirmation.text(c.html())).contains("Als u het niet eens bent met ons besluit",
                "een klacht indienen bij de Autoriteit Persoonsgegevens", "If you disagree with our decision",
                "go to court (article 79 GDPR)");
    }

    @ParameterizedTest
    @EnumSource(names = {"RECTIFICATION", "RESTRICTION", "LIFT_RESTRICTION", "OBJECTION"})
    void allDoneBringsNoRemediesAndNoLineAboutWhatStayed(RequestType type) throws Exception {
        Confirmation c = write(type, List.of(done(type), notFound()));

        assertThat(c.json().get("remedies").isNull()).isTrue();
        assertThat(Confirmation.text(c.html())).doesNotContain("Als u het niet eens bent met ons besluit",
                "If you disagree with our decision", ConfirmationWords.of(type).notAll().nl())
                .contains("Alle ontvangers hebben gereageerd", "All recipients have responded");
    }

    @ParameterizedTest
    @EnumSource(names = {"RECTIFICATION", "RESTRICTION", "LIFT_RESTRICTION", "OBJECTION"})
    void neitherFileNamesTheSubjectOrHoldsTheirNewDataOrTheOfficersWords(RequestType type) throws Exception {
        writeAll(type);

        for (String file : List.of("confirmation.json", "confirmation.html")) {
            String bytes = new String(Files.readAllBytes(outbox.resolve(file)), StandardCharsets.UTF_8);
            assertThat(bytes).as(file).doesNotContain(Fixtures.EMAIL, Fixtures.NAME, "Jansen", Fixtures.CUSTOMER_ID,
                    Fixtures.NEW_EMAIL, Fixtures.NEW_ADDRESS.street(), Fixtures.NEW_ADDRESS.postalCode(),
                    Fixtures.NEW_ADDRESS.city(), Fixtures.OFFICERS_EXPLANATION);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"RECTIFICATION", "RESTRICTION", "LIFT_RESTRICTION", "OBJECTION"})
    void itIsDutchFirstWithNoEnglishInTheDutchPartThenEnglish(RequestType type) throws Exception {
        Confirmation c = writeAll(type);
        ConfirmationWords.TypeWords words = ConfirmationWords.of(type);

        assertThat(c.html()).startsWith("<!DOCTYPE html>\n<html lang=\"nl\">");
        assertThat(SubjectText.english(SubjectText.dutch(c.html()))).isEmpty();
        assertThat(c.html().indexOf(words.intro().nl())).isLessThan(c.html().indexOf(words.intro().en()));
    }

    @ParameterizedTest
    @EnumSource(names = {"RECTIFICATION", "RESTRICTION", "LIFT_RESTRICTION", "OBJECTION"})
    void theSubjectReadsNoOutcomeNamesStepIdsOrCallCounts(RequestType type) throws Exception {
        Confirmation c = writeAll(type);

        assertThat(SubjectText.jargon(SubjectText.all(c.html()), List.of("update-member"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(names = {"RECTIFICATION", "RESTRICTION", "LIFT_RESTRICTION", "OBJECTION"})
    void aRecipientStillToAnswerIsListedAsAwaitedNeverAsDone(RequestType type) throws Exception {
        ProcessorResult awaited = Fixtures.result("paynl", "Pay.nl", Fixtures.facts("PAY. B.V.", "NL", "processor"),
                Outcome.AWAITING_REPLY, null, List.of(), "mail sent");

        Confirmation c = write(type, List.of(done(type), awaited));

        assertThat(c.recipientText("Pay.nl")).contains("wacht nog op antwoord", "still awaiting a reply", "nog niet", "not yet")
                .doesNotContain(OutcomeText.of(type.done()).nl());
        assertThat(Confirmation.text(c.html())).contains("Van 1 ontvanger(s) is de uitkomst nog niet bekend (PAY. B.V.)");
        assertThat(c.json().get("complete").asBoolean()).isFalse();
    }
}
