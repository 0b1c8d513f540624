package nl.dsrhub.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.request.Problem;

/**
 * The officer's commands on a hub's requests: {@code submit}, {@code status}, {@code retry}, {@code settle},
 * {@code extend}, {@code refuse}, {@code ledger verify|export}. Each goes through {@link HubAccess}: the running hub's API when a hub
 * runs on the data dir, the database itself when none does.
 */
final class OfficerCommands {

    private final PrintStream out;
    private final PrintStream err;

    OfficerCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int submit(HubConfig config, Path file) {
        long maxBytes = Long.parseLong(config.get("dsr.intake.max-bytes", "1048576"));
        byte[] content = read(file, maxBytes);
        try (HubAccess hub = HubAccess.open(config)) {
            HubAccess.Submission s = hub.submit(file.getFileName().toString(), content);
            if (!s.accepted()) {
                printProblems(file, s.problems());
                return 1;
            }
            out.println(s.requestId());
            err.println(s.duplicate()
                    ? "already submitted as " + s.requestId() + " (same content): not queued again"
                    : "queued; a running hub picks it up within seconds, otherwise at its next start");
            return 0;
        }
    }

    int status(HubConfig config, Args args) {
        boolean json = args.flag("json");
        try (HubAccess hub = HubAccess.open(config)) {
            if (args.positional().isEmpty()) {
                out.print(hub.openRequests(json));
                return 0;
            }
            out.print(hub.request(args.positional().get(0), json));
            return 0;
        } catch (HubAccess.NoSuchRequest e) {
            err.println("dsr-hub: " + e.getMessage());
            return 1;
        }
    }

    int retry(HubConfig config, String id, String connector) {
        try (HubAccess hub = HubAccess.open(config)) {
            int n = hub.retry(id, connector);
            out.println(n + " task(s) of " + id + " queued to run again" + (n == 0 ? " (none had failed)" : ""));
            return 0;
        } catch (HubAccess.NoSuchRequest e) {
            err.println("dsr-hub: " + e.getMessage());
            return 1;
        }
    }

    int settle(HubConfig config, Args args) {
        String id = args.positional(0, "a request ID");
        String connector = required(args, "connector");
        String outcome = required(args, "outcome");
        String reason = required(args, "reason");
        List<Path> files = args.files().stream().map(Path::of).toList();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("cannot read " + f + ": no such file");
            }
        }
        try (HubAccess hub = HubAccess.open(config)) {
            hub.settle(id, connector, outcome, reason, files);
            out.println(id + " " + connector + ": settled as " + outcome.toUpperCase(Locale.ROOT)
                    + "; a running hub completes the request when every task is final");
            return 0;
        } catch (HubAccess.Refused e) {
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
        try (HubAccess hub = HubAccess.open(config)) {
            HubAccess.Extension x = hub.extend(id, months, reason);
            out.println(id + ": deadline extended to " + x.deadline() + "; notice to the subject: " + x.notice());
            return 0;
        } catch (HubAccess.Refused e) {
            err.println("dsr-hub: " + e.getMessage());
            return 1;
        }
    }

    /** {@code refuse ID --ground GROUND --reason TEXT}: the request is refused (art. 12(4)) and the subject gets a letter. */
    int refuse(HubConfig config, Args args) {
        String id = args.positional(0, "a request ID");
        String ground = required(args, "ground");
        String reason = required(args, "reason");
        try (HubAccess hub = HubAccess.open(config)) {
            HubAccess.RefusalDone d = hub.refuse(id, ground, reason);
            out.println(id + ": refused (" + d.ground() + "); nothing more is asked of any processor"
                    + (d.stopped().isEmpty() ? "" : " (stopped: " + String.join(", ", d.stopped()) + ")"));
            out.println("letter to the subject: " + d.letter());
            out.println(d.late() ? "  the deadline (" + d.due() + ") has passed: send the letter at once (art. 12(3) and (4))"
                    : "  it must reach the subject by " + d.due() + " (art. 12(3) and (4)); with delivery on, the running hub"
                    + " mails it, otherwise hand it over");
            if (!d.toldByLetter().isEmpty()) {
                out.println("  asked by letter before, told by mail that the request is withdrawn: " + String.join(", ", d.toldByLetter()));
            }
            return 0;
        } catch (HubAccess.Refused e) {
            err.println("dsr-hub: " + e.getMessage());
            return 1;
        }
    }

    /** {@code confirm ID} and {@code discard ID --reason TEXT}: a mailed request held for the officer's confirmation. */
    int held(HubConfig config, Args args, boolean confirm) {
        String id = args.positional(0, "a request ID");
        String reason = confirm ? null : required(args, "reason");
        try (HubAccess hub = HubAccess.open(config)) {
            out.println(confirm ? hub.confirm(id) : hub.discard(id, reason));
            return 0;
        } catch (HubAccess.Refused | HubAccess.NoSuchRequest e) {
            err.println("dsr-hub: " + e.getMessage());
            return 1;
        }
    }

    int ledger(HubConfig config, Args args) {
        String what = args.positional(0, "verify or export");
        if (!what.equals("verify") && !what.equals("export")) {
            throw new Args.UsageException("ledger needs 'verify' or 'export [FILE]', not '" + what + "'");
        }
        try (HubAccess hub = HubAccess.open(config)) {
            if (what.equals("verify")) {
                HubAccess.LedgerCheck v = hub.verifyLedger();
                if (v.intact()) {
                    out.println("ledger intact: " + v.rows() + " row(s), hash chain verified");
                    out.println("checked: " + v.checked());
                    return 0;
                }
                out.println("ledger BROKEN at row " + v.brokenSeq() + ": " + v.problem());
                out.println("checked: " + v.checked());
                return 1;
            }
            String csv = hub.ledgerCsv();
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
    }

    void printProblems(Path file, List<Problem> problems) {
        for (Problem p : problems) {
            err.println(file.getFileName() + ": " + (p.pointer().isEmpty() ? "" : p.pointer() + ": ") + p.message());
        }
    }

    static byte[] read(Path file, long maxBytes) {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
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
