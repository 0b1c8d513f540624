package nl.dsrhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The command line keeps every file an officer names, not only the last one. */
class ArgsTest {

    @Test
    void everyFileOfASettlementIsKept() {
        Args args = Args.parse(new String[] {"settle", "R1", "--connector", "paynl", "--file", "reply.pdf",
                "--file=export.csv", "--outcome", "EXPORTED"}, Set.of());

        assertThat(args.files()).containsExactly("reply.pdf", "export.csv");
        assertThat(args.options()).containsEntry("connector", "paynl").containsEntry("outcome", "EXPORTED")
                .doesNotContainKey("file");
    }

    @Test
    void anOtherOptionGivenTwiceKeepsItsLastValue() {
        assertThat(Args.parse(new String[] {"status", "--data", "a", "--data", "b"}, Set.of()).options()).containsEntry("data", "b");
    }

    @Test
    void aPluggedCommandsValueOptionTakesTheNextWord() {
        Args args = Args.parse(new String[] {"bench", "--requests", "10", "--quick"}, Set.of("requests"));

        assertThat(args.options()).containsEntry("requests", "10").containsEntry("quick", "true");
        assertThat(args.positional()).isEmpty();
    }
}
