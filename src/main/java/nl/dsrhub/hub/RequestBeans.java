package nl.dsrhub.hub;

import java.time.Clock;
import nl.dsrhub.connector.HttpEngine;
import nl.dsrhub.mail.MailDelivery;
import nl.dsrhub.ops.InterimAnswers;
import nl.dsrhub.ops.OfficerNotices;
import nl.dsrhub.plan.Planner;
import nl.dsrhub.plan.Recovery;
import nl.dsrhub.plan.TaskRunner;
import nl.dsrhub.result.ResultService;
import nl.dsrhub.result.ResultWriters;
import nl.dsrhub.retention.EndOfRetention;
import nl.dsrhub.store.Jdbc;
import nl.dsrhub.store.RetentionCalendar;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;

/**
 * A request's way through the hub: the planner and its recovery after a restart, the results (written, then mailed
 * when delivery is on), the interim answers and the retention calendar.
 */
public final class RequestBeans implements CamelConfiguration {

    @BindToRegistry("planner")
    public Planner planner(Services s) {
        return new Planner(s.catalog, s.requests, s.tasks, s.events, s.jdbc, s.rightsOnPlanning);
    }

    /** A result to be mailed is recorded as such before it is written (see {@link MailDelivery#intend}). */
    @BindToRegistry("results")
    public ResultService results(Services s, TaskRunner runner, MailDelivery delivery) {
        return new ResultService(s.requests, s.tasks, s.events, s.catalog, s.journal, ResultWriters.installed(), s.outbox(),
                runner::dataDir, s.clock).beforeWrite(delivery::intend);
    }

    @BindToRegistry("officerNotices")
    public OfficerNotices officerNotices(Jdbc jdbc, Clock clock) {
        return new OfficerNotices(jdbc, clock);
    }

    @BindToRegistry("recovery")
    public Recovery recovery(Planner planner, Services s) {
        return new Recovery(planner, s.requests, s.tasks);
    }

    /** Art. 12(3): the answer so far for a request that cannot be complete by its deadline (interim-answers.yaml). */
    @BindToRegistry("interimAnswers")
    public InterimAnswers interimAnswers(Services s, ResultService results, MailDelivery delivery, OfficerNotices notices,
                                         @PropertyInject("dsr.interim.days-before-deadline") int daysBefore) {
        return new InterimAnswers(s.requests, s.tasks, s.events, results, delivery, notices, s.clock, daysBefore);
    }

    /** The retention calendar: retained records erased when their retention ends. */
    @BindToRegistry("retentionCalendar")
    public EndOfRetention retentionCalendar(Services s, HttpEngine http,
                                            @PropertyInject("dsr.retention.max-attempts") int maxAttempts) {
        return new EndOfRetention(new RetentionCalendar(s.jdbc, s.clock), s.catalog, http, s.events, s.jdbc, s.clock,
                maxAttempts);
    }
}
