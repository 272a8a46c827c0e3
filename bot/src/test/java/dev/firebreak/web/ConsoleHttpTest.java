package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.replay.DrillFixtures;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.HttpTestClient;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineEntry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The console over HTTP: sign-in, roles enforced on the server for every action, CSRF on every form, the session
 * cookie's flags, the Content-Security-Policy, hostile alert text rendered inert, no secrets on pages, and the machine
 * endpoints ({@code /api}, webhooks) unchanged by the console's security chain; a runbook started from the console
 * on a drill incident is a dry run (issue 14), on a real incident a real one.
 */
@FirebreakTest(
        properties = {
            "firebreak.api.token=" + ConsoleHttpTest.API_TOKEN,
            "firebreak.alertmanager.bearer-token=" + ConsoleHttpTest.AM_TOKEN,
            "firebreak.web.admin.password=" + ConsoleHttpTest.ADMIN_PASSWORD,
            "firebreak.web.users[0].username=rita",
            "firebreak.web.users[0].password=rita-pass-7",
            "firebreak.web.users[0].role=responder",
            "firebreak.web.users[1].username=vic",
            "firebreak.web.users[1].password=vic-pass-7",
            "firebreak.web.users[1].role=viewer",
            "firebreak.runbooks.secrets.deploy-key=" + ConsoleHttpTest.RUNBOOK_SECRET,
            "firebreak.runbooks.http.allowed-hosts=127.0.0.1",
            "firebreak.runbooks.http.allowed-networks=127.0.0.0/8"
        })
class ConsoleHttpTest {

    static final String API_TOKEN = "api-token-console-9f3";
    static final String AM_TOKEN = "am-token-console-4k1";
    static final String ADMIN_PASSWORD = "admin-pass-console-2x8";
    static final String RUNBOOK_SECRET = "runbook-secret-console-7q5";

    /** The post-mortem's hostile strings (PostmortemInjectionTest), now arriving through a real webhook. */
    static final String EVIL_TITLE = "Pwn <script>alert(1)</script> [click](javascript:alert(1)) | x";

    static final String EVIL_NOTE =
            "cell | breaker\nnew line\r\n# heading ![img](javascript:alert(2)) `code` <!channel> "
                    + "<img src=x onerror=alert(3)> [ok](https://example.com) <https://auto.example> **bold** &lt;b&gt;";

    /** What {@code restart-checkout} (offered on HighErrorRate, never started by itself) POSTs to. */
    static final DrillFixtures.Target RUNBOOK_TARGET = new DrillFixtures.Target();

    @DynamicPropertySource
    static void runbooks(DynamicPropertyRegistry registry) {
        registry.add("firebreak.runbooks.path", () -> DrillFixtures.runbooks(RUNBOOK_TARGET, false));
    }

    @AfterAll
    static void closeRunbookTarget() {
        RUNBOOK_TARGET.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    Timeline timeline;

    String open(String group) {
        return AlertFixtures.send(port, AM_TOKEN, AlertFixtures.firing(group, "Checkout 5xx " + group, Map.of()));
    }

    @Test
    void signedOutPagesRedirectToTheSignInPageAndMachineEndpointsKeepTheirOwnAuth() {
        ConsoleSession anonymous = new ConsoleSession(port);
        ConsoleSession.Page list = anonymous.get("/incidents");
        assertThat(list.status()).isEqualTo(302);
        assertThat(list.header("Location")).endsWith("/login");
        assertThat(anonymous.get("/login").status()).isEqualTo(200);

        HttpTestClient.Response api = HttpTestClient.on(port).get("/api/incidents");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.json().path("error").asString()).isEqualTo("unauthorized");
        assertThat(api.header("Set-Cookie")).as("no session on the API").isNull();
        HttpTestClient.Response withToken =
                HttpTestClient.on(port).bearer(API_TOKEN).get("/api/incidents");
        assertThat(withToken.status()).isEqualTo(200);
        assertThat(withToken.header("Set-Cookie")).isNull();
        assertThat(withToken.header("Content-Security-Policy"))
                .as("console headers stay off the API")
                .isNull();
        HttpTestClient.Response declared = HttpTestClient.on(port)
                .bearer(API_TOKEN)
                .post("/api/incidents", "{\"title\":\"by the API, no CSRF token\",\"severity\":\"SEV3\"}");
        assertThat(declared.status()).as("API POSTs need no CSRF token").isEqualTo(201);
        assertThat(open("machine")).startsWith("INC-");
        assertThat(HttpTestClient.on(port).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordIsRefusedAndTheSessionCookieIsSecureHttpOnlyAndRenewedAtSignIn() {
        ConsoleSession s = new ConsoleSession(port);
        ConsoleSession.Page login = s.get("/login");
        ConsoleSession.Page wrong =
                s.post("/login", Map.of("username", "admin", "password", "nope", "_csrf", login.csrf()));
        assertThat(wrong.header("Location")).endsWith("/login?error");
        String before = s.cookies().get("FIREBREAK_SESSION");

        ConsoleSession.Page ok = s.post(
                "/login",
                Map.of(
                        "username",
                        "admin",
                        "password",
                        ADMIN_PASSWORD,
                        "_csrf",
                        s.get("/login").csrf()));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.header("Location")).endsWith("/incidents");
        String cookie = ok.all("Set-Cookie").stream()
                .filter(c -> c.startsWith("FIREBREAK_SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly", "Secure", "SameSite=Lax");
        assertThat(s.cookies().get("FIREBREAK_SESSION"))
                .as("session id changes at sign-in (fixation)")
                .isNotEqualTo(before);

        ConsoleSession.Page page = s.get("/incidents");
        assertThat(page.status()).isEqualTo(200);
        String csp = page.header("Content-Security-Policy");
        assertThat(csp)
                .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        Document html = page.html();
        assertThat(html.select("script:not([src])")).as("no inline script").isEmpty();
        assertThat(html.select("[style]")).as("no inline style").isEmpty();
        assertThat(html.select("style")).isEmpty();
    }

    @Test
    void aResponderActsThroughIncidentManagementAsThemselvesOnlyWithACsrfToken() {
        String ref = open("responder");
        ConsoleSession rita = ConsoleSession.signedIn(port, "rita", "rita-pass-7");
        ConsoleSession.Page page = rita.get("/incidents/" + ref);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("form[action$=/status] button"))
                .extracting(Element::text)
                .contains("Acknowledge");

        ConsoleSession.Page noToken = rita.post("/incidents/" + ref + "/status", Map.of("to", "acknowledged"));
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.html().text()).contains("form has expired");
        ConsoleSession.Page forged =
                rita.post("/incidents/" + ref + "/status", Map.of("to", "acknowledged", "_csrf", "forged-token"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(incidents.require(ref).getStatus()).isEqualTo(IncidentStatus.TRIGGERED);

        ConsoleSession.Page acked =
                rita.post("/incidents/" + ref + "/status", Map.of("to", "acknowledged", "_csrf", page.csrf()));
        assertThat(acked.status()).isEqualTo(302);
        assertThat(acked.header("Location")).endsWith("/incidents/" + ref);
        Incident incident = incidents.require(ref);
        assertThat(incident.getStatus()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        TimelineEntry entry = last(incident.getId(), "incident.status");
        assertThat(entry.getActor()).isEqualTo("rita");
        assertThat(entry.getActorRef()).isEqualTo("web:rita");

        ConsoleSession.Page after = rita.get("/incidents/" + ref);
        assertThat(after.html().select("[role=status]").text()).contains(ref + " is acknowledged.");
        assertThat(after.html().select("#status").text()).isEqualTo("acknowledged");

        ConsoleSession.Page again =
                rita.post("/incidents/" + ref + "/status", Map.of("to", "acknowledged", "_csrf", after.csrf()));
        assertThat(again.status())
                .as("an illegal transition is a message, not an error page")
                .isEqualTo(302);
        assertThat(rita.get("/incidents/" + ref).html().select("[role=alert]").text())
                .isNotBlank();

        rita.post(
                "/incidents/" + ref + "/note",
                Map.of("text", "rolled back 1.4.2", "kind", "follow-up", "_csrf", after.csrf()));
        assertThat(last(incident.getId(), "follow-up").getText()).isEqualTo("rolled back 1.4.2");
        rita.post("/incidents/" + ref + "/severity", Map.of("severity", "SEV1", "_csrf", after.csrf()));
        rita.post("/incidents/" + ref + "/role", Map.of("role", "commander", "assignee", "", "_csrf", after.csrf()));
        Incident changed = incidents.require(ref);
        assertThat(changed.getSeverity().name()).isEqualTo("SEV1");
        assertThat(changed.getCommander()).isEqualTo("rita");
        assertThat(rita.get("/operations").status())
                .as("operations are for admins")
                .isEqualTo(403);
    }

    @Test
    void aViewerReadsEverythingButEveryActionIsRefusedOnTheServer() {
        String ref = open("viewer");
        ConsoleSession vic = ConsoleSession.signedIn(port, "vic", "vic-pass-7");
        ConsoleSession.Page page = vic.get("/incidents/" + ref);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("form[action*=/incidents/]"))
                .as("no action forms for viewers")
                .isEmpty();
        String csrf = page.csrf(); // the sign-out form's token: valid, so only the role refuses what follows

        for (Map.Entry<String, Map<String, String>> action : Map.of(
                        "/status",
                        Map.of("to", "acknowledged"),
                        "/severity",
                        Map.of("severity", "SEV1"),
                        "/role",
                        Map.of("role", "commander"),
                        "/note",
                        Map.of("text", "viewer note"),
                        "/runbook",
                        Map.of("runbook", "anything"))
                .entrySet()) {
            Map<String, String> form = new LinkedHashMap<>(action.getValue());
            form.put("_csrf", csrf);
            ConsoleSession.Page refused = vic.post("/incidents/" + ref + action.getKey(), form);
            assertThat(refused.status()).as(action.getKey()).isEqualTo(403);
            assertThat(refused.html().text()).contains("Your role does not allow this");
        }
        Incident unchanged = incidents.require(ref);
        assertThat(unchanged.getStatus()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(unchanged.getCommander()).isNull();
        assertThat(timeline.of(unchanged.getId()))
                .extracting(TimelineEntry::getText)
                .doesNotContain("viewer note");
        assertThat(vic.get("/operations").status()).isEqualTo(403);
        assertThat(vic.post("/operations/outbox/1/retry", Map.of("_csrf", csrf)).status())
                .isEqualTo(403);
        for (String readable : List.of(
                "/incidents",
                "/postmortems",
                "/runbooks",
                "/insights",
                "/incidents/" + ref + "/postmortem",
                "/incidents/" + ref + "/postmortem.md",
                "/incidents/counts",
                "/incidents/" + ref + "/live")) {
            assertThat(vic.get(readable).status()).as(readable).isEqualTo(200);
        }
    }

    @Test
    void hostileAlertAndNoteTextIsInertOnEveryPage() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("payload", "```\n</code></pre><script>alert(4)</script>\n````");
        labels.put("team", "checkout|<b>evil</b>");
        String ref = AlertFixtures.send(port, AM_TOKEN, AlertFixtures.firing("hostile", EVIL_TITLE, labels));
        Incident incident = incidents.require(ref);
        timeline.record(dev.firebreak.timeline.NewTimelineEntry.of(
                        incident.getId(),
                        null,
                        "note",
                        dev.firebreak.incident.Actor.slack("U9", "mallory | <b>"),
                        EVIL_NOTE)
                .withLink("javascript:alert(6)"));
        incidents.resolve(incident.getId(), dev.firebreak.incident.Actor.api("api"), EVIL_NOTE);

        ConsoleSession admin = ConsoleSession.signedIn(port, "admin", ADMIN_PASSWORD);
        for (String path : List.of(
                "/incidents",
                "/incidents?q=" + java.net.URLEncoder.encode("<script>", java.nio.charset.StandardCharsets.UTF_8),
                "/incidents/" + ref,
                "/incidents/" + ref + "/live",
                "/incidents/" + ref + "/postmortem",
                "/postmortems",
                "/operations",
                "/insights",
                "/runbooks")) {
            ConsoleSession.Page page = admin.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            Document html = page.html();
            assertThat(html.select("script:not([src])"))
                    .as(path + ": no inline script")
                    .isEmpty();
            assertThat(html.select("script[src]"))
                    .as(path)
                    .allMatch(s -> s.attr("src").startsWith("/webjars/htmx.org/"));
            assertThat(html.select("img[src]"))
                    .as(path)
                    .allMatch(i -> i.attr("src").startsWith("data:image/svg+xml;base64,"));
            assertThat(html.select("*"))
                    .as(path + ": no event handler attributes")
                    .allMatch(e -> e.attributes().asList().stream()
                            .noneMatch(a -> a.getKey().toLowerCase().startsWith("on")));
            assertThat(html.select("[href]"))
                    .as(path + ": no javascript: links")
                    .allMatch(e -> !e.attr("href").strip().toLowerCase().startsWith("javascript:"));
            assertThat(page.body())
                    .as(path + ": no secret")
                    .doesNotContain(API_TOKEN, AM_TOKEN, ADMIN_PASSWORD, RUNBOOK_SECRET);
        }
        Document detail = admin.get("/incidents/" + ref).html();
        assertThat(detail.select("h1").text()).contains("<script>alert(1)</script>");
        assertThat(detail.select(".timeline .text").eachText())
                .anyMatch(t -> t.contains("<img src=x onerror=alert(3)>"));
        assertThat(detail.select(".label").eachText())
                .anyMatch(t -> t.contains("</code></pre><script>alert(4)</script>"));
        assertThat(admin.get("/incidents").html().select("table.incidents").text())
                .contains(EVIL_TITLE);
        assertThat(admin.get("/incidents/" + ref + "/postmortem")
                        .html()
                        .select("article h1")
                        .text())
                .contains("<script>alert(1)</script>");
        ConsoleSession.Page md = admin.get("/incidents/" + ref + "/postmortem.md");
        assertThat(md.header("Content-Disposition")).startsWith("attachment;").contains(".md");
        assertThat(md.header("Content-Type")).startsWith("text/markdown");
    }

    @Test
    void sessionsLiveInTheSharedDatabaseSoEveryReplicaKnowsThemAndSignOutEndsThem() {
        ConsoleSession vic = ConsoleSession.signedIn(port, "vic", "vic-pass-7");
        assertThat(vic.get("/incidents").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM spring_session WHERE principal_name = 'vic'", Long.class))
                .isEqualTo(1);
        ConsoleSession.Page out =
                vic.post("/logout", Map.of("_csrf", vic.get("/incidents").csrf()));
        assertThat(out.header("Location")).endsWith("/login?logout");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM spring_session WHERE principal_name = 'vic'", Long.class))
                .isZero();
        assertThat(vic.get("/incidents").status()).isEqualTo(302);

        long sessions = jdbc.queryForObject("SELECT COUNT(*) FROM spring_session", Long.class);
        open("no-session");
        HttpTestClient.on(port).bearer(API_TOKEN).get("/api/incidents");
        HttpTestClient.on(port).get("/no/such/thing");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM spring_session", Long.class))
                .as("API calls, webhooks and unknown paths make no session")
                .isEqualTo(sessions);
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void theListFiltersBySeverityStatusAndTeamAndSearchesTitlesAndLabels() {
        String payments = AlertFixtures.send(
                port,
                AM_TOKEN,
                AlertFixtures.firing(
                        "filters",
                        "Payments 5xx_ratio 100%",
                        Map.of("team", "payments-filter", "cluster", "eu-filter-7")));
        ConsoleSession rita = ConsoleSession.signedIn(port, "rita", "rita-pass-7");
        java.util.function.Function<String, List<String>> refs = query -> rita.get("/incidents" + query)
                .html()
                .select("table.incidents tbody a strong")
                .eachText();

        assertThat(refs.apply("?q=eu-filter-7")).as("a label value").containsExactly(payments);
        assertThat(refs.apply("?q=5xx_ratio%20100%25"))
                .as("LIKE wildcards are literal")
                .containsExactly(payments);
        assertThat(refs.apply("?q=5xx%25ratio")).isEmpty();
        assertThat(refs.apply("?team=payments-filter")).containsExactly(payments);
        assertThat(refs.apply("?team=payments-filter&severity=sev1")).isEmpty();
        assertThat(refs.apply("?team=payments-filter&status=open&range=24h")).containsExactly(payments);
        assertThat(refs.apply("?team=payments-filter&status=resolved")).isEmpty();
        assertThat(refs.apply("?team=payments-filter&status=bogus&severity=nine&range=forever&page=-3"))
                .as("unknown filter values are ignored, not errors")
                .containsExactly(payments);
        ConsoleSession.Page counts = rita.get("/incidents/counts");
        assertThat(counts.html().select("a.count.triggered strong").text()).matches("[1-9][0-9]*");
    }

    @Test
    void theAdminSeesOperationsAndRedrivesOnlyDeadTasks() {
        ConsoleSession admin = ConsoleSession.signedIn(port, "admin", ADMIN_PASSWORD);
        ConsoleSession.Page ops = admin.get("/operations");
        assertThat(ops.status()).isEqualTo(200);
        assertThat(ops.html().text()).contains("Slack", "off", "PagerDuty", "default: severities [SEV1, SEV2]");
        ConsoleSession.Page retry = admin.post("/operations/outbox/999999/retry", Map.of("_csrf", ops.csrf()));
        assertThat(retry.status()).isEqualTo(302);
        assertThat(admin.get("/operations").html().select("[role=alert]").text())
                .contains("neither dead nor failed");
    }

    @Test
    void aRunbookStartedFromTheConsoleOnADrillIncidentIsADryRunAndOnARealIncidentARealOne() {
        HttpTestClient api = HttpTestClient.on(port).bearer(API_TOKEN);
        HttpTestClient.Response started = api.send(
                "/api/drills?name=console-runbook",
                "POST",
                "application/x-ndjson",
                AlertFixtures.firing("drill-runbook", "Checkout 5xx drill", Map.of()) + "\n");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String drills = "/api/drills/" + started.json().path("id").asString();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !api.get(drills).json().path("incidents").isEmpty());
        String drill = api.get(drills).json().path("incidents").get(0).asString();
        assertThat(drill).startsWith("DRILL-");
        assertThat(api.get("/api/incidents/" + drill).json().path("drill").booleanValue())
                .isTrue();
        ConsoleSession rita = ConsoleSession.signedIn(port, "rita", "rita-pass-7");

        // The dry-run box unticked: the responder asks for a real run; the drill makes it a dry run, and says so.
        String notice = startRestartCheckout(rita, drill);
        JsonNode dry = finishedRestartCheckout(drill);
        assertThat(notice)
                .contains("Dry run #" + dry.path("id").longValue()
                        + " of Restart checkout started (dry run: drill incident).");
        assertThat(dry.path("requestedVia").asString()).isEqualTo("web");
        assertThat(dry.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(dry.path("dryRun").booleanValue()).isTrue();
        assertThat(dry.path("dryRunReason").asString()).isEqualTo("drill incident");
        assertThat(dry.path("steps").get(0).path("planned").isNull()).isFalse();
        assertThat(RUNBOOK_TARGET.requests).as("a dry run sends nothing").isEmpty();
        assertThat(runStatuses(rita, drill)).containsExactly("succeeded (dry run: drill incident)");

        // The same start on a real incident is a real run: the target gets its POST.
        String real = open("runbook-real");
        String realNotice = startRestartCheckout(rita, real);
        JsonNode run = finishedRestartCheckout(real);
        assertThat(realNotice).contains("Run #" + run.path("id").longValue() + " of Restart checkout started.");
        assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("dryRun").booleanValue()).isFalse();
        assertThat(run.path("dryRunReason").isNull()).isTrue();
        assertThat(RUNBOOK_TARGET.requests).containsExactly("POST /restart restart " + real);
        assertThat(runStatuses(rita, real)).containsExactly("succeeded");
    }

    /** Starts restart-checkout on the incident from its console page, dry-run box unticked; the notice shown after. */
    private static String startRestartCheckout(ConsoleSession who, String ref) {
        ConsoleSession.Page page = who.get("/incidents/" + ref);
        assertThat(page.html().select("form[action$=/runbook] option").eachAttr("value"))
                .contains("restart-checkout");
        ConsoleSession.Page posted =
                who.post("/incidents/" + ref + "/runbook", Map.of("runbook", "restart-checkout", "_csrf", page.csrf()));
        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.header("Location")).endsWith("/incidents/" + ref);
        return who.get("/incidents/" + ref).html().select("[role=status]").text();
    }

    /** The incident's one restart-checkout run (API view), once it has finished. */
    private JsonNode finishedRestartCheckout(String ref) {
        HttpTestClient api = HttpTestClient.on(port).bearer(API_TOKEN);
        List<String> done = List.of("SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT", "INTERRUPTED");
        java.util.function.Supplier<List<JsonNode>> runs = () -> api.get("/api/incidents/" + ref + "/runbook-runs")
                .json()
                .valueStream()
                .filter(r -> r.path("runbook").asString().equals("restart-checkout"))
                .toList();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> runs.get().size() == 1
                        && done.contains(runs.get().get(0).path("status").asString()));
        return runs.get().get(0);
    }

    /** Restart checkout's run statuses on the incident's page, as shown ({@code "succeeded (dry run: ...)"}). */
    private static List<String> runStatuses(ConsoleSession who, String ref) {
        return who.get("/incidents/" + ref).html().select("details.run summary").stream()
                .filter(s -> s.select("strong").text().endsWith(" Restart checkout"))
                .map(s -> s.select(".status").text())
                .toList();
    }

    private TimelineEntry last(UUID incidentId, String kind) {
        List<TimelineEntry> entries = timeline.of(incidentId).stream()
                .filter(e -> e.getKind().equals(kind))
                .toList();
        assertThat(entries).as(kind).isNotEmpty();
        return entries.get(entries.size() - 1);
    }
}
