package nl.dsrhub.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ledger verify} and {@code ledger export [FILE]}: the proof the hub keeps. */
@Command(name = "ledger", description = "Check the ledger's hash chain, or export the register of handled requests.",
        subcommands = {LedgerCommand.Verify.class, LedgerCommand.Export.class})
final class LedgerCommand extends HubSubcommand {

    @Override
    public Integer call() {
        throw usageError("ledger needs 'verify' or 'export [FILE]'");
    }

    @Command(name = "verify", description = "Check the ledger's hash chain (exit 1 names the first broken row).")
    static final class Verify extends HubSubcommand {

        @Override
        public Integer call() {
            try (HubAccess hub = HubAccess.open(config())) {
                HubAccess.LedgerCheck v = hub.verifyLedger();
                if (v.intact()) {
                    out().println("ledger intact: " + v.rows() + " row(s), hash chain verified");
                } else {
                    out().println("ledger BROKEN at row " + v.brokenSeq() + ": " + v.problem());
                }
                out().println("checked: " + v.checked());
                return v.intact() ? 0 : 1;
            }
        }
    }

    @Command(name = "export", description = "The register of handled requests as CSV (pseudonymised).")
    static final class Export extends HubSubcommand {

        @Parameters(paramLabel = "FILE", arity = "0..1", description = "where to write it (default: standard output)")
        Path file;

        @Override
        public Integer call() {
            try (HubAccess hub = HubAccess.open(config())) {
                String csv = hub.ledgerCsv();
                if (file == null) {
                    out().print(csv);
                    return 0;
                }
                try {
                    nl.dsrhub.files.PrivateFiles.writeString(file, csv);
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage());
                }
                err().println("ledger exported to " + file);
                return 0;
            }
        }
    }
}
