package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.HttpTestClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import testing.oidc.OidcProvider;

/**
 * The console in a real headless Chromium, signed in through a real OpenID Connect provider (Spring Authorization
 * Server on a random port): an incident opened by the recorded Alertmanager notification, acknowledged in the page,
 * the timeline updating by itself, the post-mortem read; a viewer refused; the local password sign-in.
 * Run with {@code -Dfirebreak.screenshots=docs/img} to refresh the screenshots in the docs (docs/screenshots.sh).
 */
@FirebreakTest(
        properties = {
            "firebreak.api.token=" + ConsoleBrowserTest.API_TOKEN,
            "firebreak.alertmanager.bearer-token=" + ConsoleBrowserTest.AM_TOKEN,
            "firebreak.web.admin.password=" + ConsoleBrowserTest.ADMIN_PASSWORD,
            "firebreak.web.oidc.client-id=" + OidcProvider.CLIENT_ID,
            "firebreak.web.oidc.client-secret=" + OidcProvider.CLIENT_SECRET,
            "firebreak.web.oidc.display-name=Example SSO",
            "firebreak.web.roles.responder=sre-oncall",
            "firebreak.web.roles.admin=sre-leads",
            "firebreak.web.roles.default-role=viewer"
        })
class ConsoleBrowserTest {

    static final String API_TOKEN = "api-token-browser-1c9";
    static final String AM_TOKEN = "am-token-browser-8d2";
    static final String ADMIN_PASSWORD = "admin-pass-browser-3v6";
    static final Duration WAIT = Duration.ofSeconds(30);

    static OidcProvider provider;

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        provider = OidcProvider.start(List.of(
                new OidcProvider.Person("alice", "alice-pass-4", List.of("sre-oncall")),
                new OidcProvider.Person("victor", "victor-pass-4", List.of("support"))));
        registry.add("firebreak.web.oidc.issuer-uri", provider::issuer);
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.stop();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    IncidentManagement incidents;

    WebDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, WAIT);
    }

    void signInWithSso(String user, String password) {
        browser.get(base() + "/");
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("sso"))).click();
        WebElement name = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl())
                .as("the provider's own sign-in page")
                .startsWith(provider.issuer());
        name.sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlToBe(base() + "/incidents"));
    }

    @Test
    void aResponderSignsInWithSsoAcknowledgesWatchesTheTimelineAndReadsThePostmortem() {
        // A few neighbours, so the list has something to filter (and the screenshots look like a real week).
        HttpTestClient api = HttpTestClient.on(port).bearer(API_TOKEN);
        api.post("/api/incidents", "{\"title\":\"Payments provider timeouts\",\"severity\":\"SEV1\"}");
        String search = AlertFixtures.send(
                port,
                AM_TOKEN,
                AlertFixtures.firing(
                        "search", "Search p99 latency above 2s", Map.of("service", "search", "team", "discovery")));
        api.post("/api/incidents/" + search + "/status", "{\"status\":\"ACKNOWLEDGED\"}");
        String ref = AlertFixtures.send(
                port,
                AM_TOKEN,
                AlertFixtures.firing("browser", "Checkout 5xx ratio above 5%", Map.of("team", "payments")));
        browser = Chromium.start(1280, 900);
        signInWithSso("alice", "alice-pass-4");

        assertThat(browser.findElement(By.cssSelector(".who")).getText()).contains("alice", "responder");
        WebElement row = waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.xpath("//table[contains(@class,'incidents')]//a[strong[text()='" + ref + "']]")));
        Chromium.screenshot(browser, "console-incidents");
        row.click();
        waiting().until(ExpectedConditions.textToBe(By.id("status"), "triggered"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(ref, "Checkout 5xx ratio above 5%");

        browser.findElement(By.id("to-acknowledged")).click();
        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("[role=status]"), ref + " is acknowledged."));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("acknowledged");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("alice");
        assertThat(incidents.require(ref).getStatus()).isEqualTo(IncidentStatus.ACKNOWLEDGED);

        // Someone else adds a note (through the API): the open page shows it without a reload (htmx polling).
        ((JavascriptExecutor) browser).executeScript("window.firebreakNotReloaded = true;");
        HttpTestClient.Response note = HttpTestClient.on(port)
                .bearer(API_TOKEN)
                .post("/api/incidents/" + ref + "/timeline", "{\"text\":\"Rolled back checkout 1.4.2\"}");
        assertThat(note.status()).isEqualTo(201);
        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("timeline"), "Rolled back checkout 1.4.2"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.firebreakNotReloaded === true;"))
                .as("updated in place, not reloaded")
                .isEqualTo(true);
        Chromium.screenshot(browser, "console-incident");

        browser.findElement(By.id("summary")).sendKeys("Bad deploy of checkout 1.4.2, rolled back.");
        browser.findElement(By.xpath("//form[.//textarea[@id='summary']]//button"))
                .click();
        waiting().until(ExpectedConditions.textToBe(By.id("status"), "resolved"));

        browser.findElement(By.linkText("Post-mortem draft")).click();
        WebElement title = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article h1")));
        assertThat(title.getText()).contains(ref, "Checkout 5xx ratio above 5%");
        WebElement chart = browser.findElement(By.cssSelector("article img"));
        assertThat(chart.getAttribute("src")).startsWith("data:image/svg+xml;base64,");
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth;", chart))
                        .intValue())
                .as("the activity chart rendered")
                .isGreaterThan(100);
        assertThat(browser.findElement(By.tagName("article")).getText()).contains("Bad deploy of checkout 1.4.2");
        assertThat(browser.findElement(By.linkText("Download Markdown")).getAttribute("href"))
                .endsWith("/incidents/" + ref + "/postmortem.md");
        Chromium.screenshot(browser, "console-postmortem");

        browser.get(base() + "/insights");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("svg.chart")));
        Chromium.screenshot(browser, "console-insights");
        browser.get(base() + "/runbooks");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("details.run")));
        Chromium.screenshot(browser, "console-runbooks");
        browser.get(base() + "/operations");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(base() + "/incidents/" + ref);
        waiting().until(ExpectedConditions.textToBe(By.id("status"), "resolved"));
        Object wide = ((JavascriptExecutor) browser).executeScript("""
                const w = document.documentElement.clientWidth;
                return Array.from(document.querySelectorAll('body *'))
                  .filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.table-wrap'))
                  .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
                  .slice(0, 10);
                """);
        assertThat((List<?>) wide)
                .as("on a phone nothing is wider than the screen (no sideways scrolling)")
                .isEmpty();
        Chromium.screenshot(browser, "console-phone");
    }

    @Test
    void aViewerFromSsoReadsButIsRefusedAnAction() {
        String ref = AlertFixtures.send(
                port, AM_TOKEN, AlertFixtures.firing("viewer-browser", "Search latency high", Map.of()));
        browser = Chromium.start(1280, 900);
        signInWithSso("victor", "victor-pass-4");
        assertThat(browser.findElement(By.cssSelector(".who")).getText()).contains("victor", "viewer");

        browser.get(base() + "/incidents/" + ref);
        waiting().until(ExpectedConditions.textToBe(By.id("status"), "triggered"));
        assertThat(browser.findElements(By.id("to-acknowledged")))
                .as("no buttons for viewers")
                .isEmpty();

        // A crafted form with a valid CSRF token (the sign-out form's): only the role check stands in the way.
        ((JavascriptExecutor) browser).executeScript("""
                const token = document.querySelector('input[name=_csrf]').value;
                const f = document.createElement('form');
                f.method = 'post';
                f.action = '/incidents/' + arguments[0] + '/status';
                for (const [k, v] of [['to', 'acknowledged'], ['_csrf', token]]) {
                  const i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i);
                }
                document.body.appendChild(f);
                f.submit();
                """, ref);
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Not allowed"));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .contains("Your role does not allow this");
        assertThat(incidents.require(ref).getStatus()).isEqualTo(IncidentStatus.TRIGGERED);
    }

    @Test
    void theLocalAdminSignsInWithAPasswordAndSeesOperations() {
        browser = Chromium.start(1280, 900);
        browser.get(base() + "/login");
        Chromium.screenshot(browser, "console-login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlToBe(base() + "/incidents"));
        browser.findElement(By.linkText("Operations")).click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Operations"));
        assertThat(browser.getPageSource())
                .doesNotContain(ADMIN_PASSWORD, API_TOKEN, AM_TOKEN, OidcProvider.CLIENT_SECRET);
        Chromium.screenshot(browser, "console-operations");

        browser.findElement(By.cssSelector(".who button")).click();
        waiting().until(ExpectedConditions.urlContains("/login?logout"));
        browser.get(base() + "/incidents");
        waiting().until(ExpectedConditions.urlToBe(base() + "/login"));
    }
}
