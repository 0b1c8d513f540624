package nl.dsrhub.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.hub.Services;
import nl.dsrhub.ledger.Ledger;
import nl.dsrhub.ops.Operations;
import nl.dsrhub.ops.StatusReport;
import nl.dsrhub.plan.Settlement;
import nl.dsrhub.request.Intake;

/** The hub's data with no hub running: the database opened by this command, for as long as it runs. */
final class LocalHub implements HubAccess {

    private final Services services;
    private final Clock clock = Clock.systemDefaultZone();
    private final StatusReport report;
    private final Operations operations;
    private final nl.dsrhub.ops.Registers registers;

    LocalHub(HubConfig config) {
        this.services = Services.open(config, clock, false);
        this.report = services.statusReport(clock);
        this.operations = services.operations(clock);
        this.registers = services.registers(clock);
    }

    @Override
    public String via() {
        return "no hub runs on " + services.dataDir + ": using its database";
    }

    @Override
    public String openRequests(boolean json) {
        return json ? report.openJson() : report.openTable();
    }

    @Override
    public String request(String id, boolean json) {
        requireRequest(id);
        return json ? report.requestJson(id) : report.requestText(id);
    }

    @Override
    public Submission submit(String fileName, byte[] content) {
        Intake.Result r = services.intake.accept(fileName, content);
        return r.accepted() ? new Submission(r.requestId(), r.duplicate(), List.of()) : new Submission(null, false, r.problems());
    }

    @Override
    public int retry(String id, String connector) {
        requireRequest(id);
        return operations.retry(id, connector, "command line");
    }

    @Override
    public void settle(String id, String connector, String outcome, String reason, List<Path> files) {
        try {
            operations.settle(id, connector, outcome, reason, files);
        } catch (Settlement.Refused e) {
            throw new Refused(e.getMessage());
        }
    }

    @Override
    public Extension extend(String id, int months, String reason) {
        try {
            Path notice = operations.extend(id, months, reason);
            return new Extension(services.requests.row(id).orElseThrow().dueDate().toString(), notice.toString());
        } catch (Settlement.Refused e) {
            throw new Refused(e.getMessage());
        }
    }

    @Override
    public RefusalDone refuse(String id, String ground, String reason) {
        try {
            nl.dsrhub.result.Refusal.Done d = operations.refuse(id, ground, reason);
            return new RefusalDone(d.ground().wire(), d.letter().toString(), d.due().toString(), d.late(), d.stopped(),
                    d.toldByLetter());
        } catch (Settlement.Refused e) {
            throw new Refused(e.getMessage());
        }
    }

    @Override
    public String uphold(String id) {
        try {
            return operations.uphold(id, "with the CLI").erasureId();
        } catch (Settlement.Refused e) {
            throw new Refused(e.getMessage());
        }
    }

    @Override
    public LedgerCheck verifyLedger() {
        Ledger.Verification v = services.ledger.verify();
        return new LedgerCheck(v.ok(), v.rows(), v.brokenSeq(), v.problem(), v.checked());
    }

    @Override
    public String ledgerCsv() {
        return services.ledger.csv();
    }

    @Override
    public String circuits() {
        return report.breakerLines();
    }

    @Override
    public String confirm(String id) {
        return outcome(services.confirmations.confirm(id, "with the CLI"));
    }

    @Override
    public String discard(String id, String reason) {
        return outcome(services.confirmations.discard(id, reason));
    }

    @Override
    public String registers(boolean json) {
        return json ? registers.json() : registers.text();
    }

    @Override
    public String resolveFinding(long findingId, String reason) {
        nl.dsrhub.ops.Registers.Resolution r = registers.resolve(findingId, reason, "with the CLI");
        if (!r.done()) {
            throw new Refused(r.message());
        }
        return r.message();
    }

    private static String outcome(nl.dsrhub.request.RequestConfirmations.Result r) {
        if (r.kind() == nl.dsrhub.request.RequestConfirmations.Kind.NO_REQUEST) {
            throw new NoSuchRequest(r.requestId());
        }
        if (!r.done()) {
            throw new Refused(r.message());
        }
        return r.message();
    }

    private void requireRequest(String id) {
        if (services.requests.row(id).isEmpty()) {
            throw new NoSuchRequest(id);
        }
    }

    @Override
    public void close() {
        services.close();
    }
}
