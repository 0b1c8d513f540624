package nl.dsrhub.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import nl.dsrhub.HubConfig;
import nl.dsrhub.Services;
import nl.dsrhub.ledger.Ledger;
import nl.dsrhub.plan.DeadlineExtension;
import nl.dsrhub.plan.Settlement;

/** The officer's commands of the operators' view: {@code settle}, {@code extend}, {@code ledger verify|export}. */
final class OpsCommands {

    private final PrintStream out;
    private final PrintStream err;

    OpsCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int settle(HubConfig config, Args args) {
        String id = args.positional(0, "a request ID");
        String connector = required(args, "connector");
        String outcome = required(args, "outcome");
        String reason = required(args, "reason");
        List<Path> files = args.files().stream().map(Path::of).toList();
        Clock clock = Clock.systemDefaultZone();
        try (Services s = Services.open(config, clock, false)) {
            new Settlement(s.catalog, s.requests, s.tasks, s.events, s.jdbc, s.workDir(), clock)
                    .settle(id, connector, outcome, reason, files);
            out.println(id + " " + connector + ": settled as " + outcome.toUpperCase(java.util.Locale.ROOT)
                    + "; a running hub completes the request when every task is final");
            return 0;
        } catch (Settlement.Refused e) {
            err.println("dsr-hub: " + e.getMessage());
            return 1;
        }
    }

    int extend(HubConfig config, Args args) {
        String id = args.positional(0, "a request ID");
        String reason = required(args, "reason");
        int months;
        try {
            months = Integer.parseInt(required(args, "months"));
        } catch (NumberFormatException e) {
            throw new Args.UsageException("--months must be 1 or 2");
        }
        Clock clock = Clock.systemDefaultZone();
        try (Services s = Services.open(config, clock, false)) {
            Path letter = new DeadlineExtension(s.requests, s.events, s.jdbc, s.outbox(), clock).extend(id, months, reason);
            out.println(id + ": deadline extended to " + s.requests.row(id).orElseThrow().deadline().toLocalDate()
                    + "; notice to the subject: " + letter);
            return 0;
        } catch (Settlement.Refused e) {
            err.println("dsr-hub: " + e.getMessage());
            return 1;
        }
    }

    int ledger(HubConfig config, Args args) {
        String what = args.positional(0, "verify or export");
        try (Services s = Services.open(config, Clock.systemDefaultZone(), false)) {
            Ledger ledger = s.ledger;
            switch (what) {
                case "verify" -> {
                    Ledger.Verification v = ledger.verify();
                    if (v.ok()) {
                        out.println("ledger intact: " + v.rows() + " row(s), hash chain verified");
                        return 0;
                    }
                    out.println("ledger BROKEN at row " + v.brokenSeq() + ": " + v.problem());
                    return 1;
                }
                case "export" -> {
                    String csv = ledger.csv();
                    if (args.positional().size() > 1) {
                        Path file = Path.of(args.positional().get(1));
                        try {
                            nl.dsrhub.files.PrivateFiles.writeString(file, csv);
                        } catch (IOException e) {
                            throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage());
                        }
                        err.println("ledger exported to " + file);
                    } else {
                        out.print(csv);
                    }
                    return 0;
                }
                default -> throw new Args.UsageException("ledger needs 'verify' or 'export [FILE]', not '" + what + "'");
            }
        }
    }

    private static String required(Args args, String option) {
        String v = args.options().get(option);
        if (v == null || v.isBlank() || "true".equals(v) && !"reason".equals(option)) {
            throw new Args.UsageException("--" + option + " is required");
        }
        return v;
    }
}
