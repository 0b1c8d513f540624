package nl.dsrhub.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import nl.dsrhub.hub.Hub;
import nl.dsrhub.config.HubConfig;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.TaskStore;

/**
 * {@code demo}: the hub against simulated processors on loopback, seeded with invented people, and
 * sample requests dropped in the inbox (an export, an erasure, a rectification of a new address and e-mail
 * address and an objection to direct marketing), so a new user sees the whole
 * flow and its outputs. With {@code --exit} it stops once they are done.
 * <p>Mail: an embedded mail server and simulated mail-only processors (Pay.nl answers with data, PostNL
 * with "no data", DHL stays silent). The file samples leave DHL out, so they complete; a third
 * request, mailed by the officer, includes DHL and stays open awaiting its reply. It goes over plain SMTP,
 * which no mail server authenticates, so the hub holds it and mails the officer a confirmation code; the
 * demo's officer mailbox ({@link OfficerMailbox}) replies with it. "Done" is therefore: both file samples
 * completed, and the mailed one taken in, confirmed by reply and left with nothing but AWAITING_REPLY tasks open.
 */
public final class DemoRunner {

    /** Marks a data folder as the demo's own, so a rerun may clear it (and never anything else). */
    static final String MARKER = ".dsr-demo";
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final PrintStream out;

    public DemoRunner(PrintStream out) {
        this.out = out;
    }

    private static boolean free(int port) {
        try (java.net.ServerSocket s = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public int run(HubConfig base, boolean exitWhenDone) {
        Path dataDir = base.find("dsr.data-dir").filter(d -> !d.equals("data")).map(Path::of)
                .orElse(Path.of("demo-data")).toAbsolutePath().normalize();
        try {
            prepare(dataDir);
        } catch (IOException | IllegalStateException e) {
            out.println("demo: " + e.getMessage());
            return 1;
        }
        Simulators simulators = Simulators.start();
        MailServer mailServer = MailServer.start();
        MailProcessors mailProcessors = MailProcessors.start(mailServer);
        OfficerMailbox officerMailbox = OfficerMailbox.start(mailServer);
        Hub hub = null;
        try {
            Map<String, String> settings = settings(dataDir, simulators);
            settings.putAll(mailServer.settings());
            settings.putAll(MailProcessors.settings());
            int port = base.getInt("camel.server.port");
            if (!free(port)) {
                // another program has the dashboard's port: the demo is still worth seeing, on another one
                settings.put("camel.server.port", String.valueOf(freePort()));
                out.println("demo: port " + port + " is in use: the dashboard gets port " + settings.get("camel.server.port"));
            }
            hub = Hub.start(base.with(settings));
            out.println("dsr-hub demo: simulated processors on loopback:");
            simulators.all().forEach(s -> out.println("  " + s.name() + " at " + s.baseUrl()));
            out.println("  mail server (SMTP " + mailServer.smtpPort() + ", IMAP " + mailServer.imapPort()
                    + "): Pay.nl answers with data, PostNL with \"no data\", DHL stays silent;"
                    + " the officer's mailbox confirms requests the hub holds");
            java.util.List<String> withoutSilent = hub.services().catalog.enabled().stream()
                    .map(nl.dsrhub.connector.Connector::name).filter(n -> !n.equals("dhl")).toList();
            Map<String, String> samples = DemoSamples.drop(hub.services().inbox(), withoutSilent);
            mailSample(mailServer);
            DemoOfficer.dropRepeat(hub.services().inbox(), DemoSamples.timestamp(OffsetDateTime.now(ZoneId.of("Europe/Amsterdam"))));
            // the officer extends DEMO-3 (waiting for DHL) and refuses DEMO-4 (the same erasure asked again)
            boolean done = awaitResults(hub, samples.size()) && awaitMailed(hub) && DemoOfficer.act(hub, DemoRunner::awaitUntil);
            report(hub, dataDir);
            if (!done) {
                out.println("demo: the sample requests did not finish within " + TIMEOUT.toMinutes() + " minutes");
                return 1;
            }
            if (exitWhenDone) {
                return 0;
            }
            out.println("\nThe hub keeps running: drop more requests in " + hub.services().inbox() + " (Ctrl-C stops).");
            awaitShutdown();
            return 0;
        } finally {
            if (hub != null) {
                hub.close();
            }
            simulators.close();
            mailProcessors.close();
            officerMailbox.close();
            mailServer.close();
            closed.countDown();
        }
    }

    /** Counted down once the hub and the simulators are closed: the shutdown hook waits for it, or the JVM would end mid-close. */
    private final CountDownLatch closed = new CountDownLatch(1);

    /**
     * The officer mails a third request (YAML in the body), which also goes to the silent DHL. DHL knows a parcel by its
     * barcode only, and the shop's orders name PostNL's: the officer gives the DHL barcode in the request.
     */
    private static void mailSample(MailServer server) {
        String now = DemoSamples.timestamp(OffsetDateTime.now(ZoneId.of("Europe/Amsterdam")));
        String request = DemoSamples.sampleYaml("erasure", DemoPeople.KEES, now, "DEMO-3").replace("  name: " + DemoPeople.KEES.name() + "\n",
                "  name: " + DemoPeople.KEES.name() + "\n  identifiers:\n    dhl.barcode: " + KEES_DHL_BARCODE + "\n");
        server.send(MailServer.OFFICER, MailServer.HUB, "Vergeetverzoek", request, Map.of());
    }

    /** An invented DHL Parcel NL barcode of a parcel sent to Kees. */
    static final String KEES_DHL_BARCODE = "JVGL0612345600000031";

    /**
     * The mailed request is taken in and held (plain SMTP: not authenticated), confirmed by the officer's reply with
     * its code, and then waits only for replies (DHL's never comes).
     */
    private boolean awaitMailed(Hub hub) {
        return awaitUntil(() -> hub.services().requests.all().stream().filter(r -> "DEMO-3".equals(r.reference()))
                .anyMatch(r -> confirmedByReply(hub, r.id()) && (RequestStore.COMPLETED.equals(r.status())
                        || onlyAwaitingSilent(hub.services().tasks.forRequest(r.id())))));
    }

    private static boolean confirmedByReply(Hub hub, String requestId) {
        return hub.services().events.timeline(requestId).stream()
                .anyMatch(e -> e.kind().equals("confirmed") && "confirmed by reply".equals(e.detail()));
    }

    private static boolean onlyAwaitingSilent(java.util.List<TaskStore.TaskRow> tasks) {
        return !tasks.isEmpty() && tasks.stream().allMatch(t -> t.outcome() != null
                && (t.outcome().isFinal() || t.outcome() == nl.dsrhub.model.Outcome.AWAITING_REPLY))
                && tasks.stream().filter(t -> t.outcome() == nl.dsrhub.model.Outcome.AWAITING_REPLY)
                .allMatch(t -> t.connector().equals("dhl"));
    }

    /** Polls the condition until it holds or the demo's time is up. */
    static boolean awaitUntil(java.util.function.BooleanSupplier condition) {
        Instant until = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(until)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static Map<String, String> settings(Path dataDir, Simulators simulators) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("dsr.data-dir", dataDir.toString());
        s.put("dsr.connectors.dir", dataDir.resolve("no-extra-connectors").toString());
        s.put("dsr.intake.poll-ms", "200");
        s.put("dsr.sweep.interval-seconds", "2");
        // the invented shop the demo answers for: its letters to processors name it as the controller
        s.put("dsr.controller.name", "Koffiebar De Proefboon B.V.");
        s.put("dsr.controller.address", "Voorbeeldstraat 1, 1234 AB Amsterdam");
        s.put("dsr.controller.privacy-email", MailServer.OFFICER);
        s.putAll(simulators.settings());
        return s;
    }

    /** A fresh demo folder each run; a folder that is not the demo's own is never cleared. */
    private static void prepare(Path dataDir) throws IOException {
        if (Files.exists(dataDir)) {
            boolean empty;
            try (Stream<Path> s = Files.list(dataDir)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !Files.exists(dataDir.resolve(MARKER))) {
                throw new IllegalStateException(dataDir + " exists and is not a demo folder: choose another with --data");
            }
            try (Stream<Path> walk = Files.walk(dataDir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve(MARKER), "created by `dsr-hub demo`; cleared by the next demo run\n");
    }

    private boolean awaitResults(Hub hub, int expected) {
        RequestStore requests = hub.services().requests;
        return awaitUntil(() -> requests.all().stream().filter(r -> RequestStore.COMPLETED.equals(r.status())).count() >= expected
                && Files.exists(hub.services().inbox()) && isEmpty(hub.services().inbox()));
    }

    private void report(Hub hub, Path dataDir) {
        out.println();
        for (RequestStore.RequestRow r : hub.services().requests.all()) {
            out.printf("%s  %-7s %-10s deadline %s  reference %s%n", r.id(), r.type(), r.status(),
                    r.dueDate(), r.reference());
            // how a mailed request came in: authenticated, or held until the officer confirmed it
            hub.services().events.timeline(r.id()).stream().filter(e -> java.util.Set.of("held", "confirmed", "authenticated")
                    .contains(e.kind())).forEach(e -> out.println("    " + e.kind() + ": " + e.detail()));
            for (TaskStore.TaskRow t : hub.services().tasks.forRequest(r.id())) {
                out.printf("    %-12s %-10s %s%n", t.connector(), t.outcome() == null ? t.status() : t.outcome(),
                        t.detail() == null ? "" : t.detail());
            }
            Path dir = hub.services().outbox().resolve(r.id());
            try (Stream<Path> files = Files.list(dir)) {
                files.sorted().forEach(f -> out.println("    -> " + f));
            } catch (IOException e) {
                out.println("    (no results yet)");
            }
        }
        out.println("\nEverything is under " + dataDir + ": inbox/, outbox/<request>/, error/.");
        out.println("Status: java -jar target/dsr-hub.jar status --data " + dataDir);
        out.println("Dashboard: " + hub.ops().dashboardUrl() + "  (log in with the token)");
        out.println("Token: " + hub.ops().token() + "  (also in " + dataDir.resolve("dashboard.token") + ")");
        out.println("Health: " + hub.ops().dashboardUrl() + "observe/health   Metrics: " + hub.ops().dashboardUrl() + "observe/metrics");
        out.println("DEMO-3 was mailed by the officer over plain SMTP, which no mail server authenticated: the hub held it"
                + " (AWAITING_CONFIRMATION) and mailed the officer a one-time code; the demo's officer mailbox replied with it,"
                + " and then it ran. DHL stays silent, so its task is AWAITING_REPLY (one reminder after dsr.mail.reminder-days)"
                + " and that request stays open until DHL answers; the officer extended its deadline by a month (the notice to"
                + " the subject is in its outbox). DEMO-4 asked for the same erasure again: the officer refused it as excessive"
                + " (art. 12(5)); its letter to the subject, with the reasons and the remedies, is in its outbox, and DHL, asked"
                + " already, is told by mail that the request is withdrawn.");
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.noneMatch(p -> !p.getFileName().toString().startsWith("."));
        } catch (IOException e) {
            return false;
        }
    }

    /** Until SIGTERM or Ctrl-C; the JVM then waits (up to a minute) until {@link #run} has closed everything. */
    private void awaitShutdown() {
        CountDownLatch latch = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            latch.countDown();
            try {
                closed.await(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "dsr-hub-demo-shutdown"));
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
