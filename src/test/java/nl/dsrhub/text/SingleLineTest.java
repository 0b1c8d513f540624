package nl.dsrhub.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SingleLineTest {

    @Test
    void lineBreaksOfEveryKindBecomeASpace() {
        assertThat(SingleLine.of("Jan\nJansen")).isEqualTo("Jan Jansen");
        assertThat(SingleLine.of("Jan\r\nJansen")).isEqualTo("Jan Jansen");
        assertThat(SingleLine.of("Jan\rJansen")).isEqualTo("Jan Jansen");
        assertThat(SingleLine.of("Jan\u2028Jansen")).isEqualTo("Jan Jansen");
        assertThat(SingleLine.of("Jan\u2029Jansen")).isEqualTo("Jan Jansen");
        assertThat(SingleLine.of("Jan\u0085Jansen")).isEqualTo("Jan Jansen");
        assertThat(SingleLine.of("Jan\u000BJansen\u000C")).isEqualTo("Jan Jansen ");
    }

    @Test
    void aForgedHeaderStaysOnTheLineItCameIn() {
        assertThat(SingleLine.of("Verzoek\r\nBcc: eve@example.com")).isEqualTo("Verzoek Bcc: eve@example.com")
                .doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void tabsAndOtherControlCharactersBecomeASpace() {
        assertThat(SingleLine.of("a\tb\u0000c\u001Bd\u007Fe\u009Bf")).isEqualTo("a b c d e f");
    }

    @Test
    void oneLineOfTextIsLeftAsItIs() {
        String name = "Ĳsbrand van 't Hoff-Öztürk";
        assertThat(SingleLine.of(name)).isSameAs(name);
        assertThat(SingleLine.of(null)).isNull();
    }
}
