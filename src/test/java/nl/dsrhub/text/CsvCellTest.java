package nl.dsrhub.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CsvCellTest {

    @Test
    void aTextCellThatStartsLikeAFormulaGetsALeadingQuote() {
        assertThat(CsvCell.text("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvCell.text("+31 20 123 4567")).isEqualTo("'+31 20 123 4567");
        assertThat(CsvCell.text("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCell.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void aTabOrCarriageReturnAtTheStartIsNeutralisedTooAndACarriageReturnIsThenQuoted() {
        assertThat(CsvCell.text("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvCell.text("\rcmd")).isEqualTo("\"'\rcmd\"");
    }

    @Test
    void aNeutralisedCellIsStillQuotedAsRfc4180Asks() {
        assertThat(CsvCell.text("=HYPERLINK(\"http://evil.example.com\",\"klik\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example.com\"\",\"\"klik\"\")\"");
    }

    @Test
    void fieldsWithCommaQuoteOrLineBreakAreQuotedAndQuotesDoubled() {
        assertThat(CsvCell.text("plain")).isEqualTo("plain");
        assertThat(CsvCell.text("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvCell.text("zeg \"hoi\"")).isEqualTo("\"zeg \"\"hoi\"\"\"");
        assertThat(CsvCell.text("regel 1\nregel 2")).isEqualTo("\"regel 1\nregel 2\"");
        assertThat(CsvCell.text("cr\r")).isEqualTo("\"cr\r\"");
    }

    @Test
    void aFormulaCharacterAfterTheFirstIsLeftAsItIs() {
        assertThat(CsvCell.text("Jan = Jansen")).isEqualTo("Jan = Jansen");
        assertThat(CsvCell.text("jan@example.nl")).isEqualTo("jan@example.nl");
    }

    @Test
    void nullAndEmptyAreAnEmptyCell() {
        assertThat(CsvCell.text(null)).isEmpty();
        assertThat(CsvCell.text("")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-12.5", "0", "-0", "42", "1.50", "-1E+5", "2.5e-3"})
    void aJsonNumberKeepsItsExactTextSoASpreadsheetReadsItAsANumber(String token) {
        assertThat(CsvCell.number(token)).isEqualTo(token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-2+3", "+1", "-1-1", "=1", "-", "1,5"})
    void anythingPassedAsANumberThatIsNoJsonNumberIsTreatedAsText(String token) {
        assertThat(CsvCell.number(token)).isEqualTo(CsvCell.text(token));
    }
}
