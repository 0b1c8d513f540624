package nl.dsrhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command line keeps every file an officer names, not only the last one. */
class ArgsTest {

    @Test
    void everyFileOfASettlementIsKept() {
        Args args = Args.parse(new String[] {"settle", "R1", "--connector", "paynl", "--file", "reply.pdf",
                "--file=export.csv", "--outcome", "EXPORTED"});

        assertThat(args.files()).containsExactly("reply.pdf", "export.csv");
        assertThat(args.options()).containsEntry("connector", "paynl").containsEntry("outcome", "EXPORTED")
                .doesNotContainKey("file");
    }

    @Test
    void anOtherOptionGivenTwiceKeepsItsLastValue() {
        assertThat(Args.parse(new String[] {"status", "--data", "a", "--data", "b"}).options()).containsEntry("data", "b");
    }
}
