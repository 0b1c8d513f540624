package nl.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import nl.dsrhub.demo.DemoPeople;
import nl.dsrhub.model.Outcome;
import nl.dsrhub.plan.DeadlineExtension;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.testing.HubFixture;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver) through Selenium:
 * refused without the token, then the officer logs in, sees a due-soon request, extends its deadline,
 * retries a task, settles one with a file, refuses a request after its confirmation step and marks a re-subscription
 * handled on the registers page, follows a tile of the overview to the filtered list and on to a request; pages on another origin cannot do any of it. Screenshots of each step are kept in target/dashboard-screenshots/.
 */
class DashboardBrowserTest {

    static final Path SHOTS = Path.of("target", "dashboard-screenshots");

    @TempDir
    Path dataDir;
    @TempDir
    Path browserProfile;

    HubFixture fixture;
    WebDriver browser;

    @BeforeEach
    void start() {
        assertThat(Path.of("/usr/bin/chromium")).as("install Debian's chromium and chromium-driver (.ci/run does)").exists();
        // every open request is due soon with a 40-day warning window; the watch runs each second
        fixture = HubFixture.start(dataDir, Map.of("dsr.deadline.warn-days", "40", "dsr.deadline.check-seconds", "1"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1024", "--user-data-dir=" + browserProfile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            fixture.close();
        }
    }

    @Test
    void officerLogsInSeesADueSoonRequestExtendsItsDeadlineAndRetriesATask() throws Exception {
        String id = exportWhoseShopTaskNeedsTheOfficer(DemoPeople.JAN, "DASH-1");

        // without the token: the login form, nothing of the hub's requests
        browser.get(fixture.baseUrl());
        shot("1-refused");
        assertThat(browser.findElements(By.id("login-form"))).hasSize(1);
        assertThat(browser.getPageSource()).doesNotContain(id);
        browser.get(fixture.baseUrl() + "requests/" + id);
        assertThat(browser.getPageSource()).doesNotContain("task-woocommerce");

        // a wrong token is refused too; the right one logs in
        login("not-the-token");
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElement(By.id("login-message")).getText()).contains("not the hub's token"));
        logInWithTheToken();
        shot("2-logged-in");

        // the request is marked due soon, and the deadline watch raised it to the officer
        var row = browser.findElement(By.id("req-" + id));
        assertThat(row.getAttribute("class")).isEqualTo("due-soon");
        assertThat(row.getText()).contains("DUE SOON").contains("export");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElement(By.id("notices")).getText()).contains(id).contains("is due on").contains("woocommerce");
        });
        assertThat(browser.getPageSource()).doesNotContain(DemoPeople.JAN.email());
        shot("3-due-soon");

        // the request's detail: tasks and timeline
        browser.findElement(By.linkText(id)).click();
        assertThat(browser.findElement(By.cssSelector("#task-woocommerce .task-outcome")).getText()).isEqualTo("NEEDS_ATTENTION");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("received").contains("planned");
        java.time.LocalDate before = fixture.requests().row(id).orElseThrow().dueDate();

        // extend the deadline by two months, with a reason
        new Select(browser.findElement(By.id("extend-months"))).selectByValue("2");
        browser.findElement(By.id("extend-reason")).sendKeys("the shop's archive must be restored from backup first");
        browser.findElement(By.id("extend-submit")).click();
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElement(By.id("flash")).getText()).contains("deadline extended"));
        shot("4-extended");
        // two further months counted from the original deadline, shown as a date with what it was before
        assertThat(fixture.requests().row(id).orElseThrow().dueDate()).isEqualTo(before.plusMonths(2));
        assertThat(browser.findElement(By.id("deadline")).getText()).startsWith(before.plusMonths(2).toString())
                .contains("extended from " + before);
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("extended");
        assertThat(fixture.outbox(id).resolve(DeadlineExtension.LETTER)).content()
                .contains("artikel 12, lid 3").contains("article 12(3)").contains("restored from backup");
        assertThat(browser.findElements(By.id("extend-form"))).isEmpty();

        // the officer fixes the key at the shop and retries the task from the dashboard
        fixture.woo.setCredentials(DemoPeople.WOO_CONSUMER_KEY, DemoPeople.WOO_CONSUMER_SECRET);
        browser.findElement(By.id("retry-woocommerce")).click();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElement(By.id("flash")).getText()).contains("1 task(s) queued"));
        fixture.awaitCompleted(id);
        browser.navigate().refresh();
        shot("5-retried");
        assertThat(browser.findElement(By.cssSelector("#task-woocommerce .task-outcome")).getText()).isEqualTo("EXPORTED");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo(RequestStore.COMPLETED);
    }

    @Test
    void officerFollowsTheNeedsAttentionTileToTheFilteredListSearchesItAndOpensTheRequest() throws Exception {
        String id = exportWhoseShopTaskNeedsTheOfficer(DemoPeople.JAN, "DASH-TILE");
        logInWithTheToken();

        // the overview opens with the tiles: one request needs the officer
        var tile = browser.findElement(By.id("tile-needs-attention"));
        assertThat(tile.getText()).contains("1").contains("Needing attention");
        shot("12-overview-tiles");

        // the tile is the list filtered to exactly that request
        tile.click();
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> !browser.findElements(By.id("requests")).isEmpty());
        assertThat(browser.getCurrentUrl()).endsWith("/requests?task=NEEDS_ATTENTION");
        assertThat(browser.findElements(By.cssSelector("#requests tr[id^='req-']"))).singleElement()
                .satisfies(r -> assertThat(r.getAttribute("id")).isEqualTo("req-" + id));

        // a search by the officer's reference stays within the tile's filter
        browser.findElement(By.id("filter-q")).sendKeys("dash-tile");
        browser.findElement(By.id("filter-submit")).click();
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> browser.getCurrentUrl().contains("q=dash-tile"));
        assertThat(browser.getCurrentUrl()).contains("task=NEEDS_ATTENTION");
        assertThat(browser.findElement(By.id("req-" + id)).getText()).contains("export").contains("DASH-TILE");
        assertThat(browser.getPageSource()).doesNotContain(DemoPeople.JAN.email());
        shot("13-filtered-list");

        // and the line opens the request
        browser.findElement(By.linkText(id)).click();
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> !browser.findElements(By.id("task-woocommerce")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#task-woocommerce .task-outcome")).getText()).isEqualTo("NEEDS_ATTENTION");
        shot("14-request-from-list");
    }

    @Test
    void officerSettlesATaskWithTheProcessorsFileAndTheFileIsInTheBundle() throws Exception {
        // the shop's export came by another way, as a file the officer has
        String id = exportWhoseShopTaskNeedsTheOfficer(DemoPeople.EVA, "DASH-2");
        Path export = browserProfile.resolveSibling(browserProfile.getFileName() + "-files").resolve("shop export (2026).csv");
        Files.createDirectories(export.getParent());
        Files.writeString(export, "order,total\n1001,24.95\n");

        logInWithTheToken();
        browser.get(fixture.baseUrl() + "requests/" + id);
        new Select(browser.findElement(By.cssSelector("#settle-woocommerce select[name=outcome]"))).selectByVisibleText("EXPORTED");
        browser.findElement(By.id("settle-woocommerce-reason")).sendKeys("the shop's owner exported the orders by hand");
        browser.findElement(By.id("settle-woocommerce-file-1")).sendKeys(export.toAbsolutePath().toString());
        browser.findElement(By.id("settle-woocommerce-submit")).click();
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElement(By.id("flash")).getText()).contains("woocommerce settled with 1 file(s)"));
        shot("6-settled-with-file");
        fixture.awaitCompleted(id);
        try (var zip = new java.util.zip.ZipFile(fixture.outbox(id).resolve("bundle.zip").toFile())) {
            var entry = zip.getEntry("woocommerce/settled-by-hand/shop_export__2026_.csv");
            assertThat(entry).as("the uploaded file, under a safe name").isNotNull();
            assertThat(new String(zip.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("order,total\n1001,24.95\n");
        }
        // the server wrote the upload inside the data dir, not in the system's temp folder; no copy is left behind
        var server = fixture.hub().camelContext().hasService(org.apache.camel.component.platform.http.main.MainHttpServer.class);
        assertThat(Path.of(server.getFileUploadDirectory()).toAbsolutePath()).startsWith(dataDir.toAbsolutePath());
        try (var left = Files.walk(dataDir.resolve("work").resolve(".uploads"))) {
            assertThat(left.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }

    @Test
    void officerRefusesARequestAfterSeeingWhatTheRefusalWillDo() throws Exception {
        String id = exportWhoseShopTaskNeedsTheOfficer(DemoPeople.SANNE, "DASH-4");
        java.time.LocalDate due = fixture.requests().row(id).orElseThrow().dueDate();
        logInWithTheToken();
        browser.get(fixture.baseUrl() + "requests/" + id);
        // where the officer refuses, the date the letter must reach the subject by
        assertThat(browser.findElement(By.id("refuse-due")).getText()).isEqualTo("it must reach them by " + due);

        new Select(browser.findElement(By.id("refuse-ground"))).selectByValue("unverifiable");
        browser.findElement(By.id("refuse-reason")).sendKeys("De kopie van het legitimatiebewijs paste niet bij het account.");
        browser.findElement(By.id("refuse-submit")).click();
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> !browser.findElements(By.id("refuse-confirm")).isEmpty());
        shot("8-refuse-confirm");

        // the confirmation step says what refusing does, and has done nothing yet
        assertThat(browser.findElement(By.id("refuse-confirm")).getText()).contains("Refuse request " + id + " as unverifiable",
                "nothing more is asked of any processor (stopped: mollie, sendcloud, woocommerce)",
                "It must reach the subject by " + due);
        assertThat(fixture.requests().row(id).orElseThrow().status()).isEqualTo(RequestStore.PLANNED);
        browser.findElement(By.id("refuse-confirm-submit")).click();
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElement(By.id("flash")).getText()).contains("request refused (unverifiable)",
                        "refusal-letter.html", "it must reach them by " + due));
        shot("9-refused");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo(RequestStore.REFUSED);
        assertThat(browser.findElement(By.cssSelector("#task-woocommerce .task-outcome")).getText()).isEqualTo("REFUSED");
        assertThat(browser.findElements(By.id("refuse-form"))).isEmpty();
        assertThat(nl.dsrhub.testing.Confirmation.text(Files.readString(fixture.outbox(id).resolve("refusal-letter.html"))))
                .contains("Wij kunnen niet vaststellen dat u de persoon bent", "paste niet bij het account",
                        "binnen zes weken", "within six weeks");
    }

    @Test
    void officerFollowsTheRegistersLinkAndMarksAReSubscriptionHandled() throws Exception {
        var register = fixture.hub().services().suppression;
        register.add("R-OBJ-BROWSER", "bea.bezwaar@example.com", OffsetDateTime.now());
        // at a processor the re-subscription check does not read: the finding stays open until the officer acts
        long finding = register.reconcile("woocommerce", java.util.List.of(new nl.dsrhub.store.SuppressionRegister.Match(
                register.entry("bea.bezwaar@example.com").orElseThrow(), null)), OffsetDateTime.now()).get(0).id();
        logInWithTheToken();
        assertThat(browser.findElement(By.id("registers-open")).getText()).isEqualTo("1 re-subscription(s) to handle.");

        browser.findElement(By.id("registers-link")).click();
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> browser.findElement(By.id("finding-" + finding))
                .getText().contains("R-OBJ-BROWSER"));
        shot("10-registers");
        browser.findElement(By.id("resolve-" + finding + "-reason")).sendKeys("newsletter flag cleared in the shop");
        browser.findElement(By.id("resolve-" + finding + "-submit")).click();
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() ->
                assertThat(browser.findElement(By.id("flash")).getText()).isEqualTo("finding " + finding
                        + " (woocommerce, request R-OBJ-BROWSER) marked handled"));
        shot("11-finding-handled");
        assertThat(browser.findElements(By.id("no-findings"))).hasSize(1);
        assertThat(register.openFindingCount()).isZero();
        assertThat(browser.getPageSource()).doesNotContain("bea.bezwaar@example.com");
    }

    @Test
    void aPageOnAnotherOriginCannotActForTheLoggedInOfficer() throws Exception {
        String id = exportWhoseShopTaskNeedsTheOfficer(DemoPeople.PIETER, "DASH-3");
        OffsetDateTime deadline = fixture.requests().row(id).orElseThrow().deadline();
        logInWithTheToken();

        // the attacker's pages: another port of 127.0.0.1 (the same site, so SameSite cookies are sent along)
        com.sun.net.httpserver.HttpServer evil = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        String hub = fixture.baseUrl();
        String forged = Requests.file("erasure", DemoPeople.LOTTE.email(), Requests.now(), "CROSS-SITE");
        Map<String, String> pages = Map.of(
                // the attack seen on the old hub: a text/plain form whose body is a request file
                "/api", autoSubmit(hub + "api/requests", "text/plain",
                        "<input name='" + esc(forged.substring(0, forged.lastIndexOf('}'))) + ",\"x\":\"' value='\"}'>"),
                "/extend", autoSubmit(hub + "requests/" + id + "/extend", "application/x-www-form-urlencoded",
                        "<input name='months' value='2'><input name='reason' value='forged'>"),
                "/settle", autoSubmit(hub + "requests/" + id + "/settle", "multipart/form-data",
                        "<input name='connector' value='woocommerce'><input name='outcome' value='ERASED'>"
                                + "<input name='reason' value='forged'>"),
                // a forged refusal, its confirmation step skipped
                "/refuse", autoSubmit(hub + "requests/" + id + "/refuse", "application/x-www-form-urlencoded",
                        "<input name='ground' value='unfounded'><input name='reason' value='forged'>"
                                + "<input name='confirmed' value='yes'>"),
                "/fetch", "<!doctype html><title>fetching</title><script>fetch('" + hub + "api/requests', {method: 'POST', "
                        + "credentials: 'include', mode: 'no-cors', headers: {'Content-Type': 'text/plain'}, body: "
                        + "JSON.stringify(" + forged.replace("CROSS-SITE", "CROSS-SITE-FETCH") + ")}).finally(() => "
                        + "document.title = 'fetched');</script>");
        pages.forEach((path, html) -> evil.createContext(path, exchange -> {
            byte[] bytes = html.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }));
        evil.start();
        try {
            String site = "http://127.0.0.1:" + evil.getAddress().getPort();
            for (String attack : new String[] {"/api", "/extend", "/settle", "/refuse"}) {
                browser.get(site + attack);
                // the form went to the hub, which refused it
                await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> browser.getCurrentUrl().startsWith(hub)
                        && "complete".equals(((JavascriptExecutor) browser).executeScript("return document.readyState")));
                shot("7-cross-site" + attack.replace('/', '-'));
                assertThat(browser.getPageSource()).as(attack).containsAnyOf("a valid token is required", "hub's own pages");
            }
            browser.get(site + "/fetch");
            await().atMost(Duration.ofSeconds(15)).until(() -> "fetched".equals(browser.getTitle()));
        } finally {
            evil.stop(0);
        }
        assertThat(fixture.requests().all()).noneMatch(r -> r.reference() != null && r.reference().startsWith("CROSS-SITE"));
        assertThat(fixture.requests().row(id).orElseThrow().deadline()).isEqualTo(deadline);
        assertThat(fixture.requests().row(id).orElseThrow().status()).isEqualTo(RequestStore.PLANNED);
        assertThat(task(id).outcome()).isEqualTo(Outcome.NEEDS_ATTENTION);
        // and the officer's own session still works
        browser.get(fixture.baseUrl() + "requests/" + id);
        assertThat(browser.findElements(By.id("extend-form"))).hasSize(1);
    }

    /** An attacker's page whose form posts itself to the hub as soon as it loads. */
    private static String autoSubmit(String action, String enctype, String fields) {
        return "<!doctype html><html><body><form id='f' method='post' action='" + action + "' enctype='" + enctype + "'>"
                + fields + "</form><script>document.getElementById('f').submit();</script></body></html>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("'", "&#39;").replace("<", "&lt;");
    }

    /** An export whose shop task needs the officer: the shop refuses the hub's key. */
    private String exportWhoseShopTaskNeedsTheOfficer(DemoPeople.Person person, String reference) {
        fixture.woo.setCredentials("ck_rotated", "cs_rotated");
        fixture.drop(reference + ".json", Requests.file("export", person.email(), Requests.now(), reference));
        String id = fixture.awaitRequest(reference);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> task(id).outcome() == Outcome.NEEDS_ATTENTION);
        return id;
    }

    /** Logs in and waits for the overview: the session cookie is set before the next page is asked for. */
    private void logInWithTheToken() {
        login(fixture.token());
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() ->
                !browser.findElements(By.id("connectors")).isEmpty() && browser.findElements(By.id("login-form")).isEmpty());
    }

    private void login(String token) {
        browser.get(fixture.baseUrl() + "login");
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("login-submit")).click();
    }

    private nl.dsrhub.store.TaskStore.TaskRow task(String id) {
        return fixture.hub().services().tasks.forRequest(id).stream()
                .filter(t -> t.connector().equals("woocommerce")).findFirst().orElseThrow();
    }

    /**
     * Keeps a screenshot of the page as the test's record. Headless Chromium on a loaded two-core
     * machine sometimes times out a capture taken right after a navigation ("aborted by navigation"):
     * the capture waits for the page to be loaded and is tried again; a capture that still fails is
     * written down next to the others instead of failing the behaviour under test.
     */
    private void shot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        WebDriverException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() ->
                        "complete".equals(((JavascriptExecutor) browser).executeScript("return document.readyState")));
                File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
                Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
                return;
            } catch (WebDriverException | org.awaitility.core.ConditionTimeoutException e) {
                last = e instanceof WebDriverException w ? w : new WebDriverException(e);
            }
        }
        Files.writeString(SHOTS.resolve(name + ".failed.txt"), "screenshot not taken: " + last.getMessage().lines().findFirst().orElse(""));
    }
}
