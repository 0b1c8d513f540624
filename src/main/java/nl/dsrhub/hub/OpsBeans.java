package nl.dsrhub.hub;

import nl.dsrhub.connector.HttpEngine;
import nl.dsrhub.ops.Dashboard;
import nl.dsrhub.ops.DeadlineWatch;
import nl.dsrhub.ops.InactiveRequests;
import nl.dsrhub.ops.OfficerNotices;
import nl.dsrhub.ops.Operations;
import nl.dsrhub.ops.Purge;
import nl.dsrhub.ops.ResubscriptionCheck;
import nl.dsrhub.ops.Registers;
import nl.dsrhub.ops.RegistersApi;
import nl.dsrhub.ops.RestApi;
import nl.dsrhub.plan.Settlement;
import nl.dsrhub.web.OfficerSession;
import nl.dsrhub.ops.RequestList;
import nl.dsrhub.store.RequestHistory;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;

/**
 * The officer's side: deadline watch, the officer's actions, purge, the re-subscription check, the dashboard and the
 * REST API.
 */
public final class OpsBeans implements CamelConfiguration {

    @BindToRegistry("deadlineWatch")
    public DeadlineWatch deadlineWatch(Services s, OfficerNotices notices, @PropertyInject("dsr.deadline.warn-days") int warnDays) {
        return new DeadlineWatch(s.requests, s.tasks, notices, s.clock, warnDays);
    }

    @BindToRegistry("operations")
    public Operations operations(Services s) {
        return s.operations(s.clock);
    }

    @BindToRegistry("settlement")
    public Settlement settlement(Operations operations) {
        return operations.settlement();
    }

    @BindToRegistry("purge")
    public Purge purge(Services s, @PropertyInject("dsr.purge.after-days") int purgeDays) {
        return new Purge(s.jdbc, s.events, s.outbox(), s.workDir(), s.errorDir(), s.clock, purgeDays);
    }

    @BindToRegistry("inactiveRequests")
    public InactiveRequests inactiveRequests(Services s, OfficerNotices notices, Purge purge,
                                             @PropertyInject("dsr.purge.after-days") int purgeDays,
                                             @PropertyInject("dsr.purge.inactive-notice-days") int noticeDays) {
        return new InactiveRequests(s.jdbc, s.requests, s.tasks, s.events, notices, purge, s.clock, purgeDays, noticeDays);
    }

    /** The suppression register's re-subscription check (resubscription-check.yaml). */
    @BindToRegistry("resubscriptionCheck")
    public ResubscriptionCheck resubscriptionCheck(Services s, HttpEngine http) {
        return new ResubscriptionCheck(s.suppression, s.catalog, http, s.clock);
    }

    /** The registers of objections and restrictions as the officer sees and handles them. */
    @BindToRegistry("registers")
    public Registers registers(Services s) {
        return s.registers(s.clock);
    }

    /** The dashboard, with the requests list (open and closed) and the overview's tiles it shows. */
    @BindToRegistry("dashboard")
    public Dashboard dashboard(Services s, OfficerNotices notices, ConnectorHealthChecks checks, DeadlineWatch watch,
                               Operations operations, OfficerSession session, Registers registers) {
        RequestList list = new RequestList(new RequestHistory(s.jdbc), watch, s.catalog.names(), session, s.clock);
        return new Dashboard(s.requests, s.tasks, s.events, notices, checks.all(), watch, operations, operations.settlement(),
                session, s.clock, HubProperties.uploads(s), s.confirmations, registers, list);
    }

    @BindToRegistry("restApi")
    public RestApi restApi(Services s, Operations operations, DeadlineWatch watch) {
        return new RestApi(s.requests, s.tasks, s.events, s.intake, operations, watch, s.clock, s.statusReport(s.clock),
                s.ledger, HubProperties.uploads(s), s.confirmations);
    }

    @BindToRegistry("registersApi")
    public RegistersApi registersApi(Registers registers) {
        return new RegistersApi(registers);
    }
}
