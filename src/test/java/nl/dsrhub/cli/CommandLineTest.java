package nl.dsrhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;

/**
 * The command line as people expect it: help for the tool and every command without running anything, the version,
 * unknown options and missing values refused with one line and the usage (exit 2), the exit codes in the help; and
 * the options as the hand-written parser took them (every {@code --file}, the last of an option given twice).
 */
class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private DsrHub cli() {
        out.reset();
        err.reset();
        return new DsrHub(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        return cli().execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<String> errLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void helpOfTheToolListsEveryCommandAndTheExitCodes() {
        for (String help : new String[] {"--help", "-h", "help"}) {
            assertThat(run(help)).isZero();
            assertThat(out()).startsWith("usage: dsr-hub ").contains("Commands:", "  run ", "  status ", "  ledger ",
                    "  demo ", "  bench ", "Exit codes:", "  2   usage", "  4   the hub cannot start");
            assertThat(errLines()).isEmpty();
        }
    }

    @Test
    void helpOfEveryCommandPrintsItsUsageAndRunsNothing() {
        // bench would start an 11-minute benchmark, run would start a hub: neither must happen
        for (String command : cli().commandLine().getSubcommands().keySet().stream().filter(c -> !c.equals("help")).toList()) {
            for (String help : new String[] {"--help", "-h"}) {
                assertThat(run(command, help)).as(command + " " + help).isZero();
                assertThat(out()).as(command).startsWith("usage: dsr-hub " + command).contains("Exit codes:");
                assertThat(errLines()).as(command).isEmpty();
            }
        }
        assertThat(run("ledger", "verify", "--help")).isZero();
        assertThat(out()).startsWith("usage: dsr-hub ledger verify");
    }

    @Test
    void versionIsPrinted() {
        assertThat(run("--version")).isZero();
        assertThat(out()).startsWith("dsr-hub ").doesNotContain("unknown");
    }

    @Test
    void anUnknownOptionIsRefusedInOneLineWithTheCommandsUsage() {
        assertThat(run("status", "--bogus")).isEqualTo(2);
        assertThat(errLines().get(0)).isEqualTo("dsr-hub: Unknown option: '--bogus'");
        assertThat(errLines().get(1)).startsWith("usage: dsr-hub status");
        assertThat(out()).isEmpty();
    }

    @Test
    void anOptionWithoutItsValueIsRefused() {
        assertThat(run("retry", "R20260101-ABCDEF", "--connector")).isEqualTo(2);
        assertThat(errLines().get(0)).isEqualTo("dsr-hub: Missing required parameter for option '--connector' (NAME)");
        assertThat(errLines().get(1)).startsWith("usage: dsr-hub retry");
    }

    @Test
    void aPluggedCommandsBadOptionIsRefusedBeforeItStarts() {
        assertThat(run("bench", "--quick", "--sacle", "2")).isEqualTo(2);
        assertThat(errLines().get(0)).startsWith("dsr-hub: Unknown option").contains("'--sacle'");
        assertThat(errLines().get(1)).startsWith("usage: dsr-hub bench");
    }

    @Test
    void aSettingOfTheWrongTypeStopsTheCommandInOneLineNamingItsSource() {
        assertThat(run("--set", "dsr.purge.after-days=thirty", "status")).isEqualTo(2);
        assertThat(errLines()).containsExactly("dsr-hub: dsr.purge.after-days = \"thirty\" (from the command line (--set"
                + " dsr.purge.after-days)) is not a whole number; the default is 30");
    }

    @Test
    void everyFileOfASettlementIsKept() {
        ParseResult parsed = cli().commandLine().parseArgs("settle", "R1", "--connector", "paynl", "--file", "reply.pdf",
                "--file=export.csv", "--outcome", "EXPORTED");

        DecisionCommands.Settle settle = (DecisionCommands.Settle) parsed.subcommand().commandSpec().userObject();
        assertThat(settle.files).containsExactly(Path.of("reply.pdf"), Path.of("export.csv"));
        assertThat(settle.connector).isEqualTo("paynl");
        assertThat(settle.outcome).isEqualTo("EXPORTED");
    }

    @Test
    void anOptionGivenTwiceKeepsItsLastValueBeforeOrAfterTheCommand() {
        ParseResult parsed = cli().commandLine().parseArgs("--data", "a", "status", "--data", "b", "--set", "k=1", "--set", "l=2");

        TopCommand top = (TopCommand) parsed.commandSpec().userObject();
        assertThat(top.dataDir).isEqualTo("b");
        assertThat(top.overrides).containsExactly(java.util.Map.entry("k", "1"), java.util.Map.entry("l", "2"));
    }

    @Test
    void aPluggedCommandsValueOptionTakesTheNextWord() {
        ParseResult parsed = cli().commandLine().parseArgs("bench", "--requests", "10", "--quick");

        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("bench");
        assertThat(parsed.subcommand().<Integer>matchedOptionValue("--requests", null)).isEqualTo(10);
        assertThat(parsed.subcommand().hasMatchedOption("--quick")).isTrue();
        assertThat(parsed.subcommand().matchedPositionals()).isEmpty();
    }
}
