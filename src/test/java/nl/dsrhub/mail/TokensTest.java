package nl.dsrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void tokensAreUnguessablyManyAndFoundAgainInAReplySubject() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String t = Tokens.next();
            assertThat(t).matches("DSR-[2-9A-HJ-NP-Z]{10}");
            seen.add(t);
            assertThat(Tokens.find("RE: AW: Verzoek tot wissen / Erasure request (AVG/GDPR) [" + t + "]")).contains(t);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void aTokenRetypedInLowerCaseInTheBodyStillMatchesAndTheSubjectComesFirst() {
        assertThat(Tokens.find("Antwoord", "kenmerk dsr-abcdefghjk, zie bijlage")).contains("DSR-ABCDEFGHJK");
        assertThat(Tokens.find("[DSR-2222222222]", "DSR-3333333333")).contains("DSR-2222222222");
    }

    @Test
    void textWithoutAWholeTokenMatchesNothing() {
        assertThat(Tokens.find("DSR-ABC", "xDSR-ABCDEFGHJKL", "DSR-ABCDEFGH0K", null)).isEmpty();
    }
}
